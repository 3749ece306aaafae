"""A post that writes about the kit's markers keeps every piece (issue 24, major item 2).

Markers (data-ts-share, data-ts-meta, data-audit-ignore ...) are read from the page's tags
outside the post's body; a title, a code sample or raw HTML in the post that mentions them
must not make the injection into a foreign theme skip a piece, nor the audit refuse the build.
"""

import extruct
from bs4 import BeautifulSoup
from test_foreign_themes import PUBLIC, build_with

from pelican.plugins.townsquare.markers import markers_in

TITLE = "How data-ts-share, data-ts-meta and data-audit-ignore work"
POST = f"""Title: {TITLE}
Date: 2026-05-04 09:30+02:00
Category: Notes
Summary: The attributes data-ts-comments and data-ts-subscribe explained.

A theme marks its share row with `data-ts-share`, for example:

    <nav data-ts-share data-ts-meta data-audit-ignore><a href="#">Share</a></nav>

<div data-ts-comments data-ts-subscribe>A raw element in the post carries the words too.</div>

And the rest of the post text, long enough to be found by the kit.
"""


def test_a_post_mentioning_the_markers_gets_every_piece_in_a_foreign_theme(tmp_path):
    content = tmp_path / "content" / "posts"
    content.mkdir(parents=True)
    (content / "markers.md").write_text(POST, encoding="utf-8")
    site = build_with("notmyidea", tmp_path / "output", PATH=str(content.parent))
    text = (site / "posts" / "markers.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "lxml")
    # The kit's share row, comment area and subscribe block were added (one of each) ...
    assert len(soup.select("nav[data-ts-share]")) == 1
    assert len(soup.select("section[data-ts-comments]")) == 1
    assert len(soup.select("section[data-ts-subscribe]")) == 1
    # ... and its metadata: one og:title, the post's own.
    og = extruct.extract(text, base_url=PUBLIC, syntaxes=["opengraph"])["opengraph"][0]
    assert [v for k, v in og["properties"] if k == "og:title"] == [TITLE]
    assert soup.select_one('meta[name="description"][data-ts-meta]') is not None


def test_markers_are_read_from_tags_outside_the_body_comments_and_raw_text():
    body = "<p>A code sample: <code>&lt;nav data-ts-share&gt;</code></p><div data-ts-meta></div>"
    page = (
        "<html><head><title>data-ts-share data-audit-ignore</title>"
        '<meta name="description" content="about data-ts-meta here">'
        "<script>var x = '<nav data-ts-comments>';</script><!-- <div data-ts-subscribe> -->"
        f'</head><body class="a"><main>{body}<nav class="x" data-ts-share></nav></main></body>'
        "</html>"
    )
    assert markers_in(page, body) == {"nav": {"data-ts-share"}}
    assert markers_in('<html data-audit-ignore lang="en"><body></body></html>') == {
        "html": {"data-audit-ignore"}
    }
