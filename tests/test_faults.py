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
from conftest import BLOG, CONTENT, ROOT, require, run_build, snapshot
from writing_helpers import post as good_post

from pelican.plugins.townsquare.guard import MARKER

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
    # SITELOGO, SOCIAL_DEFAULT_IMAGE and the main author's photo of the fixture blog's settings
    for image in ("townsquare-logo.png", "community-square.png", "amara-okafor.png"):
        shutil.copy(CONTENT / "images" / image, content / "images")
    for slug in slugs or ("hello",):
        post = content / "posts" / f"{slug}.md"
        post.write_text(good_post(f"Post {slug}"), encoding="utf-8")
    return content


def pelican_args(tmp_path, content, output, *settings):
    """Pelican's command line for the fixture blog's settings, caches kept in tmp_path."""
    cache = f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"
    settings_file = str(BLOG / "pelicanconf.py")
    command = [sys.executable, "-m", "pelican", str(content), "-s", settings_file]
    return [*command, "-o", str(output), "-e", cache, *settings]


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
    names -= {MARKER}  # every build's own folder says so (the guard's marker)
    return sorted(n for n in names if "staging" in n or n.endswith(".old") or "townsquare-" in n)


# -- item 1: an output folder that would swallow the blog ------------------------------------


def build_in_a_copy_of_the_blog(tmp_path, output):
    """Copy the fixture blog to tmp_path/blog and run pelican there with `-o output`:
    (the copy, its snapshot before the build, the CompletedProcess)."""
    blog = tmp_path / "blog"
    shutil.copytree(BLOG, blog, ignore=shutil.ignore_patterns(".cache"))
    before = snapshot(blog)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", output],
        cwd=blog,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    return blog, before, result


def test_output_into_the_content_folder_is_refused_and_deletes_nothing(tmp_path):
    blog, before, result = build_in_a_copy_of_the_blog(tmp_path, "content")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"safebuild: refusing to build into {blog}/content: it is the content folder "
        f"(PATH = {blog}/content){REFUSED_TAIL}"
    ]
    assert "Traceback" not in result.stdout
    assert snapshot(blog) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog"]


def test_output_into_the_blog_folder_names_every_reason(tmp_path):
    blog, before, result = build_in_a_copy_of_the_blog(tmp_path, ".")
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
        "build finish (or stop it, e.g. a `make serve` in another terminal) and build again",
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
else:  # a file system without RENAME_EXCHANGE (and, unless "no-exchange", a kill)
    swap.exchange = lambda first, second: False
    rename = os.rename

    def rename_then_die(source, target):
        rename(source, target)
        if str(target).endswith(".townsquare-old") and when == "between-renames":
            die()

    os.rename = rename_then_die
sys.argv[0] = "pelican"
from pelican import main
main()
"""


def killed_at_swap(tmp_path, content, out, when):
    """Run a build that is SIGKILLed at the given moment of its swap ("after-exchange",
    "between-renames"; "no-exchange" only takes exchange away); return its exit code."""
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


def test_without_an_atomic_exchange_the_fallback_swap_publishes(tmp_path, built):
    content, out, _ = built
    write_blog(tmp_path, "second")
    assert killed_at_swap(tmp_path, content, out, "no-exchange") == 0
    assert (out / "posts" / "second.html").is_file()
    assert leftovers(out) == []


def test_killed_between_the_fallback_renames_the_old_site_comes_back(tmp_path, built):
    content, out, before = built
    write_blog(tmp_path, "second")
    assert killed_at_swap(tmp_path, content, out, "between-renames") == -9
    assert not out.exists()  # the moment the fault leaves behind
    (content / "posts" / "broken.md").write_text(BROKEN, encoding="utf-8")
    result = pelican(tmp_path, content, out)
    assert result.returncode == 1
    assert snapshot(out) == before  # put back from the old site, then kept by the failed build
    assert leftovers(out) == []
    assert result.stderr.splitlines()[0] == (
        f"WARNING: safebuild: put back {out} from {tmp_path}/.output.townsquare-old (an earlier "
        "build stopped while "
        "swapping)"
    )


ADDED = {"CNAME": b"blog.example.org\n", ".nojekyll": b"", "theme/by-hand.svg": b"<svg/>"}


def add_by_hand(out):
    """Put files into a built site by hand, as a leader does for GitHub Pages."""
    for name, data in ADDED.items():
        (out / name).write_bytes(data)


# -- item 3: an output folder that is a mount point, a symlink, or holds undeletable files ---


def user_namespaces():
    """True when this kernel lets us create a user + mount namespace (`unshare -rm`)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def in_namespace(tmp_path, *lines, unprivileged=False):
    """Run shell lines as root of a private user + mount namespace (its mounts die with it),
    or with unprivileged=True as an ordinary user who owns tmp_path (no capabilities)."""
    require(user_namespaces(), "user namespaces (unshare --user --mount)")
    if unprivileged:
        namespace = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    else:
        namespace = ["unshare", "--user", "--map-root-user", "--mount"]
    result = subprocess.run(
        [*namespace, "sh", "-euc", "\n".join(lines)],
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


def build_step(tmp_path, name, content, output, *settings):
    """A shell line running one build; its exit code, stdout and stderr go to tmp_path/name.*"""
    command = shlex.join(pelican_args(tmp_path, content, output, *settings))
    return f"{command} >{name}.out 2>{name}.err && echo 0 >{name}.rc || echo $? >{name}.rc"


def step(tmp_path, name):
    """(exit code, stderr lines) of a build_step."""
    code = int((tmp_path / f"{name}.rc").read_text())
    return code, (tmp_path / f"{name}.err").read_text(encoding="utf-8").splitlines()


def warnings_and_errors(lines):
    """The stderr lines that are not the audit's one-line summary."""
    return [line for line in lines if not line.startswith("audit: ")]


def test_output_on_a_mount_point_is_updated_in_place_keeping_retained_files(tmp_path):
    content = write_blog(tmp_path)
    volume = run_build(tmp_path / "volume", PATH=str(content))  # what the container volume holds
    (volume / ".git").mkdir()
    (volume / ".git" / "HEAD").write_text("ref: refs/heads/pages\n", encoding="utf-8")
    (volume / "stale.html").write_text("<p>from an older build</p>", encoding="utf-8")
    out = tmp_path / "output"
    out.mkdir()
    write_blog(tmp_path, "second")
    broken = tmp_path / "broken.md"
    broken.write_text(BROKEN, encoding="utf-8")
    retain = 'OUTPUT_RETENTION=[".git"]'
    in_namespace(
        tmp_path,
        f"mount --bind {volume} {out}",
        build_step(tmp_path, "first", content, out, retain),
        f"cp -a {volume} {tmp_path / 'after-first'}",
        build_step(tmp_path, "again", content, out, retain),
        f"cp {broken} {content / 'posts'}",
        build_step(tmp_path, "broken", content, out, retain),
    )
    first, again, failed = (step(tmp_path, name) for name in ("first", "again", "broken"))
    assert (first[0], warnings_and_errors(first[1])) == (0, [])
    assert (again[0], warnings_and_errors(again[1])) == (0, [])
    after = tmp_path / "after-first"
    assert (after / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/pages\n"
    assert (after / "posts" / "second.html").is_file()
    assert not (after / "stale.html").exists()
    hidden = sorted(p.name for p in after.iterdir() if p.name.startswith("."))
    assert hidden == [".git", MARKER]
    assert failed[0] == 1
    assert (
        failed[1][0] == f"safebuild: the build failed with 1 error(s); {out} was left as it was:"
    )
    assert snapshot(volume).keys() == snapshot(after).keys()
    assert stable(volume) == stable(after)


def test_symlinked_output_keeps_its_link_and_updates_the_target(tmp_path):
    content = write_blog(tmp_path)
    webroot = tmp_path / "www" / "site"
    webroot.parent.mkdir()
    out = tmp_path / "output"
    out.symlink_to(webroot)  # not there yet: the first build creates it
    run_build(out, PATH=str(content))
    write_blog(tmp_path, "second")
    run_build(out, PATH=str(content))
    assert out.is_symlink() and os.readlink(out) == str(webroot)
    assert (webroot / "posts" / "second.html").is_file()
    before = snapshot(webroot)
    (content / "posts" / "broken.md").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content))
    assert failure(failed.value)[0] == (
        f"safebuild: the build failed with 1 error(s); {out} was left as it was:"
    )
    assert snapshot(webroot) == before
    assert out.is_symlink() and os.readlink(out) == str(webroot)
    assert sorted(p.name for p in webroot.parent.iterdir()) == [".site.lock", "site"]


def test_symlink_into_a_folder_we_may_not_write_is_updated_in_place(tmp_path):
    content = write_blog(tmp_path)
    www = tmp_path / "www"
    webroot = run_build(www / "site", PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    (www / ".site.lock").unlink()
    add_by_hand(webroot)
    out = tmp_path / "output"
    out.symlink_to(webroot)
    www.chmod(0o555)  # the web server's folder: only site/ inside it is ours
    write_blog(tmp_path, "second")
    keep = "DELETE_OUTPUT_DIRECTORY=false"
    try:
        in_namespace(
            tmp_path, build_step(tmp_path, "build", content, out, keep), unprivileged=True
        )
    finally:
        www.chmod(0o755)
    code, lines = step(tmp_path, "build")
    assert (code, warnings_and_errors(lines)) == (0, [])
    assert out.is_symlink() and os.readlink(out) == str(webroot)
    assert (webroot / "posts" / "second.html").is_file()
    assert {name: (webroot / name).read_bytes() for name in ADDED} == ADDED
    assert sorted(p.name for p in www.iterdir()) == ["site"]
    assert sorted(p.name for p in webroot.iterdir() if p.name.startswith(".")) == [
        ".nojekyll",
        MARKER,
        ".townsquare.lock",
    ]


def test_a_read_only_folder_in_the_old_site_does_not_fail_any_build(tmp_path, built):
    content, out, _ = built
    legacy = out / "legacy"
    legacy.mkdir()
    (legacy / "old.html").write_text("<p>old</p>", encoding="utf-8")
    legacy.chmod(0o555)
    write_blog(tmp_path, "second")
    in_namespace(
        tmp_path,
        build_step(tmp_path, "first", content, out),
        build_step(tmp_path, "again", content, out),
        unprivileged=True,
    )
    for name in ("first", "again"):
        code, lines = step(tmp_path, name)
        assert (code, warnings_and_errors(lines)) == (0, []), name
    assert (out / "posts" / "second.html").is_file()
    assert not legacy.exists()
    assert leftovers(out) == []


def test_an_undeletable_old_file_is_a_warning_not_a_failure(tmp_path, built):
    content, out, _ = built
    stuck = tmp_path / "stuck"
    stuck.mkdir()
    (stuck / "locked.html").write_text("<p>on a read-only mount</p>", encoding="utf-8")
    (out / "stuck").mkdir()
    write_blog(tmp_path, "second")
    staging = tmp_path / ".output.townsquare-staging"
    in_namespace(
        tmp_path,
        f"mount --bind {stuck} {out / 'stuck'}",
        f"mount -o remount,bind,ro {out / 'stuck'}",
        build_step(tmp_path, "first", content, out),
        build_step(tmp_path, "again", content, out),
    )
    first, again = step(tmp_path, "first"), step(tmp_path, "again")
    assert (first[0], warnings_and_errors(first[1])) == (
        0,
        [
            f"WARNING: safebuild: the new site is in {out}, but the previous one in {staging} "
            f"could not be deleted (Read-only file system: {staging}/stuck/locked.html) — delete "
            f"it yourself, e.g. chmod -R u+w {staging} && rm -rf {staging}"
        ],
    )
    assert again[0] == 0
    aside_name = ".output.townsquare-staging.undeletable-"
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith(aside_name)]
    assert warnings_and_errors(again[1]) == [
        f"WARNING: safebuild: {staging}, left by an earlier build, could not be deleted "
        f"(Read-only file system: {staging}/stuck/locked.html); moved it to {aside} — delete it "
        "yourself"
    ]
    assert (out / "posts" / "second.html").is_file()
    assert not (out / "stuck").exists()


# -- item 4: a full disk, duplicate slugs, a link loop, kept files, `make post` --------------


def test_a_full_disk_fails_clearly_and_keeps_the_old_site(tmp_path, built):
    content, out, before = built
    write_blog(tmp_path, "second")
    disk = tmp_path / "disk"
    disk.mkdir()
    live = disk / "output"
    in_namespace(
        tmp_path,
        f"mount -t tmpfs -o size=1m tmpfs {disk}",
        f"cp -a {out} {live}",
        f"dd if=/dev/zero of={disk / 'filler'} bs=16k 2>/dev/null || true",
        f"truncate -s -64K {disk / 'filler'}",  # 64 KiB left: less than the new site needs
        build_step(tmp_path, "full", content, live),
        f"cp -a {live} {tmp_path / 'after'}",
        f"ls -A {disk} > {tmp_path / 'disk.txt'}",
    )
    code, lines = step(tmp_path, "full")
    assert code == 1
    assert lines[0] == f"safebuild: the build failed with 1 error(s); {live} was left as it was:"
    assert len(lines) == 2
    assert lines[1].startswith(f"  - the disk holding {live} is full (No space left on device")
    assert lines[1].endswith(
        f") — fix: free some space on it (`df -h {disk}` shows how much is left) and build again"
    )
    assert snapshot(tmp_path / "after") == before
    assert (tmp_path / "disk.txt").read_text().split() == [".output.lock", "filler", "output"]


def test_duplicate_slugs_name_both_source_files(tmp_path, built):
    content, out, before = built
    copy = content / "posts" / "hello-again.md"
    copy.write_text(good_post("Hello again"), encoding="utf-8")
    copy.write_text(copy.read_text().replace("Summary:", "Slug: hello\nSummary:"), "utf-8")
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content))
    original = content / "posts" / "hello.md"
    assert failure(failed.value)[1] == [
        f"safebuild: posts/hello.html would be written by 2 source files: {copy}, {original} — "
        "fix: give each its own Slug: (or rename the file)"
    ]
    assert snapshot(out) == before


def test_a_symlink_loop_in_content_is_named_once(tmp_path, built):
    content, out, before = built
    loop = content / "posts" / "loop"
    loop.symlink_to("..")
    with pytest.raises(Exception) as failed:
        run_build(out, PATH=str(content))
    assert failure(failed.value)[1] == [
        f"{loop}: a symbolic link to {content}, a folder that holds the link itself, so reading "
        f"{content} would never end — fix: delete the link (rm {loop}) or point it at a folder "
        "that does not contain it"
    ]
    assert snapshot(out) == before


def test_delete_output_directory_false_keeps_files_the_build_did_not_write(tmp_path, built):
    content, out, _ = built
    add_by_hand(out)
    write_blog(tmp_path, "second")
    run_build(out, PATH=str(content), DELETE_OUTPUT_DIRECTORY=False)
    assert {name: (out / name).read_bytes() for name in ADDED} == ADDED
    assert (out / "posts" / "second.html").is_file()
    run_build(out, PATH=str(content), DELETE_OUTPUT_DIRECTORY=True)
    assert [name for name in ADDED if (out / name).exists()] == []


def test_extra_folder_publishes_cname_and_nojekyll(tmp_path):
    content = write_blog(tmp_path)
    (content / "extra").mkdir()
    (content / "extra" / "CNAME").write_text("blog.example.org\n", encoding="utf-8")
    (content / "extra" / "nojekyll").write_text("", encoding="utf-8")
    out = run_build(
        tmp_path / "output",
        PATH=str(content),
        STATIC_PATHS=["images", "extra"],
        EXTRA_PATH_METADATA={
            "extra/CNAME": {"path": "CNAME"},
            "extra/nojekyll": {"path": ".nojekyll"},
        },
    )
    assert (out / "CNAME").read_text(encoding="utf-8") == "blog.example.org\n"
    assert (out / ".nojekyll").read_bytes() == b""


# -- item 5: what a leader (and a CI log) sees when a build fails ----------------------------


def test_cli_prints_each_error_once_on_its_own_line_without_a_traceback(tmp_path):
    content = write_blog(tmp_path)
    bad = content / "posts" / "bad.md"
    bad.write_text("Title: Bad\nDate: 2026-13-45\n\nx\n", encoding="utf-8")
    undated = content / "posts" / "undated.md"
    undated.write_text("Title: Undated\n\nx\n", encoding="utf-8")
    out = tmp_path / "output"
    result = pelican(tmp_path, content, out)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"safebuild: the build failed with 2 error(s); {out} was left as it was:",
        f"  - {bad}:2: Date '2026-13-45' is not a valid date {DATE_FIX}",
        f"  - {undated}:1: no 'Date:' in the front matter — fix: add a line "
        "'Date: 2026-05-04 09:30+02:00' to the front matter (or set DEFAULT_DATE)",
    ]
    assert "Traceback" not in result.stdout
    assert "Could not process" not in result.stdout
    assert "could not find information" not in result.stdout
    assert not out.exists()


def test_debug_switch_shows_the_traceback(tmp_path):
    content = write_blog(tmp_path)
    (content / "posts" / "bad.md").write_text(BROKEN, encoding="utf-8")
    result = pelican(tmp_path, content, tmp_path / "output", env=cli_env(TOWNSQUARE_DEBUG="1"))
    assert result.returncode == 1
    assert "Traceback" in result.stdout
    assert "BuildFailed" in result.stdout


def test_lock_timeout_setting_is_checked(tmp_path):
    content = write_blog(tmp_path)
    with pytest.raises(Exception) as refused:
        run_build(tmp_path / "output", PATH=str(content), SAFEBUILD_LOCK_TIMEOUT="soon")
    assert str(refused.value) == (
        "settings: 1 setting problem(s):\n  - Setting 'SAFEBUILD_LOCK_TIMEOUT': received 'soon'; "
        "allowed: a number of seconds, 0 or more (0 = stop at once when another build of the "
        "same folder is running)"
    )
    with pytest.raises(Exception) as misspelt:
        run_build(tmp_path / "output", PATH=str(content), SAFEBUILD_LOCK_TIMOUT=5)
    assert "SAFEBUILD_LOCK_TIMOUT: not a setting of any plugin — did you mean " in str(
        misspelt.value
    )
    assert not (tmp_path / "output").exists()


def test_an_output_folder_that_cannot_be_created_fails_clearly(tmp_path):
    content = write_blog(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    out = locked / "site" / "output"
    in_namespace(tmp_path, build_step(tmp_path, "build", content, out), unprivileged=True)
    code, lines = step(tmp_path, "build")
    assert (code, lines) == (
        1,
        [
            f"safebuild: the build failed with 1 error(s); {out} was left as it was:",
            f"  - {locked / 'site'}: Permission denied — fix: make it writable for you, or build "
            "into another folder",
        ],
    )
    assert list(locked.iterdir()) == []
