"""accessible-names: every share, comment and subscribe control can be named by a screen reader."""

from ..kinds import KINDS
from .base import Rule
from .names import accessible_name, has_own_text

CONTAINERS = ("data-ts-share", "data-ts-comments", "data-ts-subscribe")


class AccessibleNames(Rule):
    """Links and buttons that share, comment or subscribe have an accessible name."""

    id = "accessible-names"
    description = "share, comment and subscribe controls have accessible names"
    hint = "give the control visible text or an aria-label (icons need aria-hidden plus a label)"
    kinds = KINDS

    def check(self, page):
        # A link or button with text of its own has a name: only the others can be findings,
        # and most pages have few (the cheap test spares finding out which are controls).
        unnamed = [el for el in page.elements("a", "button") if not has_own_text(el)]
        if not unnamed:
            return
        controls = _controls(page, unnamed)
        for element in unnamed:
            if element in controls and not accessible_name(page, element):
                yield self.finding(
                    page,
                    page.line_of_tag(element),
                    f"{_describe(element)} has no accessible name (no text, aria-label or alt)",
                )


def _controls(page, elements):
    """Those of elements that share, comment or subscribe: share links, links and buttons in
    interaction containers, and (on kit pages) those carrying data-ts-* markers."""
    shared = {link for link, _network, _urls in page.share_links}
    boxes = {box for name in CONTAINERS for box in page.marked(name)}
    found = set()
    for element in elements:
        if (
            element in shared
            or element in boxes
            or (page.is_kit and "data-ts-" in " ".join(element.keys()))
            or any(parent in boxes for parent in element.iterancestors())
        ):
            found.add(element)
    return found


def _describe(element):
    """Name the control in a message: links by target, buttons by their marker attributes."""
    if element.tag == "a":
        return f"link to {element.get('href')}"
    markers = [key for key in element.attrib if key.startswith("data-")]
    return f"button [{' '.join(markers)}]" if markers else "button"
