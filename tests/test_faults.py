"""Safe builds under real-world faults: nothing lost, nothing half-published, one clear message.

Each test reproduces a fault from issue 17 with real builds: Pelican's command line in a
subprocess where a process boundary matters (locks, SIGKILL, exit codes, what a CI log shows),
and a private user + mount namespace (`unshare`) for mount points, a full disk and an
unprivileged user, so no mount outlives its test.
"""

import fcntl
import json
import os
import shlex
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import BLOG, ROOT, require, run_build, snapshot

POST = (
    "Title: {title}\nDate: 2026-05-04 09:30+02:00\nAuthor: Amara Okafor\n"
    "Category: Leadership\nSummary: A short hello.\n\nWe answer every reply.\n"
)
BROKEN = "Title: Broken\nDate: next Tuesday\n\nText.\n"
DATE_FIX = (
    "— fix: write it as YYYY-MM-DD HH:MM with an optional UTC offset, e.g. "
    "'Date: 2026-05-04 09:30+02:00'"
)
REFUSED_TAIL = (
    ". A build replaces everything in its output folder, so building there would delete those "
    'files — fix: build into a folder of its own (OUTPUT_PATH = "output" in the settings file, '
    "or -o output); nothing was changed"
)


def write_blog(root, *slugs):
    """A small content folder under root with one post per slug; returns the folder."""
    content = Path(root) / "content"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    (content / "images").mkdir(exist_ok=True)
    for slug in slugs or ("hello",):
        post = content / "posts" / f"{slug}.md"
        post.write_text(POST.format(title=f"Post {slug}"), encoding="utf-8")
    return content


def pelican_args(tmp_path, content, output, *settings):
    """Pelican's command line for the fixture blog's settings, caches kept in tmp_path."""
    extra = [f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}", *settings]
    return [sys.executable, "-m", "pelican", str(content), "-s", str(BLOG / "pelicanconf.py")] + [
        "-o",
        str(output),
        "-e",
        *extra,
    ]


def cli_env(**extra):
    """The environment of a command-line build: 80 columns as in CI, no debug switch."""
    env = {k: v for k, v in os.environ.items() if k != "TOWNSQUARE_DEBUG"}
    return {**env, "COLUMNS": "80", "PYTHONUNBUFFERED": "1", **extra}


def pelican(tmp_path, content, output, *settings, cwd=None, env=None):
    """Run Pelican's command line once (stdout and stderr captured, not a terminal)."""
    return subprocess.run(
        pelican_args(tmp_path, content, output, *settings),
        cwd=cwd or tmp_path,
        env=env or cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def stable(folder):
    """snapshot(folder) without the preview's build stamp, which differs on every build."""
    return {k: v for k, v in snapshot(folder).items() if k != Path("preview/build-stamp.txt")}


def failure(exc):
    """(header, listed errors) of a BuildFailed raised by an in-process build."""
    assert type(exc).__name__ == "BuildFailed", exc
    head, *items = str(exc).split("\n  - ")
    return head, items


def leftovers(folder):
    """Names next to folder (or inside it) that a build left behind."""
    names = {p.name for p in Path(folder).parent.iterdir()} | {p.name for p in folder.iterdir()}
    return sorted(n for n in names if "staging" in n or n.endswith(".old") or "townsquare-" in n)


# -- item 1: an output folder that would swallow the blog ------------------------------------


def test_output_into_the_content_folder_is_refused_and_deletes_nothing(tmp_path):
    blog = tmp_path / "blog"
    shutil.copytree(BLOG, blog, ignore=shutil.ignore_patterns(".cache"))
    before = snapshot(blog)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "content"],
        cwd=blog,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"safebuild: refusing to build into {blog}/content: it is the content folder "
        f"(PATH = {blog}/content){REFUSED_TAIL}"
    ]
    assert "Traceback" not in result.stdout
    assert snapshot(blog) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog"]


def test_output_into_the_blog_folder_names_every_reason(tmp_path):
    blog = tmp_path / "blog"
    shutil.copytree(BLOG, blog, ignore=shutil.ignore_patterns(".cache"))
    before = snapshot(blog)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "."],
        cwd=blog,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"safebuild: refusing to build into {blog}: it contains the content folder "
        f"(PATH = {blog}/content); it is the folder holding the settings file ({blog}); "
        f"it is the current folder ({blog}){REFUSED_TAIL}"
    ]
    assert snapshot(blog) == before


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("content/posts/site", "is inside the content folder (PATH = {content})"),
        (".", "contains the content folder (PATH = {content})"),
        ("theme", "is the theme folder (THEME = {theme})"),
        ("theme/templates/out", "is inside the theme folder (THEME = {theme})"),
        ("plugins", "is a plugins folder (PLUGIN_PATHS: {plugins})"),
        ("content/posts/hello.md", "is a file, not a folder; it is inside the content folder"),
    ],
)
def test_output_around_sources_is_refused(tmp_path, where, reason):
    content = write_blog(tmp_path)
    theme, plugins = tmp_path / "theme", tmp_path / "plugins"
    shutil.copytree(ROOT / "theme", theme)
    plugins.mkdir()
    before = snapshot(tmp_path)
    output = os.path.normpath(tmp_path / where)
    with pytest.raises(Exception) as refused:
        run_build(output, PATH=str(content), THEME=str(theme), PLUGIN_PATHS=[str(plugins)])
    assert type(refused.value).__name__ == "OutputRefused"
    expected = reason.format(content=content, theme=theme, plugins=plugins)
    assert str(refused.value).startswith(f"safebuild: refusing to build into {output}: it ")
    assert expected in str(refused.value)
    assert str(refused.value).endswith(REFUSED_TAIL)
    assert snapshot(tmp_path) == before


# -- item 2: two builds at once, and a build killed while swapping ---------------------------


@pytest.fixture
def built(tmp_path):
    """A one-post blog built once into tmp_path/output: (content, output, files)."""
    content = write_blog(tmp_path)
    out = run_build(tmp_path / "output", PATH=str(content))
    return content, out, snapshot(out)


def hold_lock(path, pid_text="4242\n"):
    """Take a build's lock from this process (as another build would); returns the fd."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    os.pwrite(fd, pid_text.encode(), 0)
    return fd


def test_a_second_build_waits_for_the_first_then_publishes(tmp_path, built):
    content, out, _ = built
    write_blog(tmp_path, "second")
    lock = tmp_path / ".output.lock"
    fd = hold_lock(lock)
    build = subprocess.Popen(
        pelican_args(tmp_path, content, out),
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(120, build.kill)
    watchdog.start()
    try:
        seen = []
        for line in build.stderr:
            seen.append(line)
            if "waiting up to" in line:
                break
        assert not (out / "posts" / "second.html").exists()  # it really waited
    finally:
        os.close(fd)  # the "other build" ends
    _, errors = build.communicate(timeout=120)
    watchdog.cancel()
    assert build.returncode == 0, errors
    assert seen[-1] == (
        f"WARNING: safebuild: another build of {out} is running (process 4242); waiting up to "
        f"300 s for it to finish (SAFEBUILD_LOCK_TIMEOUT; lock file {lock})\n"
    )
    assert (out / "posts" / "second.html").is_file()
    assert leftovers(out) == []


def test_a_build_refuses_after_the_lock_timeout_and_keeps_the_site(tmp_path, built):
    content, out, before = built
    write_blog(tmp_path, "second")
    lock = tmp_path / ".output.lock"
    fd = hold_lock(lock)
    try:
        result = pelican(tmp_path, content, out, "SAFEBUILD_LOCK_TIMEOUT=1")
    finally:
        os.close(fd)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"WARNING: safebuild: another build of {out} is running (process 4242); waiting up to "
        f"1 s for it to finish (SAFEBUILD_LOCK_TIMEOUT; lock file {lock})",
        f"safebuild: another build of {out} was still running after 1 s (SAFEBUILD_LOCK_TIMEOUT; "
        f"lock file {lock}); nothing was built and {out} was left as it was — fix: let the other "
        "build finish (or stop it, e.g. a `make serve` in another terminal) and build again"
    ]
    assert snapshot(out) == before


def test_two_real_builds_at_once_publish_one_whole_site(tmp_path, built):
    content, out, _ = built
    write_blog(tmp_path, "second", "third")
    assert pelican(tmp_path, content, tmp_path / "reference").returncode == 0
    expected = stable(tmp_path / "reference")
    for _round in range(2):
        builds = [
            subprocess.Popen(
                pelican_args(tmp_path, content, out),
                cwd=tmp_path,
                env=cli_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(b.wait(timeout=300), b.communicate()[1]) for b in builds]
        assert [code for code, _ in results] == [0, 0], results
        assert stable(out) == expected
        assert leftovers(out) == []


KILLER = """
import os, signal, sys
from pelican.plugins.townsquare_safebuild import swap

def die():
    os.kill(os.getpid(), signal.SIGKILL)

when = sys.argv.pop(1)
if when == "after-exchange":
    exchange = swap.exchange

    def swap_then_die(first, second):
        exchange(first, second)
        die()

    swap.exchange = swap_then_die
else:  # a file system without RENAME_EXCHANGE, killed between its two renames
    swap.exchange = lambda first, second: False
    rename = os.rename

    def rename_then_die(source, target):
        rename(source, target)
        if str(target).endswith(".old"):
            die()

    os.rename = rename_then_die
sys.argv[0] = "pelican"
from pelican import main
main()
"""


def killed_at_swap(tmp_path, content, out, when):
    """Run a build that is SIGKILLed at the given moment of its swap; return its exit code."""
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    args = pelican_args(tmp_path, content, out)
    return subprocess.run(
        [sys.executable, str(script), when, *args[3:]],
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        timeout=300,
    ).returncode


def test_killed_right_after_the_exchange_the_new_site_is_whole(tmp_path, built):
    content, out, _ = built
    write_blog(tmp_path, "second")
    assert pelican(tmp_path, content, tmp_path / "reference").returncode == 0
    assert killed_at_swap(tmp_path, content, out, "after-exchange") == -9
    assert stable(out) == stable(tmp_path / "reference")
    assert pelican(tmp_path, content, out).returncode == 0  # and the leftovers are cleared
    assert leftovers(out) == []


def test_killed_between_the_fallback_renames_the_old_site_comes_back(tmp_path, built):
    content, out, before = built
    write_blog(tmp_path, "second")
    assert killed_at_swap(tmp_path, content, out, "between-renames") == -9
    assert not out.exists()  # the moment the fault leaves behind
    (content / "posts" / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = pelican(tmp_path, content, out)
    assert result.returncode == 1
    assert snapshot(out) == before  # put back from output.old, then kept by the failed build
    assert leftovers(out) == []
    assert result.stderr.splitlines()[0] == (
        f"WARNING: safebuild: put back {out} from {out}.old (an earlier build stopped while "
        "swapping)"
    )
