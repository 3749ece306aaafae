"""Images the kit puts in a page from elsewhere load under the site's own policy (issue 24,
major item 1): an `Image:` cover, SITELOGO, FAVICON and an author photo given as https URLs.

Every <img src> and <link rel=icon> of every built page is checked against the img-src of the
`_headers` policy the build wrote, as a browser would: its origin must be listed ('self' for
the site's own files, data: for data URLs).
"""

from urllib.parse import urlsplit

import lxml.html
from conftest import CONTENT, run_build
from test_comments_csp import directives, headers

SITEURL = "http://127.0.0.1:8000"
COVER = "https://images.example.net/covers/forum.jpg"
LOGO = "https://cdn.example.org/brand/logo.png"
FAVICON = "https://static.example.com/favicon.png"
PHOTO = "https://avatars.example.io/amara.jpg"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def allowed(url, img_src):
    """True when a browser would load url under img-src (absolute URLs of the page)."""
    if url.startswith("data:"):
        return "data:" in img_src
    if origin(url) == SITEURL:
        return "'self'" in img_src
    return origin(url) in img_src


def test_every_image_the_kit_shows_is_allowed_by_img_src(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "forum.md").write_text(
        f"Title: Our forum\nDate: 2026-05-04 09:30+02:00\nAuthor: Amara Okafor\n"
        f"Tags: forum\nImage: {COVER}\nImage_alt: People at a table\n\nText of the post.\n",
        encoding="utf-8",
    )
    (content / "posts" / "next.md").write_text(
        "Title: Next\nDate: 2026-05-11 09:30+02:00\nAuthor: Amara Okafor\nTags: forum\n\n"
        "Text of the next post.\n",
        encoding="utf-8",
    )
    (content / "images").mkdir()
    (content / "images" / "default.png").write_bytes(
        (CONTENT / "images" / "community-square.png").read_bytes()
    )
    bio = {"name": "Amara Okafor", "bio": "Writes.", "photo": PHOTO}
    out = run_build(
        tmp_path / "output",
        PATH=str(content),
        SITELOGO=LOGO,
        FAVICON=FAVICON,
        AUTHORS_BIO={"amara-okafor": bio},
        SOCIAL_DEFAULT_IMAGE="images/default.png",
        SOCIAL_CARD_CACHE=str(tmp_path / "cards"),
    )
    img_src = directives(headers(out))["img-src"]
    shown, blocked = set(), []
    for page in sorted(out.rglob("*.html")):
        tree = lxml.html.fromstring(page.read_bytes())
        urls = tree.xpath("//img/@src") + tree.xpath("//link[contains(@rel, 'icon')]/@href")
        for url in urls:
            shown.add(url)
            if not allowed(url, img_src):
                blocked.append((str(page.relative_to(out)), url))
    assert {COVER, LOGO, FAVICON, PHOTO} <= shown  # each really is in a page
    assert blocked == []
    assert sorted(img_src) == sorted(
        ["'self'", "data:", *map(origin, (COVER, LOGO, FAVICON, PHOTO))]
    )
