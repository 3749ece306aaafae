"""A Bluesky post's public thread, from an AppView: resolveHandle, then getPostThread."""

from urllib.parse import urlencode

from .fetch import FetchError, get_json
from .model import Reply, Thread
from .sanitize import plain, text

_LINK = "app.bsky.richtext.facet#link"


def _xrpc(appview, method, timeout, **params):
    return get_json(f"{appview.rstrip('/')}/xrpc/{method}?{urlencode(params)}", timeout)


def _did(appview, actor, timeout):
    if actor.startswith("did:"):
        return actor
    answer = _xrpc(appview, "com.atproto.identity.resolveHandle", timeout, handle=actor)
    did = answer.get("did") if isinstance(answer, dict) else None
    if not isinstance(did, str) or not did.startswith("did:"):
        raise FetchError(f"{appview}: no DID for the handle {actor!r}")
    return did


def _links(record):
    found = []
    for facet in record.get("facets") or []:
        index = facet.get("index") or {}
        for feature in facet.get("features") or []:
            href = feature.get("uri") if isinstance(feature, dict) else None
            if feature.get("$type") == _LINK and isinstance(href, str):
                found.append((index.get("byteStart", 0), index.get("byteEnd", 0), href))
    return found


def _reply(post, parent, root_did):
    author = post.get("author") or {}
    record = post.get("record") or {}
    handle = text(author.get("handle"))
    rkey = str(post.get("uri", "")).rsplit("/", 1)[-1]
    return Reply(
        id=str(post.get("uri")),
        url=f"https://bsky.app/profile/{handle}/post/{rkey}",
        author_name=text(author.get("displayName") or handle),
        author_handle=f"@{handle}",
        author_url=f"https://bsky.app/profile/{handle}",
        avatar=str(author.get("avatar") or ""),
        published=str(record.get("createdAt") or post.get("indexedAt") or ""),
        html=plain(record.get("text"), _links(record)),
        parent=parent,
        is_author=author.get("did") == root_did,
    )


def _number(post, key):
    value = post.get(key)
    return value if isinstance(value, int) and value >= 0 else 0


def thread(source, appview, timeout):
    """The Thread of the post source names (FetchError when the AppView does not answer)."""
    did = _did(appview, source.key, timeout)
    uri = f"at://{did}/app.bsky.feed.post/{source.rkey}"
    answer = _xrpc(appview, "app.bsky.feed.getPostThread", timeout, uri=uri, depth=1000)
    root = (answer or {}).get("thread") if isinstance(answer, dict) else None
    post = (root or {}).get("post") or {}
    found = Thread(
        "bluesky",
        source.url,
        replies_count=_number(post, "replyCount"),
        reposts_count=_number(post, "repostCount"),
        likes_count=_number(post, "likeCount"),
    )
    # Walk the tree without recursion: a deep thread must not exhaust Python's stack.
    pending = [(child, "") for child in (root or {}).get("replies") or []]
    while pending:
        node, parent = pending.pop()
        reply_post = node.get("post") if isinstance(node, dict) else None
        if not isinstance(reply_post, dict) or not reply_post.get("uri"):
            continue  # notFoundPost / blockedPost
        reply = _reply(reply_post, parent, did)
        found.replies.append(reply)
        pending.extend((child, reply.id) for child in node.get("replies") or [])
    return found
