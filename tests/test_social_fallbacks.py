"""Description and image fallbacks, front matter overrides, and the default image without cards."""

import pytest
from conftest import FIXTURES, run_build
from social_helpers import CARD_URL, SITEURL, image_at, jsonld_of, props, read_social

SOCIAL = FIXTURES / "social"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The social fixture content (fallbacks, plain, overrides, a page) built once."""
    root = tmp_path_factory.mktemp("social")
    return run_build(root / "output", PATH=str(SOCIAL), SOCIAL_CARD_CACHE=str(root / "cache"))


def test_description_falls_back_to_first_paragraph_cut_at_a_word(site):
    page = read_social(site / "posts/fallbacks.html")
    expected = (
        "Leaders often ask how to start writing in public without a communications team "
        "behind them, and the honest answer is that the first draft matters far less than "
        "the habit of publishing something…"
    )
    assert len(expected) <= 200
    assert page.description == expected
    assert page.og["og:description"] == expected
    assert jsonld_of(page, "BlogPosting")["description"] == expected


def test_short_first_paragraph_is_used_whole_with_tags_stripped(site):
    page = read_social(site / "posts/plain.html")
    assert page.description == "Short first paragraph, with emphasis & an ampersand."


def test_image_falls_back_to_first_content_image(site):
    page = read_social(site / "posts/fallbacks.html")
    image = f"{SITEURL}/images/chart.png"
    assert props(page, "og:image") == [image]
    assert props(page, "og:image:alt") == ["Bar chart of replies per post, rising month by month"]
    assert (props(page, "og:image:width"), props(page, "og:image:height")) == (["640"], ["360"])
    assert image_at(site, image) == (640, 360, "image/png")


def test_image_falls_back_to_a_generated_card(site):
    page = read_social(site / "posts/plain.html")
    image = page.og["og:image"]
    assert CARD_URL.match(image)
    assert image_at(site, image) == (1200, 630, "image/png")
    assert props(page, "og:image:alt") == ["A Plain Post · Townsquare"]
    # Lukas has no twitter handle: no twitter:creator, but his fediverse handle is there.
    assert "twitter:creator" not in page.twitter
    assert page.fediverse == ["@lukas@social.example"]


def test_front_matter_overrides(site):
    page = read_social(site / "posts/overrides.html")
    original = "https://medium.example/@amara/the-original-post-1234"
    title = "The Title for Social Networks"
    description = "A description written for the people who see the link in their feed."
    image = f"{SITEURL}/images/photo.jpg"
    assert page.title == f"{title} · Townsquare"
    assert page.canonical == [original]
    assert props(page, "og:url") == [original]
    assert props(page, "og:title") == [title]
    assert page.twitter["twitter:title"] == title
    assert page.description == description
    assert props(page, "og:image") == [image]
    assert props(page, "og:image:type") == ["image/jpeg"]
    assert props(page, "og:image:alt") == ["An orange square with a dark circle in its centre."]
    assert image_at(site, image) == (800, 418, "image/jpeg")
    assert props(page, "article:modified_time") == ["2026-02-18T14:05:00+01:00"]
    posting = jsonld_of(page, "BlogPosting")
    assert posting["headline"] == title
    assert posting["mainEntityOfPage"] == {"@type": "WebPage", "@id": original}
    assert posting["image"] == {"@type": "ImageObject", "url": image, "width": 800, "height": 418}
    # The breadcrumb names the local copy: it is this site's navigation.
    last = jsonld_of(page, "BreadcrumbList")["itemListElement"][-1]
    assert last["item"] == f"{SITEURL}/posts/overrides.html"


def test_without_cards_the_site_default_image_is_used(tmp_path):
    out = run_build(
        tmp_path / "output",
        PATH=str(SOCIAL),
        SOCIAL_CARDS=False,
        SOCIAL_DEFAULT_IMAGE="images/default.png",
        SOCIAL_DEFAULT_IMAGE_ALT="A yellow square on navy.",
    )
    image = f"{SITEURL}/images/default.png"
    for path in ("posts/plain.html", "about.html", "index.html", "tag/writing.html"):
        page = read_social(out / path)
        assert props(page, "og:image") == [image], path
        assert props(page, "og:image:alt") == ["A yellow square on navy."], path
        assert (props(page, "og:image:width"), props(page, "og:image:height")) == (
            ["1000"],
            ["500"],
        )
    # The content image still wins over the default.
    assert props(read_social(out / "posts/fallbacks.html"), "og:image") == [
        f"{SITEURL}/images/chart.png"
    ]
    assert not (out / "social-cards").exists()


def test_bad_image_and_canonical_fail_the_build_naming_the_file(tmp_path, content_copy):
    post = content_copy / "posts" / "2026-07-01-bad-social.md"
    post.write_text(
        "Title: Bad\nDate: 2026-07-01 10:00+02:00\nCategory: Leadership\nAuthor: Amara Okafor\n"
        "Image: images/missing.png\nCanonical: /posts/elsewhere.html\n\nText.\n",
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="safebuild: the build failed") as failure:
        run_build(tmp_path / "output", PATH=str(content_copy))
    message = str(failure.value)
    assert (
        f"social: {post}:5: Image 'images/missing.png' is neither a static file of the content "
        "nor of the theme nor an http(s) URL" in message
    )
    assert (
        f"social: {post}:6: canonical '/posts/elsewhere.html' is not an absolute http(s) URL"
        in (message)
    )
