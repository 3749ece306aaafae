"""The standalone audit command: formats, thresholds, selection and exit codes."""

import json
import shutil
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest
from audit_helpers import AUDIT_FIXTURES, COMPLETE_PAGE
from conftest import ROOT
from pelican.plugins.townsquare_audit.cli import main


@pytest.fixture
def site(tmp_path):
    """A small site: one clean article, one missing its share links, one with a small image."""
    root = tmp_path / "site"
    shutil.copytree(AUDIT_FIXTURES / "_site", root)
    (root / "posts").mkdir()
    shutil.copy(COMPLETE_PAGE, root / "posts" / "pass.html")
    shutil.copy(COMPLETE_PAGE, root / "index.html")  # the home page the home-page rule wants
    for rule, name in [("share-links", "missing"), ("og-image", "small")]:
        shutil.copy(AUDIT_FIXTURES / rule / f"{name}.html", root / "posts" / f"{name}.html")
    return root


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_report_grouped_by_rule_with_count_line(site, capsys):
    status, out, _ = run(capsys, site, "--site-url", "https://example.org")
    assert status == 1
    assert out.splitlines() == [
        "share-links: share links are present and share this page's canonical URL",
        f"  {site}/posts/missing.html:19: error: [share-links] no share links: readers have no "
        'one-click way to share this page — fix: include "townsquare/share.html" '
        "(townsquare_share) or add share-intent links",
        "share-copy: a copy-link or Web Share control is present",
        f"  {site}/posts/missing.html:19: warning: [share-copy] no copy-link or share button: "
        "readers cannot grab the link in one step — fix: add a <button data-ts-copy> (Clipboard "
        "API) or <button data-ts-webshare> control",
        "og-image: og:image resolves, decodes, is PNG/JPEG/WebP/GIF, at least 1200x630 and at "
        "most 5 MB",
        f"  {site}/posts/small.html:11: warning: [og-image] og:image "
        "https://example.org/images/small.png is 600x315; 1200x630 or larger is recommended — "
        "fix: point og:image at a 1200x630 PNG or JPEG in the site (townsquare_social draws one)",
        "audit: 4 pages audited (4 article): 1 error, 2 warnings",
    ]


@pytest.mark.parametrize(("fail_on", "status"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_threshold(site, capsys, fail_on, status):
    assert run(capsys, site, "--fail-on", fail_on)[0] == status


def test_warnings_alone_fail_only_with_fail_on_warning(site, capsys):
    (site / "posts" / "missing.html").unlink()
    assert run(capsys, site)[0] == 0
    assert run(capsys, site, "--fail-on", "warning")[0] == 1


def test_rules_and_ignore_select_what_runs(site, capsys):
    status, out, _ = run(capsys, site, "--rules", "og-image", "--ignore", "posts/small.html")
    assert (status, out) == (0, "audit: 3 pages audited (3 article): no findings\n")


def test_skipping_every_selected_rule_runs_none(site, capsys):
    # --skip emptied the selection, and an empty selection used to mean "every rule": the
    # share-links error on posts/missing.html came back although its rule was skipped.
    status, out, _ = run(capsys, site, "--rules", "share-links", "--skip", "share-links")
    assert (status, out) == (0, "audit: 4 pages audited (4 article): no findings\n")


def test_json_report(site, capsys):
    status, out, _ = run(capsys, site, "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert (data["pages"], data["errors"], data["warnings"], data["failed"]) == (4, 1, 2, True)
    assert data["kinds"] == {"article": 4}
    assert data["findings"][0] == {
        "path": f"{site}/posts/missing.html",
        "line": 19,
        "rule": "share-links",
        "severity": "error",
        "message": "no share links: readers have no one-click way to share this page",
        "hint": 'include "townsquare/share.html" (townsquare_share) or add share-intent links',
    }


def test_junit_report_for_ci_annotations(site, capsys, tmp_path):
    report = tmp_path / "audit.xml"
    status, out, _ = run(capsys, site, "--format", "junit", "--output", report)
    assert status == 1
    assert out == "audit: 4 pages audited (4 article): 1 error, 2 warnings\n"
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure.get("type") == "share-links"
    assert suite.find("testcase").get("file") == f"{site}/posts/missing.html"
    assert [case.find("skipped") is not None for case in suite.findall("testcase")] == [
        False,
        True,
        True,
    ]


def test_github_workflow_commands(site, capsys):
    _, out, _ = run(capsys, site, "--format", "github")
    assert out.splitlines()[0] == (
        f"::error file={site}/posts/missing.html,line=19,title=share-links::no share links: "
        'readers have no one-click way to share this page — fix: include "townsquare/share.html" '
        "(townsquare_share) or add share-intent links"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/site"], "audit: /nonexistent/site does not exist; build the site first"),
        (
            ["--rules", "share-links,shares"],
            "audit: unknown rule id(s) shares; known: home-page, readable, share-links",
        ),
        (["--jobs", "-1"], "audit: --jobs must be 0 (one per core) or a positive number"),
    ],
)
def test_bad_usage_exits_2_with_a_clear_message(capsys, args, message):
    status, _, err = run(capsys, *args)
    assert status == 2
    assert err.startswith(message)


def test_empty_folder_is_bad_input(tmp_path, capsys):
    status, _, err = run(capsys, tmp_path)
    assert status == 2
    assert err == f"audit: no HTML pages found in {tmp_path}; is this a built site?\n"


def test_unknown_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--format", "yaml"])
    assert exited.value.code == 2


def test_runs_as_python_module(site):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.townsquare_audit",
            str(site),
            "--rules",
            "html-lang",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout) == (
        0,
        "audit: 4 pages audited (4 article): no findings\n",
    )


def test_parallel_run_matches_serial(tmp_path):
    from pelican.plugins.townsquare_audit.runner import Options, audit_site

    root = tmp_path / "big"
    shutil.copytree(AUDIT_FIXTURES / "_site", root)
    (root / "posts").mkdir()
    sources = sorted(AUDIT_FIXTURES.glob("*/*.html"))
    for index in range(250):
        source = sources[index % len(sources)]
        shutil.copy(source, root / "posts" / f"{index:03d}-{source.name}")
    serial = audit_site(str(root), Options(jobs=1, base_url="https://example.org"))
    parallel = audit_site(str(root), Options(jobs=2, base_url="https://example.org"))
    assert parallel.findings == serial.findings
    assert parallel.kinds == serial.kinds and serial.pages == 250
    assert len(serial.findings) > 100


def test_api_audits_one_page_with_pelican_settings(site):
    from pelican.plugins.townsquare_audit.api import audit_file

    findings = audit_file(
        str(site / "posts" / "missing.html"), str(site), {"SITEURL": "https://example.org"}
    )
    assert [(f.rule, f.line) for f in findings] == [("share-links", 19), ("share-copy", 19)]


def test_api_uses_the_builds_kind_overrides(site):
    # The preview's audit built its own Options and left AUDIT_KINDS (and AUDIT_SAMPLE_HANDLES)
    # out, so a page the build audits as a listing was still held to the article rules.
    from pelican.plugins.townsquare_audit.api import audit_file

    settings = {"SITEURL": "https://example.org", "AUDIT_KINDS": {"posts/missing.html": "listing"}}
    assert audit_file(str(site / "posts" / "missing.html"), str(site), settings) == []
