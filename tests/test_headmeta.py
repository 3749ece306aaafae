"""The theme's <head> without the metadata the kit replaces, rewritten without a parser.

splice.py used to parse every page's head with beautifulsoup4 and write it back; the head is
now rewritten by walking its tags, so what the theme wrote stays byte for byte."""

import lxml.html

from pelican.plugins.townsquare.headmeta import without_theme_metadata

THEIRS = """
  <meta charset="utf-8">
  <title>Old &amp; theirs</title>
  <meta property="og:title" content="theirs">
  <meta name=description content='theirs'>
  <meta name="twitter:card" content="summary">
  <META PROPERTY="article:published_time" CONTENT="2024">
  <meta name="viewport" content="width=device-width">
  <link rel="stylesheet" href="/theme/css/main.css" data-x='a"b'>
  <link rel="alternate canonical" href="https://theirs.example/">
  <!-- <meta property="og:image" content="kept inside a comment"> -->
  <script type="application/ld+json">{"@type": "BlogPosting", "x": "</p>"}</script>
  <script src="/theme/js/site.js"></script>
  <title>A second title</title>
"""


def tags(text):
    head = lxml.html.fromstring(f"<html><head>{text}</head><body></body></html>").head
    return [(el.tag, dict(el.attrib)) for el in head if isinstance(el.tag, str)]


def test_the_themes_metadata_goes_and_the_rest_stays_as_written():
    kept = without_theme_metadata(THEIRS, "Ours: <b> & more")
    assert kept.startswith(
        '\n  <meta charset="utf-8">\n  <title>Ours: &lt;b&gt; &amp; more</title>\n'
    )
    assert '<link rel="stylesheet" href="/theme/css/main.css" data-x=\'a"b\'>' in kept
    assert '<!-- <meta property="og:image" content="kept inside a comment"> -->' in kept
    assert '<script src="/theme/js/site.js"></script>' in kept
    assert [name for name, _attrs in tags(kept)] == ["meta", "title", "meta", "link", "script"]
    assert "theirs" not in kept and "BlogPosting" not in kept and "second" not in kept
    assert "\n\n" not in kept  # the removed tags' lines go with them


def test_a_head_without_a_title_gets_one_and_an_empty_title_keeps_theirs():
    assert without_theme_metadata('<meta charset="utf-8">\n', "Ours") == (
        '<title>Ours</title>\n<meta charset="utf-8">\n'
    )
    assert without_theme_metadata("<title>Theirs</title>", "") == "<title>Theirs</title>"
