"""The audit inside Pelican builds: clean sample site, failing builds, settings, other themes."""

import json
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest
from conftest import CONTENT, ROOT, plain_pelican_site, run_build
from pelican.plugins.townsquare_audit.cli import main


def audit_json(site, *args):
    """Run the standalone audit over site; return (exit status, parsed JSON report)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.townsquare_audit",
            str(site),
            "--format",
            "json",
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return result.returncode, json.loads(result.stdout)


def test_sample_site_is_audit_clean(sample_site, capsys):
    status = main(
        [str(sample_site), "--ignore", "drafts/*", "--ignore", "preview/*", "--fail-on", "warning"]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.endswith(": no findings\n")


def test_plain_pelican_site_reports_missing_interaction_points(notmyidea_site):
    site = notmyidea_site
    status, report = audit_json(site)
    rules = defaultdict(set)
    for finding in report["findings"]:
        rules[finding["path"].removeprefix(f"{site}/")].add(finding["rule"])
    assert status == 1
    assert report["kinds"] == {"article": 7, "home": 1, "listing": 22, "page": 2}
    assert rules["posts/listening-tours.html"] == {
        "share-links",
        "share-copy",
        "comments",
        "og-core",
        "canonical",
        "twitter-card",
        "json-ld",
    }
    assert rules["about.html"] == {
        "share-links",
        "share-copy",
        "og-core",
        "canonical",
        "twitter-card",
        "text-lengths",
    }
    assert "subscribe" not in rules["index.html"]  # its footer shows a visible feed link


def test_a_theme_escaping_post_bodies_under_forced_autoescape_is_caught(tmp_path):
    # Issue 14: JINJA_ENVIRONMENT = {"autoescape": True} on notmyidea, which prints
    # {{ article.content }}, shows readers the HTML source of every post.
    site = plain_pelican_site(tmp_path, "notmyidea", JINJA_ENVIRONMENT={"autoescape": True})
    content = tmp_path / "content-notmyidea"
    status, report = audit_json(site, "--rules", "escaped-html")
    escaped = {f["path"].removeprefix(f"{site}/") for f in report["findings"]}
    assert status == 1
    assert {f"posts/{p.stem[11:]}.html" for p in (content / "posts").glob("*.md")} - {
        "posts/open-quarterly-review.html"  # the draft
    } <= escaped
    first = next(f for f in report["findings"] if f["path"].endswith("listening-tours.html"))
    assert first["message"] == (
        "the page shows HTML source as text (e.g. '<p>'): the theme escapes the post body, so "
        "readers see markup instead of formatting"
    )


def _theme_without(tmp_path, partial):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    # A theme's own templates/townsquare/<partial> replaces the plugin's (here: with nothing).
    (theme / "templates" / "townsquare").mkdir()
    (theme / "templates" / "townsquare" / partial).write_text("", encoding="utf-8")
    return theme


def test_removing_the_share_partial_fails_the_build_and_keeps_output(tmp_path):
    out = run_build(tmp_path / "output")
    before = (out / "posts" / "listening-tours.html").read_bytes()
    with pytest.raises(Exception) as failed:
        run_build(
            tmp_path / "output",
            THEME=str(_theme_without(tmp_path, "share.html")),
            TOWNSQUARE_INJECT=False,  # the audit, not the injection, is under test here
        )
    message = str(failed.value)
    assert "audit: 7 finding(s) at or above AUDIT_FAIL_ON='error':" in message
    assert (
        f"{tmp_path}/output/about.html:" in message
        and "error: [share-links] no share links: readers have no one-click way to share this "
        'page — fix: include "townsquare/share.html"'
        in message
    )
    assert (out / "posts" / "listening-tours.html").read_bytes() == before


def test_fail_on_never_reports_but_builds(tmp_path, capfd):
    out = run_build(
        tmp_path / "output",
        THEME=str(_theme_without(tmp_path, "share.html")),
        TOWNSQUARE_INJECT=False,
        AUDIT_FAIL_ON="never",
    )
    err = capfd.readouterr().err
    assert (out / "index.html").exists()
    assert "[share-links] no share links" in err
    summary = err.rstrip().splitlines()[-1]
    assert summary.startswith(
        "audit: 32 pages audited (1 404, 6 article, 1 home, 22 listing, 2 page), 10 opted out"
    )


def test_front_matter_opt_out(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    post = content / "posts" / "2026-03-02-listening-tours.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("Title:", "Audit_ignore: comments\nTitle:", 1),
        encoding="utf-8",
    )
    out = run_build(tmp_path / "output", PATH=str(content), AUDIT_RULES=["comments"])
    html = (out / "posts" / "listening-tours.html").read_text(encoding="utf-8")
    assert '<meta name="audit-ignore" content="comments">' in html


def test_data_audit_ignore_on_an_element_skips_it(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<p data-audit-ignore><a href="https://a.example/" target="_blank">a</a></p>'
        '<a href="https://b.example/" target="_blank">b</a></body></html>',
        encoding="utf-8",
    )
    assert main([str(site), "--rules", "noopener", "--fail-on", "warning"]) == 0  # info only
    out = capsys.readouterr().out
    assert "https://b.example/" in out and "https://a.example/" not in out


def test_invalid_settings_are_listed_together(tmp_path):
    with pytest.raises(Exception) as failed:
        run_build(
            tmp_path / "output",
            AUDIT_FAIL_ON="sometimes",
            AUDIT_RULES=["share-links", "nope"],
            AUDIT_JOBS=-1,
            AUDIT_CACHE="yes",
        )
    assert str(failed.value) == (
        "audit: 4 setting problem(s):\n"
        "  - Setting 'AUDIT_RULES': received ['nope']; allowed: rule ids: home-page, readable, "
        "share-links, share-copy, comments, feed-discovery, subscribe, og-core, canonical, "
        "meta-duplicates, og-image, twitter-card, json-ld, text-lengths, html-lang, "
        "accessible-names, escaped-html, publish-urls, placeholders, noopener, internal-links\n"
        "  - Setting 'AUDIT_FAIL_ON': received 'sometimes'; allowed: error, warning, never\n"
        "  - Setting 'AUDIT_JOBS': received -1; allowed: 0 (one per core) or a positive integer\n"
        "  - Setting 'AUDIT_CACHE': received 'yes'; allowed: True or False"
    )
    assert not (tmp_path / "output").exists()


def test_publish_mode_rejects_local_urls(tmp_path):
    with pytest.raises(Exception) as failed:
        run_build(tmp_path / "output", AUDIT_PUBLISH=True, AUDIT_RULES=["publish-urls"])
    assert "[publish-urls] local URL http://127.0.0.1:8000/" in str(failed.value)
    assert not (tmp_path / "output").exists()


def test_audit_without_safebuild_fails_at_finalized(tmp_path):
    with pytest.raises(Exception) as failed:
        run_build(
            tmp_path / "output",
            PLUGINS=["pelican.plugins.townsquare_audit"],
            THEME=str(_theme_without(tmp_path, "share.html")),
            AUDIT_RULES=["share-links"],
        )
    assert type(failed.value).__name__ == "AuditFailed"
    assert "[share-links] no share links" in str(failed.value)


def test_report_file_written(tmp_path):
    report, junit = tmp_path / "audit.json", tmp_path / "audit.xml"
    run_build(
        tmp_path / "output", AUDIT_REPORT=[str(report), str(junit)], AUDIT_RULES=["html-lang"]
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["pages"], data["findings"], data["failed"]) == (32, [], False)
    assert data["opted_out"] == 10  # the Mastodon share picker pages (data-audit-ignore)
    assert junit.read_text(encoding="utf-8").startswith("<?xml version='1.0' encoding='utf-8'?>")
