"""noopener: links that open a new tab cannot reach back into this page (info only).

Browsers have implied rel=noopener for target=_blank since 2021 (Chrome 88, Firefox 79,
Safari 12.1), so a missing rel is worth knowing for older browsers, never a failure.
"""

from ..finding import INFO
from ..kinds import MARKUP_KINDS
from ..urls import origin
from .base import Rule


class NoOpener(Rule):
    """External links with target=_blank carry rel=noopener (or noreferrer)."""

    id = "noopener"
    description = 'external links that open a new tab carry rel="noopener" (info)'
    hint = 'add rel="noopener noreferrer" to links with target="_blank"'
    kinds = MARKUP_KINDS

    def check(self, page):
        if "_blank" not in page.text:
            return
        for link in page.elements("a", target="_blank"):
            href = link.get("href") or ""
            if not href.startswith(("http://", "https://")):
                continue
            if {"noopener", "noreferrer"} & set((link.get("rel") or "").split()):
                continue
            if not (page.origin and origin(href) == page.origin):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"link to {href} opens a new tab without rel=noopener",
                    INFO,
                )
