"""share-links: the page offers one-click share links, and they share this very page.

A share-intent link for another page inside running text ("tweet about this theme", a
sentence around it) is the writer's link, not the page's share row: it is neither reported
nor counted. The page's own share row decides.
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
        kept, wrong = 0, []
        encoded = quote(page.url, safe="") if page.url else ""
        for link, network, urls in page.share_links:
            shared = _elsewhere(link, urls, page.url, encoded)
            if shared and _in_text(page, link):
                continue  # the writer's link about another page, not this page's share row
            kept += 1
            if shared:
                wrong.append(
                    self.finding(
                        page,
                        page.line_of_tag(link),
                        f"{network} share link shares {shared}, not this page ({page.url})",
                    )
                )
        if not kept:
            yield self.finding(
                page,
                page.body_line,
                "no share links: readers have no one-click way to share this page",
            )
        yield from wrong


def _elsewhere(link, urls, url, encoded):
    """The URL a share link shares when it is not this page's (url), else ''."""
    if not url or shares(link.get("href") or "", url, encoded):
        return ""  # no URL to compare with (the canonical rule says so), or the usual case
    shared = urls()
    if shared and not any(same_page(other, url) for other in shared):
        return shared[0]
    return ""


def _in_text(page, link):
    """True when the link sits in running text: its parent holds words outside links (a
    sentence), and it is not inside a share container (data-ts-share)."""
    parent = link.getparent()
    if parent is None or any(box in link.iterancestors() for box in page.marked("data-ts-share")):
        return False
    if (parent.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in parent)
