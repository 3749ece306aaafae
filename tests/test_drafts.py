"""Drafts: previewable locally (noindex, nothing to share or answer), absent from publish
builds."""

from bs4 import BeautifulSoup
from conftest import run_build, snapshot
from writing_helpers import PUBLISH_URL, post

DRAFT = post(
    title="Secret reorganisation plan",
    extra="Status: draft\nTags: secret-tag\nImage: images/listening-tour.png\n",
    body="> [!share]\n> A sentence nobody should share yet.\n\nMore text.\n",
)


def test_a_publish_build_is_the_same_with_or_without_a_draft(content_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", PUBLISH_URL)
    settings = {"PATH": str(content_copy), "SOCIAL_CARD_CACHE": str(tmp_path / "cards")}
    without = snapshot(run_build(tmp_path / "without" / "output", "publishconf.py", **settings))
    (content_copy / "posts" / "secret.md").write_text(DRAFT, encoding="utf-8")
    (content_copy / "pages").joinpath("draft-page.md").write_text(
        "Title: Unfinished page\nStatus: draft\n\nNot yet.\n", encoding="utf-8"
    )
    out = run_build(tmp_path / "with" / "output", "publishconf.py", **settings)
    # No drafts/ page, no card, no Mastodon picker, no tag page: not one byte differs.
    assert snapshot(out) == without
    assert not (out / "drafts").exists()


def test_a_local_build_previews_drafts_with_noindex_and_nothing_to_share(content_copy, build_site):
    (content_copy / "posts" / "secret.md").write_text(DRAFT, encoding="utf-8")
    out = build_site(PATH=str(content_copy))
    page = BeautifulSoup((out / "drafts" / "secret.html").read_text("utf-8"), "lxml")
    assert [m["content"] for m in page.select('meta[name="robots"]')] == ["noindex"]
    assert page.select("[data-ts-share]") == []
    assert page.select(".ts-quote-share") == []
    assert page.select("#comments, [data-ts-comments]") == []
    assert page.select_one(".ts-quote p").get_text() == "A sentence nobody should share yet."
    pickers = [p.read_text("utf-8") for p in (out / "share" / "mastodon").glob("*.html")]
    assert pickers and not any("Secret reorganisation" in text for text in pickers)
    published = BeautifulSoup((out / "posts" / "listening-tours.html").read_text("utf-8"), "lxml")
    assert published.select('meta[name="robots"]') == []
    assert published.select("[data-ts-share]") and published.select("[data-ts-comments]")


def test_local_draft_posts_and_pages_wear_a_visible_draft_label(content_copy, build_site):
    (content_copy / "posts" / "secret.md").write_text(DRAFT, encoding="utf-8")
    (content_copy / "pages" / "draft-page.md").write_text(
        "Title: Unfinished page\nStatus: draft\n\nNot yet.\n", encoding="utf-8"
    )
    out = build_site(PATH=str(content_copy))
    label = (
        "Draft Only you see this page: it is left out of make publish. Remove the Status: draft "
        "line to publish it."
    )
    for draft in ("drafts/secret.html", "drafts/pages/draft-page.html"):
        page = BeautifulSoup((out / draft).read_text("utf-8"), "lxml")
        shown = [" ".join(p.get_text().split()) for p in page.select("main .draft-label")]
        assert shown == [label], draft
    for published in ("posts/listening-tours.html", "about.html"):
        page = BeautifulSoup((out / published).read_text("utf-8"), "lxml")
        assert page.select(".draft-label") == [], published
