"""accessible-names: every share, comment and subscribe control can be named by a screen reader."""

from lxml import etree

from ..kinds import KINDS
from ..sharing import decode
from .base import Rule
from .names import accessible_name

#: Controls in an interaction container, and controls carrying a data-ts-* marker.
MARKED = etree.XPath(
    "//*[@data-ts-share or @data-ts-comments or @data-ts-subscribe]//*[self::a or self::button]"
    " | //*[self::a or self::button][@*[starts-with(name(), 'data-ts-')]]"
)


class AccessibleNames(Rule):
    """Links and buttons that share, comment or subscribe have an accessible name."""

    id = "accessible-names"
    description = "share, comment and subscribe controls have accessible names"
    hint = "give the control visible text or an aria-label (icons need aria-hidden plus a label)"
    kinds = KINDS

    def check(self, page):
        marked = set(MARKED(page.root))
        for element in page.elements("a", "button"):
            href = element.get("href")
            if element not in marked and not (href and decode(href) is not None):
                continue
            if not accessible_name(page, element):
                yield self.finding(
                    page,
                    page.line_of_tag(element),
                    f"{_describe(element)} has no accessible name (no text, aria-label or alt)",
                )


def _describe(element):
    """Name the control in a message: links by target, buttons by their marker attributes."""
    if element.tag == "a":
        return f"link to {element.get('href')}"
    markers = [key for key in element.attrib if key.startswith("data-")]
    return f"button [{' '.join(markers)}]" if markers else "button"
