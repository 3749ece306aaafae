"""Plain-text helpers for descriptions: strip HTML, find the first paragraph, cut at a word."""

import re

import lxml.html

ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def _fragment(html):
    return lxml.html.fragment_fromstring(html or "", create_parent="div")


def plain(html):
    """Return the visible text of an HTML fragment with whitespace collapsed."""
    if not html or not html.strip():
        return ""
    root = _fragment(html)
    # Scripts and styles are never visible text, even in hostile input.
    for node in root.xpath(".//script|.//style"):
        node.drop_tree()
    return _SPACE.sub(" ", root.text_content()).strip()


def first_paragraph(html):
    """Return the text of the first non-empty <p> in an HTML fragment ('' if none)."""
    if not html or not html.strip():
        return ""
    for paragraph in _fragment(html).iter("p"):
        text = _SPACE.sub(" ", paragraph.text_content()).strip()
        if text:
            return text
    return ""


def cut(text, limit):
    """Shorten text to at most limit characters at a word boundary, ending with an ellipsis."""
    text = _SPACE.sub(" ", text or "").strip()
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    # Cut at the last space inside the room so no word is broken; a single giant word is
    # the one case where a hard cut is better than an empty description.
    head = room.rsplit(" ", 1)[0] if " " in room else room[:-1]
    return head.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS
