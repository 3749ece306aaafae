"""canonical: one absolute canonical URL, and og:url says the same."""

from ..kinds import CONTENT_KINDS
from ..urls import is_absolute, same_page
from .base import Rule


class Canonical(Rule):
    """<link rel=canonical> is present and absolute, and og:url equals it."""

    id = "canonical"
    description = "rel=canonical is absolute and og:url equals it"
    hint = 'add <link rel="canonical" href="https://..."> and set og:url to the same URL'
    kinds = CONTENT_KINDS

    def check(self, page):
        canonical = page.canonical
        if not canonical:
            yield self.finding(
                page,
                page.head_line,
                "no <link rel=canonical>: platforms cannot tell which URL is the original",
            )
            return
        if not is_absolute(canonical):
            yield self.finding(
                page, page.line_of(canonical), f"canonical URL {canonical} is not absolute"
            )
        og_url = page.meta("og:url")
        if og_url and not same_page(og_url, canonical):
            yield self.finding(
                page, page.line_of(og_url), f"og:url {og_url} differs from canonical {canonical}"
            )
