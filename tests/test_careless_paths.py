"""Careless values that used to hang a build or write where they should not (issue 24, major
items 3 to 5): an `Image:` that is a FIFO or a huge file, OUTPUT_RETENTION written as a string,
a *_SAVE_AS that climbs out of the output folder. Each is one clear error naming the file or
setting, and nothing outside the output folder is written."""

import contextlib
import os
import subprocess

import pytest
from conftest import run_build, snapshot
from test_faults import cli_env, pelican_args, write_blog


def post_with_image(content, image):
    (content / "posts" / "cover.md").write_text(
        f"Title: Cover\nDate: 2026-05-04 09:30+02:00\nImage: {image}\n\nA post with a cover.\n",
        encoding="utf-8",
    )


def test_an_image_that_is_a_fifo_fails_the_build_instead_of_hanging(tmp_path):
    content = write_blog(tmp_path)
    fifo = content / "images" / "cover.png"
    os.mkfifo(fifo)
    post_with_image(content, "images/cover.png")
    result = subprocess.run(
        pelican_args(tmp_path, content, tmp_path / "output"),
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=90,  # the old code blocked in Pillow's open() for ever
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        f"  - social: {content}/posts/cover.md: the image {fifo} is not a regular file (a FIFO, "
        "device or folder) — fix: correct the path or add the file"
    ) in result.stderr.splitlines()


def test_an_image_larger_than_the_limit_is_refused_unread(tmp_path):
    content = write_blog(tmp_path)
    big = content / "images" / "huge.png"
    with open(big, "wb") as handle:  # sparse: 65 MiB that take no disk
        handle.truncate(65 * 1024 * 1024)
    post_with_image(content, "images/huge.png")
    with pytest.raises(Exception) as failed:
        run_build(tmp_path / "output", PATH=str(content))
    assert f"the image {big} is larger than 64 MB" in str(failed.value)


def refusal(tmp_path, **settings):
    content = write_blog(tmp_path)
    with pytest.raises(Exception) as refused:
        run_build(tmp_path / "output", PATH=str(content), **settings)
    assert type(refused.value).__name__ in ("SiteSettingsError", "PreviewSettingsError")
    return str(refused.value)


def test_output_retention_as_a_string_is_an_error_naming_the_setting(tmp_path):
    message = refusal(tmp_path, OUTPUT_RETENTION=".git")
    assert (
        "Setting 'OUTPUT_RETENTION': received '.git' (a string is read letter by letter); "
        "allowed: a list of names in the output folder that a build keeps, e.g. "
        "OUTPUT_RETENTION = ['.git']"
    ) in message


def test_a_deleted_post_leaves_a_site_built_with_a_list_retention(tmp_path):
    content = write_blog(tmp_path, "kept", "gone")
    out = run_build(tmp_path / "output", PATH=str(content), OUTPUT_RETENTION=[".git"])
    (content / "posts" / "gone.md").unlink()
    run_build(out, PATH=str(content), OUTPUT_RETENTION=[".git"])
    assert (out / "posts" / "kept.html").is_file()
    assert not (out / "posts" / "gone.html").exists()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PREVIEW_SAVE_AS", "../notes/{slug}.html"),
        ("PREVIEW_SAVE_AS", "/tmp/{slug}.html"),
        ("ARTICLE_SAVE_AS", "posts/../../{slug}.html"),
    ],
)
def test_a_save_as_outside_the_output_is_refused_and_writes_nothing(tmp_path, name, value):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "hello.html").write_text("my own notes\n", encoding="utf-8")
    before = snapshot(tmp_path)
    message = refusal(tmp_path, **{name: value})
    assert f"Setting '{name}': received {value!r}" in message
    assert "output folder" in message
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k.parts[0] == "notes"} == {
        k: v for k, v in before.items() if k.parts[0] == "notes"
    }


def test_a_slug_that_climbs_out_gets_no_preview_page_outside(tmp_path):
    content = write_blog(tmp_path)
    (content / "posts" / "odd.md").write_text(
        "Title: Odd\nDate: 2026-05-04 09:30+02:00\nSlug: ../../escaped\n\nText of the post.\n",
        encoding="utf-8",
    )
    with contextlib.suppress(Exception):  # the build may refuse the slug; either way:
        run_build(tmp_path / "output", PATH=str(content))
    assert not list(tmp_path.glob("escaped*")) and not list(tmp_path.parent.glob("escaped*"))
