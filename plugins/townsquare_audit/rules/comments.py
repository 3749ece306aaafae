"""comments: an article offers a way to respond — a comment area, a reply link, or both."""

import re

from lxml import etree

from ..finding import WARNING
from ..kinds import ARTICLE
from ..parse import COMMENT_CLASSES, COMMENT_IDS, text_of
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
_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
_SCRIPT = "contains(@src, '{}')"
#: Candidate comment areas in document order (the first one is reported).
AREAS = etree.XPath(
    "//*[@data-ts-comments or "
    + " or ".join(f"@id='{name}'" for name in sorted(COMMENT_IDS))
    + " or "
    + " or ".join(_CLASS.format(name) for name in sorted(COMMENT_CLASSES))
    + "] | //script["
    + " or ".join(_SCRIPT.format(src) for src in PROVIDER_SCRIPTS)
    + "] | //form[.//textarea]"
)


class Comments(Rule):
    """Articles need a comment area or a reply fallback; an area needs a no-JS fallback too."""

    id = "comments"
    description = "articles have a comment area or a no-JS way to reply"
    hint = "embed a comment area or add a reply link (mailto: or a discussion thread)"
    kit_hint = 'include "townsquare/comments.html" (townsquare_comments) or a reply-by-email link'
    kinds = (ARTICLE,)

    def check(self, page):
        areas = page.select(AREAS)
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
    for link in page.elements("a"):
        href = link.get("href") or ""
        if link.get("data-ts-reply") is not None:
            return link
        if href.startswith("mailto:") and "body=" not in href.lower():  # not an e-mail share
            return link
        if not href.startswith("#") and REPLY_TEXT.search(text_of(link)):
            return link
    return None
