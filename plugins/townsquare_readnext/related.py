"""Where a reader goes after a post: the previous and next post, and related posts by tag.

Computed once per build from the published articles (drafts and hidden posts are never
suggested, and never get suggestions).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadNext:
    """The `article.read_next` value the partial draws."""

    previous: object = None  # the older post
    next: object = None  # the newer post
    related: tuple = ()


def _tag_names(article):
    return {tag.slug for tag in getattr(article, "tags", None) or ()}


def related_posts(article, candidates, count, exclude=()):
    """Up to count posts sharing tags with article: most shared tags first, then newest."""
    mine = _tag_names(article)
    if not mine or count == 0:
        return ()
    scored = []
    for other in candidates:
        if other is article or any(other is e for e in exclude):
            continue
        shared = len(mine & _tag_names(other))
        if shared:
            scored.append((-shared, -other.date.timestamp(), other.source_path, other))
    scored.sort(key=lambda entry: entry[:3])
    return tuple(entry[3] for entry in scored[:count])


def read_next(articles, count):
    """Map each article (by id) to its ReadNext; articles in any order."""
    ordered = sorted(articles, key=lambda a: (a.date, a.source_path))
    found = {}
    for index, article in enumerate(ordered):
        older = ordered[index - 1] if index > 0 else None
        newer = ordered[index + 1] if index + 1 < len(ordered) else None
        neighbours = tuple(a for a in (older, newer) if a is not None)
        found[id(article)] = ReadNext(
            older, newer, related_posts(article, ordered, count, neighbours)
        )
    return found
