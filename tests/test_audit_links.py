"""internal-links on real builds: a root-relative link in a blog published under a path.

The fixture blog is built for https://amara.github.io/townsquare-blog (a GitHub project site).
A post that writes ``/about.html`` has its link put under the site's path as it is read
(safebuild's links.py); a root-relative link the build does not write from a post, such as a
menu item of Pelican's own notmyidea theme (``MENUITEMS``), links outside the site once
published even though ``about.html`` exists in the output folder. The audit inside the build
reports it with the page and line, and the command reports the same on the built folder.
"""

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT_SITEURL
from pelican.plugins.townsquare_audit.cli import main

POST = """Title: Where to find us
Date: 2026-05-01 09:00
Category: Leadership
Tags: listening
Slug: where-to-find-us
Summary: A post with one root-relative link.

Read [about us](/about.html) first, then [the archives]({filename}/pages/about.md).
"""


@pytest.fixture
def rooted_post(content_copy):
    (content_copy / "posts" / "2026-05-01-where-to-find-us.md").write_text(POST, encoding="utf-8")
    return content_copy


#: A theme menu with a root-relative link: Pelican prints it into every page as written.
MENU = {"THEME": "notmyidea", "MENUITEMS": [("About", "/about.html")]}


def test_a_posts_root_relative_link_is_put_under_the_site_path(build_site, rooted_post):
    out = build_site(
        PATH=str(rooted_post), SITEURL=PROJECT_SITEURL, AUDIT_RULES=["internal-links"]
    )
    page = BeautifulSoup((out / "posts" / "where-to-find-us.html").read_bytes(), "lxml")
    links = [a["href"] for a in page.select(".e-content a, .entry-content a")]
    assert links[0] == "/townsquare-blog/about.html"


def test_a_root_relative_link_under_a_site_path_fails_the_build(build_site, rooted_post):
    with pytest.raises(Exception) as failed:
        build_site(
            PATH=str(rooted_post), SITEURL=PROJECT_SITEURL, AUDIT_RULES=["internal-links"], **MENU
        )
    message = str(failed.value)
    assert ".html:" in message
    assert (
        "error: [internal-links] root-relative /about.html leaves the site's base path "
        "/townsquare-blog/: published, it points outside the site; write "
        "/townsquare-blog/about.html or a URL relative to this page"
    ) in message


def test_the_command_reports_page_and_line(build_site, rooted_post, capsys):
    out = build_site(PATH=str(rooted_post), SITEURL=PROJECT_SITEURL, AUDIT_ENABLED=False, **MENU)
    status = main([str(out), "--rules", "internal-links"])
    report = capsys.readouterr().out
    page = (out / "posts" / "where-to-find-us.html").read_text(encoding="utf-8")
    line = page[: page.index('href="/about.html"')].count("\n") + 1
    assert status == 1
    where = f"{out}/posts/where-to-find-us.html:{line}"
    assert f"{where}: error: [internal-links] root-relative /about.html" in report
    # The menu's link is the one finding on the page: the post's own links resolve.
    assert report.count(f"{where}: error: [internal-links]") == 1


def test_the_same_site_at_a_domain_root_is_clean(build_site, rooted_post, capsys):
    out = build_site(PATH=str(rooted_post), SITEURL="https://amara.example", AUDIT_ENABLED=False)
    assert main([str(out), "--rules", "internal-links"]) == 0


URL_SPELLINGS = [
    "https://example.org/",
    "https://example.org",
    "https://example.org/posts/a.html",
    "https://example.org/blog/posts/a.html",
    "https://example.org/blog",
    "https://example.org/blog/",
    "https://example.org/blogroll/x.html",
    "https://example.org/tag/",
    "https://example.org/a/../b.html",
    "https://example.org/./b.html",
    "https://example.org/.well-known/x",
    "https://example.org/a%20b.html",
    "https://example.org/a.html?x=1",
    "https://example.org/a.html#top",
    "https://example.org:443/a.html",
    "https://EXAMPLE.org/a.html",
    "https://example.org.evil.net/a.html",
    "https://example.orgx/a.html",
    "http://example.org/a.html",
    "https://example.org/feeds/all.atom.xml",
    "https://example.org/a.html ",
]


@pytest.mark.parametrize("prefix", ["", "/blog"])
def test_the_quick_way_to_a_site_file_agrees_with_the_general_one(prefix):
    # internal-links resolves plain site URLs without urlsplit (most of a big site's new
    # URLs); whenever it answers, the answer is the general resolver's.
    from pelican.plugins.townsquare_audit.rules.internal_links import _plain_site_path
    from pelican.plugins.townsquare_audit.urls import site_path

    answered = []
    for url in URL_SPELLINGS:
        quick = _plain_site_path(url, "https://example.org/", prefix)
        if quick is not None:
            answered.append(url)
            assert quick == site_path(url, "posts/a.html", "https://example.org", prefix), url
    expected = {
        "": ["https://example.org/", "https://example.org/posts/a.html",
             "https://example.org/blog/posts/a.html", "https://example.org/blog",
             "https://example.org/blog/", "https://example.org/blogroll/x.html", "https://example.org/tag/",
             "https://example.org/feeds/all.atom.xml"],
        "/blog": ["https://example.org/blog/posts/a.html", "https://example.org/blog/"],
    }  # fmt: skip
    assert answered == expected[prefix]


@pytest.mark.parametrize(
    ("source", "values"),
    [
        ('<a href="a.html">a</a><img src="b.png" alt="">', ["a.html", "b.png"]),
        ("<a href='a.html'>a</a><img src=b.png alt=''>", ["a.html", "b.png"]),
        ('<a href="/go?to=href=x">a</a><img data-src="c.png" src="b.png">', None),
        ("<script>el.src=url; a.href='y.html'</script><a href=\"a.html\">a</a>", None),
    ],
)
def test_every_url_of_the_source_is_read_whatever_its_quotes(source, values):
    # internal-links reads the page's URLs with two plain searches when every href= and src=
    # is double-quoted (what generators write), and with the general search otherwise.
    from pelican.plugins.townsquare_audit.rules.internal_links import ANY_SPELLING, _values

    general = sorted(a or b or c for a, b, c in ANY_SPELLING.findall(source))
    assert sorted(_values(source)) == general
    if values is not None:
        assert sorted(_values(source)) == values
