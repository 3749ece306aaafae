"""The `> [!share]` Markdown syntax: what it renders and the plain text it hands to the links."""

import html
import re

import markdown
from pelican.plugins.townsquare_share.quotes import ShareQuoteExtension, placed_quotes


def render(source):
    return markdown.markdown(source, extensions=["extra", ShareQuoteExtension()])


def test_share_block_renders_a_marked_blockquote_with_plain_text():
    out = render('> [!share]\n> Say *what* you "mean" & <b>mean</b> it,\n> every time.\n')
    [(start, end, text, inner)] = placed_quotes(out.strip())
    assert (start, end) == (0, len(out.strip())), out
    assert html.unescape(text) == 'Say what you "mean" & mean it, every time.'
    assert inner.strip() == (
        '<p>Say <em>what</em> you "mean" &amp; <b>mean</b> it,\nevery time.</p>'
    )


def test_marker_is_case_insensitive_and_other_quotes_stay_plain():
    out = render("> [!SHARE]\n> One.\n\nBetween.\n\n> Two.\n\nText > [!share] inline.\n")
    assert len(re.findall('class="ts-quote"', out)) == 1
    assert "<blockquote>\n<p>Two.</p>\n</blockquote>" in out
    assert "<p>Text &gt; [!share] inline.</p>" in out
