"""Comments plugin, built for real: the no-JS reply links, front matter overrides, errors."""

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, run_build

TITLE = "Why I Traded the All-Hands Monologue for Listening Tours"
HOSTILE = '"Quotes" & <b>tags</b> </script> 😀 עברית'


def read(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def area(page):
    return page.select_one("section#comments[data-ts-comments]")


def replies(section):
    return [(a["data-ts-reply"], a.get_text(), a["href"]) for a in section.select("a")]


def mailto(href):
    """(address, subject) of a mailto: link, decoded with urllib.parse (no '+' allowed)."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.query.startswith("subject=")
    assert "+" not in parts.query and "&" not in parts.query
    return unquote(parts.path), unquote(parts.query.removeprefix("subject="))


def test_post_has_reply_links_without_javascript(sample_site):
    page = read(sample_site / "posts/listening-tours.html")
    section = area(page)
    assert section["aria-labelledby"] == "ts-comments-title"
    assert section.select_one("h2#ts-comments-title").get_text() == "Join the conversation"
    assert replies(section) == [
        (
            "email",
            "Reply by email",
            "mailto:amara@example.org?subject=Why%20I%20Traded%20the%20All-Hands%20Monologue"
            "%20for%20Listening%20Tours",
        ),
        ("mastodon", "Reply on Mastodon", "https://mastodon.example/@amara/113456789012345678"),
        (
            "linkedin",
            "Discuss on LinkedIn",
            "https://www.linkedin.example/posts/amara-okafor_listening-tours",
        ),
    ]
    assert mailto(section.a["href"]) == ("amara@example.org", TITLE)
    # No provider: nothing to load, so no script and no consent button.
    assert section.select("[data-ts-embed], button, script") == []
    assert page.select('script[src$="/townsquare/comments.js"]') == []
    assert section.find_previous("article") is not None  # after the post


def test_each_post_replies_to_its_own_author(sample_site):
    page = read(sample_site / "posts/community-is-not-a-channel.html")
    assert replies(area(page)) == [
        (
            "email",
            "Reply by email",
            "mailto:lukas@example.org?subject=Community%20Is%20Not%20a%20Channel",
        )
    ]


def test_pages_listings_and_404_have_no_comment_area(sample_site):
    for path in ("about.html", "subscribe.html", "404.html", "index.html", "tag/trust.html"):
        assert area(read(sample_site / path)) is None, path


@pytest.fixture(scope="module")
def custom_site(tmp_path_factory):
    """Sample content plus a hostile title, a guest author, comments off and on a page."""
    root = tmp_path_factory.mktemp("comments-custom")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    (content / "posts" / "2026-07-01-hostile.md").write_text(
        f"Title: {HOSTILE}\nDate: 2026-07-01 09:00\nCategory: Leadership\n"
        "Author: Guest Writer\nSlug: hostile\nSummary: A title full of characters that break "
        "naive escaping.\n\nBody text.\n",
        encoding="utf-8",
    )
    off = content / "posts" / "2026-03-16-comment-section-strategy.md"
    off.write_text(
        "Comments: off\n"
        + off.read_text(encoding="utf-8")
        + "\n[Discuss this post in our forum](https://forum.example/t/strategy).\n",
        encoding="utf-8",
    )
    about = content / "pages" / "about.md"
    about.write_text("Comments: on\n" + about.read_text(encoding="utf-8"), encoding="utf-8")
    return run_build(root / "output", PATH=str(content))


def test_hostile_title_is_the_exact_mail_subject(custom_site):
    section = area(read(custom_site / "posts/hostile.html"))
    ((name, label, href),) = replies(section)
    assert (name, label) == ("email", "Reply by email")
    # The guest author has no AUTHORS_BIO email: COMMENTS_REPLY_EMAIL is used.
    assert mailto(href) == ("hello@example.org", HOSTILE)


def test_comments_off_removes_the_area(custom_site):
    page = read(custom_site / "posts/comment-section-strategy.html")
    assert area(page) is None
    # The audit accepted the post because its body links to a discussion.
    assert page.select_one('a[href="https://forum.example/t/strategy"]') is not None


def test_comments_on_adds_the_area_to_a_page(custom_site):
    section = area(read(custom_site / "about.html"))
    assert replies(section) == [
        ("email", "Reply by email", "mailto:amara@example.org?subject=About")
    ]


def test_invalid_front_matter_fails_the_build_naming_file_and_key(tmp_path, content_copy):
    bad = content_copy / "posts" / "2026-07-02-bad.md"
    bad.write_text(
        "Title: Bad\nDate: 2026-07-02 09:00\nAuthor: Guest Writer\nComments: maybe\n"
        "Mastodon: http://mastodon.example/@amara/1\nLinkedin: linkedin.example/posts/1\n\nx\n",
        encoding="utf-8",
    )
    toot = content_copy / "posts" / "2026-07-03-not-a-toot.md"
    toot.write_text(
        "Title: Not a toot\nDate: 2026-07-03 09:00\nMastodon: https://mastodon.example/@amara\n\nx\n",
        encoding="utf-8",
    )
    with pytest.raises(Exception) as failed:
        run_build(tmp_path / "output", PATH=str(content_copy), COMMENTS_REPLY_EMAIL=None)
    message = str(failed.value)
    assert type(failed.value).__name__ == "BuildFailed"
    expected = [
        f"comments: {bad}:4: front matter 'comments: maybe' is not understood; use on or off",
        f"comments: {bad}:5: front matter 'mastodon: http://mastodon.example/@amara/1' must be "
        "an https:// URL of the post to discuss (must start with https://)",
        f"comments: {bad}:6: front matter 'linkedin: linkedin.example/posts/1' must be an "
        "https:// URL of the post to discuss (must start with https://)",
        f"comments: {toot}:3: front matter 'mastodon: https://mastodon.example/@amara' is not a "
        "toot URL; use the post's address, like https://mastodon.social/@you/112233445566778899",
    ]
    for line in expected:
        assert f"  - {line}\n" in message + "\n", line
    assert "Reply by email" not in message  # an author without an address is no error
