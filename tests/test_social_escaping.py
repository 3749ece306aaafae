"""Hostile titles, summaries, tags and authors come out exactly right and inject nothing."""

import json

import pytest
from social_helpers import SITEURL, jsonld_of, props, read_social

TITLE = '"Quotes" & <b>tags</b> </script> 😀 עברית'
AUTHOR = 'Eve "<img src=x>" </script>'
TAGS = ["<i>x</i>", '"y"&z', "</script><script>alert(1)</script>"]
POST = f"""Title: {TITLE}
Date: 2026-01-01 10:00+01:00
Category: Leadership
Tags: {", ".join(TAGS)}
Author: {AUTHOR}
Summary: A <em>bold</em> "claim" & 3 < 4 </script><!-- end

Body paragraph.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Build a one-post site whose every user-written field is hostile."""
    from conftest import run_build

    root = tmp_path_factory.mktemp("hostile")
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "posts" / "x.md").write_text(POST, encoding="utf-8")
    out = run_build(
        root / "output", PATH=str(root / "content"), SOCIAL_CARD_CACHE=str(root / "cache")
    )
    return read_social(out / "posts/x.html", f"{SITEURL}/posts/x.html")


def test_open_graph_and_twitter_values_are_exact(hostile):
    description = 'A bold "claim" & 3 < 4 <!-- end'
    assert hostile.title == f"{TITLE} · Townsquare"
    assert hostile.og["og:title"] == TITLE
    assert hostile.twitter["twitter:title"] == TITLE
    assert hostile.description == description
    assert hostile.og["og:description"] == description
    assert hostile.twitter["twitter:description"] == description
    assert props(hostile, "article:tag") == TAGS
    assert props(hostile, "og:image:alt") == [f"{TITLE} · Townsquare"]
    assert props(hostile, "article:author") == [f"{SITEURL}/author/eve.html"]


def test_json_ld_parses_to_the_exact_strings(hostile):
    posting = jsonld_of(hostile, "BlogPosting")
    assert posting["headline"] == TITLE
    assert posting["description"] == 'A bold "claim" & 3 < 4 <!-- end'
    assert posting["keywords"] == TAGS
    assert posting["author"][0]["name"] == AUTHOR
    crumbs = jsonld_of(hostile, "BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["name"] == TITLE


def test_nothing_is_injected(hostile):
    soup = hostile.soup
    head_tags = sorted({tag.name for tag in soup.head.find_all(True)})
    assert head_tags == ["link", "meta", "script", "title"]
    # Other features load JS files with src=...; any script with inline text must be JSON-LD.
    scripts = [s for s in soup.find_all("script") if not s.get("src")]
    assert [s.get("type") for s in scripts] == ["application/ld+json"] * 2
    assert soup.head.find_all(["b", "i", "img"]) == []
    assert soup.find_all("b") == []
    headings = soup.find_all("h1")
    assert [h.get_text() for h in headings] == [TITLE]
    assert headings[0].find_all(True) == []
    for script in scripts:
        text = script.string
        assert "</" not in text and "<!--" not in text and "<" not in text
        json.loads(text)
