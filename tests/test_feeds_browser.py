"""Feeds in Debian chromium: the opt-in XSL feed page, the subscribe block's keyboard access."""

import pytest
from conftest import ROOT, served_build

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    """A chromium page with the sample blog served from (and built for) a random port."""
    # FEEDS_XSL is off by default; this module checks the opt-in XSLT page still works.
    with served_build(tmp_path_factory, "feeds-browser", FEEDS_XSL=True) as (origin, _out):
        tab = browser.new_page(viewport={"width": 1000, "height": 800})
        tab.origin = origin
        yield tab


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
