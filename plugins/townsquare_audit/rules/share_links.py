"""share-links: the page offers one-click share links, and they share this very page."""

from urllib.parse import quote

from ..kinds import ARTICLE, PAGE
from ..sharing import shares
from ..urls import same_page, split
from .base import Rule


class ShareLinks(Rule):
    """Articles and pages need share links whose shared URL decodes to the page's canonical."""

    id = "share-links"
    description = "share links are present and share this page's canonical URL"
    hint = "add links to share-intent URLs (LinkedIn, Mastodon, e-mail...) with this page's URL"
    kit_hint = 'include "townsquare/share.html" (townsquare_share) or add share-intent links'
    kinds = (ARTICLE, PAGE)

    def check(self, page):
        found = page.share_links
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
            if not shared and not _own_page(link.get("href") or "", page.url):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"{network} share link carries no page URL: it shares nothing of this page "
                    f"({page.url})",
                )
            elif shared and not any(same_page(url, page.url) for url in shared):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"{network} share link shares {shared[0]}, not this page ({page.url})",
                )


def _own_page(href, url):
    """True for a link to a page of this site (the kit's Mastodon server picker): it carries
    the text itself, not in its address."""
    parts, here = split(href), split(url)
    if parts is None or here is None:
        return False
    return not parts.scheme or (parts.hostname or "") == (here.hostname or "")
