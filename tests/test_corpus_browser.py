"""Placement in the corpus's themes, measured in Debian chromium (issue 21, item 9).

Each theme's pair (corpus_helpers.PAIRS, built once per session) is opened at 1280 and 390 px,
with the site's public address answered from the build folder and every other request refused
(no third-party request leaves the machine). The kit's share row, comments block and subscribe
box must lie inside the post's column (the box holding the post's first paragraph) and above
the site footer, and the share labels must not shrink with a theme's root font size
(Bootstrap 3: html{font-size:10px}). Screenshots go to test-artifacts/ (CI keeps them).
"""

import pytest
from conftest import ROOT, launch_chromium
from corpus_helpers import FIRST_WORDS, PAIRS, POSTS, SITEURLS, output_file
from test_corpus import WAITING, corpus_site  # noqa: F401 - the session fixture

ARTIFACTS = ROOT / "test-artifacts" / "corpus"
WIDTHS = (1280, 390)
PIECES = ("[data-ts-share]", "[data-ts-comments]", "[data-ts-subscribe]")
#: One pair per theme: the first pair each theme appears in.
THEME_PAIRS = tuple({theme: (theme, blog) for theme, blog in reversed(PAIRS)}.values())[::-1]
MEASURE = """([pieces, words]) => {
  const rect = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY,
            height: r.height};
  };
  const first = [...document.querySelectorAll('p')].find(
    (p) => p.textContent.replace(/\\s+/g, ' ').trim().startsWith(words));
  const footer = [...document.querySelectorAll('footer, [role=contentinfo]')].find(
    (f) => !f.closest('article') && !f.closest('[data-ts-share], [data-ts-comments], '
                                               + '[data-ts-subscribe]'));
  const share = document.querySelector('[data-ts-share] a');
  return {
    column: first ? rect(first.parentElement) : null,
    paragraph: first ? rect(first) : null,
    footer: footer ? rect(footer) : null,
    pieces: Object.fromEntries(pieces.map((s) => {
      let element = document.querySelector(s);
      if (!element) return [s, null];
      // Reply links joined to the theme's own comments block (item 8) may be empty there:
      // the block they joined is what the reader sees.
      if (!element.getBoundingClientRect().height) element = element.parentElement;
      let shared = element;  // the nearest element holding both the piece and the post's text
      while (first && shared && !shared.contains(first)) shared = shared.parentElement;
      return [s, {...rect(element), shared: shared ? shared.tagName.toLowerCase() : null}];
    })),
    label: share ? parseFloat(getComputedStyle(share).fontSize) : null,
  };
}"""


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def _answer_from(site, public):
    """A Playwright route handler: the site's own URLs from the build folder, nothing else."""

    def handle(route):
        url = route.request.url
        if not url.startswith(public + "/"):
            return route.abort()
        path = url[len(public) + 1 :].split("#")[0].split("?")[0]
        target = output_file(site, path) if path and not path.endswith("/") else None
        target = target or output_file(site, path or "/")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return route.fulfill(status=404, body="")
        return route.fulfill(path=str(target))

    return handle


def _cases():
    for theme, blog in THEME_PAIRS:
        marks = [WAITING[(theme, blog)]] if (theme, blog) in WAITING else []  # build waits
        for width in WIDTHS:
            yield pytest.param(theme, blog, width, id=f"{theme}-{blog}-{width}", marks=marks)


def test_every_theme_is_measured():
    assert {theme for theme, _blog in THEME_PAIRS} == {theme for theme, _blog in PAIRS}


@pytest.mark.parametrize(("theme", "blog", "width"), list(_cases()))
def test_the_kits_pieces_sit_in_the_posts_column_before_the_footer(
    corpus_site,  # noqa: F811 - the fixture imported above
    chromium,
    theme,
    blog,
    width,
):
    site = corpus_site(theme, blog)
    public, path = SITEURLS[blog], POSTS[blog][0]
    page = chromium.new_page(viewport={"width": width, "height": 900})
    try:
        page.route("**/*", _answer_from(site, public))
        page.goto(f"{public}/{path}", wait_until="load")
        found = page.evaluate(MEASURE, [list(PIECES), FIRST_WORDS[blog]])
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{theme}-{blog}-{width}.png"), full_page=True)
    finally:
        page.close()
    column, paragraph, footer = found["column"], found["paragraph"], found["footer"]
    assert column is not None, "the post's first paragraph was not found"
    for selector, box in found["pieces"].items():
        assert box is not None and box["height"] > 0, f"{selector} missing or empty"
        assert box["shared"] not in ("body", "html"), f"{selector} is outside the content"
        assert box["top"] >= paragraph["bottom"], f"{selector} is above the post's text"
        if selector != "[data-ts-subscribe]":  # subscribe may span the main column
            assert box["left"] >= column["left"] - 1, f"{selector} starts left of the column"
            assert box["right"] <= column["right"] + 1, f"{selector} runs past the column"
        if footer is not None:
            assert box["bottom"] <= footer["top"] + 1, f"{selector} is below the site footer"
    assert found["label"] >= 13, f"share labels at {found['label']}px"
