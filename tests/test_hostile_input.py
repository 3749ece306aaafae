"""Property tests: whatever a leader types into the front matter, the build either succeeds and
every reader (browser, crawler, share intent) sees exactly that text, or it stops with a message
naming the file and the fix. Normalisation (docs/security.md, "What the build does with your
text"): titles, tags and names lose leading/trailing whitespace; summaries are Markdown, so the
description is their text with runs of whitespace collapsed; tags that differ only in case or
punctuation are one tag (same URL)."""

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import extruct
import pytest
from bs4 import BeautifulSoup
from conftest import run_build
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

SITEURL = "http://127.0.0.1:8000"
POST_URL = f"{SITEURL}/posts/post.html"
HOSTILE = ['"', "'", "&", "&amp;", "<b>", "</script>", "<!--", "]]>", "?", "#", "%20", "/"]
HOSTILE += ["😀", "👩🏽‍💻", "עברית", "مرحبا", "\u202e", "\u00a0", "{{ x }}", "{% if %}", "\\"]
CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85"]
# No line breaks (front matter is one line per key) and no commas (they separate tags/authors).
PLAIN = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=",\n\r"
)


def pieces(*extra):
    fragments = st.one_of(st.text(PLAIN, max_size=8), st.sampled_from(HOSTILE + list(extra)))
    return st.lists(fragments, min_size=1, max_size=10).map("".join)


def has_word(text):
    return any(ch.isalnum() for ch in text)


TITLES = pieces(*CONTROL).filter(has_word)
NAMES = pieces().filter(has_word)
# Summaries start with a word so Markdown never turns them into a heading or a list, and keep
# to characters that are not Markdown syntax, so their text is known exactly.
SUMMARY_CHARS = st.sampled_from(list("abcXYZ019 \"'&?%/=+.:()😀עבר—é"))
SUMMARIES = st.text(SUMMARY_CHARS, max_size=120).map(lambda s: "Word " + s)
TAG_CHARS = st.sampled_from(list("abcdXYZ19 \"'&<>?#/=+.:()😀"))
TAGS = st.lists(
    st.text(TAG_CHARS, min_size=1, max_size=12).filter(lambda t: t.strip() and has_word(t)),
    min_size=1,
    max_size=3,
    unique_by=lambda t: "".join(ch.lower() for ch in t if ch.isalnum()),
)


def build_post(root, title, summary, tags, author):
    """Write one post with this front matter and build; return the output folder."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "posts" / "post.md").write_text(
        f"Title: {title}\nDate: 2026-05-04 09:30+02:00\nAuthor: {author}\n"
        f"Category: Leadership\nTags: {', '.join(tags)}\nSummary: {summary}\n\nBody text.\n",
        encoding="utf-8",
    )
    # The audit's length warnings are expected for long hostile titles; errors still fail.
    return run_build(root / "output", PATH=str(root / "content"), AUDIT_FAIL_ON="error")


def query(href, key):
    return parse_qs(urlsplit(href).query, keep_blank_values=True)[key]


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TITLES, summary=SUMMARIES, tags=TAGS, author=NAMES)
def test_any_front_matter_comes_out_exactly_or_fails_clearly(
    tmp_path, title, summary, tags, author
):
    root = Path(tmp_path) / "site"
    try:
        out = build_post(root, title, summary, tags, author)
    except Exception as failure:
        message = str(failure)
        assert type(failure).__name__ == "BuildFailed", message
        assert f"{root / 'content' / 'posts' / 'post.md'}:" in message
        assert " — fix: " in message
        event("refused")
        reason = "control character" if any(c in title for c in CONTROL) else "no letter or digit"
        assert reason in message
        return
    event("built")
    assert not any(c in title for c in CONTROL), "a control character was published"

    html = (out / "posts" / "post.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    data = extruct.extract(html, base_url=POST_URL, syntaxes=["opengraph", "json-ld"])
    og = dict(data["opengraph"][0]["properties"])
    og_tags = [v for k, v in data["opengraph"][0]["properties"] if k == "article:tag"]
    posting = next(item for item in data["json-ld"] if item.get("@type") == "BlogPosting")
    expected_title = title.strip()
    expected_summary = " ".join(summary.split())

    # Nothing the author typed became markup: the only elements are the theme's own.
    assert soup.find("b") is None and soup.find("i") is None
    assert [s.get("type") for s in soup.find_all("script") if not s.get("src")] == [
        "application/ld+json"
    ] * len(soup.select('script[type="application/ld+json"]'))
    assert soup.h1.get_text() == expected_title
    assert og["og:title"] == expected_title
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == expected_title
    assert posting["headline"] == expected_title
    assert og["og:description"] == posting["description"] == expected_summary
    assert [a["name"] for a in posting["author"]] == [author.strip()]
    assert set(og_tags) == {t.strip() for t in tags}

    # Share intents carry exactly the title and the canonical URL.
    x_link = soup.select_one('a[href^="https://x.com/intent/"]')["href"]
    assert query(x_link, "text") == [expected_title]
    assert query(x_link, "url") == [POST_URL]
    mail = soup.select_one('a[href^="mailto:?subject="]')["href"]
    assert query(mail.replace("mailto:", "", 1), "subject") == [expected_title]
