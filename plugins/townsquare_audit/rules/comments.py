"""comments: an article offers a way to respond — a comment area, a reply link, or both."""

import re

from ..finding import WARNING
from ..kinds import ARTICLE
from ..parse import COMMENT_CLASSES, COMMENT_IDS
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


class Comments(Rule):
    """Articles need a comment area or a reply fallback; an area needs a no-JS fallback too."""

    id = "comments"
    description = "articles have a comment area or a no-JS way to reply"
    hint = "include partials/comments.html (plugins/comments) or add a reply-by-email link"
    kinds = (ARTICLE,)

    def check(self, page):
        area = _comment_area(page)
        reply = _reply_link(page)
        if area is None and reply is None:
            yield self.finding(
                page, page.body_line, "no way to respond: no comment area and no reply link"
            )
        elif reply is None:
            yield self.finding(
                page,
                page.line_of_tag(area),
                "the comment area has no no-JS fallback: readers without JavaScript cannot reply",
                WARNING,
            )


def _comment_area(page):
    """The first element that is (or loads) a comment area, or None."""
    for element in page.elements():
        if element.has_attr("data-ts-comments") or element.get("id") in COMMENT_IDS:
            return element
        if COMMENT_CLASSES.intersection(element.get("class") or []):
            return element
        if element.name == "script" and any(
            s in (element.get("src") or "") for s in PROVIDER_SCRIPTS
        ):
            return element
        if element.name == "form" and element.find("textarea") is not None:
            return element
    return None


def _reply_link(page):
    """The first link that lets a reader respond without JavaScript, or None."""
    for link in page.elements("a"):
        href = link.get("href") or ""
        if link.has_attr("data-ts-reply"):
            return link
        if href.startswith("mailto:") and "body=" not in href.lower():  # not an e-mail share
            return link
        if REPLY_TEXT.search(link.get_text(" ", strip=True)) and not href.startswith("#"):
            return link
    return None
