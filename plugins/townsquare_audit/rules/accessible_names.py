"""accessible-names: every share, comment and subscribe control can be named by a screen reader."""

from ..kinds import KINDS
from ..sharing import decode
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
        for element in page.elements("a", "button"):
            if not _is_interaction_control(element):
                continue
            if not accessible_name(page, element):
                yield self.finding(
                    page,
                    page.line_of_tag(element),
                    f"{_describe(element)} has no accessible name (no text, aria-label or alt)",
                )


def _is_interaction_control(element):
    """True for controls in an interaction container, data-ts-* controls and share links."""
    if any(key.startswith("data-ts-") for key in element.attrs):
        return True
    for parent in element.parents:
        if parent.name and any(parent.has_attr(key) for key in CONTAINERS):
            return True
    href = element.get("href")
    return bool(href) and decode(href) is not None


def _describe(element):
    """Name the control in a message: links by target, buttons by their marker attributes."""
    if element.name == "a":
        return f"link to {element.get('href')}"
    markers = [key for key in element.attrs if key.startswith("data-")]
    return f"button [{' '.join(markers)}]" if markers else "button"
