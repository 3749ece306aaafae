"""The kit's code stays ruff-clean (lint and format), as configured in pyproject.toml; the
blog's own files (pelicanconf.py, publishconf.py, content/) are the leader's and never checked."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CHECKS = [["check", "."], ["format", "--check", "."]]
#: What a leader may write in their own settings: long lines, their own layout, unused imports.
LONG = "x" * 40
LEADERS_CONF = (
    "import os, sys\n"
    f"SITENAME='Noor writes about leading teams, hiring and the long road {LONG}'\n"
    f"SOCIAL = (('Mastodon','https://mastodon.example/@noor'),('LinkedIn','https://{LONG}'))\n"
)


def ruff(args, root):
    """Run the ruff installed next to the Python running the tests (the dev pins) in root."""
    command = [str(Path(sys.executable).parent / "ruff"), *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", CHECKS)
def test_ruff_clean(args):
    result = ruff(args, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sys.version_info >= (3, 11)


@pytest.fixture(scope="module")
def rewritten_blog(tmp_path_factory):
    """A copy of this folder whose pelicanconf.py, publishconf.py and content/ a leader rewrote."""
    copy = tmp_path_factory.mktemp("lint") / "blog"
    skip = shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "output", "*.egg-info", "__pycache__", ".*cache"
    )
    shutil.copytree(ROOT, copy, ignore=skip)
    for name in ("pelicanconf.py", "publishconf.py"):
        (copy / name).write_text(LEADERS_CONF, encoding="utf-8")
    (copy / "content").mkdir(exist_ok=True)
    (copy / "content" / "plot.py").write_text(LEADERS_CONF, encoding="utf-8")
    return copy


@pytest.mark.parametrize("args", CHECKS)
def test_the_leaders_own_settings_never_fail_the_style_checks(rewritten_blog, args):
    result = ruff(args, rewritten_blog)
    assert result.returncode == 0, result.stdout + result.stderr
    # The same text in the kit's code is still refused: the checks did run.
    (rewritten_blog / "plugins" / "leaders_style.py").write_text(LEADERS_CONF, encoding="utf-8")
    try:
        assert ruff(args, rewritten_blog).returncode == 1
    finally:
        (rewritten_blog / "plugins" / "leaders_style.py").unlink()
