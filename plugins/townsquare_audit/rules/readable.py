"""readable: every page is a regular, readable file of HTML the audit (and a browser) can read.

Site-level problems come from walking the folder (site.scan): FIFOs, devices, symlinks out of
the folder, pages over the size cap, unreadable folders. Page-level ones come from reading
and parsing: an empty file, bytes that are not UTF-8, nesting deeper than parsers accept.
"""

from ..finding import ERROR, WARNING
from ..kinds import READ_KINDS
from .base import SiteRule


class Readable(SiteRule):
    """Pages are regular readable files with HTML in them; nothing is skipped without a word."""

    id = "readable"
    description = "every page is a readable, non-empty HTML file within the size limit"
    hint = "fix or remove the file (the site folder should hold only what you publish)"
    kinds = READ_KINDS

    def check(self, page):
        if page.empty:
            yield self.finding(page, 1, "the page is empty: no HTML at all", ERROR)
            return
        for line, message in page.problems:
            yield self.finding(page, line, message, WARNING)

    def check_site(self, site):
        for rel, message in site.problems:
            yield self.site_finding(site.shown(rel), message)

    def unreadable(self, shown_path, reason):
        """The finding for a page that could not be read at all."""
        return self.site_finding(shown_path, f"cannot read this page ({reason}): not audited")
