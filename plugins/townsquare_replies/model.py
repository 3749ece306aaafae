"""The conversation as plain values: a Thread of Replies, stored in the cache as JSON."""

from dataclasses import asdict, dataclass, field

#: How deep replies nest on the page; deeper ones are shown at this depth.
MAX_DEPTH = 6


@dataclass
class Reply:
    """One response: who, when, where the original is, and its sanitised HTML."""

    id: str
    url: str
    author_name: str
    author_handle: str
    author_url: str
    avatar: str  # the remote avatar address (replaced by the site's copy when rendered)
    published: str  # ISO 8601 as the network gave it
    html: str  # sanitised (sanitize.clean); never raw network HTML
    parent: str = ""  # the id of the reply this answers; "" for an answer to the post
    is_author: bool = False
    children: list = field(default_factory=list)


@dataclass
class Thread:
    """A post's conversation on one network: counts and the replies (flat, parent ids)."""

    network: str  # "mastodon", "bluesky" or "webmention"
    url: str  # the syndicated copy (or the post itself, for webmentions)
    replies_count: int = 0
    reposts_count: int = 0
    likes_count: int = 0
    replies: list = field(default_factory=list)

    def to_json(self):
        """A dict for the cache file."""
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        """The Thread a cache file holds."""
        replies = [Reply(**{**r, "children": []}) for r in data.get("replies", [])]
        return cls(**{**data, "replies": replies})


def as_tree(replies, limit):
    """The replies as a forest in reading order (each answer under the reply it answers, by
    time), cut after `limit` replies.

    Linear in the number of replies and without recursion; a reply whose parent is missing
    (deleted or blocked) is dropped with its answers, and nesting stops at MAX_DEPTH: deeper
    answers are shown under their ancestor at that depth."""
    answers = {}
    for reply in sorted(replies, key=lambda r: (r.published, r.id)):
        reply.children = []
        answers.setdefault(reply.parent, []).append(reply)
    roots = []
    # (reply, the reply it is shown under or None, its depth); a stack in reverse order so the
    # earliest reply comes out first.
    pending = [(reply, None, 1) for reply in reversed(answers.get("", []))]
    shown = 0
    while pending and shown < limit:
        reply, holder, depth = pending.pop()
        (roots if holder is None else holder.children).append(reply)
        shown += 1
        under, level = (reply, depth + 1) if depth < MAX_DEPTH else (holder, depth)
        pending.extend((child, under, level) for child in reversed(answers.get(reply.id, [])))
    return roots
