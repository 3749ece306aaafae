"""An existing pelican-quickstart site that adds the kit: every setting it still needs is named in
one message, and the files the kit writes (build lock, caches) stay out of git."""

import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, untracked_files

QUICKSTART = FIXTURES / "quickstart"


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "field-notes"
    shutil.copytree(QUICKSTART, folder)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def pelican(site, settings):
    command = [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", "output"]
    return subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=180)


def test_every_missing_setting_is_named_in_one_message(site):
    result = pelican(site, "publishconf.py")
    assert result.returncode == 1
    failure = result.stderr[result.stderr.index("safebuild: the build failed") :].splitlines()
    assert failure[0] == (
        f"safebuild: the build failed with 1 error(s); {site / 'output'} was left as it was:"
    )
    # Issue 21: no reply address and Pelican's feed settings are no longer problems (the
    # reply link is left out; the kit writes FEED_ALL_ATOM's feed). The address stays one.
    problems = failure[1:]
    assert problems[0].startswith("  - social: SITEURL '' is not an absolute http(s) URL")
    assert len(problems) == 1
    assert not (site / "output").exists()


def test_what_the_kit_writes_stays_out_of_git(site):
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write('SITEURL = "http://127.0.0.1:8000"\nCOMMENTS_REPLY_EMAIL = "dana@x.ex"\n')
    result = pelican(site, "pelicanconf.py")
    assert result.returncode == 0, result.stderr
    assert (site / ".output.lock").is_file() and (site / "cache").is_dir()
    untracked = [path for path in untracked_files(site) if not path.startswith("output/")]
    assert untracked == ["content/first-visit.md", "pelicanconf.py", "publishconf.py"]
    assert (site / ".git" / "info" / "exclude").read_text("utf-8").endswith("\n/.output.lock\n")
