"""Share preview pages and live reload: present in local builds, absent in publish builds."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT
from pelican import Pelican
from pelican.plugins.townsquare_preview.metadata import read_shared_meta
from pelican.plugins.townsquare_preview.networks import NETWORK_NAMES, truncate
from pelican.plugins.townsquare_preview.settings import (
    PreviewSettingsError,
    apply_defaults_and_validate,
)

SITEURL = "http://127.0.0.1:8000"
TITLE = "Why I Traded the All-Hands Monologue for Listening Tours"
IMAGE = "images/listening-tour.png"
LABELS = {
    "linkedin": "LinkedIn",
    "x": "X",
    "facebook": "Facebook",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
}


def read(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def test_every_post_and_draft_gets_a_preview_page(sample_site):
    posts = {p.stem for p in (sample_site / "posts").glob("*.html")}
    drafts = {p.stem for p in (sample_site / "drafts").glob("*.html")}
    previews = {p.stem for p in (sample_site / "preview").glob("*.html")}
    assert previews == posts | drafts
    assert len(previews) == 7


def test_preview_page_shows_title_and_image_on_every_card(sample_site):
    page = read(sample_site / "preview" / "listening-tours.html")
    assert page.title.get_text() == f"Share preview: {TITLE} \u00b7 Townsquare"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    cards = page.select("section.pv-card")
    assert [c["data-network"] for c in cards] == list(NETWORK_NAMES)
    assert [c.h2.get_text() for c in cards] == [LABELS[n] for n in NETWORK_NAMES]
    for card in cards:
        assert TITLE in card.select_one(".pv-title").get_text()
        assert card.select_one("img.pv-image")["src"] == f"{SITEURL}/{IMAGE}"
    back = page.select_one("main a")
    assert back["href"] == f"{SITEURL}/posts/listening-tours.html"


def test_post_links_to_its_preview_and_loads_live_reload(sample_site):
    page = read(sample_site / "posts" / "listening-tours.html")
    link = page.select_one("article header .ts-preview-link a")
    assert link["href"] == f"{SITEURL}/preview/listening-tours.html"
    assert link.get_text() == "Preview how this post looks when shared"
    script = page.select_one('head script[src$="livereload.js"]')
    assert script["src"] == f"{SITEURL}/preview/livereload.js"
    assert script.has_attr("defer")
    assert (sample_site / "preview" / "build-stamp.txt").read_text().strip()
    home = read(sample_site / "index.html")
    assert home.select_one('head script[src$="livereload.js"]') is not None
    assert home.select(".ts-preview-link") == []


def test_publish_build_has_no_preview_no_link_and_no_live_reload(build_site, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://blog.example.org")
    output = build_site("publishconf.py")
    assert not (output / "preview").exists()
    page = (output / "posts" / "listening-tours.html").read_text(encoding="utf-8")
    assert "https://blog.example.org/category/leadership.html" in page
    for marker in ("ts-preview-link", "livereload", "preview/", "build-stamp"):
        assert marker not in page
    leftovers = [
        p.relative_to(output)
        for p in output.rglob("*")
        if "livereload" in p.name or "preview" in p.name or "build-stamp" in p.name
    ]
    assert leftovers == []


def test_rebuild_writes_a_new_build_stamp(tmp_path, content_copy):
    from conftest import make_settings

    settings = make_settings(tmp_path / "output", PATH=str(content_copy))
    pelican = Pelican(settings)
    pelican.run()
    stamp = tmp_path / "output" / "preview" / "build-stamp.txt"
    first = stamp.read_text()
    pelican.run()
    assert stamp.read_text() != first


def test_invalid_settings_are_listed_together():
    settings = {
        "PREVIEW_ENABLED": "yes",
        "PREVIEW_SAVE_AS": "x.html",
        "PREVIEW_NETWORKS": ["myspace"],
    }
    with pytest.raises(PreviewSettingsError) as error:
        apply_defaults_and_validate(settings)
    assert str(error.value) == (
        "preview: 3 setting problem(s):\n"
        "  - Setting 'PREVIEW_ENABLED': received 'yes'; must be True or False; "
        "allowed: True or False (default: True for a local SITEURL)\n"
        "  - Setting 'PREVIEW_SAVE_AS': received 'x.html'; must look like 'preview/{slug}.html'; "
        "allowed: a relative path with {slug}, ending .html\n"
        "  - Setting 'PREVIEW_NETWORKS': received ['myspace']; has unknown name(s) ['myspace']; "
        "allowed: a tuple drawn from ['linkedin', 'x', 'facebook', 'mastodon', 'bluesky']"
    )


def test_defaults_follow_publish():
    local, publish = {}, {"PUBLISH": True}
    apply_defaults_and_validate(local)
    apply_defaults_and_validate(publish)
    assert (local["PREVIEW_ENABLED"], local["PREVIEW_LIVE_RELOAD"]) == (True, True)
    assert (publish["PREVIEW_ENABLED"], publish["PREVIEW_LIVE_RELOAD"]) == (False, False)


def test_truncation_breaks_at_words_with_an_ellipsis():
    assert truncate("Short title", 70) == "Short title"
    assert (
        truncate("The quick brown fox jumps over the lazy dog", 20) == "The quick brown fox\u2026"
    )
    assert truncate("Supercalifragilisticexpialidocious", 10) == "Supercali\u2026"
    assert truncate("Ends with a dot. And more words here", 18) == "Ends with a dot\u2026"


def test_open_graph_wins_over_fallbacks_and_x_prefers_twitter_tags():
    html = (
        "<html><head><title>Page \u00b7 Site</title>"
        '<meta property="og:title" content="OG title">'
        '<meta property="og:description" content="OG description">'
        '<meta property="og:image" content="/img/card.png">'
        '<meta property="og:url" content="https://www.example.org/posts/a.html">'
        '<meta name="twitter:card" content="summary">'
        '<meta name="twitter:title" content="X title">'
        "</head><body><main><img src='/other.png'></main></body></html>"
    )
    meta = read_shared_meta(html, "https://example.org/posts/a.html")
    assert (meta.og_title, meta.og_image, meta.domain) == (
        "OG title",
        "https://www.example.org/img/card.png",
        "example.org",
    )
    assert meta.fallbacks == ()
    from pelican.plugins.townsquare_preview.networks import cards_for

    x, facebook = cards_for(meta, ["x", "facebook"])
    assert (x.title, x.layout, x.description) == ("X title", "small", "OG description")
    assert (facebook.title, facebook.domain) == ("OG title", "EXAMPLE.ORG")


def _free_server(root):
    """Serve root on 127.0.0.1 at a random port from a daemon thread; return (server, origin)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.mark.browser
def test_browser_cards_show_title_and_loaded_image(tmp_path, build_site):
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian chromium is missing: apt-get install chromium")
        pytest.skip("Debian chromium is missing")
    from playwright.sync_api import sync_playwright

    site = tmp_path / "site"
    site.mkdir()
    server, origin = _free_server(site)
    try:
        output = build_site(SITEURL=origin)
        shutil.copytree(output, site, dirs_exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(f"{origin}/posts/listening-tours.html")
            page.get_by_role("link", name="Preview how this post looks when shared").click()
            page.wait_for_load_state("load")
            assert page.url == f"{origin}/preview/listening-tours.html"
            for network in NETWORK_NAMES:
                card = page.get_by_role("region", name=LABELS[network], exact=True)
                assert TITLE in card.locator(".pv-title").inner_text()
                image = card.locator("img.pv-image")
                assert image.get_attribute("src") == f"{origin}/{IMAGE}"
                assert image.evaluate("img => img.complete && img.naturalWidth") == 1600
                assert image.is_visible()
            artifacts = ROOT / "test-artifacts"
            artifacts.mkdir(exist_ok=True)
            page.screenshot(path=str(artifacts / "preview-listening-tours.png"), full_page=True)
            browser.close()
    finally:
        server.shutdown()
