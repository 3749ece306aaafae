"""What a foreign theme already draws itself: its own share row, its own comments block.

A guest adds no second one. Decided from the page's structure outside the post's body (a post
may quote any markup or word): a share row is a link to a share-intent endpoint, or to one of
pelican-share-post's URLs for this post; a comments block is a known embed (Disqus,
utterances, giscus, Isso, Remark42, Cusdis) or an element with ``id="comments"``. The kit's
reply links then join the theme's block (:func:`join_comments`) instead of a second section.
"""

import re

from .splice import TOKENS

_HREF = r"""href\s*=\s*["']?"""
SHARE_LINK = re.compile(
    _HREF + r"(?:https?:)?//(?:www\.)?(?:"
    r"twitter\.com/(?:intent/tweet|share)|x\.com/intent/(?:tweet|post)|facebook\.com/sharer"
    r"|linkedin\.com/(?:shareArticle|sharing/share-offsite)|reddit\.com/submit"
    r"|news\.ycombinator\.com/submitlink|bsky\.app/intent/compose|api\.whatsapp\.com/send"
    r"|wa\.me/|t\.me/share|telegram\.me/share|pinterest\.com/pin/create|getpocket\.com/save"
    r"|tumblr\.com/(?:share|widgets/share)|mastodonshare\.com|s2f\.kytta\.dev|toot\.kytta\.dev)",
    re.I,
)
#: Where a theme's comments block starts: (pattern, where the kit's links go).
#: "inside": before the element's end tag; "after": after the element (an embed replaces
#: the content of its container, so nothing of ours may sit in it).
_TAG = r"""<(?P<tag>[a-z][\w-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?"""
_ID = r"""\sid\s*=\s*["']?(?:{})(?=["'\s>])"""
_EMBED_IDS = "disqus_thread|isso-thread|remark42|cusdis_thread"
_EMBED_SCRIPT = r"""\bsrc\s*=\s*["'][^"']*(?:utteranc\.es/client\.js|giscus\.app/client\.js)"""
COMMENT_BLOCKS = (
    (re.compile(_TAG + _ID.format("comments"), re.I), "inside"),
    (re.compile(_TAG + _ID.format(_EMBED_IDS), re.I), "after"),
    (re.compile(r"<(?P<tag>script)\b[^>]*" + _EMBED_SCRIPT, re.I), "after"),
    (re.compile(r"<(?P<tag>script)\b[^>]*\bdata-isso\s*=", re.I), "after"),
)


def body_span(text, content_html):
    """(start, end) of the post's body in the written page, or (0, 0) when it is not there
    verbatim (then the whole page counts as outside it)."""
    body = (content_html or "").strip()
    start = text.find(body) if len(body) >= 20 else -1
    return (start, start + len(body)) if start >= 0 else (0, 0)


def _outside(matches, span):
    return next((m for m in matches if _out(m.start(), span)), None)


def _out(at, span):
    """True when offset at lies outside the post's body span (start, end)."""
    return not span[0] <= at < span[1]


def draws_share_row(text, span, share_post=None):
    """True when the theme links to a share endpoint (or a share_post URL) outside the body."""
    if _outside(SHARE_LINK.finditer(text), span):
        return True
    for url in (share_post or {}).values():
        if not isinstance(url, str) or not url:
            continue
        escaped = url.replace("&", "&amp;")
        for needle in dict.fromkeys((url, escaped)):
            if any(_out(at, span) for at in _offsets(text, needle)):
                return True
    return False


def _offsets(text, needle):
    """Every offset of needle in text (a plain substring search: compiling each URL as a
    regular expression cost more than the rest of the page's injection)."""
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def comments_block(text, span):
    """(match, placement) of the theme's own comments block outside the body, or None."""
    for pattern, where in COMMENT_BLOCKS:
        found = _outside(pattern.finditer(text), span)
        if found is not None:
            return found, where
    return None


def join_comments(text, block, html):
    """The page with html (the kit's reply links) added to the theme's comments block."""
    found, where = block
    end = _element_end(text, found)
    if end is None:
        return None
    if where == "after":
        end = text.find(">", end) + 1
    return text[:end] + "\n" + html + "\n" + text[end:]


def _element_end(text, start):
    """Offset of the end tag of the element whose start tag the match opens, or None."""
    tag = start.group("tag").lower()
    if tag == "script":
        found = re.compile(r"</script\s*>", re.I).search(text, start.end())
        return found.start() if found else None
    depth = 1
    for token in TOKENS.finditer(text, text.find(">", start.end()) + 1):
        if (token.group("name") or "").lower() != tag or token.group("self"):
            continue
        depth += -1 if token.group("close") else 1
        if depth == 0:
            return token.start()
    return None
