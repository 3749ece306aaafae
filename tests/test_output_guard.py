"""The one guard for every destructive step (issue 24, critical items 2 to 5).

Real command-line builds (`pelican ... -o X`) and real `townsquare clean` / `make clean` runs in
tmp_path, with HOME pointed into tmp_path: a build lock that is a link, a user's folder where
the swap keeps its own, an output that is a repository, a home folder or someone's files, and
`make clean OUTPUT=content`. Each is refused with one line naming the path and the fix, and
leaves every file as it was.
"""

import os
import subprocess

import pytest
from conftest import ROOT, VENV, run_build, snapshot, townsquare
from test_faults import cli_env, pelican, write_blog

from pelican.plugins.townsquare.guard import MARKER


@pytest.fixture
def project(tmp_path):
    """A one-post blog in tmp_path/blog (the current folder of its builds), HOME in tmp_path:
    (blog folder, content folder, environment)."""
    blog = tmp_path / "blog"
    content = write_blog(blog)
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("PRIVATE KEY\n", encoding="utf-8")
    return blog, content, cli_env(HOME=str(home))


def build(blog, content, output, env, *settings):
    """One command-line build of the project with `-o output`."""
    return pelican(blog, content, output, *settings, cwd=blog, env=env)


def one_line(result):
    """The refusal: exit status 1 and exactly one line on stderr, no traceback."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# -- critical 2: the build lock follows no link ----------------------------------------------


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_a_build_lock_that_is_a_link_is_refused_and_the_linked_file_kept(project, kind):
    blog, content, env = project
    settings_file = blog / "pelicanconf.py"
    settings_file.write_text("SITENAME = 'Mine'\n", encoding="utf-8")
    lock = blog / ".output.lock"
    if kind == "symlink":
        lock.symlink_to(settings_file)
    else:
        os.link(settings_file, lock)
    line = one_line(build(blog, content, blog / "output", env))
    reason = "is a symbolic link" if kind == "symlink" else "is a second name (hard link)"
    assert line.startswith(f"safebuild: the build lock {lock} {reason}")
    assert f"fix: remove {lock} (rm {lock}; the build creates its own) and build again" in line
    assert settings_file.read_text(encoding="utf-8") == "SITENAME = 'Mine'\n"
    assert not (blog / "output").exists()


# -- critical 3: the swap's folders are its own ----------------------------------------------


def test_a_users_output_old_folder_is_never_touched(project):
    blog, content, env = project
    mine = blog / "output.old"
    (mine / "drafts").mkdir(parents=True)
    (mine / "drafts" / "notes.md").write_text("my notes\n", encoding="utf-8")
    before = snapshot(mine)
    for _round in range(2):  # the second build swaps an existing site
        assert build(blog, content, blog / "output", env).returncode == 0
    assert snapshot(mine) == before
    assert (blog / "output" / MARKER).is_file()


@pytest.mark.parametrize("name", [".output.townsquare-staging", ".output.townsquare-old"])
def test_a_foreign_folder_where_the_swap_works_stops_the_build(project, name):
    blog, content, env = project
    assert build(blog, content, blog / "output", env).returncode == 0
    site = snapshot(blog / "output")
    foreign = blog / name
    foreign.mkdir()
    (foreign / "keep.txt").write_text("not the kit's\n", encoding="utf-8")
    line = one_line(build(blog, content, blog / "output", env))
    assert line.startswith("safebuild: the build failed with 1 error(s)") or line.startswith(
        f"safebuild: {foreign} is in the way"
    )
    assert f"{foreign} is in the way" in line
    assert f"it has no {MARKER} file" in line and "fix: move it away" in line
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "not the kit's\n"
    assert snapshot(blog / "output") == site


# -- critical 4: an output folder the kit must never replace ---------------------------------


def make_repository(folder):
    """A folder with a .git holding a file, as `git init` leaves it (enough for the guard)."""
    (folder / ".git").mkdir(parents=True, exist_ok=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")


CASES = {
    ".git": ("{blog}/.git", "it is a version-control folder (.git)"),
    "inside .git": ("{blog}/.git/site", "it is inside a version-control folder (.git)"),
    ".github": ("{blog}/.github", "it is not empty and no build wrote it"),
    "holds .ssh": ("{tmp}/shared", "it holds .ssh (version-control or configuration)"),
    "holds .git": ("{tmp}/pages", "it holds .git (version-control or configuration)"),
    "home": ("{tmp}/home", "it is the home folder ({tmp}/home)"),
    "parent": ("{tmp}", "it contains the home folder ({tmp}/home)"),
    "someone's files": ("{tmp}/photos", "it is not empty and no build wrote it"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_output_the_kit_must_not_replace_is_refused(tmp_path, project, case):
    blog, content, env = project
    make_repository(blog)
    (blog / ".github" / "workflows").mkdir(parents=True)
    (blog / ".github" / "workflows" / "publish.yml").write_text("on: push\n", encoding="utf-8")
    (tmp_path / "shared" / ".ssh").mkdir(parents=True)
    (tmp_path / "shared" / ".ssh" / "config").write_text("Host *\n", encoding="utf-8")
    make_repository(tmp_path / "pages")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8cat")
    where, reason = CASES[case]
    output = where.format(blog=blog, tmp=tmp_path)
    before = snapshot(tmp_path)
    line = one_line(build(blog, content, output, env))
    assert line.startswith(f"safebuild: refusing to build into {output}: it ")
    assert reason.format(tmp=tmp_path) in line
    assert line.endswith("nothing was changed")
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k.parts[0] != "cache"} == before


def test_an_older_site_a_generator_wrote_is_replaced(project):
    """Adding the kit to a working blog: its output/ (plain Pelican's, no marker) is a site."""
    blog, content, env = project
    old = blog / "output"
    (old / "theme" / "css").mkdir(parents=True)
    (old / "index.html").write_text("<p>built by plain Pelican</p>", encoding="utf-8")
    (old / "theme" / "css" / "main.css").write_text("body{}", encoding="utf-8")
    assert build(blog, content, old, env).returncode == 0
    assert (old / MARKER).is_file()
    assert "built by plain Pelican" not in (old / "index.html").read_text(encoding="utf-8")


def test_a_folder_of_pages_beside_sources_is_refused_with_the_fix(project):
    blog, content, env = project
    notes = blog / "notes"
    notes.mkdir()
    (notes / "index.html").write_text("<p>my page</p>", encoding="utf-8")
    (notes / "draft.md").write_text("Title: mine\n", encoding="utf-8")
    before = snapshot(notes)
    line = one_line(build(blog, content, notes, env))
    assert f"it has no {MARKER} file" in line
    assert f"move it away or delete it yourself once (rm -rf {notes}) and build again" in line
    assert snapshot(notes) == before


def test_a_retained_git_folder_in_a_built_site_is_kept(project):
    blog, content, env = project
    out = blog / "output"
    assert build(blog, content, out, env).returncode == 0
    make_repository(out)
    assert build(blog, content, out, env, 'OUTPUT_RETENTION=[".git"]').returncode == 0
    assert (out / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


# -- critical 5: `make clean` goes through the same guard ------------------------------------


def make_clean(blog, env, *variables):
    """`make clean` with the repository's Makefile in blog, using the test's virtualenv."""
    return subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "clean", f"VENV={VENV}", *variables],
        cwd=blog,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_clean_output_content_deletes_nothing(project):
    blog, content, env = project
    before = snapshot(content)
    result = make_clean(blog, env, "OUTPUT=content")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"townsquare clean: refusing to delete content: it is not empty and no build wrote it "
        f"(it has no {MARKER} file) — fix: name the output folder a build wrote (make clean "
        "OUTPUT=output); if content is an older build (before the kit marked its folders), move "
        "it away or delete it yourself once (rm -rf content) and build again; nothing was deleted"
    )
    assert snapshot(content) == before


def test_make_clean_deletes_a_built_site_and_its_lock(project):
    blog, content, env = project
    assert build(blog, content, blog / "output", env).returncode == 0
    assert (blog / ".output.lock").is_file()
    result = make_clean(blog, env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in blog.iterdir()) == ["cache", "content"]  # Pelican's cache


@pytest.mark.parametrize("where", [".", "..", "home"])
def test_townsquare_clean_refuses_the_project_and_the_home_folder(tmp_path, project, where):
    blog, _content, env = project
    target = tmp_path / "home" if where == "home" else where
    before = snapshot(tmp_path)
    result = townsquare("clean", target, cwd=blog, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"townsquare clean: refusing to delete {target}: it ")
    assert len(result.stderr.splitlines()) == 1
    assert snapshot(tmp_path) == before


def test_a_build_into_an_empty_folder_is_allowed(tmp_path):
    content = write_blog(tmp_path)
    (tmp_path / "output").mkdir()
    out = run_build(tmp_path / "output", PATH=str(content))
    assert (out / "index.html").is_file() and (out / MARKER).is_file()
