"""The kit's theme hides a section with nothing under it (built for real, read with lxml)."""

import lxml.html

POST = """Title: The only post
Date: 2026-03-02 09:00
Category: Leadership
Author: Amara Okafor
Slug: only

A blog that has just started.
"""


def test_a_blog_with_one_post_has_no_empty_more_posts_heading(build_site, tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "only.md").write_text(POST, encoding="utf-8")
    out = build_site(PATH=str(content))
    home = lxml.html.parse(str(out / "index.html"))
    assert home.xpath("//*[contains(@class, 'featured')]//h2/a/text()") == ["The only post"]
    assert home.xpath("//h2[@class='section-title']") == []
