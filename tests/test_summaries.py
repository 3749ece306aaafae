"""Summary HTML is cut to a small allow-list before listings, feeds and metadata see it: read back
from every listing page and every feed (feedparser without its own sanitiser, json)."""

import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.townsquare_safebuild.summaries import ALLOWED, sanitise
from writing_helpers import SITEURL, build, new_site, post

# Generated fragments like "text" look like file names to BeautifulSoup; they are HTML here.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")

HOSTILE = (
    "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [c](javascript:alert(3)) "
    '[d](JAVASCRIPT:alert(4)) <a href="java&#x09;script:alert(5)">e</a> '
    '<svg onload=alert(6)></svg> <b onclick="alert(7)">bold</b> *kept* '
    "[ok](https://example.test/a?b=1&c=2) <style>p{}</style>"
)
CLEAN = (
    '<p>Hi <a>c</a> <a>d</a> <a>e</a> <b>bold</b> <em>kept</em> <a href="https://example.test/'
    'a?b=1&amp;c=2">ok</a> </p>'
)
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def squeeze(html):
    """html with runs of whitespace as one space (they render the same)."""
    return " ".join(html.split())


def assert_harmless(html):
    """No script, no event handler, no link to anything but http(s) or mailto."""
    soup = BeautifulSoup(html, "lxml")
    assert soup.find_all(["script", "style", "img", "svg", "iframe"]) == [], html
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], html
        href = tag.get("href")
        assert href is None or href.lower().startswith(SAFE_SCHEMES), html


def test_hostile_summary_is_clean_on_every_listing_and_in_every_feed(tmp_path):
    text = post(title="Hostile", extra="Tags: danger\n").replace("A short hello.", HOSTILE)
    new_site(tmp_path, {"posts/hostile.md": text})
    out = build(tmp_path)
    listings = [
        "index.html",
        "tag/danger.html",
        "category/leadership.html",
        "author/amara-okafor.html",
    ]
    for name in listings:
        page = BeautifulSoup((out / name).read_text("utf-8"), "lxml")
        [summary] = page.select(".post-summary")
        assert squeeze(summary.decode_contents()) == CLEAN, name
    feeds = sorted((out / "feeds").rglob("*.xml"))
    assert len(feeds) == 8  # all, tag, category, author x Atom and RSS
    for path in feeds:
        feed = feedparser.parse(path.read_bytes(), sanitize_html=False)
        [entry] = feed.entries
        assert squeeze(entry.summary) == CLEAN, path
        assert_harmless(entry.summary)
    for path in sorted((out / "feeds").rglob("*.json")):
        [item] = json.loads(path.read_text("utf-8"))["items"]
        assert "<script" not in json.dumps(item) and "onerror" not in json.dumps(item), path
        assert_harmless(item.get("content_html", "") + item.get("summary", ""))
    page = BeautifulSoup((out / "posts" / "hostile.html").read_text("utf-8"), "lxml")
    description = page.select_one('meta[name="description"]')["content"]
    assert description == "Hi c d e bold kept ok"
    assert f"{SITEURL}/posts/hostile.html" in (out / "feeds" / "all.atom.xml").read_text("utf-8")


def test_plain_markdown_summaries_are_unchanged():
    html = (
        "<p>We <em>listen</em>, <strong>then</strong> act: <code>x &lt; y</code> &amp; "
        '<a href="mailto:a@b.test">write</a>.</p>'
    )
    assert sanitise(html) == (html, [])


FRAGMENTS = st.sampled_from(
    [
        "<script>", "</script>", "<a href='javascript:x'>", "<a href=\"HTTPS://ok.test\">",
        "<A HREF=' jAvAsCrIpT:x'>", "</a>", "<img src=x onerror=y>", "<p>", "</p>", "<em>",
        "<b onclick=z>", "</b>", "<style>", "<!--", "-->", "<![CDATA[", "&lt;", "&amp;", "\"",
        "'", "<", ">", "text", "<svg><script>x</script></svg>", "<a href=//evil.test>",
        "<a href=\"data:text/html,x\">", "<br/>", "<iframe src=x>", "<code>", "</code>",
    ]
)  # fmt: skip
HTML = st.lists(st.one_of(FRAGMENTS, st.text(max_size=6)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(HTML)
def test_any_summary_html_comes_out_harmless_and_stable(html):
    clean, _dropped = sanitise(html)
    assert_harmless(clean)
    soup = BeautifulSoup(clean, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} <= ALLOWED
    assert sanitise(clean)[0] == clean
