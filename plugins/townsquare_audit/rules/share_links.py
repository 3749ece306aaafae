"""share-links: the page offers one-click share links, and they share this very page.

A share-intent link inside running text ("tweet about this theme", a sentence around it) is
the writer's link about another page, not the page's share row: it is neither reported nor
counted. The page's own share row (links outside prose, or the kit's share container) decides.
"""

from urllib.parse import quote

from ..kinds import ARTICLE, PAGE
from ..sharing import shares
from ..urls import same_page
from .base import Rule


class ShareLinks(Rule):
    """Articles and pages need share links whose shared URL decodes to the page's canonical."""

    id = "share-links"
    description = "share links are present and share this page's canonical URL"
    hint = "add links to share-intent URLs (LinkedIn, Mastodon, e-mail...) with this page's URL"
    kit_hint = 'include "townsquare/share.html" (townsquare_share) or add share-intent links'
    kinds = (ARTICLE, PAGE)

    def check(self, page):
        found = [entry for entry in page.share_links if not _in_text(page, entry[0])]
        if not found:
            yield self.finding(
                page,
                page.body_line,
                "no share links: readers have no one-click way to share this page",
            )
            return
        if not page.url:
            return  # nothing to compare with; the canonical rule reports the missing URL
        encoded = quote(page.url, safe="")
        for link, network, urls in found:
            if shares(link.get("href") or "", page.url, encoded):
                continue  # the usual case, read without decoding the link
            shared = urls()
            if shared and not any(same_page(url, page.url) for url in shared):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"{network} share link shares {shared[0]}, not this page ({page.url})",
                )


def _in_text(page, link):
    """True when the link sits in running text: its parent holds words outside links (a
    sentence), and it is not inside a share container (data-ts-share)."""
    parent = link.getparent()
    if parent is None or any(box in link.iterancestors() for box in page.marked("data-ts-share")):
        return False
    if (parent.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in parent)
