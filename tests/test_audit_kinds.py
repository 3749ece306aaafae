"""Page kinds are read from the HTML itself, so the audit works on any generator's site."""

from pathlib import Path

import pytest
from pelican.plugins.townsquare_audit.page import Page, SiteInfo
from pelican.plugins.townsquare_audit.site import FileIndex

KINDS = Path(__file__).resolve().parent / "fixtures" / "audit-kinds"


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("article-by-og.html", "article"),
        ("article-by-json-ld.html", "article"),
        ("article-by-one-article-element.html", "article"),
        ("listing-by-several-articles.html", "listing"),
        ("tag/leadership.html", "listing"),
        ("index.html", "home"),
        ("page-plain.html", "page"),
        ("redirect.html", "redirect"),
        ("missing-page.html", "404"),
        ("marked-home.html", "home"),
    ],
)
def test_kind(rel, kind):
    site = SiteInfo(root=str(KINDS), files=FileIndex(str(KINDS)))
    page = Page(path=rel, rel=rel, text=(KINDS / rel).read_text(encoding="utf-8"), site=site)
    assert page.kind == kind
