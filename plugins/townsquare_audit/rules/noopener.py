"""noopener: links that open a new tab cannot reach back into this page."""

from ..finding import WARNING
from ..kinds import KINDS
from ..urls import origin
from .base import Rule


class NoOpener(Rule):
    """External links with target=_blank carry rel=noopener (or noreferrer)."""

    id = "noopener"
    description = 'external links that open a new tab carry rel="noopener"'
    hint = 'add rel="noopener noreferrer" to links with target="_blank"'
    kinds = KINDS

    def check(self, page):
        for link in page.elements("a", target="_blank"):
            href = link.get("href") or ""
            if not href.startswith(("http://", "https://")):
                continue
            if page.origin and origin(href) == page.origin:
                continue
            rel = set(link.get("rel") or [])
            if not rel & {"noopener", "noreferrer"}:
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"link to {href} opens a new tab without rel=noopener",
                    WARNING,
                )
