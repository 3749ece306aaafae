"""The audit on hostile and broken sites: it never crashes, hangs or reads outside the folder.

Issue 17 item 8 and issue 15's crashes: FIFOs, /dev/zero and /etc/passwd symlinks, a 50 MB
page, 100,000-deep nesting (HTML and JSON-LD), bad UTF-8, unreadable folders, URLs escaping the
site, malformed URLs. Findings (exit 1) for what is wrong with the site, exit 2 for usage,
unreadable input or the audit's own bugs, and never a traceback.
"""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from audit_helpers import AUDIT_FIXTURES, COMPLETE_PAGE
from conftest import ROOT
from pelican.plugins.townsquare_audit import cli
from pelican.plugins.townsquare_audit.cache import FindingsCache
from pelican.plugins.townsquare_audit.runner import Options, audit_site

TIME_BOUND = 60  # seconds; the hostile site takes about one on a quiet machine
PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}'
    "</head><body>{body}</body></html>"
)


def page(title="A page", head="", body="<p>Text.</p>"):
    return PAGE.format(title=title, head=head, body=body)


@pytest.fixture
def hostile(tmp_path):
    """A site folder built to hurt: every item of issue 17 item 8, plus a normal page."""
    site = tmp_path / "hostile"
    shutil.copytree(AUDIT_FIXTURES / "_site", site)
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    os.mkfifo(site / "fifo.html")
    (site / "zero.html").symlink_to("/dev/zero")
    (site / "passwd.html").symlink_to("/etc/passwd")
    with open(site / "big.html", "wb") as handle:  # 50 MB, sparse: the audit must not read it
        handle.truncate(50 * 1024 * 1024)
    (site / "deep.html").write_text(page(body="<div>" * 100_000 + "x" + "</div>" * 100_000))
    deep_json = "[" * 100_000 + "]" * 100_000
    (site / "deep-json-ld.html").write_text(
        page(head=f'<script type="application/ld+json">{deep_json}</script>')
    )
    (site / "bad-utf8.html").write_bytes(page().encode().replace(b"Text.", b"Te\xff\xfext."))
    (site / "empty.html").write_bytes(b"")
    (site / "escaping.html").write_text(
        page(
            head='<meta property="og:image" content="../../../../../../../etc/passwd">'
            '<link rel="alternate" type="application/atom+xml" href="/%2e%2e/%2e%2e/etc/hosts">'
            '<link rel="canonical" href="http://[::1">'
            '<meta property="og:url" content="http://localhost:PORT/">',
            body='<a href="http://[zz]/share?text=x">x</a><a href="https://x.com/intent/post?'
            'text=http://[::1/">y</a>',
        )
    )
    (site / "type-object.html").write_text(
        page(head='<script type="application/ld+json">{"@type": {"x": 1}, "@graph": 5}</script>')
    )
    (site / "tags" / ".net").mkdir(parents=True)
    (site / "tags" / ".net" / "index.html").write_text(page(title=".net"))
    return site


def run_cli(site, *args, timeout=TIME_BOUND):
    """The audit as a user runs it, in a subprocess with a time bound."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pelican.plugins.townsquare_audit", str(site), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done, time.monotonic() - started


def by_path(report, site):
    found = {}
    for finding in report["findings"]:
        rel = finding["path"].removeprefix(f"{site}/")
        found.setdefault(rel, []).append(
            (finding["rule"], finding["severity"], finding["message"])
        )
    return found


def test_the_hostile_site_is_audited_within_the_time_bound_without_a_traceback(hostile):
    done, seconds = run_cli(hostile, "--format", "json", "--rules", "readable,og-image,json-ld")
    assert seconds < TIME_BOUND
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    found = by_path(json.loads(done.stdout), hostile)
    assert found["fifo.html"] == [
        (
            "readable",
            "error",
            "not a regular file (a FIFO, device or socket): not read, not audited",
        )
    ]
    outside = (
        "readable",
        "error",
        "a symlink to outside the site folder: not followed, not audited",
    )
    assert found["zero.html"] == found["passwd.html"] == [outside]
    assert found["big.html"] == [
        (
            "readable",
            "error",
            "the page is 50.0 MB; the audit reads pages up to 8 MB (readers wait for every byte "
            "too)",
        )
    ]
    assert found["deep.html"] == [
        (
            "readable",
            "warning",
            "elements nest more than 256 levels deep: parsers (and the audit) stop reading the "
            "page there",
        )
    ]
    assert found["deep-json-ld.html"] == [
        ("json-ld", "error", "JSON-LD does not parse: it nests too deeply to read")
    ]
    assert found["bad-utf8.html"] == [
        (
            "readable",
            "warning",
            "the page is not valid UTF-8 (byte 0xff at line 1): readers see replacement "
            "characters",
        )
    ]
    assert found["empty.html"] == [("readable", "error", "the page is empty: no HTML at all")]
    assert "type-object.html" not in found  # an object @type is not a crash (issue 15)


def test_an_empty_page_gets_one_clear_finding_not_every_rule(hostile):
    done, _ = run_cli(hostile, "--format", "json")
    assert by_path(json.loads(done.stdout), hostile)["empty.html"] == [
        ("readable", "error", "the page is empty: no HTML at all")
    ]


def test_dot_folders_are_audited_not_skipped(hostile):
    result = audit_site(str(hostile), Options(jobs=1, rules=("html-lang",)))
    assert (f"{hostile}/tags/.net/index.html", "listing") in [
        (path, kind) for path, kind, _ in result.pages_seen
    ]


def test_urls_escaping_the_site_are_never_resolved_outside_and_reveal_nothing(hostile):
    # /etc/passwd exists and /etc/no-such-file does not: the audit must answer the same.
    for target in ("passwd", "no-such-file"):
        (hostile / f"{target}-probe.html").write_text(
            page(head=f'<meta property="og:image" content="../../../../../etc/{target}">')
        )
    result = audit_site(str(hostile), Options(jobs=1, rules=("og-image", "feed-discovery")))
    messages = {(f.path.rsplit("/", 1)[-1], f.message) for f in result.findings}
    assert (
        "passwd-probe.html",
        "og:image ../../../../../etc/passwd does not resolve to a file in the site",
    ) in messages
    assert (
        "no-such-file-probe.html",
        "og:image ../../../../../etc/no-such-file does not resolve to a file in the site",
    ) in messages
    assert (
        "escaping.html",
        "feed link /%2e%2e/%2e%2e/etc/hosts does not resolve to a file in the site",
    ) in messages


def test_malformed_urls_are_never_a_traceback(hostile, capsys):
    status = cli.main([str(hostile), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert status == 1 and err == ""
    assert "escaping.html" in out


def test_unreadable_folder_is_reported(hostile, monkeypatch):
    locked = hostile / "locked"
    locked.mkdir()
    (locked / "secret.html").write_text(page())
    if os.geteuid() == 0:  # root reads anything: make the folder fail as an unreadable one does
        real_scandir = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        result = audit_site(str(hostile), Options(jobs=1, rules=("readable",)))
    finally:
        locked.chmod(0o755)
    assert [(f.path, f.severity, f.message) for f in result.findings if "locked" in f.path] == [
        (f"{hostile}/locked", "error", "cannot read this folder (Permission denied): not audited")
    ]


def test_internal_errors_exit_2_with_one_line_and_no_traceback(hostile, capsys, monkeypatch):
    from pelican.plugins.townsquare_audit.rules.html_lang import HtmlLang

    def broken(self, page):
        raise KeyError("boom")

    monkeypatch.setattr(HtmlLang, "check", broken)
    status = cli.main([str(hostile), "--jobs", "1", "--rules", "html-lang"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(f"audit: internal error in rule html-lang on {hostile}/")
    assert "Traceback" not in err and err.count("\n") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "posts/*"], "audit: --kind 'posts/*': expected GLOB=KIND with KIND one of"),
        (["--kind", "posts/*=blogpost"], "audit: --kind 'posts/*=blogpost': expected GLOB=KIND"),
    ],
)
def test_bad_kind_override_is_a_usage_error(hostile, capsys, args, message):
    assert cli.main([str(hostile), *args]) == 2
    assert capsys.readouterr().err.startswith(message)


def test_github_format_escapes_a_crafted_file_name(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    crafted = "x\n::error file=pwned.py,line=1::injected,y.html"
    (site / crafted).write_text(page())
    assert cli.main([str(site), "--format", "github", "--rules", "share-links"]) == 1
    out = capsys.readouterr().out
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert len(commands) == 1  # the file name did not start a second command
    assert commands[0].startswith(
        f"::error file={site}/x%0A%3A%3Aerror file=pwned.py%2Cline=1%3A%3Ainjected%2Cy.html,"
        "line=1,title=share-links::no share links"
    )
    assert "::error file=pwned.py" not in out


def test_text_report_shows_control_characters_escaped(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    (site / "a\n::error::b.html").write_text(page())
    cli.main([str(site), "--rules", "share-links"])
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert f"{site}/a\\n::error::b.html:1: error: [share-links]" in out


def test_a_site_without_a_home_page_fails(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    shutil.copy(COMPLETE_PAGE, site / "posts" / "pass.html")
    assert cli.main([str(site), "--rules", "home-page"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        f"  {site}/index.html:1: error: [home-page] the site has no home page: index.html is "
        "missing, so its address shows an error or a file listing — fix: build the home page "
        "(Pelican writes index.html from the theme's index.html template)"
    )
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    assert cli.main([str(site), "--rules", "home-page"]) == 0


def test_a_cache_of_the_wrong_shape_is_a_miss_not_a_crash(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    cache = tmp_path / "cache.json"
    options = Options(jobs=1)
    signature = FindingsCache(cache, str(site), options).signature
    for pages in ([], {"k": 5}, {"k": ["article", [1], [["x"]]]}, {"k": [None, [], []]}):
        cache.write_text(json.dumps({"signature": signature, "pages": pages}))
        assert audit_site(str(site), options, cache).pages == 1


def test_an_unwritable_cache_warns_and_the_audit_still_runs(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = audit_site(str(site), Options(jobs=1), blocker / "cache.json")
    assert result.pages == 1
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(f"cannot write {blocker}/cache.json")


def test_an_unreadable_page_is_a_finding(hostile, monkeypatch):
    from pelican.plugins.townsquare_audit import runner

    real = runner.read_bytes

    def read_bytes(root, rel):
        if rel == "index.html":
            raise PermissionError(13, "Permission denied")
        return real(root, rel)

    monkeypatch.setattr(runner, "read_bytes", read_bytes)
    result = audit_site(str(hostile), Options(jobs=1, rules=("readable",)))
    assert [(f.path, f.message) for f in result.findings if f.path.endswith("/index.html")] == [
        (f"{hostile}/index.html", "cannot read this page (Permission denied): not audited")
    ]


def test_the_findings_cache_survives_a_symlink_loop_among_images(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(COMPLETE_PAGE, site / "index.html")
    (site / "loop.png").symlink_to(site / "loop.png")
    result = audit_site(str(site), Options(jobs=1), tmp_path / "cache.json")
    assert result.pages == 1
