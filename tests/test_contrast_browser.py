"""Colour contrast in Debian chromium, light and dark: every visible piece of text on the pages
readers land on meets WCAG AA against the background it is drawn on (Lighthouse only checks the
light scheme)."""

import pytest

pytestmark = pytest.mark.browser

PAGES = ("posts/listening-tours.html", "index.html", "tag/community.html", "subscribe.html")

# For each element with its own visible text: its colour, the first opaque background up the
# tree, and the WCAG contrast ratio (4.5:1 for normal text, 3:1 for large or bold-large text).
CONTRAST = r"""
() => {
  const rgb = (value) => (value.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const lin = (c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const problems = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (!own || style.visibility !== "visible" || box.width === 0 || box.height === 0) continue;
    if (el.closest("[hidden], [aria-hidden=true], .skip-link")) continue;
    const fg = rgb(style.color).slice(0, 3);
    const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ` +
                    `${ratio.toFixed(2)}:1`);
    }
  }
  return problems;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(browser, served_sample, scheme):
    page = browser.new_page(color_scheme=scheme)
    checked = {}
    for path in PAGES:
        page.goto(f"{served_sample}/{path}")
        checked[path] = page.evaluate(CONTRAST)
        # Focus styles must stay readable too: check the first share link focused.
        if path.startswith("posts/"):
            page.focus("nav[data-ts-share] a")
            checked[f"{path} (focused link)"] = page.evaluate(CONTRAST)
    page.close()
    assert checked == {name: [] for name in checked}
