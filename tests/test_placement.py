"""Where the kit's pieces land in themes whose column closes early (issue 21, item 9).

Small themes in the shapes the corpus showed (tests/test_corpus_browser.py measures the real
ones): an <article> that closes right after the post's text with no main column (smallweb,
themeless, shiori, jwk), a <main> that also holds the site footer (reflex), and a theme that
rewrites the post's HTML so the page has to be parsed. The share row, comment area and
subscribe box must stay inside the post's column and come before the site footer.
"""

import pytest
from bs4 import BeautifulSoup
from conftest import run_build

PELICAN_JINJA = {"trim_blocks": True, "lstrip_blocks": True, "extensions": []}
PIECES = ("[data-ts-share]", "[data-ts-comments]", "[data-ts-subscribe]")
POST = "posts/listening-tours.html"

#: base.html per shape: {body} is where the theme's content block goes.
SHAPES = {
    "no-main": "<header>site</header>{body}<footer class='site'>theme footer</footer>",
    "main-holds-footer": "<main>{body}<footer class='site'>theme footer</footer></main>",
}
ARTICLE = {
    "verbatim": "<article class='full'>{{ article.content }}</article>"
    "<nav class='tags'>tags</nav>",
    "rewritten": "<article class='full'><div class='text'>"
    "{{ article.content | replace('<p>', '<p class=\"x\">') }}</div>"
    "<footer class='meta'>posted by</footer></article>",
}


def build_theme(tmp_path, shape, article, head=""):
    theme = tmp_path / f"{shape}-{article}"
    (theme / "templates").mkdir(parents=True)
    body = SHAPES[shape].format(body="{% block content %}{% endblock %}")
    (theme / "templates" / "base.html").write_text(
        f"<!doctype html><html lang='en'><head><title>{{{{ SITENAME }}}}</title>{head}</head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    for name, block in (("article", ARTICLE[article]), ("index", "<p>listing</p>")):
        (theme / "templates" / f"{name}.html").write_text(
            "{% extends 'base.html' %}{% block content %}" + block + "{% endblock %}",
            encoding="utf-8",
        )
    return run_build(
        tmp_path / "output",
        THEME=str(theme),
        JINJA_ENVIRONMENT=PELICAN_JINJA,
        AUDIT_ENABLED=False,
        DIRECT_TEMPLATES=["index"],
    )


def read(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("article", sorted(ARTICLE))
def test_pieces_stay_in_an_article_that_closes_right_after_the_text(tmp_path, article):
    soup = read(build_theme(tmp_path, "no-main", article) / POST)
    column = soup.select_one("article.full")
    footer = soup.select_one("footer.site")
    for selector in PIECES:
        piece = soup.select_one(selector)
        assert piece is not None and column in piece.parents, selector
        assert piece in footer.find_all_previous(), selector


@pytest.mark.parametrize("article", sorted(ARTICLE))
def test_subscribe_comes_before_a_footer_inside_main(tmp_path, article):
    soup = read(build_theme(tmp_path, "main-holds-footer", article) / POST)
    subscribe = soup.select_one("[data-ts-subscribe]")
    assert soup.main in subscribe.parents
    assert subscribe in soup.select_one("footer.site").find_all_previous()
    assert soup.select_one("footer.site").find_next_sibling() is None  # nothing after it


def test_a_listing_without_a_main_column_gets_subscribe_before_the_footer(tmp_path):
    soup = read(build_theme(tmp_path, "no-main", "verbatim") / "index.html")
    subscribe = soup.select_one("[data-ts-subscribe]")
    assert subscribe in soup.select_one("footer.site").find_all_previous()


def test_share_labels_do_not_shrink_with_the_themes_root_font_size(tmp_path, browser):
    # Bootstrap 3 sets html{font-size:10px}: rem-sized labels rendered at 9px.
    site = build_theme(tmp_path, "no-main", "verbatim", head="<style>html{font-size:10px}</style>")
    origin = "http://127.0.0.1:8000"

    def answer(route):
        path = route.request.url.removeprefix(origin + "/").split("?")[0]
        target = site / path
        if route.request.url.startswith(origin + "/") and target.is_file():
            return route.fulfill(path=str(target))
        return route.abort()

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/*", answer)
    page.goto(f"{origin}/{POST}", wait_until="load")
    sizes = page.evaluate(
        "() => ['[data-ts-share] a', '[data-ts-share] h2'].map("
        "(s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    )
    page.close()
    assert sizes == [14.4, 13.6]  # .9em and .85em of the reader's default 16px


SUBSCRIBE = "<section data-ts-subscribe>Subscribe</section>"


@pytest.mark.parametrize(
    ("footer", "closing"),
    [
        ("<footer class='site'>theme footer</footer>", ""),
        ("<div role='contentinfo'>theme footer</div>", ""),
        ("", "<p>last words</p>"),
    ],
)
def test_a_listing_without_a_main_column_is_spliced_before_the_site_footer(footer, closing):
    # A listing of a theme with no main column (jwk's 12 listings were parsed whole, 0.14 s of
    # a 0.8 s build): the subscribe box goes at the end of <body>, before the site footer, as
    # on the parsed page, without parsing the page.
    from pelican.plugins.townsquare.splice import splice

    page = (
        "<!doctype html><html lang='en'><head><title>t</title></head><body>"
        "<div class='posts'><article><h2>One</h2><footer>by A</footer></article></div>"
        f"{closing}{footer}</body></html>"
    )
    spliced = splice(page, {"subscribe": SUBSCRIBE}, "", "")
    assert spliced is not None
    soup = BeautifulSoup(spliced, "lxml")
    (box,) = soup.select("[data-ts-subscribe]")
    assert box.parent.name == "body"
    after = box.find_next_sibling()
    assert (after.get("role") == "contentinfo" or after.name == "footer") if footer else not after
