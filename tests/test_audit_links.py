"""internal-links on real builds: a root-relative link in a blog published under a path.

The fixture blog is built for https://amara.github.io/townsquare-blog (a GitHub project site);
a post that writes ``/about.html`` links outside the site once published, even though
``about.html`` exists in the output folder. The audit inside the build reports it with the
page and line, and the command reports the same on the built folder.
"""

import pytest
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


def test_a_root_relative_link_under_a_site_path_fails_the_build(build_site, rooted_post):
    with pytest.raises(Exception) as failed:
        build_site(PATH=str(rooted_post), SITEURL=PROJECT_SITEURL, AUDIT_RULES=["internal-links"])
    message = str(failed.value)
    assert "posts/where-to-find-us.html:" in message
    assert (
        "error: [internal-links] root-relative /about.html leaves the site's base path "
        "/townsquare-blog/: published, it points outside the site; write "
        "/townsquare-blog/about.html or a URL relative to this page"
    ) in message


def test_the_command_reports_page_and_line(build_site, rooted_post, capsys):
    out = build_site(PATH=str(rooted_post), SITEURL=PROJECT_SITEURL, AUDIT_ENABLED=False)
    status = main([str(out), "--rules", "internal-links"])
    report = capsys.readouterr().out
    page = (out / "posts" / "where-to-find-us.html").read_text(encoding="utf-8")
    line = page[: page.index('href="/about.html"')].count("\n") + 1
    assert status == 1
    where = f"{out}/posts/where-to-find-us.html:{line}"
    assert f"{where}: error: [internal-links] root-relative /about.html" in report
    assert report.count("[internal-links]") == 1  # the relative link to the page resolves


def test_the_same_site_at_a_domain_root_is_clean(build_site, rooted_post, capsys):
    out = build_site(PATH=str(rooted_post), SITEURL="https://amara.example", AUDIT_ENABLED=False)
    assert main([str(out), "--rules", "internal-links"]) == 0
