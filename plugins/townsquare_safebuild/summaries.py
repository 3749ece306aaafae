"""Sanitise ``Summary:`` HTML to a small allow-list before any template or feed sees it.

A summary is Markdown, and Markdown passes raw HTML through, so ``Summary: <script>…`` or an
``<img onerror>`` used to run on the home, tag, category and author pages and sit in every feed.
Listings, feeds and metadata all read the one summary Pelican stores, so cleaning it once, as
the post is read, covers them all. Kept: paragraphs, line breaks, emphasis, code and links to
http(s) or mailto addresses; every other tag is dropped (its text kept, except inside script
and style) and every other attribute removed.
"""

import logging
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from pelican.contents import Static

from .source import read_source

logger = logging.getLogger(__name__)

ALLOWED = frozenset({"p", "br", "a", "em", "strong", "i", "b", "code", "span"})
#: Attributes kept on allowed tags (typogrify marks words with <span class="caps">).
ATTRIBUTES = frozenset({"href", "class"})
VOID = frozenset({"br"})
#: Elements whose text is never shown: dropped with everything inside them.
HIDDEN = frozenset({"script", "style", "template", "noscript", "iframe", "object", "textarea"})
LINK_SCHEMES = ("http", "https", "mailto")


def safe_href(value):
    """True for an http(s) or mailto URL (scheme in any case), or a relative one."""
    value = (value or "").strip()
    if not value or any(ord(char) < 32 for char in value):
        return False
    scheme = urlsplit(value).scheme.lower()
    return scheme in LINK_SCHEMES if scheme else not value.startswith("//")


class _Sanitiser(HTMLParser):
    """Rebuild HTML from its tokens, keeping only ALLOWED tags and safe link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open, self.hidden, self.dropped = [], [], 0, set()

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
            self.dropped.add(tag)
        elif self.hidden:
            return
        elif tag not in ALLOWED:
            self.dropped.add(tag)
        elif tag in VOID:
            self.out.append(f"<{tag}>")
        else:
            self.out.append(f"<{tag}{self._attributes(tag, attrs)}>")
            self.open.append(tag)

    def _attributes(self, tag, attrs):
        kept = []
        for name, value in attrs:
            if name not in ATTRIBUTES or value is None or (name == "href") != (tag == "a"):
                self.dropped.add(f"{tag} {name}")
            elif name == "href" and not safe_href(value):
                self.dropped.add(f"{tag} href={value.strip()[:30]!r}")
            else:
                kept.append(f' {name}="{escape(value.strip())}"')
        return "".join(kept)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif not self.hidden and tag in self.open:
            while self.open:  # close what was left open inside it, as browsers do
                inner = self.open.pop()
                self.out.append(f"</{inner}>")
                if inner == tag:
                    break

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(escape(data, quote=False))

    def result(self):
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitise(html):
    """Return (clean html, sorted list of what was removed) for an HTML fragment."""
    parser = _Sanitiser()
    parser.feed(html or "")
    return parser.result(), sorted(parser.dropped)


def clean_summary(content):
    """content_object_init receiver: sanitise the Summary metadata of a post or page."""
    if isinstance(content, Static) or "summary" not in content.metadata:
        return
    clean, dropped = sanitise(str(content.metadata["summary"]))
    content.metadata["summary"] = clean
    content._summary = clean  # Pelican copies _summary back into metadata later
    if dropped:
        source = read_source(content.source_path)
        field = source.field("summary")
        logger.warning(
            "%s:%d: Summary HTML that listings and feeds do not show was removed (%s) — fix: "
            "keep to plain text, emphasis, code and http(s) links",
            content.source_path,
            field.line if field else 1,
            ", ".join(dropped),
        )
