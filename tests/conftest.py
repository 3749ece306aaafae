"""Shared fixtures: real Pelican builds into temporary folders.

The kit's tests never read the repository's blog (content/, pelicanconf.py, publishconf.py):
a leader replaces those. They build fixture blogs under tests/fixtures/ instead; BLOG is a
frozen copy of the sample blog as it was when the kit's tests were written.
"""

import logging
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import blinker
import pytest
from pelican import Pelican
from pelican.plugins import signals as pelican_signals
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BLOG = FIXTURES / "blog"
CONTENT = BLOG / "content"
BLOG_LOGO = "images/townsquare-logo.png"
BLOG_PHOTO = "images/amara-okafor.png"  # the sample author's drawn portrait
#: The virtual environment running the tests (the kit installed in it): Makefile runs under
#: test use it as their VENV instead of creating their own.
VENV = Path(sys.executable).parent.parent


def make_settings(output, settings_file="pelicanconf.py", **overrides):
    """Read a fixture blog's settings file (default: BLOG's) with the output redirected.

    settings_file is a name inside BLOG ("pelicanconf.py", "publishconf.py") or a path.
    """
    base = {
        "PATH": str(CONTENT),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(Path(output).parent / "pelican-cache"),
        "LOAD_CONTENT_CACHE": False,
    }
    base.update(overrides)
    # A test's own small content folder has no logo file: SITELOGO is off unless the test
    # names one (BLOG's settings point at images/townsquare-logo.png in BLOG's content).
    if "SITELOGO" not in overrides and not (Path(base["PATH"]) / BLOG_LOGO).is_file():
        base["SITELOGO"] = ""
    for key in ("PATH", "OUTPUT_PATH", "THEME", "CACHE_PATH"):
        if isinstance(base.get(key), Path):
            base[key] = str(base[key])
    settings = read_settings(str(BLOG / settings_file), override=base)
    # Likewise the sample author's photo: kept only where the content folder holds it.
    if "AUTHORS_BIO" not in overrides and not (Path(base["PATH"]) / BLOG_PHOTO).is_file():
        settings["AUTHORS_BIO"] = {
            slug: {key: value for key, value in entry.items() if key != "photo"}
            for slug, entry in (settings.get("AUTHORS_BIO") or {}).items()
        }
    return settings


def reset_plugin_signals():
    """Disconnect every receiver from Pelican's signals (and ours) before a new build.

    Plugins connect module-level functions to global blinker signals, so a plugin registered by
    one build would otherwise keep running in later builds that do not list it.
    """
    signals = [getattr(pelican_signals, name) for name in dir(pelican_signals)]
    signals += [blinker.signal("townsquare.site_staged"), blinker.signal("townsquare.audit_page")]
    for signal in signals:
        if isinstance(signal, blinker.Signal):
            for receiver in list(signal.receivers_for(blinker.ANY)):
                signal.disconnect(receiver)


def run_build(output, settings_file="pelicanconf.py", **overrides):
    """Run a real Pelican build (with only the configured plugins) and return the output."""
    settings = make_settings(output, settings_file, **overrides)
    reset_plugin_signals()
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


def snapshot(folder):
    """Every file under folder as {relative path: bytes}, to prove a site did (not) change."""
    folder = Path(folder)
    return {
        p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def build_site(tmp_path):
    """Build a site into tmp_path/output: build_site(PATH=..., THEME=..., ANY_SETTING=...)."""

    def build(settings_file="pelicanconf.py", **settings):
        return run_build(tmp_path / "output", settings_file, **settings)

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The fixture blog (BLOG), built once per test session with its pelicanconf.py."""
    return run_build(tmp_path_factory.mktemp("sample") / "output")


def plain_pelican_site(folder, theme, **overrides):
    """The fixture blog built into folder by plain Pelican with one of its built-in themes (no
    plugins, one Atom feed): a site the kit did not write."""
    content = folder / f"content-{theme}"
    shutil.copytree(CONTENT, content)
    (content / "pages" / "404.md").unlink()  # the built-in themes have no 404 template
    settings = {"PLUGINS": [], "FEED_ALL_ATOM": "feeds/all.atom.xml", "JINJA_ENVIRONMENT": {}}
    return run_build(
        folder / f"pelican-{theme}", PATH=str(content), THEME=theme, **{**settings, **overrides}
    )


@pytest.fixture(scope="session")
def notmyidea_site(tmp_path_factory):
    """plain_pelican_site() with notmyidea, built once per test session (read, never changed)."""
    return plain_pelican_site(tmp_path_factory.mktemp("notmyidea"), "notmyidea")


#: The default address of a GitHub project repository's Pages site: a SITEURL with a path.
PROJECT_SITEURL = "https://amara.github.io/townsquare-blog"


@pytest.fixture(scope="session")
def project_site(tmp_path_factory):
    """The fixture blog's publish build at PROJECT_SITEURL, once per session (read only)."""
    # The audit runs inside this build (publish rules on): it has to map the URLs too.
    folder = tmp_path_factory.mktemp("project")
    return run_build(folder / "output", "publishconf.py", SITEURL=PROJECT_SITEURL)


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the fixture blog's content folder."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def warnings_log(caplog):
    """Capture WARNING and above from every logger during a test."""
    caplog.set_level(logging.WARNING)
    return caplog


def townsquare(*args, cwd=None, env=None, timeout=120):
    """Run the `townsquare` command (this checkout's) in a subprocess; its CompletedProcess."""
    import subprocess

    command = [sys.executable, "-m", "pelican.plugins.townsquare.cli", *map(str, args)]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def untracked_files(folder):
    """The files git would offer to add in the repository at folder (paths relative to it)."""
    import subprocess

    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return sorted(line[3:] for line in status.stdout.splitlines() if line.startswith("?? "))


def free_port():
    """A free TCP port on 127.0.0.1 (for a site built with SITEURL on that origin)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(directory, port, headers=None):
    """Serve directory on 127.0.0.1:port from a daemon thread; returns the server (shutdown()).

    headers: extra response headers sent with every file (e.g. a Content-Security-Policy).
    """
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(found, what):
    """Skip when a browser-test tool is missing locally; fail in CI (CI=true) instead."""
    import os

    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is required in CI (.ci/run installs it)")
        pytest.skip(f"{what} is not installed")


def launch_chromium(playwright):
    """Debian chromium, headless, through Playwright (skips locally when it is missing)."""
    require(Path(CHROMIUM).exists() and shutil.which("chromium"), "Debian chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def browser():
    """Debian chromium through Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


def csp_of(out):
    """The Content-Security-Policy value the build wrote into `_headers`."""
    for line in (out / "_headers").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("Content-Security-Policy:"):
            return line.split(": ", 1)[1]
    raise AssertionError("no Content-Security-Policy in _headers")


def csp_directives(out):
    """The Content-Security-Policy of `_headers` as {directive: sources (one string)}."""
    return dict(directive.split(" ", 1) for directive in csp_of(out).split("; "))


@contextmanager
def served_build(tmp_path_factory, name, csp=False, **settings):
    """Build the fixture blog for a random 127.0.0.1 port and serve it: yields (origin, output).

    csp: send every file with the Content-Security-Policy the build wrote into `_headers`, as
    Netlify and Cloudflare Pages do."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    out = run_build(tmp_path_factory.mktemp(name) / "output", SITEURL=origin, **settings)
    server = serve(out, port, headers={"Content-Security-Policy": csp_of(out)} if csp else None)
    try:
        yield origin, out
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_sample(tmp_path_factory):
    """The fixture blog built for, and served on, a random loopback port once per session (read
    only): the origin URL. For browser checks of the kit's own pages (contrast, axe-core)."""
    with served_build(tmp_path_factory, "served-sample") as (origin, _out):
        yield origin


def pytest_terminal_summary(terminalreporter):
    """One loud line when tests were skipped for a missing tool, with the command that fixes it."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons = sorted({str(report.longrepr[-1]).removeprefix("Skipped: ") for report in skipped})
    terminalreporter.write_line(
        f"!!! {len(skipped)} test(s) SKIPPED ({'; '.join(reasons)}). Fix: "
        "`sudo apt-get install chromium && npm ci`, or run `.ci/run` (CI=true fails instead)",
        red=True,
        bold=True,
    )


@pytest.fixture(scope="session")
def generator_sites(tmp_path_factory):
    """{name: built folder} for the sites of tests/fixtures/generators, built once per session
    by real generators (tests/generator_sites.py)."""
    from generator_sites import SITES, build

    if not shutil.which("jekyll"):
        pytest.fail("Debian's jekyll is required: run tools/provision")
    tmp = tmp_path_factory.mktemp("generators")
    return {name: build(name, tmp) for name in SITES}


@pytest.fixture(scope="session")
def kit_discoverable(tmp_path_factory):
    """Pelican finds the kit by its short names (``PLUGINS += ["townsquare"]``), as it does in a
    real install (test_install.py checks that one).

    The editable install used for development imports ``pelican.plugins.townsquare*`` through
    setuptools' import hook, which Pelican's namespace discovery (pkgutil) cannot list; a folder
    of links to the same packages, added to the namespace's search path, lists them. Modules
    still import once, under the same names."""
    import pelican

    folder = tmp_path_factory.mktemp("namespace") / "pelican"
    (folder / "plugins").mkdir(parents=True)
    for part in sorted((ROOT / "plugins").glob("townsquare*/__init__.py")):
        (folder / "plugins" / part.parent.name).symlink_to(part.parent)
    pelican.__path__.append(str(folder))
    yield folder
    pelican.__path__.remove(str(folder))
