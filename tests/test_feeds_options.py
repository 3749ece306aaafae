"""Feeds settings: hostile titles, URL rewriting, summary/limit/switches, settings errors."""

import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import make_settings
from lxml import etree
from pelican import Pelican
from PIL import Image

SITEURL = "http://127.0.0.1:8000"
FEEDS = f"{SITEURL}/feeds"
HOSTILE = '"Quotes" & <b>tags</b> </script> 😀 עברית'
BODY = """\
See [the other post](other.html) and [the notes](#notes).

<img src="../images/dot.png" srcset="../images/dot.png 1x, /images/dot.png 2x" alt="dot">

<p id="notes">Notes.</p>
"""


@pytest.fixture
def hostile_site(build_site, tmp_path):
    """A two-post site whose first title is hostile and whose body uses relative URLs."""
    content = tmp_path / "hostile"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (2, 2), "white").save(content / "images" / "dot.png")
    (content / "posts" / "hostile.md").write_text(
        f"Title: {HOSTILE}\nDate: 2026-01-02 10:00+01:00\nCategory: Leadership\n"
        f"Tags: trust\nAuthor: Amara Okafor\nSlug: hostile\nSummary: plain\n\n{BODY}",
        encoding="utf-8",
    )
    (content / "posts" / "other.md").write_text(
        "Title: Other\nDate: 2026-01-01 10:00+01:00\nCategory: Leadership\n"
        "Author: Amara Okafor\nSlug: other\nSummary: other\n\nOther.\n",
        encoding="utf-8",
    )
    return build_site(PATH=str(content))


@pytest.mark.parametrize("ext", [".atom.xml", ".rss.xml"])
def test_hostile_title_comes_through_exactly_in_xml_feeds(hostile_site, ext):
    feed = feedparser.parse((hostile_site / f"feeds/all{ext}").read_bytes())
    assert feed.bozo == 0
    assert feed.entries[0].title == HOSTILE
    assert feed.entries[0].title_detail.type == "text/plain"


def test_hostile_title_comes_through_exactly_in_json_feed(hostile_site):
    data = json.loads((hostile_site / "feeds/all.json").read_text(encoding="utf-8"))
    assert data["items"][0]["title"] == HOSTILE


def _content(site, ext):
    """The first entry's HTML content as written (not feedparser's, which resolves URLs itself)."""
    if ext == ".json":
        return json.loads((site / "feeds/all.json").read_text("utf-8"))["items"][0]["content_html"]
    tree = etree.parse(str(site / f"feeds/all{ext}"))
    query = "//a:entry[1]/a:content" if ext == ".atom.xml" else "//item[1]/c:encoded"
    namespaces = {
        "a": "http://www.w3.org/2005/Atom",
        "c": "http://purl.org/rss/1.0/modules/content/",
    }
    return tree.xpath(query, namespaces=namespaces)[0].text


@pytest.mark.parametrize("ext", [".atom.xml", ".rss.xml", ".json"])
def test_relative_urls_in_content_become_absolute(hostile_site, ext):
    body = BeautifulSoup(_content(hostile_site, ext), "html.parser")
    assert [a["href"] for a in body.select("a")] == [
        f"{SITEURL}/posts/other.html",
        f"{SITEURL}/posts/hostile.html#notes",
    ]
    image = body.select_one("img")
    assert image["src"] == f"{SITEURL}/images/dot.png"
    assert image["srcset"] == f"{SITEURL}/images/dot.png 1x, {SITEURL}/images/dot.png 2x"


@pytest.fixture
def trimmed_site(build_site):
    """The sample site with every optional feed switched off or trimmed."""
    return build_site(
        FEEDS_CONTENT="summary",
        FEEDS_LIMIT=2,
        FEEDS_FORMATS=("atom", "json"),
        FEEDS_PER_CATEGORY=False,
        FEEDS_PER_TAG=False,
        FEEDS_PER_AUTHOR=False,
        FEEDS_XSL=False,
        FEEDS_ICON="images/icon.png",
        FEEDS_LOGO="https://cdn.example/logo.png",
        FEEDS_NEWSLETTER={"action": "https://news.example/subscribe", "field": "email_address"},
        SOCIAL=(
            ("Mastodon", "https://mastodon.example/@amara"),
            ("Forum", "https://forum.example/u/a"),
        ),
    )


def test_switches_off_write_no_files(trimmed_site):
    written = sorted(p.relative_to(trimmed_site / "feeds").as_posix()
                     for p in (trimmed_site / "feeds").rglob("*"))  # fmt: skip
    assert written == ["all.atom.xml", "all.json"]


def test_switches_off_link_only_the_main_feeds(trimmed_site):
    main = [
        ("application/atom+xml", f"{FEEDS}/all.atom.xml"),
        ("application/feed+json", f"{FEEDS}/all.json"),
    ]
    for page in ("index.html", "tag/trust.html", "category/leadership.html",
                 "author/lukas-brandt.html", "posts/listening-tours.html"):  # fmt: skip
        soup = BeautifulSoup((trimmed_site / page).read_text("utf-8"), "lxml")
        links = [
            (link["type"], link["href"]) for link in soup.select('head link[rel="alternate"]')
        ]
        assert links == main, page
        assert [a["href"] for a in soup.select("[data-ts-feed]")] == [href for _, href in main]


def test_summary_mode_and_limit(trimmed_site):
    raw = (trimmed_site / "feeds/all.atom.xml").read_bytes()
    assert b"xml-stylesheet" not in raw
    feed = feedparser.parse(raw)
    assert feed.bozo == 0
    assert [e.link for e in feed.entries] == [
        f"{SITEURL}/posts/answer-the-hard-question-first.html",
        f"{SITEURL}/posts/customer-forum-roadmap.html",
    ]
    assert all("content" not in e for e in feed.entries)
    assert feed.entries[0].summary.startswith("<p>When everyone is wondering about the difficult")
    assert feed.feed.icon == f"{SITEURL}/images/icon.png"
    assert feed.feed.logo == "https://cdn.example/logo.png"
    data = json.loads((trimmed_site / "feeds/all.json").read_text("utf-8"))
    assert len(data["items"]) == 2
    assert data["items"][0]["content_html"].startswith("<p>When everyone is wondering")
    assert (data["icon"], data["favicon"]) == (
        "https://cdn.example/logo.png",
        f"{SITEURL}/images/icon.png",
    )


def test_newsletter_form_and_follow_links(trimmed_site):
    soup = BeautifulSoup((trimmed_site / "about.html").read_text("utf-8"), "lxml")
    block = soup.select_one("[data-ts-subscribe]")
    form = block.select_one("form")
    assert (form["action"], form["method"]) == ("https://news.example/subscribe", "post")
    field = form.select_one("input")
    assert (field["name"], field["type"], field.has_attr("required")) == (
        "email_address",
        "email",
        True,
    )
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Email address"
    assert form.select_one("button[type=submit]").get_text() == "Subscribe"
    follow = [(a.get_text(), a["rel"]) for a in block.select("a[data-ts-follow]")]
    assert follow == [("Mastodon", ["me", "noopener"]), ("Forum", ["noopener"])]


def test_bad_settings_stop_the_build_listing_every_problem(tmp_path):
    settings = make_settings(
        tmp_path / "out",
        FEEDS_FORMATS=("atom", "opml"),
        FEEDS_CONTENT="excerpt",
        FEEDS_LIMIT=0,
        FEEDS_NEWSLETTER={"action": "javascript:alert(1)", "field": "email"},
        SOCIAL="https://mastodon.example/@amara",
    )
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    message = str(failure.value)
    assert type(failure.value).__name__ == "FeedsSettingsError"
    assert message.splitlines() == [
        "feeds: 5 setting problem(s):",
        "  - Setting 'FEEDS_FORMATS': received ('atom', 'opml'); unknown format(s) 'opml'; "
        "allowed: a list of ('atom', 'rss', 'json')",
        "  - Setting 'FEEDS_CONTENT': received 'excerpt'; is not one of the allowed values; "
        "allowed: 'full' | 'summary'",
        "  - Setting 'FEEDS_LIMIT': received 0; must be None (no limit) or a positive whole "
        "number; allowed: None or an int >= 1",
        "  - Setting 'FEEDS_NEWSLETTER': received {'action': 'javascript:alert(1)', 'field': "
        "'email'}; needs 'action': the provider's https:// form URL; allowed: None, "
        "{'provider': 'buttondown' | 'mailchimp' | 'kit' | 'listmonk', ...} or "
        "{'action': 'https://...', 'field': 'email'} (docs/feeds.md: Email newsletter)",
        "  - Setting 'SOCIAL': received 'https://mastodon.example/@amara'; must be a list "
        "(or set) of (name, url) pairs; allowed: a list or set of (name, url, ...) tuples",
    ]


def test_other_themes_social_shapes_become_follow_links(build_site, warnings_log):
    # Regression (issue 14): ('rss', '/feeds/all.atom.xml') and 3-tuples with an icon name,
    # as Flex, Elegant and pelican-quickstart write them, stopped the build.
    social = (
        ("rss", "/feeds/all.atom.xml"),
        ("GitHub", "https://github.com/amara", "github"),
        ("You can add links in your config file", "#"),
    )
    output = build_site(SOCIAL=social)
    block = BeautifulSoup((output / "about.html").read_text("utf-8"), "lxml")
    follow = [
        (a.get_text(), a["href"], a["rel"])
        for a in block.select("[data-ts-subscribe] a[data-ts-follow]")
    ]
    assert follow == [
        ("rss", "http://127.0.0.1:8000/feeds/all.atom.xml", ["noopener"]),
        ("GitHub", "https://github.com/amara", ["me", "noopener"]),
    ]
    assert [r.getMessage() for r in warnings_log.records if r.name.endswith("follow")] == [
        "feeds: SOCIAL entry ('You can add links in your config file', '#') has no name or no "
        "address a reader can follow; skipped — fix: give it a name and an http(s), "
        "mailto: or site-relative address"
    ]


def test_every_setting_is_explained_on_the_feeds_page():
    from pelican.plugins.townsquare_feeds.settings import SETTINGS

    page = (Path(__file__).resolve().parent.parent / "docs" / "feeds.md").read_text("utf-8")
    settings = page.split("\n## Settings\n")[1]
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in settings, setting.name


def test_a_pelican_feed_path_becomes_the_plugins_feed_path(build_site):
    # Issue 21: the site's Atom feed is written where Pelican's setting had it, once.
    output = build_site(FEED_ALL_ATOM="feeds/pelican-all.atom.xml")
    assert (output / "feeds" / "pelican-all.atom.xml").is_file()
    assert not (output / "feeds" / "all.atom.xml").exists()
    assert (output / "feeds" / "all.rss.xml").is_file()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'href="http://127.0.0.1:8000/feeds/pelican-all.atom.xml"' in home


def test_a_malformed_icon_url_is_a_setting_problem_not_a_crash(tmp_path):
    # urlsplit raises ValueError on a bad IPv6 host; the feeds plugin's URL test let it escape.
    settings = make_settings(tmp_path / "out", FEEDS_ICON="https://[oops/icon.png")
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines() == [
        "feeds: 1 setting problem(s):",
        "  - Setting 'FEEDS_ICON': received 'https://[oops/icon.png'; must be None, an http(s) "
        "URL or a path relative to SITEURL; allowed: None, an http(s) URL or a path like "
        "'images/icon.png'",
    ]
