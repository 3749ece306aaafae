"""Quote sharing: the `> [!share]` Markdown block and its share links.

Authors mark the one sentence they want quoted like a GitHub alert, so other Markdown
renderers still show a plain blockquote::

    > [!share]
    > If a sentence could appear in any company's annual report, it does not belong here.

Reading a post happens before Pelican knows its URL, so the Markdown extension only renders
`<blockquote class="ts-quote" data-ts-quote="plain text">`; once every URL is known the
plugin's generator swaps in the links (partials/share_quote.html), each prefilled with the
quote trimmed to that platform's limit plus the URL.
"""

import html
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .block import with_utm
from .networks import Share

MARKER = re.compile(r"^[ ]{0,3}>[ ]?\[!share\][ ]*(\n|$)", re.IGNORECASE)
#: The opening tag the Markdown extension writes; its end is found by counting nested quotes.
PLACED = re.compile(r'<blockquote class="ts-quote" data-ts-quote="(?P<text>[^"]*)">')
END_MARK = "ts-quote-end"
_END = re.compile(rf"<!--{END_MARK}-->\s*</blockquote>")
_BLOCKQUOTE = re.compile(r"<(/?)blockquote\b[^>]*>", re.IGNORECASE)
_STASH = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG = re.compile(r"<[^>]*>")
ELLIPSIS = "…"


class _QuoteBlock(BlockProcessor):
    """Turn a `> [!share]` block into <blockquote class="ts-quote"> holding its Markdown."""

    def test(self, parent, block):
        return bool(MARKER.match(block))

    def run(self, parent, blocks):
        block = MARKER.sub("", blocks.pop(0), count=1)
        lines = [re.sub(r"^[ ]{0,3}>[ ]?", "", line) for line in block.split("\n")]
        quote = etree.SubElement(parent, "blockquote", {"class": "ts-quote"})
        # Parsed like any blockquote's text, so a nested `> >` quote becomes a nested
        # <blockquote> instead of a literal ">" inside the shared sentence.
        self.parser.parseChunk(quote, "\n".join(lines).strip("\n"))


class _QuoteText(Treeprocessor):
    """After inline parsing, store each quote's plain text in data-ts-quote."""

    def run(self, root):
        for quote in root.iter("blockquote"):
            if quote.get("class") == "ts-quote":
                text = _STASH.sub(self._raw, "".join(_own_text(quote)))
                quote.set("data-ts-quote", " ".join(text.split()))
                self._mark_end(quote)

    def _mark_end(self, quote):
        """End the quote with <!--ts-quote-end-->, its true end for placed_quotes: a raw
        `</blockquote>` typed inside the quote would otherwise be taken for it, and the
        share links would land inside a paragraph of the quote."""
        mark = self.md.htmlStash.store(f"<!--{END_MARK}-->")
        if len(quote):
            quote[-1].tail = (quote[-1].tail or "") + mark
        else:
            quote.text = (quote.text or "") + mark

    def _raw(self, match):
        raw = self.md.htmlStash.rawHtmlBlocks[int(match.group(1))]
        return html.unescape(_TAG.sub("", str(raw)))


def _own_text(element):
    """The text of element without that of blockquotes nested in it (quoted, not shared)."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag != "blockquote":
            yield from _own_text(child)
        if child.tail:
            yield child.tail


def placed_quotes(html_text):
    """Yield (start, end, plain text, inner html) for every placed quote, nesting respected."""
    position = 0
    while (found := PLACED.search(html_text, position)) is not None:
        marked = _END.search(html_text, found.end())
        if marked is not None:
            yield (
                found.start(),
                marked.end(),
                found["text"],
                html_text[found.end() : marked.start()],
            )
            position = marked.end()
            continue
        depth, end = 1, None  # written before the end mark existed: count the nesting
        for tag in _BLOCKQUOTE.finditer(html_text, found.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag
                break
        if end is None:  # unbalanced (hand-written HTML): leave the rest as it is
            return
        yield found.start(), end.end(), found["text"], html_text[found.end() : end.start()]
        position = end.end()


class ShareQuoteExtension(Extension):
    """Python-Markdown extension registered by the share plugin through MARKDOWN settings."""

    def extendMarkdown(self, md):
        # Ahead of the ordinary blockquote (20); text read after unescaping (0).
        md.parser.blockprocessors.register(_QuoteBlock(md.parser), "ts_share_quote", 21)
        md.treeprocessors.register(_QuoteText(md), "ts_share_quote_text", -1)


def fit(quote, network, url, limit):
    """Return “quote” trimmed at a word boundary (with …) so text plus URL fits in limit."""
    room = limit - network.url_cost(url)
    body = f"“{quote}”"
    if network.text_length(body) <= room:
        return body
    kept = ""
    for word in quote.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if network.text_length(f"“{candidate}{ELLIPSIS}”") > room:
            break
        kept = candidate
    if not kept:  # one very long word (or no spaces, e.g. CJK): cut characters instead
        for char in quote:
            if network.text_length(f"“{kept}{char}{ELLIPSIS}”") > room:
                break
            kept += char
    return f"“{kept.rstrip(' ,;:')}{ELLIPSIS}”"


def quote_shares(text, block, settings):
    """(network, Share) for every text-capable network of block, prefilled with the quote."""
    limits = settings["SHARE_QUOTE_LIMITS"]
    pairs = []
    for network in block.networks:
        if network.limit is None:
            continue
        url = with_utm(block.canonical, settings["SHARE_UTM"], network.name)
        limit = limits.get(network.name, network.limit)
        pairs.append(
            (network, Share(url, block.title, fit(text, network, url, limit), block.picker))
        )
    return pairs


def fill_quotes(html_text, block, template, settings):
    """Replace every placed quote in html_text; returns (new html, Shares needing pickers)."""
    pickers, pieces, position = [], [], 0
    for start, end, text, inner in list(placed_quotes(html_text)):
        pairs = quote_shares(html.unescape(text), block, settings) if block.enabled else []
        pickers.extend(share for network, share in pairs if network.name == "mastodon")
        links = [(network, network.url(share)) for network, share in pairs]
        pieces += [html_text[position:start], template.render(inner=inner, links=links).strip()]
        position = end
    pieces.append(html_text[position:])
    return "".join(pieces), pickers
