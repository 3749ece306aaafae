"""Feeds on the sample site, read back with independent parsers (feedparser, json, lxml XSLT)."""

import json
import time
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import run_build
from lxml import etree

SITEURL = "http://127.0.0.1:8000"
FEEDS = f"{SITEURL}/feeds"
PUBLISHED = {
    "answer-the-hard-question-first": "Answer the Hard Question First",
    "customer-forum-roadmap": "What a Customer Forum Taught Us About Roadmaps",
    "writing-in-public": "Writing in Public as a Leader: A Field Guide",
    "community-is-not-a-channel": "Community Is Not a Channel",
    "comment-section-strategy": "The Comment Section Is Your Strategy Meeting",
    "listening-tours": "Why I Traded the All-Hands Monologue for Listening Tours",
}
#: Expected feeds and their posts, newest first (the draft "open-quarterly-review" never counts).
EXPECTED = {
    "all": list(PUBLISHED),
    "category/leadership": [
        "answer-the-hard-question-first",
        "writing-in-public",
        "listening-tours",
    ],
    "category/community": ["customer-forum-roadmap", "community-is-not-a-channel"],
    "category/social-business": ["comment-section-strategy"],
    "tag/trust": [
        "answer-the-hard-question-first",
        "customer-forum-roadmap",
        "writing-in-public",
        "community-is-not-a-channel",
    ],
    "tag/feedback": ["customer-forum-roadmap", "comment-section-strategy", "listening-tours"],
    "tag/transparency": [
        "answer-the-hard-question-first",
        "writing-in-public",
        "comment-section-strategy",
    ],
    "author/amara-okafor": [
        "answer-the-hard-question-first",
        "writing-in-public",
        "comment-section-strategy",
        "listening-tours",
    ],
    "author/lukas-brandt": ["customer-forum-roadmap", "community-is-not-a-channel"],
}
WITH_IMAGE = {
    "listening-tours": ("images/listening-tour.png", 40416),
    "community-is-not-a-channel": ("images/community-square.png", 21049),
}


def post_url(slug):
    return f"{SITEURL}/posts/{slug}.html"


def parse(path):
    return feedparser.parse(Path(path).read_bytes())


def html(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("ext", [".atom.xml", ".rss.xml"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_xml_feeds_parse_with_exact_entries(sample_site, name, ext):
    feed = parse(sample_site / "feeds" / f"{name}{ext}")
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert [e.link for e in feed.entries] == [post_url(s) for s in EXPECTED[name]]
    assert [e.title for e in feed.entries] == [PUBLISHED[s] for s in EXPECTED[name]]
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"{FEEDS}/{name}{ext}"]
    for entry in feed.entries:
        assert entry.published_parsed is not None
        assert entry.author in ("Amara Okafor", "Lukas Brandt")
        assert "open-quarterly-review" not in entry.link


def test_every_tag_category_and_author_has_feeds_and_drafts_add_none(sample_site):
    names = {
        p.relative_to(sample_site / "feeds").as_posix() for p in sample_site.glob("feeds/**/*")
    }
    for kind, count in (("tag", 12), ("category", 3), ("author", 2)):
        pages = {p.stem for p in (sample_site / kind).glob("*.html")}
        assert len(pages) == count
        for ext in (".atom.xml", ".rss.xml", ".json"):
            stems = {n[len(kind) + 1 : -len(ext)] for n in names if n.startswith(f"{kind}/")
                     and n.endswith(ext)}  # fmt: skip
            assert stems == pages
    # "planning" is a tag of the draft only.
    assert not any("planning" in n for n in names)
    assert {"all.atom.xml", "all.rss.xml", "all.json"} <= names
    # The XSLT page is opt-in (FEEDS_XSL): browsers are removing XSLT.
    assert "feed.xsl" not in names
    assert b"xml-stylesheet" not in (sample_site / "feeds/all.atom.xml").read_bytes()


def test_atom_entries_carry_dates_with_timezone_categories_and_full_content(sample_site):
    feed = parse(sample_site / "feeds/all.atom.xml")
    entry = feed.entries[-1]
    assert entry.published == "2026-03-02T09:00:00+01:00"
    assert entry.updated == "2026-03-04T18:30:00+01:00"
    assert feed.feed.updated == "2026-06-01T09:00:00+02:00"
    assert [t.term for t in entry.tags] == [
        "Leadership", "listening", "culture", "all-hands", "feedback",
    ]  # fmt: skip
    assert entry.content[0].type == "text/html"
    assert "I take notes by hand" in entry.content[0].value
    assert entry.summary.startswith("<p>For three years I ran a polished monthly all-hands.")
    assert entry.author_detail.href == f"{SITEURL}/author/amara-okafor.html"
    # Links written by Pelican from {filename} stay absolute.
    writing = next(e for e in feed.entries if e.link == post_url("writing-in-public"))
    assert f'href="{post_url("listening-tours")}"' in writing.content[0].value


@pytest.mark.parametrize("ext", [".atom.xml", ".rss.xml"])
def test_post_images_are_media_content_and_rss_enclosure(sample_site, ext):
    """Each entry carries the image the post page announces as og:image, with its byte size."""
    feed = parse(sample_site / f"feeds/all{ext}")
    for entry in feed.entries:
        page = html(sample_site / entry.link.removeprefix(SITEURL + "/"))
        image = page.select_one('meta[property="og:image"]')["content"]
        size = (sample_site / image.removeprefix(SITEURL + "/")).stat().st_size
        media = entry.media_content
        assert [(m["url"], m["filesize"], m["type"], m["medium"]) for m in media] == [
            (image, str(size), "image/png", "image")
        ]
        slug = entry.link.rsplit("/", 1)[1].removesuffix(".html")
        if slug in WITH_IMAGE:  # front matter image: used as is, at its own size
            assert image == f"{SITEURL}/{WITH_IMAGE[slug][0]}"
            assert (media[0]["width"], media[0]["height"], size) == (
                "1600",
                "900",
                WITH_IMAGE[slug][1],
            )
        if ext == ".rss.xml":
            assert entry.enclosures == [{"href": image, "length": str(size), "type": "image/png"}]
        else:  # Atom: no enclosure link, which feedgen would turn into a 2nd alternate link.
            assert [link.href for link in entry.links] == [entry.link]


def test_rss_channel_and_items(sample_site):
    feed = parse(sample_site / "feeds/all.rss.xml")
    assert feed.version == "rss20"
    assert feed.feed.link == f"{SITEURL}/"
    assert feed.feed.title == "Townsquare"
    first = feed.entries[0]
    assert first.id == post_url("answer-the-hard-question-first")
    assert time.strftime("%Y-%m-%d %H:%M", first.published_parsed) == "2026-06-01 07:00"
    assert first.published == "Mon, 01 Jun 2026 09:00:00 +0200"
    assert "Everything else comes after." in first.content[0].value


def test_tag_feed_title_names_the_tag(sample_site):
    assert parse(sample_site / "feeds/tag/trust.atom.xml").feed.title == "Townsquare — tag: trust"
    category = parse(sample_site / "feeds/category/social-business.rss.xml")
    assert category.feed.title == "Townsquare — category: Social Business"
    author = json.loads((sample_site / "feeds/author/lukas-brandt.json").read_text("utf-8"))
    assert author["title"] == "Townsquare — author: Lukas Brandt"


#: JSON Feed 1.1 checklist (https://www.jsonfeed.org/version/1.1/): required top-level keys,
#: item keys, and the string/URL/date types the spec gives them.
JSON_REQUIRED = ("version", "title", "items")
JSON_ITEM_STRINGS = ("id", "url", "title", "content_html", "summary", "image")
JSON_ITEM_DATES = ("date_published", "date_modified")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_feed_meets_the_spec_checklist(sample_site, name):
    data = json.loads((sample_site / "feeds" / f"{name}.json").read_text(encoding="utf-8"))
    assert all(key in data for key in JSON_REQUIRED)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["home_page_url"].startswith(SITEURL + "/")
    assert data["feed_url"] == f"{FEEDS}/{name}.json"
    assert [item["id"] for item in data["items"]] == [post_url(s) for s in EXPECTED[name]]
    for item in data["items"]:
        assert item["content_html"] or item.get("content_text")
        assert all(isinstance(item[key], str) for key in JSON_ITEM_STRINGS if key in item)
        for key in JSON_ITEM_DATES:
            parsed = time.strptime(item[key][:19], "%Y-%m-%dT%H:%M:%S")
            assert parsed.tm_year == 2026 and item[key][19:] in ("+01:00", "+02:00")
        assert item["authors"] and all(set(a) == {"name", "url"} for a in item["authors"])
        assert isinstance(item["tags"], list)


def test_json_feed_item_values(sample_site):
    data = json.loads((sample_site / "feeds/all.json").read_text(encoding="utf-8"))
    item = data["items"][-1]
    assert item["title"] == PUBLISHED["listening-tours"]
    assert item["image"] == f"{SITEURL}/images/listening-tour.png"
    assert item["date_modified"] == "2026-03-04T18:30:00+01:00"
    assert item["tags"] == ["Leadership", "listening", "culture", "all-hands", "feedback"]
    assert item["summary"].startswith("For three years I ran a polished monthly all-hands.")
    assert "<" not in item["summary"]


def _pages(site):
    """Every built HTML page except utility pages marked data-audit-ignore (share previews)."""
    for path in sorted(site.rglob("*.html")):
        page = html(path)
        if page.html.has_attr("data-audit-ignore") or page.body.has_attr("data-audit-ignore"):
            continue
        yield path.relative_to(site).as_posix(), page


def _alternates(page):
    return [
        (link["type"], link["href"])
        for link in page.head.select('link[rel="alternate"]')
        if link["type"] != "text/html"
    ]


MAIN = [
    ("application/atom+xml", f"{FEEDS}/all.atom.xml"),
    ("application/rss+xml", f"{FEEDS}/all.rss.xml"),
    ("application/feed+json", f"{FEEDS}/all.json"),
]


def _specific(stem):
    return [
        ("application/atom+xml", f"{FEEDS}/{stem}.atom.xml"),
        ("application/rss+xml", f"{FEEDS}/{stem}.rss.xml"),
        ("application/feed+json", f"{FEEDS}/{stem}.json"),
    ]


def test_every_page_has_autodiscovery_and_all_but_404_a_subscribe_block(sample_site):
    pages = dict(_pages(sample_site))
    assert len(pages) > 30
    for name, page in pages.items():
        assert set(MAIN) <= set(_alternates(page)), name
        blocks = page.select("[data-ts-subscribe]")
        if name == "404.html":
            assert blocks == [], name
            continue
        assert len(blocks) == 1, name
        block = blocks[0]
        # The Subscribe page already says "Subscribe" in its title.
        heading = "Ways to follow" if name == "subscribe.html" else "Subscribe"
        assert block.find("h2").get_text(strip=True) == heading, name
        assert block["aria-labelledby"] == block.find("h2")["id"]
        feeds = [(a.get_text(strip=True), a["href"]) for a in block.select("a[data-ts-feed]")]
        # Plain words for the main feed (issue 16: "Atom feed / RSS feed" was jargon).
        assert feeds == [
            ("Follow in a feed reader", f"{FEEDS}/all.atom.xml"),
            ("RSS feed", f"{FEEDS}/all.rss.xml"),
            ("JSON Feed", f"{FEEDS}/all.json"),
        ], name


def test_subscribe_page_promises_only_what_is_configured(sample_site, build_site):
    page = BeautifulSoup((sample_site / "subscribe.html").read_text("utf-8"), "lxml")
    text = page.select_one("main").get_text(" ", strip=True)
    # No newsletter in the sample: no form and no word about one (the old page promised one).
    assert page.select("main form") == []
    assert "newsletter" not in text.lower() and "monthly" not in text.lower()
    assert f"Copy this address into it: {FEEDS}/all.atom.xml" in text
    reader = page.select_one("main a[data-ts-feed]")
    assert (reader.get_text(), reader["href"]) == (
        "Follow in a feed reader",
        f"{FEEDS}/all.atom.xml",
    )
    # Configured, the same page offers it first with what the leader said about it.
    newsletter = {"provider": "kit", "form": "42", "description": "One email a month."}
    out = build_site(FEEDS_NEWSLETTER=newsletter)
    page = BeautifulSoup((out / "subscribe.html").read_text("utf-8"), "lxml")
    form = page.select_one("main [data-ts-subscribe] form")
    assert form["action"] == "https://app.kit.com/forms/42/subscriptions"
    assert form.p.get_text() == "One email a month."
    assert len(page.select("[data-ts-subscribe]")) == 1


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("index.html", MAIN),
        ("about.html", MAIN),
        ("tag/trust.html", _specific("tag/trust") + MAIN),
        ("category/social-business.html", _specific("category/social-business") + MAIN),
        ("author/lukas-brandt.html", _specific("author/lukas-brandt") + MAIN),
        ("posts/listening-tours.html", MAIN + _specific("category/leadership")),
    ],
)
def test_autodiscovery_links_most_specific_feed_first(sample_site, page, expected):
    assert _alternates(html(sample_site / page)) == expected
    # The kit's marker (how it knows the page has feed links) is on the first one only.
    marked = html(sample_site / page).select("[data-ts-feeds]")
    assert [(link["type"], link["href"]) for link in marked] == expected[:1]


def test_follow_links_come_from_social_with_rel_me(sample_site):
    block = html(sample_site / "index.html").select_one("[data-ts-subscribe]")
    follow = [
        (a.get_text(strip=True), a["href"], a["rel"]) for a in block.select("a[data-ts-follow]")
    ]
    assert follow == [
        ("Mastodon", "https://mastodon.example/@amara", ["me", "noopener"]),
        ("LinkedIn", "https://www.linkedin.example/in/amara-okafor", ["me", "noopener"]),
        ("Bluesky", "https://bsky.example/profile/amara.example", ["me", "noopener"]),
    ]
    assert block.select("form") == []  # no newsletter configured in the sample


@pytest.fixture(scope="module")
def xsl_site(tmp_path_factory):
    """The fixture blog built with the opt-in XSLT feed page (FEEDS_XSL = True)."""
    return run_build(tmp_path_factory.mktemp("feeds-xsl") / "output", FEEDS_XSL=True)


@pytest.mark.parametrize("name", ["all.atom.xml", "all.rss.xml", "tag/trust.rss.xml"])
def test_feed_opened_in_a_browser_is_a_styled_subscribe_page(xsl_site, name):
    sample_site = xsl_site
    raw = (sample_site / "feeds" / name).read_bytes()
    assert raw.splitlines()[1] == (
        b'<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:8000/feeds/feed.xsl"?>'
    )
    transform = etree.XSLT(etree.parse(str(sample_site / "feeds/feed.xsl")))
    page = BeautifulSoup(str(transform(etree.fromstring(raw).getroottree())), "lxml")
    assert page.select_one("#howto").get_text() == "How to subscribe"
    assert "Copy this address into your feed reader" in page.get_text(" ", strip=True)
    assert page.select_one(".ts-feed-url").get_text() == f"{FEEDS}/{name}"
    expected = len(EXPECTED[name.removesuffix(".atom.xml").removesuffix(".rss.xml")])
    assert len(page.select(".post-item h3 a")) == expected
    assert [link["href"] for link in page.select("link[rel=stylesheet]")] == [
        f"{SITEURL}/theme/townsquare/interactions.css",
        f"{SITEURL}/theme/townsquare/feed-page.css",
    ]
    assert page.html["lang"] == "en"
    assert page.select("[style], script") == []
