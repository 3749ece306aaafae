"""Webmentions of a post received by webmention.io: replies and mentions, likes and reposts."""

from urllib.parse import urlencode

from .fetch import get_json
from .model import Reply, Thread
from .sanitize import clean, plain, text

_REPLIES = ("in-reply-to", "mention-of")


def thread(api, target, timeout):
    """The Thread of webmentions for target (the post's canonical URL)."""
    query = urlencode({"target": target, "per-page": 1000})
    answer = get_json(f"{api.rstrip('/')}/api/mentions.jf2?{query}", timeout)
    found = Thread("webmention", target)
    for entry in (answer or {}).get("children") or [] if isinstance(answer, dict) else []:
        if not isinstance(entry, dict):
            continue
        kind = entry.get("wm-property")
        if kind == "like-of":
            found.likes_count += 1
        elif kind == "repost-of":
            found.reposts_count += 1
        elif kind in _REPLIES:
            author = entry.get("author") or {}
            content = entry.get("content") or {}
            body = (
                clean(content.get("html")) if content.get("html") else plain(content.get("text"))
            )
            found.replies.append(
                Reply(
                    id=str(entry.get("wm-id")),
                    url=str(entry.get("url") or ""),
                    author_name=text(author.get("name") or author.get("url")),
                    author_handle="",
                    author_url=str(author.get("url") or ""),
                    avatar=str(author.get("photo") or ""),
                    published=str(entry.get("published") or entry.get("wm-received") or ""),
                    html=body,
                )
            )
    found.replies_count = len(found.replies)
    return found
