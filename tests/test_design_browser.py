"""The publication design in Debian chromium: tap targets, the labelled share row and its icons,
brand-colour contrast in light and dark, the newsletter form's POST, and screenshots of the pages
readers land on (kept by CI from test-artifacts/design/)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT, served_build
from test_contrast_browser import CONTRAST

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "design"
POST = "posts/listening-tours.html"
PAGES = {
    "home": "index.html",
    "article": POST,
    "tag": "tag/trust.html",
    "subscribe": "subscribe.html",
    "404": "404.html",
}
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Every visible control of a kind, with its rendered size (zero-size ones are hidden by design).
SIZES = r"""
(selector) => [...document.querySelectorAll(selector)]
  .map((el) => ({name: el.textContent.trim(), box: el.getBoundingClientRect()}))
  .filter((c) => c.box.width > 0 && c.box.height > 0)
  .map((c) => [c.name, Math.round(c.box.width), Math.round(c.box.height)])
"""


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    with served_build(tmp_path_factory, "design") as (origin, _out):
        yield origin


@pytest.fixture
def mobile(browser):
    context = browser.new_context(viewport=MOBILE, permissions=["clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "selector",
    [
        "nav[data-ts-share] a, nav[data-ts-share] button",
        "#comments a[data-ts-reply]",
        ".site-nav a, a.site-brand",
        "[data-ts-subscribe] .ts-ways a",
    ],
)
def test_tap_targets_are_at_least_44px_on_a_phone(mobile, origin, selector):
    mobile.goto(f"{origin}/{POST}")
    controls = mobile.evaluate(SIZES, selector)
    assert len(controls) >= 3
    small = [c for c in controls if c[1] < 44 or c[2] < 44]
    assert small == []
    # Nothing sticks out of the 390 px screen.
    assert mobile.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]


QUOTE_STYLE = r"""
() => {
  const line = document.querySelector("blockquote.ts-quote .ts-quote-share");
  const quote = getComputedStyle(line.closest("blockquote"));
  const style = getComputedStyle(line);
  const links = [...line.querySelectorAll("a")].map((a) => {
    const box = a.getBoundingClientRect();
    return [Math.round(box.height), getComputedStyle(a).borderTopStyle];
  });
  return {sans: style.fontFamily !== quote.fontFamily,
          smaller: parseFloat(style.fontSize) < parseFloat(quote.fontSize), links};
}
"""


def test_share_this_quote_is_styled_by_the_theme(mobile, origin):
    # It inherited the quote's large serif text, with plain inline links.
    mobile.goto(f"{origin}/posts/writing-in-public.html")
    style = mobile.evaluate(QUOTE_STYLE)
    assert style["sans"] and style["smaller"]
    assert len(style["links"]) >= 3
    assert all(height >= 44 and border == "solid" for height, border in style["links"])


def test_share_row_has_a_visible_label_and_a_brand_icon_per_network(mobile, origin):
    mobile.goto(f"{origin}/{POST}")
    nav = mobile.locator("nav[data-ts-share]")
    label = nav.locator("h2")
    assert label.is_visible() and label.inner_text().lower() == "share this post"
    assert nav.get_attribute("aria-labelledby") == label.get_attribute("id")
    icons = nav.locator("a svg use, button:not([hidden]) svg use")
    refs = [use.get_attribute("href").rsplit("/", 1)[-1] for use in icons.all()]
    assert refs == [
        "share-icons.svg#linkedin",
        "share-icons.svg#mastodon",
        "share-icons.svg#bluesky",
        "share-icons.svg#x",
        "share-icons.svg#email",
        "share-icons.svg#copy",
    ]
    # Each referenced symbol exists in the served sprite and draws a filled path of its own.
    sprite = mobile.evaluate(
        """async (url) => {
          const text = await (await fetch(url)).text();
          const doc = new DOMParser().parseFromString(text, "image/svg+xml");
          return Object.fromEntries([...doc.querySelectorAll("symbol")].map(
            (s) => [s.id, s.querySelector("path").getAttribute("d").length]));
        }""",
        icons.first.get_attribute("href").split("#")[0],
    )
    assert all(sprite[ref.split("#")[1]] > 40 for ref in refs)
    assert len(set(sprite.values())) == len(sprite)  # no two networks share a glyph
    for svg in nav.locator("a svg").all():
        box = svg.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (18, 18)


@pytest.mark.parametrize("colour", ["#f4b942", "#e11d48", "#111111", "#0b57d0"])
def test_brand_colour_keeps_text_contrast_aa_in_light_and_dark(browser, tmp_path_factory, colour):
    problems = {}
    with served_build(tmp_path_factory, "brand", BRAND_COLOR=colour) as (origin, _out):
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            for path in (POST, "index.html", "subscribe.html"):
                page.goto(f"{origin}/{path}")
                problems[f"{scheme} {path}"] = page.evaluate(CONTRAST)
            brand = page.evaluate(
                "getComputedStyle(document.documentElement).getPropertyValue('--brand')"
            )
            assert brand.strip() == colour  # the setting reached the page
            page.close()
    assert problems == {name: [] for name in problems}


NEWSLETTERS = [
    (
        {"provider": "buttondown", "username": "amara"},
        "https://buttondown.com/api/emails/embed-subscribe/amara",
        {"email": ["reader@example.org"], "embed": ["1"]},
    ),
    (
        {
            "provider": "mailchimp",
            "action": "https://example.us21.list-manage.com/subscribe/post?u=abc123&id=def456",
        },
        "https://example.us21.list-manage.com/subscribe/post?u=abc123&id=def456",
        {"EMAIL": ["reader@example.org"], "b_abc123_def456": [""]},
    ),
    (
        {"provider": "kit", "form": "1234567"},
        "https://app.kit.com/forms/1234567/subscriptions",
        {"email_address": ["reader@example.org"]},
    ),
    (
        {
            "provider": "listmonk",
            "url": "https://lists.example.org/",
            "lists": ["6d48fffe-7d37-4c14-b317-3e4cda33a647"],
        },
        "https://lists.example.org/subscription/form",
        {
            "email": ["reader@example.org"],
            "l": ["6d48fffe-7d37-4c14-b317-3e4cda33a647"],
            "nonce": [""],
        },
    ),
]


def _answer(posted):
    """A route handler that records the request and answers it here (no network)."""

    def handle(route):
        request = route.request
        posted.append((request.method, request.url, request.post_data))
        route.fulfill(status=200, content_type="text/html", body="<p>Thanks</p>")

    return handle


@pytest.mark.parametrize(
    ("setting", "action", "fields"), NEWSLETTERS, ids=[n[0]["provider"] for n in NEWSLETTERS]
)
def test_newsletter_form_posts_the_providers_fields_to_its_endpoint(
    browser, tmp_path_factory, setting, action, fields
):
    posted = []
    served = served_build(tmp_path_factory, "newsletter", FEEDS_NEWSLETTER=setting)
    with served as (origin, _out):
        context = browser.new_context(viewport=MOBILE)
        try:
            page = context.new_page()
            # The provider, intercepted: nothing leaves the machine.
            page.route(f"https://{urlsplit(action).hostname}/**", _answer(posted))
            for path in (POST, "subscribe.html", "index.html"):
                page.goto(f"{origin}/{path}")
                form = page.locator("[data-ts-subscribe] form")
                assert form.is_visible()
                form.get_by_label("Email address").fill("reader@example.org")
                form.get_by_role("button", name="Subscribe").click()
                page.wait_for_url(action)
        finally:
            context.close()
    assert [(method, url) for method, url, _ in posted] == [("POST", action)] * 3
    assert all(parse_qs(body, keep_blank_values=True) == fields for _, _, body in posted)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_pages_readers_land_on(browser, origin, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    for width, viewport in (("1280", DESKTOP), ("390", MOBILE)):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(f"{origin}/{path}", wait_until="networkidle")
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            target = SHOTS / f"{name}-{width}-{scheme}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        context.close()
    assert all(shot.stat().st_size > 10_000 for shot in written)
    assert len(written) == 10
