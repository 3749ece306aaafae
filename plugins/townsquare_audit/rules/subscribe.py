"""subscribe: a reader who likes the page can follow from it, visibly."""

import re

from ..kinds import ARTICLE, HOME, LISTING
from ..page import hidden
from .base import Rule
from .feed_discovery import feed_links

FOLLOW_TEXT = re.compile(r"\b(subscribe|follow|rss|atom|newsletter|feed)\b", re.I)
FEED_HREF = re.compile(r"(\.xml|\.rss|\.atom|feed\.json|/feed/?)(\?|#|$)", re.I)


class Subscribe(Rule):
    """Articles and listings show a visible subscribe point (block, feed link or follow link)."""

    id = "subscribe"
    description = "a visible subscribe point is present"
    hint = "include partials/subscribe.html (plugins/feeds) or show a visible feed/follow link"
    kinds = (ARTICLE, HOME, LISTING)

    def check(self, page):
        announced = {link["href"].strip() for link in feed_links(page)}
        for element in page.elements():
            if hidden(element):
                continue
            if element.has_attr("data-ts-subscribe"):
                return
            if element.name == "a" and _follows(element, announced):
                return
        yield self.finding(
            page,
            page.body_line,
            "no visible subscribe point: readers cannot follow from this page",
        )


def _follows(link, announced):
    """True for a link to a feed or a link that says subscribe/follow."""
    href = (link.get("href") or "").strip()
    if href in announced or FEED_HREF.search(href):
        return True
    return bool(FOLLOW_TEXT.search(link.get_text(" ", strip=True)))
