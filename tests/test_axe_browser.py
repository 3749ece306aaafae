"""axe-core (npm, pinned in package.json) finds no WCAG 2.1 A/AA or 2.2 AA violation in chromium.

The fixture blog is built with the kit's theme and served on loopback; each page is loaded in
light and in dark mode, axe-core is injected from node_modules and run with the A and AA rule
tags (colour contrast included). A violation is reported with its rule, impact, the elements'
selectors and axe's own summary of what to fix.
"""

import pytest
from conftest import ROOT, require

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = (
    "index.html",
    "posts/listening-tours.html",
    "tag/trust.html",
    "subscribe.html",
    "404.html",
)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # 2.2: target-size
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + ": " + n.failureSummary),
  }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_a_or_aa_violation(browser, served_sample, scheme):
    require(AXE.is_file(), "axe-core (`npm ci`)")
    found = {}
    for path in PAGES:
        page = browser.new_page(color_scheme=scheme)
        response = page.goto(f"{served_sample}/{path}")
        assert response is not None and response.status == 200, path
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN, TAGS)
        if violations:
            found[path] = violations
        page.close()
    assert found == {}
