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

HOST = urlsplit(SITEURL).netloc
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
