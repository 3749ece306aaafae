"""Recognise share links and decode which URL they share.

A share link is recognised by its endpoint (host + path) from the table below, or by sitting
inside a theme's share container (``[data-ts-share]``). The shared URL is read from the
endpoint's URL parameter or, for text-only intents (X, Bluesky, WhatsApp, e-mail, Mastodon),
found inside the prefilled text — always after percent-decoding, never by substring match
on the raw href.
"""

import re
from functools import lru_cache, partial
from urllib.parse import quote, unquote

from .urls import split

URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
#: A plain absolute http(s) URL: host (no user, port, IPv6 literal or odd character), path up
#: to the query, query up to the fragment. The scheme is matched in ASCII only (re.I would
#: also take the long s, which str.lower() does not).
PLAIN_URL = re.compile(
    r"[hH][tT][tT][pP][sS]?://([^/?#@:\[\]\\ %]+)(?=[/?#]|\Z)([^?#]*)\??([^#]*)"
)
#: Every share link below matches this once lower-cased (a cheap first test: most links on a
#: page are not share links). Searching the lower-cased link is 4x faster than re.I.
MAY_SHARE = re.compile(r"share|intent|submit|/send|/pin/|/edit|/feed|wa\.me|mailto:")

#: (host suffix, path prefix) -> (network name, query parameters holding a URL or text).
#: A path ending in "$" must match exactly: linkedin.com/feed/?shareActive=true&text=... is the
#: share composer, linkedin.com/feed/update/urn:li:activity:... is a post (a link *to* it).
ENDPOINTS = (
    ("linkedin.com", "/sharing/share-offsite", "linkedin", ("url",)),
    ("linkedin.com", "/sharearticle", "linkedin", ("url",)),
    ("linkedin.com", "/feed/$", "linkedin", ("shareactive", "text")),
    ("linkedin.com", "/feed$", "linkedin", ("shareactive", "text")),
    ("twitter.com", "/intent/tweet", "x", ("url", "text")),
    ("twitter.com", "/share", "x", ("url", "text")),
    ("x.com", "/share", "x", ("url", "text")),
    ("x.com", "/intent/tweet", "x", ("url", "text")),
    ("x.com", "/intent/post", "x", ("url", "text")),
    ("facebook.com", "/sharer", "facebook", ("u",)),
    ("facebook.com", "/share.php", "facebook", ("u",)),
    ("bsky.app", "/intent/compose", "bluesky", ("text",)),
    ("threads.net", "/intent/post", "threads", ("url", "text")),
    ("threads.com", "/intent/post", "threads", ("url", "text")),
    ("reddit.com", "/submit", "reddit", ("url",)),
    ("news.ycombinator.com", "/submitlink", "hackernews", ("u",)),
    ("wa.me", "/", "whatsapp", ("text",)),
    ("whatsapp.com", "/send", "whatsapp", ("text",)),
    ("t.me", "/share", "telegram", ("url", "text")),
    ("telegram.me", "/share", "telegram", ("url", "text")),
    ("pinterest.com", "/pin/create", "pinterest", ("url",)),
    ("getpocket.com", "/edit", "pocket", ("url",)),
    ("tumblr.com", "/widgets/share", "tumblr", ("canonicalurl", "url")),
)
BY_HOST = {}
for _suffix, *_row in ENDPOINTS:
    BY_HOST.setdefault(_suffix, []).append(tuple(_row))
#: Parameters that may carry the shared URL on an unknown endpoint inside a share container.
GENERIC_PARAMS = ("url", "u", "link", "href", "text", "body", "shareactive")


def shares(href, url, encoded=None):
    """True when href carries url as a whole parameter value or a whole word of its text (raw
    or percent-encoded): the quick answer for the usual share link. False means "look
    closer" (recognise() then says what it shares), never "shares something else": a URL that
    merely ends in this page's URL (?x=https://this/page) starts after "%3D", not a value."""
    for form in (url, encoded or quote(url, safe="")):
        at = href.find(form)
        if at > 0:
            before, after = href[at - 3 : at], href[at + len(form) : at + len(form) + 3]
            starts = before[-1:] in ("=", " ", "+") or before in ("%20", "%0A")
            ends = not after or after[0] in "&#\"' +" or after in ("%20", "%26", "%23", "%0A")
            if starts and ends:
                return True
    return False


def recognise(href, in_share_container=False):
    """(network, a function returning the shared URLs) for a share link, or None.

    The URLs are decoded only when asked for: most share links are checked by shares()."""
    if not in_share_container and not MAY_SHARE.search(href.lower()):
        return None  # the quick answer for the many links that are not share links
    quick = _quick_split(href)
    if quick is None:
        if not in_share_container and _mail_without_body(href):
            return None  # a reply-by-email link, told without splitting it
        parts = split(href)
        if parts is None:
            return None
        if parts.scheme == "mailto":
            if not (in_share_container or "body=" in parts.query):
                return None
            query = _query(parts.query)
            if "body" not in query and "subject" not in query:
                return None
            return "email", partial(_mailto_urls, parts, query)
        if parts.scheme not in ("http", "https", ""):
            return None
        quick = (parts.hostname or "").lower(), parts.path.lower(), parts.query
    host, path, raw_query = quick
    for prefix, network, params in _endpoints(host):
        exact = prefix.endswith("$")
        if path == prefix[:-1] if exact else path.startswith(prefix):
            if exact and not set(params) & _query(raw_query).keys():
                continue
            return network, partial(_query_urls, raw_query, params)
    if path.endswith("/share") and "text" in _query(raw_query):  # a Mastodon instance's /share
        return "mastodon", partial(_query_urls, raw_query, ("text", "url"))
    if in_share_container:
        return (host or "site"), partial(_query_urls, raw_query, GENERIC_PARAMS)
    return None


def _mail_without_body(href):
    """True for a mailto: link with no body= parameter: what urlsplit() would say, since the
    scheme is plain and body= is nowhere in it (urlsplit removes tabs and newlines first)."""
    return (
        href[:7].lower() == "mailto:"
        and "body=" not in href
        and not any(c in href for c in "\t\r\n")
    )


def _quick_split(href):
    """(host, lower-cased path, query) of a plain absolute http(s) URL, without urlsplit's
    generality (share links are many, and plain); None for anything else (mailto:, userinfo,
    IPv6 literals, ports, odd characters), which takes the careful path."""
    match = PLAIN_URL.match(href)
    if match is None:
        return None
    host, path, query = match.groups()
    return host.lower(), path.lower(), query


@lru_cache(maxsize=1024)  # a site links to few hosts, on every page
def _endpoints(host):
    """The ENDPOINTS rows whose host suffix matches host (x.com, www.x.com, ...)."""
    labels = host.split(".")
    for start in range(len(labels) - 1):
        rows = BY_HOST.get(".".join(labels[start:]))
        if rows:
            return rows
    return ()


def _query(raw):
    """Parse a query string: {lower-cased key: [raw values]} (values are decoded in _urls,
    only for the parameters an endpoint reads; urllib's parse_qs decodes them all)."""
    found = {}
    for part in raw.split("&"):
        if part:
            key, _, value = part.partition("=")
            found.setdefault(unquote(key.replace("+", " ")).lower(), []).append(value)
    return found


def _urls(query, params):
    """Collect URLs from the given parameters: whole values that are URLs, or URLs in text."""
    found = []
    for param in params:
        for raw in query.get(param, []):
            if "http" not in raw.lower():
                continue  # no URL in it ("http" survives percent-encoding)
            value = unquote(raw.replace("+", " ")).strip()
            if value.startswith(("http://", "https://")) and " " not in value:
                found.append(value)
            else:
                found.extend(m.rstrip(".,;:!?)") for m in URL_IN_TEXT.findall(value))
    return found


def _query_urls(raw, params):
    """The URLs in the given parameters of a raw query string (see _urls)."""
    return _urls(_query(raw), params)


def _mailto_urls(parts, query):
    """An e-mail share's URLs: in the body (or subject) parameter, else in the address part."""
    return _urls(query, ("body", "subject")) or [
        m for m in URL_IN_TEXT.findall(unquote(parts.path))
    ]
