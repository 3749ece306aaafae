"""Images in a post's text point at real files: relative paths resolve like {static}, on the page
and in the feeds (read back with feedparser); an image that points at no file stops the build
with the post and line, whatever the syntax."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from writing_helpers import SITEURL, build, new_site, post, refused

PICTURE = "images/community-square.png"


def images_of(html):
    return [img["src"] for img in BeautifulSoup(html, "lxml").select("img")]


def feed_images(out):
    """{entry link: [img src]} of the site's Atom feed, parsed by feedparser."""
    feed = feedparser.parse((out / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    return {entry.link: images_of(entry.content[0].value) for entry in feed.entries}


def test_relative_images_resolve_on_the_page_and_in_the_feed(tmp_path):
    body = (
        f"![From the content folder]({PICTURE})\n\n"
        "![Next to the post](photos/team.png)\n\n"
        "![Up one folder](../images/listening-tour.png)\n\n"
        '<img src="images/listening-tour.png" alt="Raw HTML">\n\n'
        f"![Site root](/{PICTURE})\n\n![Absolute]({SITEURL}/{PICTURE})\n"
    )
    new_site(tmp_path, {"posts/pics.md": post(body=body)})
    photos = tmp_path / "content" / "posts" / "photos"
    photos.mkdir()
    (photos / "team.png").write_bytes((tmp_path / "content" / PICTURE).read_bytes())
    out = build(tmp_path)
    expected = [
        f"{SITEURL}/{PICTURE}",
        f"{SITEURL}/posts/photos/team.png",
        f"{SITEURL}/images/listening-tour.png",
        f"{SITEURL}/images/listening-tour.png",
        f"{SITEURL}/{PICTURE}",
        f"{SITEURL}/{PICTURE}",
    ]
    page = (out / "posts" / "pics.html").read_text("utf-8")
    assert images_of(page.split('class="post-body')[1].split("</div>")[0]) == expected
    assert feed_images(out) == {f"{SITEURL}/posts/pics.html": expected}
    for src in expected:  # every one is a real file of the built site
        assert (out / src.removeprefix(SITEURL + "/")).is_file(), src


def test_a_site_url_with_a_path_keeps_root_images_inside_the_site(tmp_path):
    new_site(tmp_path, {"posts/root.md": post(body=f"![Root](/{PICTURE})\n")})
    siteurl = "http://127.0.0.1:8000/blog"
    # The audit of a SITEURL with a path is issue 18.2 (mapping URLs to files), not this test.
    out = build(tmp_path, SITEURL=siteurl, AUDIT_ENABLED=False)
    assert f'src="{siteurl}/{PICTURE}"' in (out / "posts" / "root.html").read_text("utf-8")


def test_external_and_data_images_are_left_alone(tmp_path):
    body = "![Elsewhere](https://images.test/a.png)\n\n![Inline](data:image/gif;base64,R0lGOD)\n"
    new_site(tmp_path, {"posts/ext.md": post(body=body)})
    page = (build(tmp_path, AUDIT_FAIL_ON="never") / "posts" / "ext.html").read_text("utf-8")
    assert 'src="https://images.test/a.png"' in page
    assert 'src="data:image/gif;base64,R0lGOD"' in page


@pytest.mark.parametrize(
    ("written", "looked"),
    [
        ("![Gone](images/gone.png)", ["posts/images/gone.png", "images/gone.png"]),
        ("![Gone]({static}/images/gone.png)", ["images/gone.png"]),
        ("![Gone]({static}gone.png)", ["posts/gone.png"]),
        ("![Gone](/images/gone.png)", ["images/gone.png"]),
        (f"![Gone]({SITEURL}/images/gone.png)", ["images/gone.png"]),
        ('<img src="images/gone.png" alt="Gone">', ["posts/images/gone.png", "images/gone.png"]),
    ],
)
def test_an_image_that_points_at_no_file_stops_the_build(tmp_path, written, looked):
    new_site(tmp_path, {"posts/gone.md": post(body=f"Intro.\n\n{written}\n")})
    content = tmp_path / "content"
    src = written.split("](")[-1].rstrip(")") if "](" in written else "images/gone.png"
    paths = " and ".join(str(content / p) for p in looked)
    assert refused(tmp_path) == [
        f"{content / 'posts' / 'gone.md'}:9: image '{src}' points at no file (looked for "
        f"{paths}) — fix: put the image in the content folder, e.g. content/images/, and write "
        "![description](images/name.jpg)"
    ]


@pytest.mark.parametrize(
    ("image", "src"),
    [
        ("https://images.test/cover.png", "https://images.test/cover.png"),
        ("HTTPS://images.test/cover.png", "HTTPS://images.test/cover.png"),
        (PICTURE, f"{SITEURL}/{PICTURE}"),
        (f"{{static}}/{PICTURE}", f"{SITEURL}/{PICTURE}"),
    ],
)
def test_the_image_front_matter_is_shown_from_where_it_is(tmp_path, image, src):
    new_site(tmp_path, {"posts/cover.md": post(extra=f"Image: {image}\n")})
    out = build(tmp_path, AUDIT_FAIL_ON="never")
    page = BeautifulSoup((out / "posts" / "cover.html").read_text("utf-8"), "lxml")
    assert page.select_one(".post-image img")["src"] == src
