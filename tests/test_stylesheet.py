"""The kit's one interaction stylesheet: written without comments, with only the sections the
site's settings call for, linked once per page."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_build
from writing_helpers import new_site, post

from pelican.plugins.townsquare import stylesheet

SHEET = "interactions.css"
BUTTONDOWN = {"provider": "buttondown", "username": "townsquare"}
GISCUS = {
    "COMMENTS_GISCUS_REPO": "townsquare/blog",
    "COMMENTS_GISCUS_REPO_ID": "R_kgDOExample",
    "COMMENTS_GISCUS_CATEGORY": "Comments",
    "COMMENTS_GISCUS_CATEGORY_ID": "DIC_kwDOExample4Cabc",
}
#: The conditional rules as the build writes them, by the section that holds them.
FRAME = "#comments .ts-embed iframe{display:block;width:100%;max-width:100%;border:0}"
UTTERANCES = (
    "#comments .ts-embed .utterances{position:relative;width:100%}",
    "#comments .ts-embed .utterances-frame{position:absolute;inset:0;height:100%}",
)
TOOTS = "#comments .ts-toots p{white-space:pre-line}"
NEWSLETTER = (
    ".ts-newsletter label{display:block;font-weight:600}",
    ".ts-newsletter span{display:flex;flex-wrap:wrap;gap:.5em}",
    ".ts-newsletter input{flex:1 1 12em;padding:0 .75em;color:inherit;"
    "background:var(--ts-bg,Canvas);border:1px solid var(--ts-muted,GrayText)}",
    ".ts-subscribe input,.ts-subscribe button{min-height:44px;font:inherit;border-radius:8px}",
    ".ts-newsletter button{padding:0 1.1em;font-weight:650;cursor:pointer;"
    "color:var(--ts-on-accent,Canvas);background:var(--ts-accent,LinkText);border:0}",
)
CONDITIONAL = (FRAME, *UTTERANCES, TOOTS, *NEWSLETTER)


def read(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def sheet_links(soup):
    return [link for link in soup.select("link[rel=stylesheet]") if link["href"].endswith(SHEET)]


def test_shipped_css_leaves_out_comments_and_blank_lines():
    source = "/* why,\n   over two lines */\n.a{color:red}\n\n/* one more */\n.b{margin:0}\n"
    assert stylesheet.shipped(source) == ".a{color:red}\n.b{margin:0}\n"


def written_sheet(site):
    return (site / "theme" / "townsquare" / SHEET).read_text(encoding="utf-8")


def test_a_section_ships_only_when_the_settings_call_for_it():
    source = (
        ".a{color:red}\n\n"
        "/* when FEEDS_NEWSLETTER_ACTION: the form */\n"
        "/* why, over\n   two lines */\n.b{margin:0}\n"
        ".c{margin:0}\n\n"
        "/* when COMMENTS_PROVIDER is utterances */\n.d{margin:0}\n\n.e{margin:0}\n"
    )
    assert stylesheet.shipped(stylesheet.for_site(source, {})) == ".a{color:red}\n.e{margin:0}\n"
    settings = {"FEEDS_NEWSLETTER_ACTION": "https://news.example/", "COMMENTS_PROVIDER": "giscus"}
    assert stylesheet.shipped(stylesheet.for_site(source, settings)) == (
        ".a{color:red}\n.b{margin:0}\n.c{margin:0}\n.e{margin:0}\n"
    )
    settings["COMMENTS_PROVIDER"] = "utterances"
    assert stylesheet.shipped(stylesheet.for_site(source, settings)) == (
        ".a{color:red}\n.b{margin:0}\n.c{margin:0}\n.d{margin:0}\n.e{margin:0}\n"
    )


def test_every_condition_in_the_source_is_one_the_plugins_resolve():
    lines = stylesheet.SOURCE.read_text(encoding="utf-8").splitlines()
    marked = [line for line in lines if line.startswith("/* when")]
    assert [stylesheet.condition(line) for line in marked] == [
        ("COMMENTS_PROVIDER", None),
        ("COMMENTS_PROVIDER", "utterances"),
        ("COMMENTS_PROVIDER", "mastodon"),
        ("FEEDS_NEWSLETTER_ACTION", None),
    ]


def test_the_build_writes_the_source_without_its_comments(sample_site):
    written = written_sheet(sample_site)
    source = stylesheet.SOURCE.read_text(encoding="utf-8")
    assert "/*" in source
    # The fixture blog has no newsletter and no comment provider: none of their rules ship.
    assert written == stylesheet.shipped(stylesheet.for_site(source, {}))
    assert [rule for rule in CONDITIONAL if rule in written] == []
    for name in (".ts-newsletter", ".ts-embed", ".ts-toots", "utterances"):
        assert name not in written
    assert "#comments{margin:3em 0 1em;" in written
    assert "/*" not in written and "*/" not in written
    # One button system: the pill shape is declared once for share, reply and follow buttons.
    assert written.count("border-radius:99px") == 1
    assert written.startswith(
        ".ts-share a,.ts-share button,#comments ul a,#comments button,.ts-ways a{"
    )
    for old in ("share.css", "comments.css", "feeds.css"):
        assert not (sample_site / "theme" / "townsquare" / old).exists()


def test_the_kit_theme_links_it_once_in_head(sample_site):
    soup = read(sample_site / "posts" / "listening-tours.html")
    (link,) = sheet_links(soup)
    assert link["href"] == f"http://127.0.0.1:8000/theme/townsquare/{SHEET}"
    assert link.parent.name == "head"
    sheets = [item["href"] for item in soup.head.select("link[rel=stylesheet]")]
    assert sheets.index(link["href"]) < sheets.index(
        "http://127.0.0.1:8000/theme/css/townsquare.css"
    )  # the theme's rules come after the kit's and may override them
    for page in ("index.html", "about.html", "category/leadership.html"):
        assert len(sheet_links(read(sample_site / page))) == 1, page
    assert sheet_links(read(sample_site / "404.html")) == []


def test_a_guest_theme_given_only_the_share_row_gets_the_stylesheet_with_it(build_site):
    site = build_site(THEME="notmyidea", TOWNSQUARE_INJECT=["share"], AUDIT_ENABLED=False)
    soup = read(site / "posts" / "listening-tours.html")
    (link,) = sheet_links(soup)
    assert link.find_next_sibling("nav", attrs={"data-ts-share": True}) is not None
    assert soup.head.select(f'link[href$="{SHEET}"]') == []


def test_a_guest_theme_given_comments_alone_links_it_once(build_site):
    site = build_site(
        THEME="notmyidea", TOWNSQUARE_INJECT=["comments", "subscribe"], AUDIT_ENABLED=False
    )
    soup = read(site / "posts" / "listening-tours.html")
    (link,) = sheet_links(soup)
    assert link.parent.get("id") == "comments"
    assert soup.select_one("[data-ts-subscribe]") is not None


@pytest.fixture(scope="module")
def one_post(tmp_path_factory):
    """A content folder with one post (posts/hello.html) and the fixture images."""
    return new_site(
        tmp_path_factory.mktemp("stylesheet"), {"posts/hello.md": post(extra="Slug: hello\n")}
    )


def conditional_rules(site):
    return [rule for rule in CONDITIONAL if rule in written_sheet(site).splitlines()]


def test_a_site_with_a_newsletter_gets_the_rules_of_its_form(tmp_path, one_post):
    out = run_build(tmp_path / "output", PATH=str(one_post), FEEDS_NEWSLETTER=BUTTONDOWN)
    assert conditional_rules(out) == list(NEWSLETTER)
    # Every rule of the section styles something in the form the post shows.
    form = read(out / "posts" / "hello.html").select_one("[data-ts-subscribe] form")
    assert form["class"] == ["ts-newsletter"]
    for rule in NEWSLETTER:
        for selector in rule.split("{")[0].split(","):
            assert form.parent.select(selector), selector
    assert form.parent.select(".ts-newsletter button") == form.select("button[type=submit]")


@pytest.mark.parametrize(
    ("settings", "rules"),
    [
        ({"COMMENTS_PROVIDER": "isso", "COMMENTS_ISSO_URL": "https://talk.example"}, [FRAME]),
        ({"COMMENTS_PROVIDER": "giscus", **GISCUS}, [FRAME]),
        (
            {"COMMENTS_PROVIDER": "utterances", "COMMENTS_UTTERANCES_REPO": "town/blog"},
            [FRAME, *UTTERANCES],
        ),
        ({"COMMENTS_PROVIDER": "mastodon"}, [FRAME, TOOTS]),
        # The provider the comments plugin adopts from the blog's DISQUS_SITENAME.
        ({"DISQUS_SITENAME": "town-blog"}, [FRAME]),
    ],
    ids=["isso", "giscus", "utterances", "mastodon", "disqus-adopted"],
)
def test_a_site_with_a_comments_provider_gets_the_frame_rules(tmp_path, one_post, settings, rules):
    out = run_build(tmp_path / "output", PATH=str(one_post), **settings)
    assert conditional_rules(out) == rules


def test_each_build_rewrites_the_stylesheet_for_its_settings(tmp_path, one_post):
    found = []
    for newsletter in (None, BUTTONDOWN, None):
        out = run_build(tmp_path / "output", PATH=str(one_post), FEEDS_NEWSLETTER=newsletter)
        found.append(conditional_rules(out))
    assert found == [[], list(NEWSLETTER), []]
