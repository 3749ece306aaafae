"""accessible-names: every share, comment and subscribe control can be named by a screen reader."""

from ..kinds import READ_KINDS
from .base import Rule
from .names import accessible_name, has_own_text

CONTAINERS = ("data-ts-share", "data-ts-comments", "data-ts-subscribe")


class AccessibleNames(Rule):
    """Links and buttons that share, comment or subscribe have an accessible name."""

    id = "accessible-names"
    description = "share, comment and subscribe controls have accessible names"
    hint = "give the control visible text or an aria-label (icons need aria-hidden plus a label)"
    kinds = READ_KINDS

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
    """Those of elements that share, comment or subscribe."""
    boxes = {box for name in CONTAINERS for box in page.marked(name)}
    return {element for element in elements if _is_control(page, element, boxes)}


def _is_control(page, element, boxes):
    """True for a link or button in an interaction container, one carrying a data-ts-* marker
    on a kit page, or a share link (outside containers: inside, it is in one already)."""
    if element in boxes or any(parent in boxes for parent in element.iterancestors()):
        return True
    if page.is_kit and "data-ts-" in " ".join(element.keys()):
        return True
    return element.tag == "a" and page.share_link(element) is not None


def _describe(element):
    """Name the control in a message: links by target, buttons by their marker attributes."""
    if element.tag == "a":
        return f"link to {element.get('href')}"
    markers = [key for key in element.attrib if key.startswith("data-")]
    return f"button [{' '.join(markers)}]" if markers else "button"
