"""The `> [!share]` Markdown syntax: what it renders and the plain text it hands to the links."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import markdown
from bs4 import BeautifulSoup
from pelican.plugins.townsquare_share.quotes import ShareQuoteExtension, placed_quotes
from writing_helpers import build, new_site, post


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


def test_a_nested_quote_stays_a_quote_and_out_of_the_shared_text(tmp_path):
    body = (
        "> [!share]\n> Outer sentence to share.\n> > Inner quoted line.\n>\n> Outer again.\n\n"
        "After text.\n"
    )
    new_site(tmp_path, {"posts/q.md": post(body=body)})
    html = (build(tmp_path) / "posts" / "q.html").read_text("utf-8")
    body_html = html.split('class="post-body')[1].split("</div>")[0]
    assert body_html.count("<blockquote") == body_html.count("</blockquote>") == 2
    quote = BeautifulSoup(html, "lxml").select_one(".post-body > blockquote.ts-quote")
    assert [p.get_text() for p in quote.find_all("p", recursive=False)][:2] == [
        "Outer sentence to share.",
        "Outer again.",
    ]
    assert quote.select_one(":scope > blockquote > p").get_text() == "Inner quoted line."
    x = next(a["href"] for a in quote.select(".ts-quote-share a") if a.get_text() == "X")
    assert parse_qs(urlsplit(x).query)["text"] == ["“Outer sentence to share. Outer again.”"]
    after = quote.find_next_sibling("p")
    assert after.get_text() == "After text."
