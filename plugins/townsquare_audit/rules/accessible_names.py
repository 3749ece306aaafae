"""accessible-names: every share, comment and subscribe control can be named by a screen reader."""

from ..kinds import KINDS
from .base import Rule
from .names import accessible_name

CONTAINERS = ("data-ts-share", "data-ts-comments", "data-ts-subscribe")


class AccessibleNames(Rule):
    """Links and buttons that share, comment or subscribe have an accessible name."""

    id = "accessible-names"
    description = "share, comment and subscribe controls have accessible names"
    hint = "give the control visible text or an aria-label (icons need aria-hidden plus a label)"
    kinds = KINDS

    def check(self, page):
        for element in _controls(page):
            if not accessible_name(page, element):
                yield self.finding(
                    page,
                    page.line_of_tag(element),
                    f"{_describe(element)} has no accessible name (no text, aria-label or alt)",
                )


def _controls(page):
    """Links and buttons in interaction containers, carrying data-ts-* markers, or sharing."""
    controls = {link for link, _network, _urls in page.share_links}
    for name in CONTAINERS:
        for box in page.marked(name):
            controls.update(box.iter("a", "button"))
    if page.is_kit:
        controls.update(
            el for el in page.elements("a", "button") if "data-ts-" in " ".join(el.keys())
        )
    return [el for el in page.elements("a", "button") if el in controls]


def _describe(element):
    """Name the control in a message: links by target, buttons by their marker attributes."""
    if element.tag == "a":
        return f"link to {element.get('href')}"
    markers = [key for key in element.attrib if key.startswith("data-")]
    return f"button [{' '.join(markers)}]" if markers else "button"
