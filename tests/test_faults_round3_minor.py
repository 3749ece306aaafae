"""Round 3's minor faults (issue 24): each one line where a traceback was, or a value refused.

Every test here failed on the code before the fix: a traceback, a file written where it must not
be, a silent drop, or a slow path measured in the commit that made it fast.
"""

import os
import subprocess
from pathlib import Path

import pytest
from conftest import BLOG, ROOT, townsquare


def post(*args, cwd=ROOT, settings=BLOG / "pelicanconf.py"):
    """`townsquare post` with the fixture blog's settings (or the given ones)."""
    return townsquare("post", "--settings", settings, *args, cwd=cwd, timeout=60)


def created(result):
    """The path a successful `townsquare post` reports."""
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.splitlines()[0].removeprefix("Created "))


def assert_one_line(result, code, *parts):
    """Exit code code, one stderr line holding every part, no traceback."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


# townsquare post ------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["a" * 400, "ش" * 200, " ".join(["word"] * 90)])
def test_post_with_a_very_long_title_gets_a_short_file_name(tmp_path, title):
    target = created(post(title, "--date", "2026-07-01T09:00", "--content-dir", tmp_path))
    assert len(target.name.encode("utf-8")) <= 100
    assert target.name.startswith("2026-07-01-")
    assert f"Title: {title}\n" in target.read_text(encoding="utf-8")


def test_post_with_an_emoji_only_title_gets_a_slug(tmp_path):
    target = created(post("🎉🎉", "--date", "2026-07-01T09:05", "--content-dir", tmp_path))
    assert target.name == "2026-07-01-post-0905.md"
    assert "Slug: post-0905\n" in target.read_text(encoding="utf-8")


def test_post_skips_a_dangling_link_and_a_latin1_file_in_the_posts_folder(tmp_path):
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "old.md").write_bytes(b"Title: Caf\xe9\nCategory: Notes\n\nText\n")
    target = created(post("Hello", "--date", "2026-07-01T09:00", "--content-dir", tmp_path))
    assert "Category: Notes\n" in target.read_text(encoding="utf-8")


def test_post_into_an_unwritable_folder_is_one_line(tmp_path):
    result = post("Hello", "--content-dir", "/proc/1")
    assert_one_line(result, 2, "cannot write /proc/1/", "fix: pass --content-dir")


def test_post_with_an_unknown_timezone_names_the_setting(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text('TIMEZONE = "Mars/Base"\nPATH = "content"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = post("Hello", cwd=tmp_path, settings=settings)
    assert_one_line(result, 2, "TIMEZONE 'Mars/Base'", str(settings), "'Europe/Berlin'")
    assert not (tmp_path / "content/posts").exists()


def test_post_author_with_a_newline_adds_no_front_matter_line(tmp_path):
    args = ("--author", "Eve\nStatus: published", "--date", "2026-07-01T09:00")
    text = created(post("Hello", *args, "--content-dir", tmp_path)).read_text(encoding="utf-8")
    assert "Author: Eve Status: published\n" in text
    assert "\nStatus: draft\n" in text
    assert "\nStatus: published" not in text


# townsquare new -------------------------------------------------------------------------------


def git_env(tmp_path, user_name):
    """An environment whose git user.name is user_name (and no user.email)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / ".gitconfig").write_text(
        f'[user]\n\tname = "{user_name.encode("unicode_escape").decode()}"\n', encoding="utf-8"
    )
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"}


HOSTILE = "Blog $(touch PWNED1) `touch PWNED2` \\\nall:\n\ttouch PWNED3\n#"


@pytest.mark.parametrize("where", ["folder", "name"])
def test_new_writes_a_makefile_that_runs_nothing_from_the_name(tmp_path, where):
    folder = tmp_path / (HOSTILE if where == "folder" else "blog")
    extra = ["--name", HOSTILE] if where == "name" else []
    result = townsquare("new", folder, *extra, "--author", "Ann", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    makefile = (folder / "Makefile").read_text(encoding="utf-8")
    template = (ROOT / "plugins/townsquare/scaffold/Makefile").read_text(encoding="utf-8")
    assert makefile.splitlines()[1:] == template.splitlines()[1:]
    assert not makefile.splitlines()[0].endswith("\\")
    run = subprocess.run(["make", "-s", "help"], cwd=folder, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not list(tmp_path.rglob("PWNED*"))
    about = (folder / "content/pages/about.md").read_text(encoding="utf-8")
    assert about.splitlines()[2].lower().startswith("summary: blog $(touch pwned1)")
    assert about.splitlines()[3] == ""


def test_new_git_user_name_with_a_newline_adds_no_front_matter_line(tmp_path):
    env = git_env(tmp_path, "Eve\nStatus: published")
    result = townsquare("new", tmp_path / "b", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (draft,) = (tmp_path / "b/content/posts").glob("*.md")
    text = draft.read_text(encoding="utf-8")
    assert "Author: Eve Status: published\n" in text
    assert "\nStatus: published" not in text
    conf = (tmp_path / "b/pelicanconf.py").read_text(encoding="utf-8")
    assert "AUTHOR = 'Eve Status: published'\n" in conf
