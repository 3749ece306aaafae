"""Any Pelican theme: the kit's pieces appear in themes that have never heard of them.

The fixture blog is built, unchanged, with Pelican's built-in `notmyidea` and `simple` themes
and with `pelican-theme-reflex` from the package index, with no theme edits; the blog's
settings set no Jinja option (the kit's own theme escapes inside its templates), so a theme
that prints `{{ article.content }}` gets HTML, not escaped text. Each must pass the audit in
publish mode and give every post exactly one og:title, og:image and canonical, share links
that share the post, a way to reply and a way to subscribe, with the body rendered as HTML.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import extruct
import pytest
from bs4 import BeautifulSoup
from conftest import run_build
from pelican.themes import reflex

PUBLIC = "https://leaders.example.org"
THEMES = {"notmyidea": "notmyidea", "simple": "simple", "reflex": reflex.path()}
#: What a theme gets when the leader switches to it: Pelican's own Jinja settings.
PELICAN_JINJA = {"trim_blocks": True, "lstrip_blocks": True, "extensions": []}
POSTS = (
    "listening-tours",
    "comment-section-strategy",
    "community-is-not-a-channel",
    "writing-in-public",
    "answer-the-hard-question-first",
    "customer-forum-roadmap",
)


def build_with(theme, output, **settings):
    return run_build(
        output,
        "publishconf.py",
        SITEURL=PUBLIC,
        THEME=theme,  # and nothing else: the blog's settings force no Jinja option on it
        CC_LICENSE=None,  # reflex reads it without a default
        **settings,
    )


@pytest.fixture(scope="module", params=sorted(THEMES))
def themed_site(request, tmp_path_factory):
    """The fixture blog built in publish mode (audit included) with one foreign theme."""
    output = tmp_path_factory.mktemp(request.param) / "output"
    return request.param, build_with(THEMES[request.param], output)


def read(path):
    text = Path(path).read_text(encoding="utf-8")
    return text, BeautifulSoup(text, "lxml")


@pytest.mark.parametrize("slug", POSTS)
def test_each_post_has_one_of_each_metadata_value(themed_site, slug):
    _name, site = themed_site
    text, soup = read(site / "posts" / f"{slug}.html")
    og = extruct.extract(text, base_url=PUBLIC, syntaxes=["opengraph"])["opengraph"]
    properties = [key for key, _value in og[0]["properties"]]
    assert properties.count("og:title") == 1
    assert properties.count("og:image") == 1
    assert properties.count("og:type") == 1
    assert [link["href"] for link in soup.select('link[rel="canonical"]')] == [
        f"{PUBLIC}/posts/{slug}.html"
    ]
    assert len(soup.select("title")) == 1


@pytest.mark.parametrize("slug", POSTS)
def test_each_post_shares_itself_offers_a_reply_and_a_subscribe_point(themed_site, slug):
    _name, site = themed_site
    _text, soup = read(site / "posts" / f"{slug}.html")
    canonical = f"{PUBLIC}/posts/{slug}.html"
    linkedin = soup.select_one("[data-ts-share] a[href^='https://www.linkedin.com/sharing/']")
    assert parse_qs(urlsplit(linkedin["href"]).query)["url"] == [canonical]
    assert soup.select("[data-ts-comments] a[data-ts-reply]")
    subscribe = soup.select_one("[data-ts-subscribe]")
    assert subscribe.select_one(f"a[href='{PUBLIC}/feeds/all.atom.xml']") is not None


def test_post_bodies_render_as_html_not_as_text(themed_site):
    _name, site = themed_site
    text, soup = read(site / "posts" / "listening-tours.html")
    first = "For three years I opened every month with the same ritual."
    assert any(p.get_text().startswith(first) for p in soup.select("p"))
    assert "&lt;p&gt;" not in text
    assert soup.select_one("h2#what-a-listening-tour-actually-is") is not None


def test_the_share_row_follows_the_post_body(themed_site):
    _name, site = themed_site
    _text, soup = read(site / "posts" / "listening-tours.html")
    last_words = soup.find(string=lambda s: "Reply below and tell me." in s)
    share = soup.select_one("[data-ts-share]")
    assert last_words is not None and share is not None
    assert share in last_words.find_all_next("nav")


def test_kit_pages_use_the_kit_templates_and_stay_out_of_search(themed_site):
    _name, site = themed_site
    (picker,) = list((site / "share" / "mastodon").glob("*.html"))[:1]
    _text, soup = read(picker)
    assert soup.html.has_attr("data-audit-ignore")
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.select_one("form[data-ts-mastodon]") is not None


def test_every_page_with_interaction_points_links_the_kit_stylesheet_once(themed_site):
    _name, site = themed_site
    css = f"{PUBLIC}/theme/townsquare/interactions.css"
    assert (site / "theme" / "townsquare" / "interactions.css").is_file()
    for page in ("posts/listening-tours.html", "index.html", "tag/trust.html"):
        _text, soup = read(site / page)
        (sheet,) = soup.select('link[href$="/interactions.css"]')
        assert (sheet["href"], sheet.parent.name) == (css, "head"), page  # with the feed links


def test_listings_get_metadata_and_a_subscribe_point(themed_site):
    _name, site = themed_site
    for page in ("index.html", "tag/trust.html", "category/leadership.html", "archives.html"):
        _text, soup = read(site / page)
        assert len(soup.select('meta[property="og:title"]')) == 1, page
        assert soup.select_one("[data-ts-subscribe]") is not None, page


def test_a_theme_that_includes_a_partial_gets_it_once(tmp_path):
    # The one-line include: a theme copy whose article.html includes the share partial (it
    # draws `content`, as docs/own-theme.md says; without it the row was only ever injected).
    theme = tmp_path / "theme"
    builtin = Path(THEMES["reflex"])
    import shutil

    shutil.copytree(builtin, theme)
    article = theme / "templates" / "article.html"
    text = article.read_text(encoding="utf-8")
    end = "{% endblock content %}"  # reflex names its end tags
    assert end in text
    include = '{% set content = article %}{% include "townsquare/share.html" %}'
    article.write_text(text.replace(end, include + end, 1), encoding="utf-8")
    site = build_with(str(theme), tmp_path / "output")
    _text, soup = read(site / "posts" / "listening-tours.html")
    assert len(soup.select("[data-ts-share]")) == 1
    # The included row linked the interaction stylesheet; the pieces added after it do not.
    (sheet,) = soup.select('link[href$="/townsquare/interactions.css"]')
    assert sheet.find_next_sibling("nav", attrs={"data-ts-share": True}) is not None


def test_a_theme_drawing_share_post_keeps_its_own_row(tmp_path):
    theme = tmp_path / "plain"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text(
        "<!doctype html><html lang='en'><head><title>{{ SITENAME }}</title></head><body><main>"
        "{% block content %}{% endblock %}</main></body></html>",
        encoding="utf-8",
    )
    (theme / "templates" / "article.html").write_text(
        "{% extends 'base.html' %}{% block content %}<article><h1>{{ article.title }}</h1>"
        "{{ article.content }}<p>Share: {% for name, url in article.share_post.items() %}"
        "<a href='{{ url }}'>{{ name }}</a> {% endfor %}</p></article>{% endblock %}",
        encoding="utf-8",
    )
    site = run_build(
        tmp_path / "output", THEME=str(theme), JINJA_ENVIRONMENT=PELICAN_JINJA, AUDIT_ENABLED=False
    )
    _text, soup = read(site / "posts" / "listening-tours.html")
    shared = {a.get_text(): a["href"] for a in soup.select("article p a")}
    canonical = "http://127.0.0.1:8000/posts/listening-tours.html"
    assert parse_qs(urlsplit(shared["linkedin"]).query)["url"] == [canonical]
    assert shared["twitter"] == shared["x"]
    assert shared["hacker-news"].startswith("https://news.ycombinator.com/submitlink?")
    assert soup.select("[data-ts-share]") == []  # the theme's own row, not a second one


def test_a_partial_included_without_autoescape_still_escapes(tmp_path, content_copy):
    # Pelican's default Jinja settings do not autoescape; the kit's partials escape anyway.
    post = content_copy / "posts" / "2026-03-02-listening-tours.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace(
            "Title: Why I Traded the All-Hands Monologue for Listening Tours",
            'Title: Tours "><img src=x onerror=alert(1)>',
        ),
        encoding="utf-8",
    )
    site = build_with("notmyidea", tmp_path / "output", PATH=str(content_copy))
    raw, soup = read(site / "posts" / "listening-tours.html")
    # notmyidea prints titles unescaped in its own markup (Pelican's default); the kit's
    # pieces must not: no element escapes from the metadata, share row or comment area.
    title = 'Tours "><img src=x onerror=alert(1)>'
    assert soup.select("head img, [data-ts-share] img, [data-ts-comments] img") == []
    assert soup.select_one('meta[property="og:title"]')["content"] == title
    assert soup.title.get_text() == f"{title} · Townsquare"
    assert "&lt;img src=x onerror=alert(1)&gt;" in raw


def test_a_theme_that_rewrites_the_body_gets_the_pieces_by_structure(tmp_path):
    # The fast path splices after the post's own HTML; a theme that changes that HTML (here:
    # a filter) and has no recognisable main column makes the kit parse the page instead.
    theme = tmp_path / "odd"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text(
        "<!doctype html><html lang='en'><head><title>{{ SITENAME }}</title>"
        "<meta property='og:title' content='theme title'></head><body><div class='wrap'>"
        "{% block content %}{% endblock %}</div><footer>theme footer</footer></body></html>",
        encoding="utf-8",
    )
    (theme / "templates" / "article.html").write_text(
        "{% extends 'base.html' %}{% block content %}<article><h1>{{ article.title }}</h1>"
        "<div class='text'>{{ article.content | replace('<p>', '<p class=\"x\">') }}</div>"
        "<p>theme after text</p></article>{% endblock %}",
        encoding="utf-8",
    )
    site = run_build(
        tmp_path / "output", THEME=str(theme), JINJA_ENVIRONMENT=PELICAN_JINJA, AUDIT_ENABLED=False
    )
    _text, soup = read(site / "posts" / "listening-tours.html")
    assert [m["content"] for m in soup.select('meta[property="og:title"]')] == [
        "Why I Traded the All-Hands Monologue for Listening Tours"
    ]
    text_box = soup.select_one("div.text")
    share = soup.select_one("[data-ts-share]")
    assert text_box.find_next_sibling() is share.find_previous_sibling("link") or (
        share in text_box.find_all_next("nav")
        and share not in soup.select_one("p:-soup-contains('theme after text')").find_all_next()
    )
    assert soup.select_one("[data-ts-comments]") is not None
    assert soup.select_one("[data-ts-subscribe]") is not None
