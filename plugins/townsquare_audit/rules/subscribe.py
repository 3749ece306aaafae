"""subscribe: a reader who likes the page can follow from it, visibly."""

import re

from ..kinds import ARTICLE, HOME, LISTING
from ..tree import hidden
from .base import Rule
from .feed_discovery import feed_links
from .names import accessible_name

#: What a follow control says (its accessible name: text, aria-label, alt or title). "feed"
#: alone is not enough ("news feed policy", "Feedback"): a link counts as a feed link by where
#: it points, not by the word.
FOLLOW_NAME = re.compile(r"\b(subscribe|follow|rss|atom|newsletter|json feed)\b", re.I)
FEED_HREF = re.compile(r"(\.xml|\.rss|\.atom|feed\.json|/feed/?|/rss/?)(\?|#|$)", re.I)


class Subscribe(Rule):
    """Articles and listings show a visible subscribe point (block, feed link or follow link)."""

    id = "subscribe"
    description = "a visible subscribe point is present"
    hint = "show a visible link to the feed, a newsletter form or a follow link"
    kit_hint = (
        'include "townsquare/subscribe.html" (townsquare_feeds) or show a visible feed/follow link'
    )
    kinds = (ARTICLE, HOME, LISTING)

    def check(self, page):
        if any(not hidden(block) for block in page.marked("data-ts-subscribe")):
            return
        announced = {(link.get("href") or "").strip() for link in feed_links(page)}
        for link in page.elements("a"):
            if _follows(page, link, announced) and not hidden(link):
                return
        yield self.finding(
            page,
            page.body_line,
            "no visible subscribe point: readers cannot follow from this page",
        )


def _follows(page, link, announced):
    """True for a link to a feed, a profile link (rel=me) or a link named subscribe/follow."""
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return False
    if href in announced or FEED_HREF.search(href):
        return True
    name = accessible_name(page, link)
    if "me" in (link.get("rel") or "").split() and name:
        return True
    return bool(FOLLOW_NAME.search(name))
