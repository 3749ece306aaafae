"""The shape every audit rule shares: an id, a one-line description and fix hint, the page
kinds it applies to, and check(page) -> findings. Rules do no printing and no logging."""

from ..finding import ERROR, Finding
from ..kinds import CONTENT_KINDS


class Rule:
    """Base class: subclasses set the class attributes and implement check()."""

    id = ""
    description = ""
    hint = ""
    kinds = CONTENT_KINDS
    publish_only = False

    def applies_to(self, page):
        """True when this rule should look at page (kind, build mode, opt-outs)."""
        if self.publish_only and not page.site.publish:
            return False
        return page.kind in self.kinds and not page.ignores(self.id)

    def check(self, page):
        """Yield a Finding for every problem on page."""
        raise NotImplementedError

    def finding(self, page, line, message, severity=ERROR):
        """Build a Finding for page at line with this rule's id and hint."""
        return Finding(page.path, line, self.id, severity, message, self.hint)
