"""comments: an article offers a way to respond — a comment area, a reply link, or both."""

import re

from lxml import etree

from ..finding import WARNING
from ..kinds import ARTICLE
from ..parse import COMMENT_CLASSES, COMMENT_IDS
from ..tree import text_of
from .base import Rule

PROVIDER_SCRIPTS = (
    "giscus.app",
    "utteranc.es",
    "disqus.com",
    "/js/embed.min.js",
    "cusdis",
    "remark",
)
REPLY_TEXT = re.compile(r"\b(reply|respond|discuss)\b", re.I)
#: Candidate comment areas in document order; class names are confirmed token by token below.
AREAS = etree.XPath(
    "//*[@data-ts-comments or "
    + " or ".join(f"@id='{name}'" for name in sorted(COMMENT_IDS))
    + " or "
    + " or ".join(f"contains(@class, '{name}')" for name in sorted(COMMENT_CLASSES))
    + "] | //script["
    + " or ".join(f"contains(@src, '{src}')" for src in PROVIDER_SCRIPTS)
    + "] | //form[.//textarea]"
)
#: Every comment area has one of these in its (lower-cased) source: a cheap first test.
AREA_WORDS = ("comment", "disqus", "isso", "remark", "cusdis", "giscus", "utteranc", "<textarea")
REPLY_WORDS = ("reply", "respond", "discuss")


def comment_areas(page):
    """Every element that is (or loads) a comment area, in document order (the kit's own
    marked area, found while indexing the page, spares the search)."""
    marked = page.marked("data-ts-comments")
    if marked:
        return marked
    if not any(word in page.lower for word in AREA_WORDS):
        return []
    return [el for el in page.select(AREAS) if _is_area(el)]


def _is_area(element):
    """Confirm an AREAS match: a class match must be a whole class token."""
    if element.tag in ("script", "form") or element.get("data-ts-comments") is not None:
        return True
    if element.get("id") in COMMENT_IDS:
        return True
    return bool(COMMENT_CLASSES.intersection((element.get("class") or "").split()))


class Comments(Rule):
    """Articles need a comment area or a reply fallback; an area needs a no-JS fallback too."""

    id = "comments"
    description = "articles have a comment area or a no-JS way to reply"
    hint = "embed a comment area or add a reply link (mailto: or a discussion thread)"
    kit_hint = 'include "townsquare/comments.html" (townsquare_comments) or a reply-by-email link'
    kinds = (ARTICLE,)

    def check(self, page):
        areas = comment_areas(page)
        reply = _reply_link(page)
        if not areas and reply is None:
            yield self.finding(
                page, page.body_line, "no way to respond: no comment area and no reply link"
            )
        elif reply is None:
            yield self.finding(
                page,
                page.line_of_tag(areas[0]),
                "the comment area has no no-JS fallback: readers without JavaScript cannot reply",
                WARNING,
            )


def _reply_link(page):
    """The first link that lets a reader respond without JavaScript, or None."""
    links = page.elements("a")
    for link in links:  # cheap attribute tests first, over every link
        href = link.get("href") or ""
        if link.get("data-ts-reply") is not None:
            return link
        if href.startswith("mailto:") and "body=" not in href.lower():  # not an e-mail share
            return link
    if not any(word in page.lower for word in REPLY_WORDS):  # no link can say reply
        return None
    for link in links:
        href = link.get("href") or ""
        if not href.startswith("#") and REPLY_TEXT.search(text_of(link)):
            return link
    return None
