"""REPLIES_BLOCK: leave out replies from blocked accounts or instances, or with blocked words."""

import re
from urllib.parse import urlsplit


def _host(url):
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _words(html):
    return set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", html).lower()))


def blocked(reply, entries):
    """True when an entry names reply's account (@user@host, handle), instance or a word in it.

    An entry with an '@' or a '.' is an account or an instance; any other entry is a word."""
    handle = reply.author_handle.lstrip("@").lower()
    hosts = {_host(reply.author_url), handle.rsplit("@", 1)[-1] if "@" in handle else ""}
    if "." in handle and "@" not in handle:  # a Bluesky handle is a domain name
        hosts.add(handle)
    hosts.discard("")
    words = None
    for entry in entries:
        entry = entry.strip().lower().lstrip("@")
        if "@" in entry or "." in entry:
            if entry == handle or entry in hosts or any(h.endswith("." + entry) for h in hosts):
                return True
            continue
        words = _words(reply.html) if words is None else words
        if entry in words:
            return True
    return False


def moderate(thread, entries):
    """thread without blocked replies (answers to them are dropped when the tree is built)."""
    if entries:
        thread.replies = [r for r in thread.replies if not blocked(r, entries)]
    return thread
