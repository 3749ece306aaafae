"""Whole-page opt-outs are honoured before parsing, and only whole-page ones."""

import pytest
from pelican.plugins.townsquare_audit.runner import Options, audit_site

PAGE = '<!doctype html><html lang="en"{html}><head><title>T</title></head><body{body}><p>x</p>'


@pytest.mark.parametrize(
    ("html", "body", "opted_out"),
    [
        ("", " data-audit-ignore", True),
        ("", ' class="x" data-audit-ignore=""', True),
        (' data-audit-ignore="all"', "", True),
        ("", " data-audit-ignore=*", True),
        ("", ' data-audit-ignore="share-links"', False),  # one rule, not the page
        ("", " data-audit-ignored", False),
        ("", "", False),
    ],
)
def test_whole_page_opt_out(tmp_path, html, body, opted_out):
    (tmp_path / "page.html").write_text(PAGE.format(html=html, body=body), encoding="utf-8")
    result = audit_site(str(tmp_path), Options(jobs=1, rules=("html-lang",)))
    assert (result.opted_out, result.pages) == ((1, 0) if opted_out else (0, 1))


def test_opt_out_text_in_the_body_is_not_an_opt_out(tmp_path):
    page = PAGE.format(html="", body="") + "<p>data-audit-ignore</p>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert audit_site(str(tmp_path), Options(jobs=1)).opted_out == 0
