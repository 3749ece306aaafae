"""Where the kit's pieces go in a page written by a theme that has never heard of them.

Pure tree work on a BeautifulSoup document: find the post's body, the page's main column and
the head, drop the theme's conflicting metadata, insert fragments. No I/O, no settings.
"""

import re

import lxml.html
from bs4 import BeautifulSoup, NavigableString
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from .headmeta import REPLACED_META, is_posting


class _Formatter(HTMLFormatter):
    """Serialise like themes write HTML: attributes in their order, void elements without "/>",
    and text re-escaped (&, <, >): the parser decoded the theme's `&lt;` in a title, which
    written back as it is would become markup (outside <script> and <style>)."""

    def attributes(self, tag):
        # bs4 sorts attributes alphabetically by default; keep the theme's own order.
        for key, value in tag.attrs.items():
            yield key, (None if value == "" and self.empty_attributes_are_booleans else value)


FORMATTER = _Formatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix=None,
    empty_attributes_are_booleans=True,
)

#: Main-column candidates, most specific first, for themes without a <main> element:
#: (attribute, value) pairs, where "name" is the element's own name.
MAIN_MARKS = (
    ("name", "main"),
    ("role", "main"),
    ("id", "content"),
    ("id", "main"),
    ("class", "content"),
    ("id", "page"),
)
_SPACE = re.compile(r"\s+")
#: Elements that wrap a post's body and may hold the kit's pieces at their end.
BLOCK_BOXES = frozenset(("div", "section", "article", "main", "td"))


def parse(text):
    """Parse a whole page with the forgiving stdlib parser (it keeps the theme's structure)."""
    return BeautifulSoup(text, "html.parser")


class Fragments:
    """The kit's rendered HTML, spliced in as text after the page is serialised.

    Only the theme's page goes through the parser; our fragments are inserted exactly as the
    partials wrote them (a parser would lower-case SVG's viewBox, reorder, re-escape).
    """

    def __init__(self):
        self.pieces = {}

    def placeholder(self, html):
        """A text node standing for html until serialise() swaps it in."""
        key = f"\ue000ts{len(self.pieces)}\ue001"
        self.pieces[key] = html
        return NavigableString(key)

    def serialise(self, soup):
        """The page as text with every placeholder replaced by its fragment."""
        text = soup.decode(formatter=FORMATTER)
        for key, html in self.pieces.items():
            text = text.replace(key, html)
        return text


def drop_conflicting_metadata(head):
    """Remove the theme's description, canonical, Open Graph, Twitter and JSON-LD tags."""
    for tag in head.find_all("meta"):
        key = tag.get("property") or tag.get("name") or ""
        if REPLACED_META.match(key):
            tag.decompose()
    for tag in head.find_all("link"):
        if "canonical" in (tag.get("rel") or []):
            tag.decompose()
    for tag in head.find_all("script", type="application/ld+json"):
        tag.decompose()


def drop_their_posting_tags(root, content_html):
    """The same for a parsed page: decompose the theme's post JSON-LD under root."""
    for tag in root.find_all("script", type="application/ld+json"):
        text = tag.string or ""
        if is_posting(text) and text not in (content_html or ""):
            tag.decompose()


def set_title(soup, head, text):
    """Make <title> say text (one <title>, created when the theme wrote none)."""
    titles = head.find_all("title")
    for extra in titles[1:]:
        extra.decompose()
    if titles:
        titles[0].string = text
    else:
        tag = soup.new_tag("title")
        tag.string = text
        head.insert(0, tag)


def append(parent, node):
    """Append node (a Fragments placeholder) at the end of parent, on a line of its own."""
    parent.append(NavigableString("\n"))
    parent.append(node)


def insert_after(element, node):
    """Insert node (a Fragments placeholder) right after element."""
    element.insert_after(node)
    element.insert_after(NavigableString("\n"))


def after_body(box, node):
    """Put node right after the post's body: at the end of the element wrapping it (so it stays
    in the post's column, however the theme styles that box), or after a paragraph-like box."""
    if box.name in BLOCK_BOXES:
        append(box, node)
    else:
        insert_after(box, node)


def end_of_column(column, node):
    """Put node at the end of column, before the site footer when the column holds one (a
    theme whose <main> also holds the page footer; a page with no main column at all)."""
    footer = site_footer(column)
    if footer is None:
        append(column, node)
    else:
        footer.insert_before(node)
        footer.insert_before(NavigableString("\n"))


def site_footer(root):
    """The first <footer> (or role=contentinfo element) under root that is not a post's own
    footer (inside an <article>), or None."""
    for element in root.find_all(_is_footer):
        if element.find_parent("article") is None:
            return element
    return None


def _is_footer(element):
    return element.name == "footer" or element.get("role") == "contentinfo"


def main_column(soup):
    """The element holding the page's main content: <main>, a role=main or #content box."""
    body = soup.body or soup
    best, rank = None, len(MAIN_MARKS)
    # One pass over the body's elements (CSS selectors would walk it once per candidate).
    for element in body.find_all(True):
        for index, (key, value) in enumerate(MAIN_MARKS[:rank]):
            if _marked(element, key, value):
                best, rank = element, index
                break
        if rank == 0:
            break
    return best


def _marked(element, key, value):
    if key == "name":
        return element.name == value
    found = element.get(key)
    return value in found if isinstance(found, list) else found == value


def body_box(soup, content_html):
    """The smallest element holding the post's body text, found by its first and last words.

    Themes wrap ``{{ article.content }}`` in anything (div.entry-content, section, article),
    so the body is located by what it says rather than by a class name.
    """
    first, last = _edge_texts(content_html)
    body = soup.body or soup
    if not first:
        return None
    start = _find_text(body.descendants, first)
    end = _find_text(reversed(list(body.descendants)), last) if start is not None else None
    if start is None or end is None:
        return None
    box = _common_ancestor(start, end)
    if box is None or box.name in ("html", "body", "[document]"):
        return None
    return box


def _edge_texts(content_html):
    """Normalised first and last text runs (up to 40 characters) of the post's HTML."""
    if not (content_html or "").strip():
        return "", ""
    root = lxml.html.fragment_fromstring(content_html, create_parent="div")
    texts = [_SPACE.sub(" ", text).strip() for text in root.itertext() if text.strip()]
    if not texts:
        return "", ""
    return texts[0][:40], texts[-1][-40:]


def _find_text(nodes, needle):
    for node in nodes:
        if isinstance(node, NavigableString) and needle in _SPACE.sub(" ", str(node)):
            return node
    return None


def _common_ancestor(a, b):
    above_a = [a, *a.parents]
    ids = {id(node) for node in above_a}
    for node in [b, *b.parents]:
        if id(node) in ids and getattr(node, "name", None):
            return node
    return None
