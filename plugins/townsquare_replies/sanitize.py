"""Make network text safe to put in a page: an allow-list of tags, and http(s) links only."""

import html
import re

import nh3

_TAGS = {"p", "br", "a", "span", "em", "strong", "code", "blockquote", "ul", "ol", "li"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean(markup):
    """Sanitised HTML from a network's HTML: no scripts, handlers, styles or images."""
    markup = _CONTROL.sub("", str(markup or ""))
    return nh3.clean(
        markup,
        tags=_TAGS,
        attributes={"a": {"href"}, "span": set()},
        allowed_classes={"span": {"invisible", "ellipsis"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def plain(text, links=()):
    """Sanitised HTML from plain text with (start, end, href) links over its UTF-8 bytes."""
    data = str(text or "").encode("utf-8")
    parts = []
    at = 0
    for start, end, href in sorted(links):
        if start < at or end > len(data) or start >= end:
            continue
        parts.append(html.escape(data[at:start].decode("utf-8", "replace")))
        label = html.escape(data[start:end].decode("utf-8", "replace"))
        parts.append(f'<a href="{html.escape(href, quote=True)}">{label}</a>')
        at = end
    parts.append(html.escape(data[at:].decode("utf-8", "replace")))
    body = "".join(parts).replace("\n", "<br>")
    return clean(f"<p>{body}</p>")


def text(value, limit=200):
    """A name or handle as plain text: control and bidi-override characters removed, cut."""
    return _CONTROL.sub("", str(value or "")).strip()[:limit]
