"""Feeds in Debian chromium: the opt-in XSL feed page, the subscribe block's keyboard access."""

import os
import shutil
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, run_build, serve

pytestmark = pytest.mark.browser

ARGS = CHROMIUM_ARGS
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """A chromium page with the sample blog served from (and built for) a random port."""
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Debian chromium is required in CI (.ci/run installs it)")
        pytest.skip("Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    # FEEDS_XSL is off by default; this module checks the opt-in XSLT page still works.
    out = run_build(
        tmp_path_factory.mktemp("feeds-browser") / "output", SITEURL=origin, FEEDS_XSL=True
    )
    server = serve(out, port)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1000, "height": 800})
        tab.origin = origin
        yield tab
        browser.close()
    server.shutdown()
    server.server_close()


def test_feed_opens_as_a_styled_subscribe_page(page):
    page.goto(f"{page.origin}/feeds/all.atom.xml")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "feeds-atom-xsl.png"), full_page=True)
    assert page.locator("h2#howto").inner_text() == "How to subscribe"
    assert page.locator(".ts-feed-url").inner_text() == f"{page.origin}/feeds/all.atom.xml"
    assert page.locator(".post-item h3 a").count() == 6
    # The theme stylesheet applied (same origin): the preview box has the theme's border radius.
    radius = page.locator(".ts-feed-howto").evaluate("e => getComputedStyle(e).borderRadius")
    assert radius == "8px"


def test_subscribe_links_are_reachable_by_keyboard(page):
    page.goto(f"{page.origin}/posts/listening-tours.html")
    block = page.locator("[data-ts-subscribe]")
    assert block.is_visible()
    names = []
    for _ in range(80):
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('[data-ts-subscribe]')")
        if inside:
            names.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        elif names:
            break
    assert names == [
        "Follow in a feed reader",
        "Mastodon",
        "LinkedIn",
        "Bluesky",
        "RSS feed",
        "JSON Feed",
    ]
