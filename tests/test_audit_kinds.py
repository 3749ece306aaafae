"""Page kinds are weighed from the evidence in the HTML, so the audit works on any site.

Real generators' output is in test_audit_corpus.py; these are one file per kind of evidence.
"""

import json
import shutil
from pathlib import Path

import pytest
from pelican.plugins.townsquare_audit.cli import main
from pelican.plugins.townsquare_audit.images import FileIndex
from pelican.plugins.townsquare_audit.page import Page, SiteInfo

KINDS = Path(__file__).resolve().parent / "fixtures" / "audit-kinds"


def kind_of(rel):
    site = SiteInfo(root=str(KINDS), files=FileIndex(str(KINDS)))
    page = Page(path=rel, rel=rel, text=(KINDS / rel).read_text(encoding="utf-8"), site=site)
    return page.kind, page.evidence


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("article-by-og.html", "article"),
        ("article-by-json-ld.html", "article"),
        ("article-by-one-article-element.html", "article"),
        ("2011/03/01/slug.html", "article"),  # a dated URL path
        ("listing-by-several-articles.html", "listing"),
        ("tag/leadership.html", "listing"),
        ("fr/tags/direction/index.html", "listing"),  # a language prefix before tags/
        ("notes/index.html", "listing"),  # og:type website + a section feed beat one entry
        ("index.html", "home"),
        ("page-plain.html", "page"),
        ("og-article-without-date.html", "page"),  # og:type article alone: themes hard-code it
        ("docs-page.html", "docs"),  # a docs generator's page without blog evidence
        ("json-ld-type-object.html", "page"),  # an object @type is ignored, not a crash
        ("redirect.html", "redirect"),
        ("redirect-quoted.html", "redirect"),  # a short delay, URL='...'
        ("refresh-reload.html", "page"),  # reloads itself every 300 s: no URL, not a redirect
        ("refresh-late.html", "page"),  # a URL after 300 s: readers read this page first
        ("missing-page.html", "404"),
        ("post-titled-404.html", "article"),  # "404" in a post's title is not a 404 page
        ("marked-home.html", "home"),
        ("zh-hant-tw/index.html", "home"),  # a language folder with script and region
        ("p/harbour-walk/index.html", "article"),  # "Related content" cards after the post
        ("about/index.html", "page"),  # stamped og:type article + BlogPosting: a page by role
        ("page2/index.html", "listing"),  # jekyll-paginate's page2/
        ("undated-post.html", "article"),  # no machine-readable date: one <article> with tags
    ],
)
def test_kind(rel, kind):
    assert kind_of(rel)[0] == kind


def test_the_evidence_that_decided_is_kept():
    assert kind_of("post-titled-404.html") == (
        "article",
        ["article:published_time", "og:type article", "one <article> with a publication date"],
    )
    assert kind_of("notes/index.html") == ("listing", ["section feed"])
    assert kind_of("docs-page.html") == ("docs", ["docs generator (mkdocs-1.6.1)"])


def test_json_report_lists_every_page_with_kind_and_evidence(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(KINDS, site)
    assert main([str(site), "--format", "json", "--rules", "html-lang"]) == 0
    listed = {
        p["path"].removeprefix(f"{site}/"): p
        for p in json.loads(capsys.readouterr().out)["page_kinds"]
    }
    assert len(listed) == len(list(KINDS.rglob("*.html")))
    assert listed["2011/03/01/slug.html"] == {
        "path": f"{site}/2011/03/01/slug.html",
        "kind": "article",
        "evidence": ["dated URL path"],
    }


def test_kind_override_beats_the_evidence(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(KINDS, site)
    args = [str(site), "--format", "json", "--rules", "html-lang", "--kind", "notes/*=page"]
    assert main(args) == 0
    listed = {
        p["path"].removeprefix(f"{site}/"): p
        for p in json.loads(capsys.readouterr().out)["page_kinds"]
    }
    assert listed["notes/index.html"]["kind"] == "page"
    assert listed["notes/index.html"]["evidence"] == ["--kind notes/*=page"]


def test_kind_override_from_settings(build_site):
    # about.html says data-page-kind="page"; AUDIT_KINDS makes it an article, which the
    # comments rule then holds to an article's standard.
    with pytest.raises(Exception) as failed:
        build_site(AUDIT_KINDS={"about.html": "article"}, AUDIT_RULES=["comments"])
    assert "about.html:36: error: [comments] no way to respond" in str(failed.value)
