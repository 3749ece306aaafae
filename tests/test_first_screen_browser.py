"""The first impression in Debian chromium, read from layout: on a 390x844 phone the newest
post's title starts on the first screen and a long site name takes at most two lines; at
1280 px a post's text runs at most 75 characters a line and a very long title steps down."""

import shutil

import pytest
from conftest import CONTENT, served_build

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
LONG_NAME = "The Open Leadership Notebook of the Townsquare Community Team"
POST = "posts/listening-tours.html"
# The longest rendered line of the post body, in characters: each text node's characters are
# grouped by the line box (rect top) they land on.
LONGEST_LINE = """() => {
  let longest = 0;
  for (const p of document.querySelectorAll('.post-body p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const lines = new Map();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) { const top = Math.round(rect.top); lines.set(top, (lines.get(top) || 0) + 1); }
      }
    }
    longest = Math.max(longest, ...lines.values());
  }
  return longest;
}"""


LONG_TITLE = (
    "What three years of open quarterly reviews taught our leadership team about saying "
    "the uncomfortable part out loud, before anyone asks"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("firstscreen-content") / "content"
    shutil.copytree(CONTENT, content)
    (content / "posts" / "long-title.md").write_text(
        f"Title: {LONG_TITLE}\nDate: 2026-01-05 09:00\nCategory: Leadership\n"
        "Author: Amara Okafor\nSlug: long-title\n\nA short post under a long title.\n",
        encoding="utf-8",
    )
    served = served_build(tmp_path_factory, "firstscreen", SITENAME=LONG_NAME, PATH=str(content))
    with served as pair:
        yield pair


def _lines(locator):
    return locator.evaluate(
        "(el) => Math.round(el.getBoundingClientRect().height /"
        " parseFloat(getComputedStyle(el).lineHeight))"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_newest_posts_title_starts_on_a_phones_first_screen(browser, site, scheme):
    origin, _out = site
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{origin}/index.html")
    title = page.locator(".featured h2").bounding_box()
    assert title["y"] + 24 <= PHONE["height"], title  # its first line is visible
    name = page.locator(".site-name")
    assert _lines(name) <= 2
    assert page.locator(".site-name").evaluate("(el) => el.scrollWidth <= el.clientWidth")
    # The subscribe button is still one tap away on the first screen.
    cta = page.locator(".site-nav .nav-cta").bounding_box()
    assert cta["y"] + cta["height"] <= PHONE["height"]
    context.close()


def test_post_text_runs_at_most_75_characters_a_line_at_1280(browser, site):
    origin, _out = site
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{origin}/{POST}")
    longest = page.evaluate(LONGEST_LINE)
    page.close()
    assert 55 <= longest <= 75, longest


def test_a_title_over_90_characters_steps_down_a_size(browser, site):
    origin, _out = site
    assert len(LONG_TITLE) > 90
    page = browser.new_page(viewport=DESKTOP)
    sizes = []
    for path in (POST, "posts/long-title.html"):
        page.goto(f"{origin}/{path}")
        sizes.append(
            page.locator(".post-header h1").evaluate("(h) => getComputedStyle(h).fontSize")
        )
    page.close()
    normal, long = (float(size.removesuffix("px")) for size in sizes)
    assert long <= 0.8 * normal, sizes
