"""The kit's one interaction stylesheet: written without comments, linked once per page."""

from pathlib import Path

from bs4 import BeautifulSoup

from pelican.plugins.townsquare import stylesheet

SHEET = "interactions.css"


def read(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def sheet_links(soup):
    return [link for link in soup.select("link[rel=stylesheet]") if link["href"].endswith(SHEET)]


def test_shipped_css_leaves_out_comments_and_blank_lines():
    source = "/* why,\n   over two lines */\n.a{color:red}\n\n/* one more */\n.b{margin:0}\n"
    assert stylesheet.shipped(source) == ".a{color:red}\n.b{margin:0}\n"


def test_the_build_writes_the_source_without_its_comments(sample_site):
    written = (sample_site / "theme" / "townsquare" / SHEET).read_text(encoding="utf-8")
    source = stylesheet.SOURCE.read_text(encoding="utf-8")
    assert "/*" in source
    assert written == stylesheet.shipped(source)
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
