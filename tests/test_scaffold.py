"""`townsquare new DIR`: a leader's own blog that builds, publishes and deploys as created."""

import importlib.metadata
import json
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, VENV, townsquare, untracked_files
from test_publish_configs import PUBLISH_COMMANDS, run_actionlint, workflow_commands

KIT = "https://github.com/noor-haddad/townsquare.git@v0.2.0"


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    target = tmp_path_factory.mktemp("new") / "leaders-circle"
    result = townsquare(
        "new",
        str(target),
        "--author",
        "Noor Haddad",
        "--email",
        "noor@leaders-circle.net",
        "--kit",
        KIT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Created a Townsquare blog in {target}. Next: cd {target} && make site"
    ]
    return target


def test_new_blog_has_the_files_of_a_blog_repository(blog):
    files = sorted(
        p.relative_to(blog).as_posix()
        for p in blog.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(blog).parts
    )
    (draft,) = [f for f in files if f.startswith("content/posts/")]
    assert files == sorted(
        [
            ".github/workflows/publish.yml",
            ".gitignore",
            ".gitlab-ci.yml",
            "Makefile",
            "README.md",
            "content/pages/404.md",
            "content/pages/about.md",
            draft,
            "pelicanconf.py",
            "publishconf.py",
            "requirements.txt",
        ]
    )
    assert draft.endswith("-my-first-post.md")
    assert "Status: draft\n" in (blog / draft).read_text(encoding="utf-8")
    conf = (blog / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'SITENAME = "Leaders Circle"' in conf or "SITENAME = 'Leaders Circle'" in conf
    assert "AUTHOR = 'Noor Haddad'" in conf
    assert "COMMENTS_REPLY_EMAIL = 'noor@leaders-circle.net'" in conf
    assert "PLUGIN_PATHS" not in conf and "THEME = townsquare.path()" in conf
    requirements = (blog / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert requirements[2] == f"townsquare @ git+{KIT}"
    assert not any("file:" in line for line in requirements)
    assert any(line.startswith("pelican==") for line in requirements)


def test_new_blog_publishes_with_its_makefile(blog, tmp_path):
    venv = VENV
    # The kit's own .venv stands in for the blog's (-o: never reinstall into it).
    result = subprocess.run(
        [
            "make",
            "publish",
            f"VENV={venv}",
            "-o",
            f"{venv}/.installed",
            "SITEURL=https://x.example.net",
        ],
        cwd=blog,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed the interaction audit" in result.stdout
    # Everything the build wrote (site, lock file, caches) stays out of git.
    status = untracked_files(blog)
    assert status and not [line for line in status if "output" in line or "cache" in line]
    home = BeautifulSoup((blog / "output" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.select_one('meta[property="og:url"]')["content"] == "https://x.example.net/"
    assert home.select_one("[data-ts-subscribe]") is not None
    about = BeautifulSoup((blog / "output" / "about.html").read_text(encoding="utf-8"), "lxml")
    assert about.select_one("h1").get_text() == "About"
    assert about.select("[data-ts-share] a[href]")


def test_new_blog_publish_definitions_deploy_without_kit_tests(blog):
    workflow = yaml.safe_load((blog / ".github/workflows/publish.yml").read_text("utf-8"))
    assert workflow_commands(workflow) == PUBLISH_COMMANDS
    assert workflow["jobs"]["syndicate"]["needs"] == "deploy"
    assert (blog / ".github/workflows/publish.yml").read_bytes() == (
        ROOT / ".github/workflows/publish.yml"
    ).read_bytes()
    assert (blog / ".gitlab-ci.yml").read_bytes() == (ROOT / ".gitlab-ci.yml").read_bytes()
    status, findings = run_actionlint(blog / ".github/workflows/publish.yml")
    assert (status, findings) == (0, [])


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = townsquare("new", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == (
        f"townsquare new: {tmp_path} already exists and is not empty; choose a new folder\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_new_without_an_email_says_what_to_set(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"}
    result = townsquare("new", str(tmp_path / "b"), "--kit", KIT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        f"townsquare new: set COMMENTS_REPLY_EMAIL in {tmp_path / 'b' / 'pelicanconf.py'} "
        "before you publish a post: readers need a way to answer (git has no user.email to "
        "default to)"
    )


def test_new_make_post_keeps_the_title_as_typed(blog):
    title = 'Costs `whoami` $5 and "quotes"'
    venv = VENV
    result = subprocess.run(
        ["make", "-s", "post", f"VENV={venv}", "-o", f"{venv}/.installed", f"TITLE={title}"],
        cwd=blog,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    created = result.stdout.splitlines()[0].removeprefix("Created ")
    assert f"Title: {title}\n" in Path(created).read_text(encoding="utf-8")


def test_new_blog_is_a_git_repository_on_main_that_ignores_what_the_kit_writes(blog):
    def git(*args):
        return subprocess.run(["git", *args], cwd=blog, capture_output=True, text=True)

    assert git("branch", "--show-current").stdout == "main\n"
    written = [
        "output/index.html",
        "public/index.html",
        ".serve/index.html",
        ".output-staging/index.html",
        "output.old/index.html",
        ".output.lock",
        ".public.lock",
        "..serve.lock",
        ".cache/pelican/x",
        "cache/x",
        ".venv/bin/python",
    ]
    ignored = git("check-ignore", "--no-index", *written).stdout.splitlines()
    assert ignored == written
    assert git("check-ignore", "--no-index", "content/posts/x.md", "pelicanconf.py").stdout == ""


def test_new_refuses_a_kit_installed_from_a_folder_without_kit(tmp_path):
    # This checkout's kit is installed from its folder (pip install -e .): no other machine
    # can install that; the old `townsquare new` pinned `townsquare @ file:///...` anyway.
    result = townsquare("new", str(tmp_path / "b"))
    assert result.returncode == 2
    # Where pip says the kit came from: this checkout, or the one whose .venv runs the tests
    # (test_journey runs this suite in a copy of the repository with the outer .venv).
    source = json.loads(importlib.metadata.distribution("townsquare").read_text("direct_url.json"))
    assert result.stderr.startswith(f"townsquare new: the kit was installed from {source['url']}")
    assert result.stderr.endswith(
        "fix: say where the kit comes from, e.g. --kit https://github.com/OWNER/townsquare.git"
        "@v0.2.0 (its git URL at a tag) or --kit townsquare==0.2.0 (a package index); "
        "nothing was created\n"
    )
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize(
    ("kit", "line"),
    [
        ("townsquare==0.2.0", "townsquare==0.2.0"),
        (
            "townsquare @ git+https://x.example/t.git@v1",
            "townsquare @ git+https://x.example/t.git@v1",
        ),
        ("git+https://gitlab.com/n/ts.git@v1", "townsquare @ git+https://gitlab.com/n/ts.git@v1"),
        ("https://x.example/ts-0.2.0.tar.gz", "townsquare @ https://x.example/ts-0.2.0.tar.gz"),
    ],
)
def test_new_writes_the_kit_option_as_a_requirement(tmp_path, kit, line):
    result = townsquare("new", str(tmp_path / "b"), "--kit", kit, "--email", "a@b.example")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b" / "requirements.txt").read_text("utf-8").splitlines()[2] == line


def test_new_refuses_a_kit_option_naming_a_local_folder(tmp_path):
    result = townsquare("new", str(tmp_path / "b"), "--kit", str(ROOT))
    assert result.returncode == 2
    assert f"--kit '{ROOT}' is not a URL or a townsquare requirement" in result.stderr
    assert not (tmp_path / "b").exists()
