"""share-links: the page offers one-click share links, and they share this very page."""

from ..kinds import ARTICLE, PAGE
from ..sharing import decode
from ..urls import same_page
from .base import Rule


class ShareLinks(Rule):
    """Articles and pages need share links whose shared URL decodes to the page's canonical."""

    id = "share-links"
    description = "share links are present and share this page's canonical URL"
    hint = "include partials/share.html (plugins/share) or add links to share-intent URLs"
    kinds = (ARTICLE, PAGE)

    def check(self, page):
        found = []
        for link in page.elements("a"):
            href = link.get("href")
            if not href:
                continue
            decoded = decode(href, in_share_container=_in_share_container(link))
            if decoded:
                found.append((link, *decoded))
        if not found:
            yield self.finding(
                page,
                page.body_line,
                "no share links: readers have no one-click way to share this page",
            )
            return
        if not page.url:
            return  # nothing to compare with; the canonical rule reports the missing URL
        for link, network, shared in found:
            if shared and not any(same_page(url, page.url) for url in shared):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"{network} share link shares {shared[0]}, not this page ({page.url})",
                )


def _in_share_container(element):
    """True when element sits inside a theme's share container."""
    return any(parent.has_attr("data-ts-share") for parent in element.parents if parent.name)
