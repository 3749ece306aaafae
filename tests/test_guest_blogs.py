"""Real blogs' settings files, the kit added by one line: nothing is required, nothing refused.

Issue 21 items 1, 2 and 4, on the guest fixture blogs (tests/fixtures/guest/): a reply address
drawn from what the blog states, Pelican's feeds taken over at their own paths with their own
entry ids, and no local-only aids in a build for a public address.
"""

import logging
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import run_build
from guest_settings_helpers import POSTS, build_guest, build_plain

pytestmark = pytest.mark.usefixtures("kit_discoverable")


def page(path):
    return BeautifulSoup(Path(path).read_text("utf-8"), "lxml")


@pytest.fixture
def fresh_log(caplog, monkeypatch):
    """INFO records of one build: Pelican's LimitFilter drops a message it has seen before in
    this process (a second build's "said once" line), so each test starts it afresh."""
    from pelican.log import LimitFilter

    monkeypatch.setattr(LimitFilter, "_raised_messages", set())
    caplog.set_level(logging.INFO)
    return caplog


def reply_links(output, blog):
    """{post: [href of each 'Reply by email' link]} over the blog's posts."""
    return {
        name: [a["href"] for a in page(output / name).select('a[data-ts-reply="email"]')]
        for name in POSTS[blog]
    }


@pytest.fixture(scope="module")
def notes_local(tmp_path_factory, kit_discoverable):
    """disqus-notes with its pelicanconf.py: SITEURL = "", Pelican's feed defaults, no kit
    setting at all."""
    return build_guest("disqus-notes", "pelicanconf.py", tmp_path_factory.mktemp("dn") / "out")


@pytest.fixture(scope="module")
def notes_published(tmp_path_factory, kit_discoverable):
    """disqus-notes with its publishconf.py (public SITEURL, four feed settings, no PUBLISH)."""
    return build_guest("disqus-notes", "publishconf.py", tmp_path_factory.mktemp("dp") / "out")


@pytest.fixture(scope="module")
def notes_plain(tmp_path_factory):
    """disqus-notes's publishconf.py built by Pelican alone: the feeds its readers follow."""
    out = tmp_path_factory.mktemp("plain") / "out"
    return build_plain("disqus-notes", "publishconf.py", out, ["word_count"])


# -- item 1: no kit setting is required ----------------------------------------------------------


def test_reply_address_comes_from_the_authors_bio(notes_local):
    links = reply_links(notes_local, "disqus-notes")
    assert links == {
        "on-call-rotations.html": [
            "mailto:ines.varga@example.net?subject=What%20our%20on-call%20rotation%20taught%20us"
        ],
        "golden-paths.html": [
            "mailto:ines.varga@example.net?subject=Golden%20paths%20are%20products"
        ],
        "dependency-budget.html": [
            "mailto:ines.varga@example.net?subject=A%20budget%20for%20dependencies"
        ],
    }


def test_the_themes_disqus_embed_stays(notes_local):
    for name in POSTS["disqus-notes"]:
        scripts = [s["src"] for s in page(notes_local / name).select("script[src]")]
        assert "https://field-notes-example.disqus.com/embed.js" in scripts


def test_reply_address_comes_from_a_social_mailto(tmp_path):
    out = build_guest("links-only", "pelicanconf.py", tmp_path / "out")
    assert reply_links(out, "links-only") == {
        "smaller-batches-calmer-releases.html": [
            "mailto:kai@example.org?subject=Smaller%20batches%2C%20calmer%20releases"
        ],
        "keeping-the-review-queue-short.html": [
            "mailto:kai@example.org?subject=Keeping%20the%20review%20queue%20short"
        ],
        "notes-on-build-tooling.html": [
            "mailto:kai@example.org?subject=Notes%20on%20build%20tooling"
        ],
    }


def test_no_address_anywhere_leaves_reply_by_email_out_and_says_so_once(tmp_path, fresh_log):
    caplog = fresh_log
    out = build_guest("links-only", "pelicanconf.py", tmp_path / "out", SOCIAL=(), LINKS=())
    assert reply_links(out, "links-only") == {name: [] for name in POSTS["links-only"]}
    said = [r for r in caplog.records if "no e-mail address" in r.getMessage()]
    assert [(r.levelname, r.getMessage()) for r in said] == [
        (
            "INFO",
            "comments: the settings state no e-mail address, so posts have no 'Reply by email' "
            "link; to offer one, add an 'email' to AUTHORS_BIO or set COMMENTS_REPLY_EMAIL",
        )
    ]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


#: The sample blog's authors without their e-mail addresses.
NO_EMAIL_BIOS = {
    "amara-okafor": {"name": "Amara Okafor", "bio": "CEO."},
    "lukas-brandt": {"name": "Lukas Brandt", "bio": "Head of community."},
}


@pytest.mark.parametrize(
    "provider",
    [{}, {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "amara/blog"}],
    ids=["no-provider", "utterances"],
)
def test_the_sample_blog_without_any_address_builds(tmp_path, fresh_log, provider):
    # Regression: every post was refused ("no address for 'Reply by email'"), with a provider
    # set too.
    caplog = fresh_log
    settings = {"COMMENTS_REPLY_EMAIL": None, "AUTHORS_BIO": NO_EMAIL_BIOS, "SOCIAL": ()}
    out = run_build(tmp_path / "out", **settings, **provider)
    post = page(out / "posts" / "listening-tours.html")
    assert post.select('a[data-ts-reply="email"]') == []
    assert post.select_one("#comments") is not None
    said = [r for r in caplog.records if "no e-mail address" in r.getMessage()]
    assert len(said) == (0 if provider else 1)


def test_stated_address_order():
    from pelican.plugins.townsquare_comments.settings import stated_address

    bios = {
        "someone": {"name": "Someone Else", "email": "else@example.org"},
        "me": {"name": "Me", "email": "me@example.org"},
    }
    social = [("mail", "mailto:social@example.org")]
    links = [("contact", "MAILTO:links%40example.org?subject=hi")]
    assert stated_address({"AUTHOR": "Me", "AUTHORS_BIO": bios, "SOCIAL": social}) == (
        "me@example.org"
    )
    assert stated_address({"AUTHORS_BIO": {"x": {"name": "X"}}, "SOCIAL": social}) == (
        "social@example.org"
    )
    assert stated_address({"SOCIAL": {("web", "https://example.org")}, "LINKS": links}) == (
        "links@example.org"
    )
    assert stated_address({"SOCIAL": [("mail", "mailto:not-an-address")]}) is None


def test_an_empty_siteurl_builds_with_the_local_servers_address(notes_local):
    canonical = page(notes_local / "golden-paths.html").select_one('link[rel="canonical"]')
    assert canonical["href"] == "http://127.0.0.1:8000/golden-paths.html"
    # The blog's own links stay relative (RELATIVE_URLS = True).
    stylesheet = page(notes_local / "golden-paths.html").select_one('link[href$="notes.css"]')
    assert stylesheet["href"] == "./theme/css/notes.css"


# -- item 2: Pelican's feeds are taken over, at their paths, with their ids ----------------------


def feed_files(output):
    return sorted(str(p.relative_to(output)) for p in (output / "feeds").rglob("*.xml"))


def test_every_feed_pelican_published_is_still_there(notes_published, notes_plain):
    ours = set(feed_files(notes_published))
    theirs = feed_files(notes_plain)
    assert theirs == [
        "feeds/all-en.atom.xml",
        "feeds/all.atom.xml",
        "feeds/ines-varga.atom.xml",
        "feeds/ines-varga.rss.xml",
        "feeds/operations.atom.xml",
        "feeds/platform.atom.xml",
        "feeds/rss.xml",
        "feeds/tag/on-call.atom.xml",
        "feeds/tag/platform.atom.xml",
        "feeds/tag/teams.atom.xml",
    ]
    assert set(theirs) <= ours
    # ... and the kit adds what was missing: the formats the blog had not (RSS of a category,
    # JSON Feed of each), but no second file of a feed the blog already publishes.
    assert ours - set(theirs) == {
        "feeds/category/operations.rss.xml",
        "feeds/category/platform.rss.xml",
        "feeds/tag/on-call.rss.xml",
        "feeds/tag/platform.rss.xml",
        "feeds/tag/teams.rss.xml",
    }
    assert (notes_published / "feeds" / "all.json").is_file()


def test_the_kits_feed_links_name_the_blogs_feed_paths(notes_published):
    # The first of the kit's feed links carries its marker; the others follow it.
    first = page(notes_published / "golden-paths.html").select_one("head link[data-ts-feeds]")
    head = [first, *first.find_next_siblings("link", rel="alternate")]
    assert [link["href"] for link in head] == [
        "https://notes.example.net/feeds/all.atom.xml",
        "https://notes.example.net/feeds/rss.xml",
        "https://notes.example.net/feeds/all.json",
        "https://notes.example.net/feeds/platform.atom.xml",
        "https://notes.example.net/feeds/category/platform.rss.xml",
        "https://notes.example.net/feeds/category/platform.json",
    ]


def test_entry_ids_links_and_formats_match_pelicans(notes_published, notes_plain):
    for name in feed_files(notes_plain):
        old = feedparser.parse(str(notes_plain / name))
        new = feedparser.parse(str(notes_published / name))
        assert new.bozo == 0, name
        assert new.version == old.version, name
        assert [e.id for e in new.entries] == [e.id for e in old.entries], name
        assert [e.link for e in new.entries] == [e.link for e in old.entries], name
    ids = [e.id for e in feedparser.parse(str(notes_published / "feeds/all.atom.xml")).entries]
    assert ids == [
        "tag:notes.example.net,2024-09-02:/dependency-budget.html",
        "tag:notes.example.net,2024-05-21:/golden-paths.html",
        "tag:notes.example.net,2024-03-08:/on-call-rotations.html",
    ]


def test_the_kits_own_feed_paths_keep_url_ids(notes_published):
    entries = feedparser.parse(str(notes_published / "feeds/category/platform.rss.xml")).entries
    assert [e.id for e in entries] == [
        "https://notes.example.net/dependency-budget.html",
        "https://notes.example.net/golden-paths.html",
    ]


def test_pelicans_default_feed_settings_are_not_refused(notes_local):
    # pelicanconf.py leaves Pelican's defaults: FEED_ALL_ATOM, CATEGORY_FEED_ATOM,
    # AUTHOR_FEED_ATOM/RSS and TRANSLATION_FEED_ATOM are written, by the kit.
    assert feed_files(notes_local) >= [
        "feeds/all-en.atom.xml",
        "feeds/all.atom.xml",
    ]
    for name in ("all.atom.xml", "platform.atom.xml", "ines-varga.rss.xml", "all-en.atom.xml"):
        parsed = feedparser.parse(str(notes_local / "feeds" / name))
        assert parsed.bozo == 0 and parsed.entries, name


def test_the_themes_feed_settings_still_reach_its_templates(notes_published):
    # Pelican's simple theme links FEED_ALL_ATOM and FEED_RSS in <head>: they stay.
    head = page(notes_published / "index.html").select("head link[type]")
    hrefs = {link["href"] for link in head}
    assert {
        "https://notes.example.net/feeds/all.atom.xml",
        "https://notes.example.net/feeds/rss.xml",
    } <= hrefs


def test_the_sample_blog_with_pelicans_feeds_set_builds(tmp_path):
    # Regression: issue 14's refusal (both write feeds/all.atom.xml) is now a takeover.
    out = run_build(
        tmp_path / "out",
        FEED_ALL_ATOM="feeds/all.atom.xml",
        CATEGORY_FEED_ATOM="feeds/category/{slug}.atom.xml",
    )
    parsed = feedparser.parse(str(out / "feeds/all.atom.xml"))
    assert parsed.bozo == 0
    assert all(e.id.startswith("tag:127.0.0.1,") for e in parsed.entries)
    category = feedparser.parse(str(out / "feeds/category/leadership.atom.xml"))
    assert category.entries and all(e.id.startswith("tag:") for e in category.entries)


# -- item 4: a public SITEURL is a production build -------------------------------------------


def test_publishconf_without_publish_has_no_preview_or_live_reload(notes_published):
    leftovers = [
        str(p.relative_to(notes_published))
        for p in notes_published.rglob("*")
        if "preview" in p.name or "livereload" in p.name or "build-stamp" in p.name
    ]
    assert leftovers == []
    for name in POSTS["disqus-notes"]:
        text = (notes_published / name).read_text("utf-8")
        assert "livereload" not in text and "preview/" not in text


def test_the_local_build_keeps_its_previews(notes_local):
    assert sorted(p.name for p in (notes_local / "preview").iterdir()) == [
        "build-stamp.txt",
        "dependency-budget.html",
        "golden-paths.html",
        "livereload.js",
        "on-call-rotations.html",
        "preview.css",
    ]


def test_a_public_siteurl_without_publish_writes_no_preview(tmp_path):
    # Regression: the sample blog's pelicanconf.py with a public address and no PUBLISH wrote
    # preview/ (drafts' titles included), livereload.js and the preview CSS.
    out = run_build(tmp_path / "out", SITEURL="https://leaders.example.net")
    assert not (out / "preview").exists()
    post = (out / "posts" / "listening-tours.html").read_text("utf-8")
    assert "livereload" not in post and "ts-preview-link" not in post
    assert "https://leaders.example.net/posts/listening-tours.html" in post


@pytest.mark.parametrize(
    ("siteurl", "local"),
    [
        ("", True),
        ("http://localhost:8000", True),
        ("http://127.0.0.1:8000/blog", True),
        ("http://blog.localhost", True),
        ("https://notes.example.net", False),
        ("http://192.0.2.10", False),
    ],
)
def test_which_addresses_are_local(siteurl, local):
    from pelican.plugins.townsquare.kit import is_local_address, is_production

    assert is_local_address(siteurl) is local
    assert is_production({"SITEURL": siteurl}) is (not local)
    assert is_production({"SITEURL": siteurl, "PUBLISH": True}) is True


def test_disqus_provider_takes_the_themes_disqus_sitename():
    from pelican.plugins.townsquare_comments.settings import validate

    settings = validate({"COMMENTS_PROVIDER": "disqus", "DISQUS_SITENAME": "field-notes-example"})
    assert settings["COMMENTS_DISQUS_SHORTNAME"] == "field-notes-example"
    own = validate(
        {"COMMENTS_PROVIDER": "disqus", "DISQUS_SITENAME": "x", "COMMENTS_DISQUS_SHORTNAME": "y"}
    )
    assert own["COMMENTS_DISQUS_SHORTNAME"] == "y"


def test_feeds_the_kit_has_no_kind_for_are_written_at_pelicans_paths(tmp_path):
    out = run_build(
        tmp_path / "out",
        FEEDS_PER_TAG=False,
        TAG_FEED_RSS="feeds/tags/{slug}.rss.xml",
        TRANSLATION_FEED_ATOM="feeds/all-{lang}.atom.xml",
    )
    assert not (out / "feeds" / "tag").exists()  # the kit's own tag feeds stay off
    trust = feedparser.parse(str(out / "feeds/tags/trust.rss.xml"))
    assert trust.version == "rss20" and trust.entries
    assert all(e.id.startswith("tag:127.0.0.1,") for e in trust.entries)
    english = feedparser.parse(str(out / "feeds/all-en.atom.xml"))
    site = feedparser.parse(str(out / "feeds/all.atom.xml"))
    assert english.version == "atom10"
    assert len(english.entries) == len(site.entries) > 0


def test_two_settings_for_the_same_feed_keep_both_paths(tmp_path):
    # FEED_ATOM and FEED_ALL_ATOM at different paths: both files stay, with Pelican's ids.
    out = run_build(
        tmp_path / "out", FEED_ATOM="feeds/atom.xml", FEED_ALL_ATOM="feeds/everything.atom.xml"
    )
    first = feedparser.parse(str(out / "feeds/atom.xml"))
    second = feedparser.parse(str(out / "feeds/everything.atom.xml"))
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert first.entries and all(e.id.startswith("tag:") for e in first.entries)
