"""share-links: the page offers one-click share links, and they share this very page.

A share-intent link for another page inside running text ("tweet about this theme", a
sentence around it) is the writer's link, not the page's share row: it is neither reported
nor counted. The page's own share row decides.
"""

from urllib.parse import quote

from ..kinds import ARTICLE, PAGE
from ..page import _within
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
        kept, wrong = 0, []
        encoded = quote(page.url, safe="") if page.url else ""
        for link, network, urls in page.share_links:
            problem = _problem(link, urls, page, encoded)
            if problem and _in_text(page, link):
                continue  # the writer's link about another page, not this page's share row
            kept += 1
            if problem:
                wrong.append(
                    self.finding(page, page.line_of_tag(link), f"{network} share link {problem}")
                )
        if not kept:
            yield self.finding(
                page,
                page.body_line,
                "no share links: readers have no one-click way to share this page",
            )
        yield from wrong


def _problem(link, urls, page, encoded):
    """What is wrong with a share link ('shares X, not this page ...'), or '' when it shares
    this page (or there is no page URL to compare with: the canonical rule says so)."""
    href = link.get("href") or ""
    if not page.url or shares(href, page.url, encoded):
        return ""  # the usual case, read without decoding the link
    shared = urls()
    if not shared:
        if _own_page(href, page):
            return ""
        return f"carries no page URL: it shares nothing of this page ({page.url})"
    if not any(same_page(other, page.url) for other in shared):
        return f"shares {shared[0]}, not this page ({page.url})"
    return ""


def _own_page(href, page):
    """True for a link to a page of this site (the kit's Mastodon server picker): it carries
    the text itself, not in its address. The site is the page's canonical host or, for a post
    whose canonical address is elsewhere (first published on Medium), the site's own origin."""
    if _within(href, page._own):
        return True  # at the site's origin or root-relative: known without parsing the URL
    parts = split(href)
    if parts is None:
        return False
    if not parts.scheme:
        return True
    hosts = {(split(u).hostname or "") for u in (page.url, page.origin) if u and split(u)}
    return (parts.hostname or "") in hosts - {""}


def _in_text(page, link):
    """True when the link sits in running text: its parent holds words outside links (a
    sentence), and it is not inside a share container (data-ts-share)."""
    parent = link.getparent()
    if parent is None or any(box in link.iterancestors() for box in page.marked("data-ts-share")):
        return False
    if (parent.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in parent)
