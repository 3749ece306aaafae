"""Helpers for the tests of what leaders write: one-post sites built for real into tmp_path."""

import shutil

import pytest
from conftest import CONTENT, run_build, snapshot

SITEURL = "http://127.0.0.1:8000"
PUBLISH_URL = "https://blog.test"
FRONT = (
    "Title: {title}\nDate: 2026-05-04 09:30+02:00\nAuthor: Amara Okafor\n"
    "Category: Leadership\nSummary: A short hello.\n"
)


def post(title="Hello, readers", extra="", body="We answer every reply.\n"):
    """The text of a good post: its front matter (plus extra lines) and body."""
    return FRONT.format(title=title) + extra + "\n" + body


def new_site(root, posts):
    """A content folder under root with the fixture images and posts {relative path: text}."""
    content = root / "content"
    shutil.copytree(CONTENT / "images", content / "images")
    for name, text in posts.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def build(root, settings_file="pelicanconf.py", **settings):
    """Build root/content into root/output; return the output folder."""
    return run_build(root / "output", settings_file, PATH=str(root / "content"), **settings)


def failure_lines(error):
    """The listed problems of a BuildFailed message (lines after the header), sorted."""
    head, *problems = str(error).splitlines()
    assert head.startswith("safebuild: the build failed with "), head
    return sorted(line.removeprefix("  - ") for line in problems)


def refused(root, settings_file="pelicanconf.py", **settings):
    """Build and expect BuildFailed with the old output untouched; return the problem lines."""
    out = root / "output"
    before = snapshot(out) if out.exists() else {}
    with pytest.raises(Exception) as failed:
        build(root, settings_file, **settings)
    assert type(failed.value).__name__ == "BuildFailed", failed.value
    assert (snapshot(out) if out.exists() else {}) == before
    return failure_lines(failed.value)


def messages(caplog, level):
    """Every message logged at exactly level (e.g. logging.WARNING) by the kit's plugins."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == level and r.name.startswith("pelican.plugins.townsquare")
    ]
