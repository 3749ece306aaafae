"""`pip install .` into a fresh venv: Pelican finds the plugins by itself and the theme by name.

Slow (a real install from the checkout, dependencies from the package index or pip's cache),
so it runs once per session; CI runs it like every other test.
"""

import subprocess
import sys
import textwrap

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

pytestmark = pytest.mark.slow

PLUGINS = [
    "pelican.plugins.townsquare",
    "pelican.plugins.townsquare_audit",
    "pelican.plugins.townsquare_brand",
    "pelican.plugins.townsquare_comments",
    "pelican.plugins.townsquare_feeds",
    "pelican.plugins.townsquare_preview",
    "pelican.plugins.townsquare_readnext",
    "pelican.plugins.townsquare_safebuild",
    "pelican.plugins.townsquare_share",
    "pelican.plugins.townsquare_social",
]


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    """A fresh virtual environment with the kit installed from this checkout (not editable)."""
    folder = tmp_path_factory.mktemp("install") / "venv"
    run([sys.executable, "-m", "venv", str(folder)])
    run([str(folder / "bin" / "python"), "-m", "pip", "install", "-q", str(ROOT)])
    return folder


def test_pelican_discovers_the_installed_plugins(venv):
    script = (
        "from pelican.plugins._utils import get_namespace_plugins as found\n"
        "print('\\n'.join(sorted(n for n in found() if 'townsquare' in n)))\n"
        "from pelican.themes import townsquare\n"
        "print(townsquare.path())\n"
    )
    lines = run([str(venv / "bin" / "python"), "-c", script], cwd=venv).stdout.splitlines()
    assert lines[:-1] == PLUGINS
    assert lines[-1].startswith(str(venv)) and lines[-1].endswith("pelican/themes/townsquare")


def test_a_site_naming_no_plugins_gets_every_interaction_point(venv, tmp_path):
    # No PLUGINS and no PLUGIN_PATHS: Pelican loads every installed namespace plugin, and the
    # kit injects its pieces into Pelican's default theme.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "hello.md").write_text(
        "Title: Hello, readers\nDate: 2026-05-04 09:30\nAuthor: Noor Haddad\n"
        "Summary: Why this blog exists and how to answer it.\n\n"
        "We write here to think in public and to hear back from you.\n",
        encoding="utf-8",
    )
    (tmp_path / "pelicanconf.py").write_text(
        textwrap.dedent(
            """\
            SITENAME = "Noor writes"
            SITEURL = "https://noor.example.net"
            PATH = "content"
            TIMEZONE = "UTC"
            FEED_ALL_ATOM = None
            CATEGORY_FEED_ATOM = None
            AUTHOR_FEED_ATOM = None
            AUTHOR_FEED_RSS = None
            TRANSLATION_FEED_ATOM = None
            COMMENTS_REPLY_EMAIL = "noor@noor-writes.net"
            """
        ),
        encoding="utf-8",
    )
    run(
        [str(venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"],
        cwd=tmp_path,
    )
    post = BeautifulSoup((tmp_path / "output" / "hello-readers.html").read_text("utf-8"), "lxml")
    assert [m["content"] for m in post.select('meta[property="og:title"]')] == ["Hello, readers"]
    assert post.select_one('link[rel="canonical"]')["href"] == (
        "https://noor.example.net/hello-readers.html"
    )
    assert post.select("[data-ts-share] a[href^='https://www.linkedin.com/sharing/']")
    assert post.select_one("[data-ts-comments] a[href^='mailto:noor@noor-writes.net']")
    assert post.select_one("[data-ts-subscribe] a[href$='feeds/all.atom.xml']")


def test_a_real_blog_adding_one_plugins_line_builds_with_the_installed_kit(venv, tmp_path):
    # Issue 21: the guest blog's own pelican command and publishconf.py, PLUGINS += ["townsquare"]
    # (resolved by Pelican's namespace lookup in a real install), Pelican's feeds kept.
    import shutil

    site = tmp_path / "disqus-notes"
    shutil.copytree(ROOT / "tests" / "fixtures" / "guest" / "disqus-notes", site)
    run([str(venv / "bin" / "pelican"), "-s", "publishconf.py", "-o", "output"], cwd=site)
    post = BeautifulSoup((site / "output" / "golden-paths.html").read_text("utf-8"), "lxml")
    assert post.select_one('link[rel="canonical"]')["href"] == (
        "https://notes.example.net/golden-paths.html"
    )
    assert post.select("[data-ts-share] a[href^='https://www.linkedin.com/sharing/']")
    assert post.select_one("[data-ts-comments] a[href^='mailto:ines.varga@example.net']")
    assert (site / "output" / "feeds" / "rss.xml").is_file()
    assert not (site / "output" / "preview").exists()
    report = run([str(venv / "bin" / "townsquare"), "add"], cwd=site).stdout
    assert report.splitlines()[0] == "nothing to add: Pelican loads the kit with these settings"


def test_townsquare_new_then_make_publish_with_the_installed_kit(venv, tmp_path):
    blog = tmp_path / "x"
    run([str(venv / "bin" / "townsquare"), "new", str(blog), "--email", "me@x-blog.net"])
    result = run(
        [
            "make",
            "publish",
            f"VENV={venv}",
            "-o",
            f"{venv}/.installed",
            "SITEURL=https://x.example.net",
        ],
        cwd=blog,
    )
    assert "passed the interaction audit" in result.stdout
    assert (blog / "output" / "index.html").is_file()


def test_the_installed_townsquare_audit_never_imports_pelican(venv, tmp_path):
    # An installed kit finds the audit in site-packages (not through the editable finder).
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
        encoding="utf-8",
    )
    script = (
        "import sys, townsquare_command\n"
        "status = townsquare_command.main(['audit', sys.argv[1], '--jobs', '1'])\n"
        "print(status, 'pelican' in sys.modules, 'pelican.plugins' in sys.modules)\n"
    )
    found = run([str(venv / "bin" / "python"), "-c", script, str(site)], cwd=tmp_path)
    assert found.stdout.splitlines()[-1] == "1 False False"
    assert "html-lang: <html> has a lang attribute" in found.stdout
    installed = subprocess.run(
        [str(venv / "bin" / "townsquare"), "audit", str(site), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert installed.returncode == 1
    assert installed.stdout == found.stdout.rpartition("1 False False")[0]
