"""Share controls in Debian chromium: keyboard order, copy link, Web Share, Mastodon picker."""

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, served_build

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
POST = "posts/listening-tours.html"
TITLE = "Why I Traded the All-Hands Monologue for Listening Tours"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample blog built for and served from a random 127.0.0.1 port."""
    with served_build(tmp_path_factory, "share-browser") as (origin, _out):
        yield origin


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def _hide_web_share(context):
    # Make "unsupported" explicit: some chromium builds expose navigator.share on Linux.
    context.add_init_script("delete Navigator.prototype.share;")


def test_buttons_visible_and_focusable_in_order(context, site):
    _hide_web_share(context)
    page = context.new_page()
    page.goto(f"{site}/{POST}")
    nav = page.locator("nav.ts-share")
    controls = nav.locator("a, button:not([hidden])")
    names = [c.inner_text().strip() for c in controls.all()]
    assert names == ["LinkedIn", "Mastodon", "Bluesky", "X", "Email", "Copy link"]
    for control in controls.all():
        assert control.is_visible()
    page.locator(".post-tags a").last.focus()  # the link just before the share list
    for name in names:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == name
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"  # visible focus ring
    assert not nav.locator("[data-ts-webshare]").is_visible()


def test_copy_link_puts_the_canonical_url_on_the_clipboard(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/{POST}")
    page.locator("nav.ts-share [data-ts-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site}/{POST}"
    assert page.locator("nav.ts-share .ts-status").inner_text() == "Link copied."
    context.close()


def test_web_share_button_shown_and_used_when_supported(context, site):
    context.add_init_script(
        "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };"
    )
    page = context.new_page()
    page.goto(f"{site}/{POST}")
    button = page.locator("nav.ts-share [data-ts-webshare]")
    assert button.is_visible()
    button.click()
    shared = page.evaluate("window.__shared")
    assert shared == {"title": f"{TITLE} · Townsquare", "url": f"{site}/{POST}"}


def test_no_request_leaves_127_0_0_1_while_pages_load(context, site):
    requests = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site}/{POST}", wait_until="networkidle")
    page.goto(f"{site}/posts/writing-in-public.html", wait_until="networkidle")
    page.goto(page.locator("nav.ts-share a", has_text="Mastodon").get_attribute("href"))
    page.wait_for_load_state("networkidle")
    assert requests
    assert [url for url in requests if not url.startswith(site + "/")] == []


def _capture(context, host):
    """Answer requests to https://host/ locally and record their URLs."""
    seen = []

    def handle(route):
        seen.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>stub</p>")

    context.route(f"https://{host}/**", handle)
    return seen


def _picker_url(context, site):
    page = context.new_page()
    page.goto(f"{site}/{POST}")
    href = page.locator("nav.ts-share a", has_text="Mastodon").get_attribute("href")
    page.close()
    return href


def test_mastodon_picker_works_without_javascript(browser, site):
    picker = _picker_url(browser.new_context(), site)
    context = browser.new_context(java_script_enabled=False)
    seen = _capture(context, "fosstodon.org")
    page = context.new_page()
    page.goto(picker)
    assert not page.locator("#ts-instance").is_visible()  # needs JS, so hidden
    page.get_by_role("button", name="fosstodon.org").click()
    page.wait_for_url("https://fosstodon.org/**")
    (url,) = seen
    assert url.startswith("https://fosstodon.org/share?")
    assert parse_qs(urlsplit(url).query) == {"text": [f"{TITLE} {site}/{POST}"]}
    context.close()


def test_mastodon_picker_with_javascript_remembers_the_server(context, site):
    seen = _capture(context, "social.example.net")
    picker = _picker_url(context, site)
    page = context.new_page()
    page.goto(picker)
    field = page.locator("#ts-instance")
    assert field.is_visible() and field.input_value() == ""
    field.fill("https://Social.Example.NET/@amara")
    field.press("Enter")
    page.wait_for_url("https://social.example.net/**")
    assert [parse_qs(urlsplit(u).query) for u in seen] == [{"text": [f"{TITLE} {site}/{POST}"]}]
    again = context.new_page()
    again.goto(picker)
    assert again.locator("#ts-instance").input_value() == "social.example.net"
    again.locator("#ts-instance").fill("not a server")
    again.get_by_role("button", name="Share on my server", exact=True).click()
    message = again.evaluate("document.querySelector('#ts-instance').validationMessage")
    assert message == "Enter your server's name, for example mastodon.social"
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("name", "viewport"),
    [("desktop", {"width": 1280, "height": 900}), ("mobile", {"width": 390, "height": 844})],
)
def test_screenshot_of_a_post(browser, site, name, viewport):
    context = browser.new_context(viewport=viewport, permissions=["clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}/posts/writing-in-public.html", wait_until="networkidle")
    nav = page.locator("nav.ts-share")
    assert nav.is_visible()
    box = nav.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]  # no overflow
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"share-post-{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    context.close()
