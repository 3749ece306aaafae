"""The shape every audit rule shares: an id, a one-line description and fix hints, the page
kinds it applies to, and check(page) -> findings. Rules do no printing and no logging.

``hint`` is the generic fix, shown on any site; ``kit_hint`` names Townsquare's own templates
and plugins and is shown only on pages Townsquare wrote (they carry ``data-ts-*`` markers).
"""

from ..finding import ERROR, Finding
from ..kinds import CONTENT_KINDS


class Rule:
    """Base class: subclasses set the class attributes and implement check()."""

    id = ""
    description = ""
    hint = ""
    kit_hint = ""
    kinds = CONTENT_KINDS
    publish_only = False

    def check(self, page):
        """Yield a Finding for every problem on page."""
        raise NotImplementedError

    def finding(self, page, line, message, severity=ERROR):
        """Build a Finding for page at line with this rule's id and the hint that fits it."""
        hint = self.kit_hint if self.kit_hint and page.is_kit else self.hint
        return Finding(page.path, line, self.id, severity, message, hint)


class SiteRule(Rule):
    """A rule about the site as a whole (its files), run once per audit: check_site(site)."""

    kinds = ()

    def check(self, page):
        return ()

    def check_site(self, site):
        """Yield a Finding for every problem with the site's files (site: a SiteScan)."""
        raise NotImplementedError

    def site_finding(self, path, message, line=1, severity=ERROR):
        """A Finding about a file or folder of the site, shown at path."""
        return Finding(path, line, self.id, severity, message, self.hint)
