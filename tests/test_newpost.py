"""`make post`: the scaffold writes a draft that builds, and never overwrites a file."""

from bs4 import BeautifulSoup
from conftest import BLOG, ROOT, townsquare

from pelican.plugins.townsquare import newpost


def scaffold(*args):
    return townsquare("post", "--settings", BLOG / "pelicanconf.py", *args, cwd=ROOT, timeout=60)


def test_scaffolded_draft_builds_and_a_second_run_refuses(content_copy, build_site):
    posts = content_copy / "posts"
    args = ["Hello, Town Square!", "--date", "2026-07-01T09:30", "--content-dir", str(posts)]
    first = scaffold(*args)
    target = posts / "2026-07-01-hello-town-square.md"
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == f"Created {target}"
    assert target.read_text(encoding="utf-8") == (
        "Title: Hello, Town Square!\n"
        "Date: 2026-07-01 09:30+02:00\n"
        "Author: Amara Okafor\n"
        "Category: Leadership\n"
        "Tags:\n"
        "Slug: hello-town-square\n"
        "Summary:\n"
        "Status: draft\n"
        "\n" + newpost.BODY
    )

    output = build_site(PATH=str(content_copy))
    draft = BeautifulSoup((output / "drafts" / "hello-town-square.html").read_text(), "lxml")
    assert draft.select_one("h1.p-name").get_text() == "Hello, Town Square!"
    assert draft.select_one("time.dt-published")["datetime"] == "2026-07-01T09:30:00+02:00"
    assert draft.select_one("a.p-author").get_text() == "Amara Okafor"
    assert draft.select(".post-tags") == []
    assert not (output / "posts" / "hello-town-square.html").exists()

    again = scaffold(*args)
    assert again.returncode == 1
    assert again.stderr.splitlines()[0] == (
        f"newpost: {target} already exists; not overwriting it."
    )


def test_empty_title_is_refused_with_usage(tmp_path):
    result = scaffold("  ", "--content-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("usage: townsquare post")
    assert result.stderr.splitlines()[-1] == (
        'newpost: a title is required: make post TITLE="My first post"'
    )
    assert list(tmp_path.iterdir()) == []


def test_bad_date_is_refused(tmp_path):
    result = scaffold("A title", "--date", "yesterday", "--content-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("newpost: --date 'yesterday' is not an ISO date")
