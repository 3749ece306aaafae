"""feed-discovery: feed readers find the feed from any page via <link rel="alternate">."""

from ..kinds import CONTENT_KINDS
from ..urls import is_absolute
from .base import Rule

FEED_TYPES = frozenset(
    {"application/atom+xml", "application/rss+xml", "application/feed+json", "application/json"}
)


def feed_links(page):
    """Every <link rel=alternate> in the page that announces a feed."""
    return [
        link
        for link in page.links("alternate")
        if (link.get("type") or "").lower() in FEED_TYPES and link.get("href")
    ]


class FeedDiscovery(Rule):
    """Every page announces at least one feed, and announced site feeds exist."""

    id = "feed-discovery"
    description = "feed autodiscovery links are present and resolve"
    hint = 'add <link rel="alternate" type="application/atom+xml" href="..."> to <head>'
    kit_hint = (
        'add <link rel="alternate" type="application/atom+xml" href="..."> (townsquare_feeds)'
    )
    kinds = CONTENT_KINDS

    def __init__(self):
        # Absolute feed URLs already found to resolve, by (origin, prefix): every page of a
        # site announces the same few feeds.
        self._clean = {}

    def check(self, page):
        links = feed_links(page)
        if not links:
            yield self.finding(
                page, page.head_line, "no feed autodiscovery link: feed readers cannot find a feed"
            )
            return
        publish, files = page.site.publish, page.site.files
        clean = self._clean.setdefault((page.origin, page.prefix), set())
        for link in links:
            href = link.get("href").strip()
            if href in clean:
                continue
            if publish and not is_absolute(href):
                yield self.finding(
                    page, page.line_of_tag(link), f"feed link {href} is not an absolute URL"
                )
            path = page.resolve(href)
            if path is not None and not files.exists(path):
                yield self.finding(
                    page,
                    page.line_of_tag(link),
                    f"feed link {href} does not resolve to a file in the site",
                )
            elif is_absolute(href):  # clean, and the same from every page of the site
                clean.add(href)
