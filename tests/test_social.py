"""Social metadata of the sample site, read back with extruct: every page kind, exact values."""

import re

import extruct
import pytest
from bs4 import BeautifulSoup
from social_helpers import CARD_URL, SITEURL, image_at, jsonld_of, props, read_social

LISTENING = f"{SITEURL}/posts/listening-tours.html"
AMARA = f"{SITEURL}/author/amara-okafor.html"
SUBTITLE = "Leaders who write to start conversations, not to broadcast."
PUBLISHER = {
    "@type": "Organization",
    "name": "Townsquare",
    "url": f"{SITEURL}/",
    "logo": {
        "@type": "ImageObject",
        "url": f"{SITEURL}/images/townsquare-logo.png",
        "width": 512,
        "height": 512,
    },
    "sameAs": ["https://mastodon.example/@townsquare"],
}
AMARA_LINKS = [
    "https://mastodon.example/@amara",
    "https://www.linkedin.example/in/amara-okafor",
    "https://bsky.example/profile/amara.example.org",
]


def crumbs(*pairs):
    """The itemListElement of a BreadcrumbList from (name, url) pairs."""
    return [
        {"@type": "ListItem", "position": i, "name": name, "item": url}
        for i, (name, url) in enumerate(pairs, start=1)
    ]


def test_article_metadata_exact(sample_site):
    page = read_social(sample_site / "posts/listening-tours.html", LISTENING)
    title = "Why I Traded the All-Hands Monologue for Listening Tours"
    description = (
        "For three years I ran a polished monthly all-hands. Then I stopped talking and "
        "started visiting teams to listen. Here is what changed."
    )
    alt = (
        "Abstract illustration of many small, simple figures in warm colours gathered in "
        "rings around a dark central square, as if meeting in a town square."
    )
    image = f"{SITEURL}/images/listening-tour.png"
    assert page.title == f"{title} · Townsquare"
    assert page.description == description
    assert page.canonical == [LISTENING]
    assert page.og_props == [
        ("og:type", "article"),
        ("og:title", title),
        ("og:description", description),
        ("og:url", LISTENING),
        ("og:site_name", "Townsquare"),
        ("og:locale", "en_US"),
        ("og:image", image),
        ("og:image:type", "image/png"),
        ("og:image:width", "1600"),
        ("og:image:height", "900"),
        ("og:image:alt", alt),
        ("article:published_time", "2026-03-02T09:00:00+01:00"),
        ("article:modified_time", "2026-03-04T18:30:00+01:00"),
        ("article:author", AMARA),
        ("article:section", "Leadership"),
        ("article:tag", "listening"),
        ("article:tag", "culture"),
        ("article:tag", "all-hands"),
        ("article:tag", "feedback"),
    ]
    assert page.twitter == {
        "twitter:card": "summary_large_image",
        "twitter:title": title,
        "twitter:description": description,
        "twitter:image": image,
        "twitter:image:alt": alt,
        "twitter:site": "@townsquare_ex",
        "twitter:creator": "@amara_example",
    }
    assert page.fediverse == ["@amara@mastodon.example"]
    assert page.rel_me == AMARA_LINKS
    assert image_at(sample_site, image) == (1600, 900, "image/png")
    assert jsonld_of(page, "BlogPosting") == {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": title,
        "description": description,
        "url": LISTENING,
        "mainEntityOfPage": {"@type": "WebPage", "@id": LISTENING},
        "inLanguage": "en",
        "author": [
            {"@type": "Person", "name": "Amara Okafor", "url": AMARA, "sameAs": AMARA_LINKS}
        ],
        "publisher": PUBLISHER,
        "datePublished": "2026-03-02T09:00:00+01:00",
        "dateModified": "2026-03-04T18:30:00+01:00",
        "articleSection": "Leadership",
        "keywords": ["listening", "culture", "all-hands", "feedback"],
        "image": {"@type": "ImageObject", "url": image, "width": 1600, "height": 900},
    }
    assert jsonld_of(page, "BreadcrumbList")["itemListElement"] == crumbs(
        ("Townsquare", f"{SITEURL}/"),
        ("Leadership", f"{SITEURL}/category/leadership.html"),
        (title, LISTENING),
    )


def test_article_without_image_gets_its_card(sample_site):
    page = read_social(sample_site / "posts/comment-section-strategy.html")
    image = page.og["og:image"]
    assert CARD_URL.match(image)
    assert page.twitter["twitter:image"] == image
    assert jsonld_of(page, "BlogPosting")["image"]["url"] == image
    assert image_at(sample_site, image) == (1200, 630, "image/png")
    assert props(page, "og:image:alt") == [
        "The Comment Section Is Your Strategy Meeting · Townsquare"
    ]
    assert page.twitter["twitter:creator"] == "@amara_example"
    assert props(page, "article:section") == ["Social Business"]


LUKAS_BIO = "Head of community. Believes a forum thread is worth ten press releases."
ABOUT = (
    "Townsquare is where two leaders think out loud about leadership, social business and "
    "community, and invite you to answer back."
)
# path, og:title, description, JSON-LD main @type, breadcrumb names after the home
LISTINGS = [
    ("index.html", "Townsquare", SUBTITLE, "WebSite", None),
    ("index2.html", "Latest posts, page 2", SUBTITLE, "CollectionPage", ["Latest posts, page 2"]),
    (
        "tag/trust.html",
        "Tag: trust",
        "Posts tagged “trust” on Townsquare.",
        "CollectionPage",
        ["Tags", "Tag: trust"],
    ),
    (
        "category/leadership.html",
        "Category: Leadership",
        "Posts about Leadership on Townsquare.",
        "CollectionPage",
        ["Topics", "Category: Leadership"],
    ),
    (
        "author/lukas-brandt.html",
        "Author: Lukas Brandt",
        LUKAS_BIO,
        "CollectionPage",
        ["Authors", "Author: Lukas Brandt"],
    ),
    (
        "archives.html",
        "Archive",
        "Every post on Townsquare, newest first.",
        "CollectionPage",
        ["Archive"],
    ),
    ("tags.html", "Tags", "Every tag used on Townsquare.", "CollectionPage", ["Tags"]),
    ("about.html", "About", ABOUT, "WebPage", ["About"]),
]


@pytest.mark.parametrize(("path", "title", "description", "kind", "trail"), LISTINGS)
def test_page_and_listing_metadata_exact(sample_site, path, title, description, kind, trail):
    canonical = f"{SITEURL}/" if path == "index.html" else f"{SITEURL}/{path}"
    page = read_social(sample_site / path, canonical)
    image = page.og["og:image"]
    document = title if title == "Townsquare" else f"{title} · Townsquare"
    assert page.title == document
    assert page.description == description
    assert page.canonical == [canonical]
    assert page.og["@type"] == "website"
    assert props(page, "og:title") == [title]
    assert props(page, "og:description") == [description]
    assert props(page, "og:url") == [canonical]
    assert props(page, "og:site_name") == ["Townsquare"]
    assert props(page, "og:locale") == ["en_US"]
    assert CARD_URL.match(image)
    assert props(page, "og:image:type") == ["image/png"]
    assert (props(page, "og:image:width"), props(page, "og:image:height")) == (["1200"], ["630"])
    assert image_at(sample_site, image) == (1200, 630, "image/png")
    assert not [key for key, _ in page.og_props if key.startswith("article:")]
    assert page.twitter["twitter:card"] == "summary_large_image"
    assert page.twitter["twitter:title"] == title
    assert page.twitter["twitter:description"] == description
    assert page.twitter["twitter:image"] == image
    assert page.twitter["twitter:image:alt"] == props(page, "og:image:alt")[0]
    main = jsonld_of(page, kind)
    assert main["url"] == canonical
    assert main["description"] == description
    assert main["image"] == {"@type": "ImageObject", "url": image, "width": 1200, "height": 630}
    assert main.get("name") == title
    if trail is None:
        assert [b["@type"] for b in page.jsonld] == ["WebSite", "Organization"]
        return
    names = [item["name"] for item in jsonld_of(page, "BreadcrumbList")["itemListElement"]]
    assert names == ["Townsquare", *trail]


def test_home_declares_website_and_publisher(sample_site):
    page = read_social(sample_site / "index.html")
    website = jsonld_of(page, "WebSite")
    assert website["publisher"] == PUBLISHER
    assert jsonld_of(page, "Organization") == {"@context": "https://schema.org", **PUBLISHER}
    assert page.rel_me == ["https://mastodon.example/@townsquare"]
    assert page.twitter["twitter:site"] == "@townsquare_ex"
    assert "twitter:creator" not in page.twitter


def test_author_page_links_the_author_profiles(sample_site):
    page = read_social(sample_site / "author/lukas-brandt.html")
    assert page.fediverse == ["@lukas@social.example"]
    assert page.rel_me == ["https://social.example/@lukas"]


def test_404_has_no_canonical_and_no_structured_data(sample_site):
    page = read_social(sample_site / "404.html")
    assert page.canonical == []
    assert props(page, "og:url") == []
    assert page.jsonld == []
    assert page.og["og:title"] == "Page not found"


def test_title_description_image_agree_on_every_page(sample_site):
    checked = 0
    for path in sorted(sample_site.rglob("*.html")):
        kind = re.search(r'data-page-kind="([^"]+)"', path.read_text(encoding="utf-8")).group(1)
        if kind not in ("article", "page", "home", "listing", "404"):
            continue  # helper pages of other plugins (share pickers, previews) are not shared
        page = read_social(path)
        title = page.og["og:title"]
        assert page.title in (title, f"{title} · Townsquare"), path
        assert page.twitter["twitter:title"] == title, path
        assert page.description == page.og["og:description"] == page.twitter["twitter:description"]
        assert page.og["og:image"] == page.twitter["twitter:image"], path
        assert page.og["@type"] in ("article", "website"), path
        for block in page.jsonld:
            if "image" in block:
                assert block["image"]["url"] == page.og["og:image"], path
            if block["@type"] in ("BlogPosting",):
                assert block["headline"] == title, path
            elif block["@type"] in ("WebPage", "CollectionPage"):
                assert block["name"] == title, path
        assert page.html.count("<title>") == 1
        checked += 1
    assert checked == 33


def test_helper_pages_keep_their_own_title_and_carry_no_social_metadata(sample_site):
    pickers = sorted((sample_site / "share").rglob("*.html"))
    if not pickers:
        pytest.skip("no share helper pages in this build")
    html = pickers[0].read_text(encoding="utf-8")
    data = extruct.extract(html, syntaxes=["opengraph", "json-ld"], uniform=True)
    soup = BeautifulSoup(html, "lxml")
    assert soup.title.get_text() == "Share on Mastodon · Townsquare"
    assert data == {"opengraph": [], "json-ld": []}
    assert soup.select("link[rel=canonical]") == []
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_feeds_can_read_the_social_image(tmp_path):
    from conftest import make_settings
    from pelican import Pelican, signals

    seen = {}

    def record(generator, content):
        seen[content.slug] = (content.social_image_url, content.social_image_size)

    signals.article_generator_write_article.connect(record)
    try:
        # The default card cache, already warm from the session's sample build.
        Pelican(make_settings(tmp_path / "out")).run()
    finally:
        signals.article_generator_write_article.disconnect(record)
    assert seen["listening-tours"] == (f"{SITEURL}/images/listening-tour.png", (1600, 900))
    url, size = seen["writing-in-public"]
    assert CARD_URL.match(url)
    assert size == (1200, 630)
