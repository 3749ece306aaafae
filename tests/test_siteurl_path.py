"""A SITEURL with a path (GitHub and GitLab project pages) works everywhere.

https://amara.github.io/townsquare-blog is the default address of every GitHub project
repository. Every link, image, feed and card of a publish build must live under that path,
point at a file the build wrote, and pass the audit (which maps URLs to files).
"""

import json
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT_SITEURL as SITEURL
from writing_helpers import PUBLISH_URL, build, new_site, post

HOST = urlsplit(SITEURL).netloc
ABOUT = "Title: About\n\nWho writes here.\n"
LINK_TEXTS = ("who I am", "the same", "elsewhere", "a post")
URL_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                  ("form", "action"), ("meta", "content"))  # fmt: skip


@pytest.fixture(scope="module")
def site(project_site):
    return project_site


def target(output, url):
    """The file a site URL names, or None when the URL is elsewhere."""
    parts = urlsplit(url)
    if parts.netloc != HOST:
        return None
    assert parts.path.startswith("/townsquare-blog/"), url
    relative = parts.path.removeprefix("/townsquare-blog/") or "index.html"
    return output / (relative + "index.html" if relative.endswith("/") else relative)


def site_urls(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    for tag, attribute in URL_ATTRIBUTES:
        for element in soup.select(f"{tag}[{attribute}]"):
            value = element[attribute]
            if value.startswith(("http://", "https://")):
                yield value


def test_every_own_url_in_every_page_is_under_the_path_and_resolves(site):
    checked = 0
    for page in sorted(site.rglob("*.html")):
        for url in site_urls(page):
            path = target(site, url)
            if path is not None:
                assert path.is_file(), f"{page.relative_to(site)} links {url}"
                checked += 1
    assert checked > 500


def test_feeds_link_posts_under_the_path(site):
    feed = feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes())
    assert feed.bozo == 0
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [
        f"{SITEURL}/feeds/all.atom.xml"
    ]
    for entry in feed.entries:
        assert target(site, entry.link).is_file()
    data = json.loads((site / "feeds" / "all.json").read_text("utf-8"))
    assert data["home_page_url"] == f"{SITEURL}/"
    for item in data["items"]:
        assert target(site, item["url"]).is_file()
        assert target(site, item["image"]).is_file()


def test_cards_and_share_picker_live_under_the_path(site):
    post = BeautifulSoup((site / "posts" / "comment-section-strategy.html").read_text(), "lxml")
    card = post.select_one('meta[property="og:image"]')["content"]
    assert card.startswith(f"{SITEURL}/social-cards/") and target(site, card).is_file()
    mastodon = post.select_one("[data-ts-share] a[href*='/share/mastodon/']")["href"]
    assert mastodon.startswith(f"{SITEURL}/share/mastodon/") and target(site, mastodon).is_file()
    picker = BeautifulSoup(target(site, mastodon).read_text("utf-8"), "lxml")
    back = picker.select_one("main > p > a")["href"]
    assert back == f"{SITEURL}/posts/comment-section-strategy.html"


def test_a_root_relative_link_in_a_post_stays_under_the_path(tmp_path, monkeypatch):
    # [who I am](/about.html) pointed at https://amara.github.io/about.html: outside the site.
    monkeypatch.setenv("SITEURL", SITEURL)
    body = (
        "Read [who I am](/about.html), [the same](/townsquare-blog/about.html#me) and "
        "[elsewhere](//example.org/x) or [a post](posts/x.html).\n"
    )
    new_site(tmp_path, {"posts/who.md": post(body=body), "pages/about.md": ABOUT})
    out = build(tmp_path, "publishconf.py")
    page = BeautifulSoup((out / "posts" / "who.html").read_text("utf-8"), "lxml")
    links = {a.get_text(): a["href"] for a in page.select("a") if a.get_text() in LINK_TEXTS}
    assert links == {
        "who I am": "/townsquare-blog/about.html",
        "the same": "/townsquare-blog/about.html#me",
        "elsewhere": "//example.org/x",
        "a post": "posts/x.html",
    }
    assert (out / "about.html").is_file()
    feed = feedparser.parse((out / "feeds" / "all.atom.xml").read_bytes())
    entry = BeautifulSoup(feed.entries[0].content[0].value, "lxml")
    assert entry.find("a", string="who I am")["href"] == f"{SITEURL}/about.html"


def test_a_root_site_keeps_root_relative_links(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", PUBLISH_URL)
    new_site(
        tmp_path, {"posts/who.md": post(body="[who I am](/about.html)\n"), "pages/about.md": ABOUT}
    )
    out = build(tmp_path, "publishconf.py")
    page = BeautifulSoup((out / "posts" / "who.html").read_text("utf-8"), "lxml")
    assert page.find("a", string="who I am")["href"] == "/about.html"
