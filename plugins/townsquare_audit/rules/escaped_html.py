"""escaped-html: post bodies render as HTML, not as visible HTML source.

A theme that prints ``{{ article.content }}`` under a forced ``JINJA_ENVIRONMENT =
{"autoescape": True}`` shows readers ``<p>Text</p>`` instead of a paragraph. The parsed page
then has markup in its visible text: that is what this rule looks for, outside code samples.
"""

import html
import re

from lxml import etree

from ..kinds import KINDS, REDIRECT, SITE_FILE
from .base import Rule

#: Markup a post body is made of, seen as text (a lone "<p>" in prose is not enough).
TAG_TEXT = re.compile(
    r"</?(p|a|div|span|h[1-6]|ul|ol|li|em|strong|img|br|blockquote|figure|table|section|pre"
    r"|code)(\s[^<>]*)?/?>",
    re.I,
)
ESCAPED_LT = re.compile(r"&(lt|#0*60|#x0*3c);", re.I)
VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::pre or ancestor::code or ancestor::kbd or ancestor::samp or "
    "ancestor::script or ancestor::style or ancestor::textarea or ancestor::template or "
    "ancestor::noscript or ancestor::xmp)]"
)
ENOUGH = 3  # tags seen as text before the page counts as escaped (one must be a closing tag)


class EscapedHtml(Rule):
    """Visible text holds no HTML markup (the theme escaped the post body)."""

    id = "escaped-html"
    description = "post bodies render as HTML, not as escaped HTML source"
    hint = (
        'do not force JINJA_ENVIRONMENT = {"autoescape": True} on a theme that does not expect '
        "it, or print the body with {{ article.content | safe }}"
    )
    kinds = tuple(kind for kind in KINDS if kind not in (REDIRECT, SITE_FILE))

    def check(self, page):
        if not ESCAPED_LT.search(page.text):  # markup shown as text is escaped in the source
            return
        shown = []
        for text in VISIBLE_TEXT(page.root):
            shown.extend(match.group(0) for match in TAG_TEXT.finditer(text))
            if len(shown) >= ENOUGH and any(tag.startswith("</") for tag in shown):
                example = shown[0]
                yield self.finding(
                    page,
                    page.line_of(html.escape(example, quote=False), html.escape(example)),
                    f"the page shows HTML source as text (e.g. {example!r}): the theme escapes "
                    "the post body, so readers see markup instead of formatting",
                )
                return
