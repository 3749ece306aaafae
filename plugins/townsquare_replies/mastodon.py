"""A Mastodon status's public conversation: /api/v1/statuses/ID and its /context."""

from urllib.parse import quote, urlsplit

from .fetch import get_json
from .model import Reply, Thread
from .sanitize import clean, text


def _number(value):
    return value if isinstance(value, int) and value >= 0 else 0


def _handle(account, instance):
    acct = text(account.get("acct") or account.get("username"))
    return f"@{acct}" if "@" in acct else f"@{acct}@{instance}"


def _reply(status, root_id, root_account, instance):
    account = status.get("account") or {}
    body = clean(status.get("content"))
    warning = text(status.get("spoiler_text"), 500)
    if warning:
        body = clean(f"<p><strong>{warning}</strong></p>") + body
    parent = str(status.get("in_reply_to_id") or "")
    return Reply(
        id=str(status.get("id")),
        url=str(status.get("url") or status.get("uri") or ""),
        author_name=text(account.get("display_name") or account.get("username")),
        author_handle=_handle(account, instance),
        author_url=str(account.get("url") or ""),
        avatar=str(account.get("avatar_static") or account.get("avatar") or ""),
        published=str(status.get("created_at") or ""),
        html=body,
        parent="" if parent == root_id else parent,
        is_author=bool(root_account) and account.get("id") == root_account,
    )


def thread(source, timeout):
    """The Thread of the status source names (FetchError when the instance does not answer)."""
    base = f"{source.base}/api/v1/statuses/{quote(source.key)}"
    root = get_json(base, timeout)
    context = get_json(f"{base}/context", timeout)
    if not isinstance(root, dict) or not isinstance(context, dict):
        root, context = {}, {}
    instance = urlsplit(source.base).hostname or ""
    root_account = (root.get("account") or {}).get("id")
    found = Thread(
        "mastodon",
        source.url,
        replies_count=_number(root.get("replies_count")),
        reposts_count=_number(root.get("reblogs_count")),
        likes_count=_number(root.get("favourites_count")),
    )
    for status in context.get("descendants") or []:
        if isinstance(status, dict) and status.get("id") is not None:
            found.replies.append(_reply(status, source.key, root_account, instance))
    return found
