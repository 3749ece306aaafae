"""A blog the kit is added to builds with what Pelican accepts (issue 21, items 5-8, 10, 11).

Every test builds the guest-content fixture blog (tests/fixtures/guest-content: its own
theme, a local reST role plugin, Markdown and reST posts with unpadded dates, theme cover
keys, SVG/WebP/AVIF/GIF images and a PNG with a bad tEXt checksum) into tmp_path and reads
the pages with extruct and BeautifulSoup.
"""

import json
import logging

import extruct
import pytest
from bs4 import BeautifulSoup
from guest_content_helpers import PUBLIC, build_guest, guest_copy, with_plugins

#: A publish build of the fixture: its sample addresses (.example) are not the audit's business.
PUBLISH = {"SITEURL": PUBLIC, "PUBLISH": True, "AUDIT_SKIP": ["placeholders"]}


@pytest.fixture
def blog(tmp_path):
    return guest_copy(tmp_path)


def page(out, name):
    text = (out / name).read_text(encoding="utf-8")
    return text, BeautifulSoup(text, "lxml")


def og(text, key):
    """Every value of one Open Graph property, read by extruct."""
    found = extruct.extract(text, base_url=PUBLIC, syntaxes=["opengraph"])["opengraph"]
    return [value for k, value in found[0]["properties"] if k == key] if found else []


def kit_messages(caplog, level):
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == level and r.name.startswith("pelican.plugins.townsquare")
    ]


# -- 5. Content Pelican accepts --------------------------------------------------------------


def test_unpadded_dates_theme_keys_and_a_reST_role_with_ansi_escapes_build(blog):
    out = build_guest(blog, SITEURL=PUBLIC)
    _text, tide = page(out, "tide-tables.html")  # :date: 2023-2-24 9:00, an :ansi: role
    assert tide.select_one("article time")["datetime"] == "2023-02-24T09:00:00+00:00"
    assert [s.get_text() for s in tide.select("span.ansi-green, span.ansi-red")] == [
        "HW 06:12 3.9 m",
        "LW 12:30 0.4 m",
    ]
    assert "\x1b" not in (out / "tide-tables.html").read_text(encoding="utf-8")
    _text, winter = page(out, "winter-berths.html")  # Date: 2022-12-1
    assert winter.select_one("article time")["datetime"] == "2022-12-01T00:00:00+00:00"
    _text, mooring = page(out, "drawing-the-mooring-plan.html")  # Date: 2023-3-5 9:05
    assert mooring.select_one("article time")["datetime"] == "2023-03-05T09:05:00+00:00"


def test_a_day_month_date_is_still_refused(blog):
    post = blog / "content" / "posts" / "winter-berths.md"
    post.write_text(post.read_text().replace("2022-12-1", "03/04/2023"), encoding="utf-8")
    with pytest.raises(Exception) as failed:
        build_guest(blog, SITEURL=PUBLIC)
    assert f"{post}:2: Date '03/04/2023' is not an ISO date" in str(failed.value)


def test_keys_the_theme_or_a_plugin_reads_are_not_typos_but_kit_near_misses_are(blog):
    # "Description" is one edit from the kit's og_description, and the theme reads it.
    post = blog / "content" / "posts" / "winter-berths.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("Header_cover", "Description: Lines.\nHeader_cover"))
    out = build_guest(blog, SITEURL=PUBLIC)
    assert og(page(out, "winter-berths.html")[0], "og:description") == ["Lines."]
    post.write_text(text.replace("Header_cover", "Imgae: images/winter-cover.jpg\nHeader_cover"))
    with pytest.raises(Exception) as failed:
        build_guest(blog, SITEURL=PUBLIC)
    assert f"{post}:4: unknown front matter key 'Imgae' — did you mean 'Image'?" in str(
        failed.value
    )


def test_a_key_only_another_plugin_reads_is_not_a_typo(blog):
    # pelican-seo reads "og_image"-like keys of its own: "tw_account" is nobody's typo, and
    # "external_canonical" is read by pelican-seo (never compared with the kit's canonical).
    post = blog / "content" / "posts" / "winter-berths.md"
    post.write_text(
        post.read_text().replace("Category:", "External_canonical: https://x.example/a\nCategory:")
    )
    out = build_guest(
        blog, SITEURL=PUBLIC, PLUGINS=with_plugins("pelican.plugins.seo"), SEO_REPORT=False
    )
    assert (out / "winter-berths.html").is_file()


def test_a_control_character_the_page_would_show_is_still_refused(blog):
    post = blog / "content" / "posts" / "winter-berths.md"
    post.write_text(post.read_text().replace("inner basin", "inner\x1b basin"))
    with pytest.raises(Exception) as failed:
        build_guest(blog, SITEURL=PUBLIC)
    assert f"{post}:6: control character U+001B at column 44" in str(failed.value)


def test_social_written_as_a_set_gives_follow_links_in_a_stable_order(blog):
    out = build_guest(blog, SITEURL=PUBLIC)
    _text, soup = page(out, "tide-tables.html")
    follow = [a["href"] for a in soup.select("[data-ts-subscribe] a[href*='.example/']")]
    assert follow == ["https://code.example/ines", "https://toot.example/@ines"]


# -- 6. Images a browser shows ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("image", "cause"),
    [
        ("images/pontoons.svg", "is an SVG drawing; link previews need PNG, JPEG, WebP or GIF"),
        ("images/slipway.avif", "is AVIF; link previews need PNG, JPEG, WebP or GIF"),
        ("images/berths-drawio.png", "is a PNG whose tEXt chunk has a wrong checksum"),
    ],
)
def test_an_image_previews_cannot_show_falls_back_to_the_card_naming_the_cause(
    blog, caplog, image, cause
):
    caplog.set_level(logging.WARNING)
    post = blog / "content" / "posts" / "winter-berths.md"
    post.write_text(
        post.read_text().replace("Header_cover: images/winter-cover.jpg", f"Image: {image}")
    )
    out = build_guest(blog, SITEURL=PUBLIC, HEADER_COVER=None)
    text, _soup = page(out, "winter-berths.html")
    (card,) = og(text, "og:image")
    assert card.startswith(f"{PUBLIC}/social-cards/") and card.endswith(".png")
    warnings = kit_messages(caplog, logging.WARNING)
    assert any(f"Image '{image}' {cause}" in w for w in warnings), warnings
    assert not any("cannot identify image file" in w for w in warnings)


def test_a_post_full_of_svg_webp_avif_gif_and_bad_crc_png_builds_and_shows_them_all(blog):
    out = build_guest(blog, **PUBLISH)
    _text, soup = page(out, "drawing-the-mooring-plan.html")
    shown = sorted(img["src"].rsplit("/", 1)[-1] for img in soup.select(".entry-content img"))
    assert shown == [
        "berths-drawio.png",
        "crane.gif",
        "pontoons.svg",
        "slipway.avif",
        "slipway.webp",
    ]
    for name in shown:
        assert (out / "images" / name).is_file()


def test_the_first_image_previews_can_show_is_chosen_over_an_svg(blog):
    post = blog / "content" / "posts" / "mooring-diagrams.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace("Cover: images/mooring-cover.jpg\nOg_image: images/mooring-cover.jpg\n", "")
    )
    out = build_guest(blog, SITEURL=PUBLIC)
    # pontoons.svg and berths-drawio.png come first in the text; slipway.webp is a raster.
    assert og(page(out, "drawing-the-mooring-plan.html")[0], "og:image") == [
        f"{PUBLIC}/images/slipway.webp"
    ]


# -- 7. The author's chosen image stays ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cover"),
    [
        ("tide-tables.html", "tide-cover.jpg"),  # :header_cover: (reST)
        ("drawing-the-mooring-plan.html", "mooring-cover.jpg"),  # Og_image / Cover
        ("winter-berths.html", "winter-cover.jpg"),  # Header_cover
        ("previewing-the-site-before-pushing.html", "preview-card.jpg"),  # Image
        ("pages/about.html", "harbour-default.jpg"),  # the theme's HEADER_COVER
    ],
)
def test_the_cover_front_matter_or_the_theme_names_is_the_og_image(blog, name, cover):
    out = build_guest(blog, **PUBLISH)
    text, _soup = page(out, name)
    assert og(text, "og:image") == [f"{PUBLIC}/images/{cover}"]
    data = extruct.extract(text, base_url=PUBLIC, syntaxes=["json-ld"])["json-ld"]
    images = [node.get("image") for node in data if node.get("image")]
    assert all(f"/images/{cover}" in json.dumps(image) for image in images), images


def test_a_key_the_theme_prints_as_its_og_image_is_the_og_image(blog):
    # The theme's head prints article.banner into og:image: "Banner" names the cover.
    post = blog / "content" / "posts" / "winter-berths.md"
    post.write_text(post.read_text().replace("Header_cover:", "Banner:"), encoding="utf-8")
    out = build_guest(blog, SITEURL=PUBLIC, HEADER_COVER=None)
    assert og(page(out, "winter-berths.html")[0], "og:image") == [
        f"{PUBLIC}/images/winter-cover.jpg"
    ]


def test_without_a_cover_the_drawn_card_is_the_fallback(blog):
    out = build_guest(blog, SITEURL=PUBLIC, HEADER_COVER=None)
    (image,) = og(page(out, "pages/about.html")[0], "og:image")
    assert image.startswith(f"{PUBLIC}/social-cards/")


# -- 8. One of each --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "value", "their_block"),
    [
        ("DISQUS_SITENAME", "harbournotes", "#comments #disqus_thread"),
        ("UTTERANCES_REPO", "ines/harbour", "script[src='https://utteranc.es/client.js']"),
        ("GISCUS_REPO", "ines/harbour", "script[src='https://giscus.app/client.js']"),
        ("ISSO_URL", "https://talk.harbour.example.net", "#isso-thread"),
    ],
)
def test_a_theme_with_its_own_comments_gets_the_reply_links_in_its_block(
    blog, setting, value, their_block
):
    out = build_guest(blog, SITEURL=PUBLIC, **{setting: value})
    for name in ("tide-tables.html", "winter-berths.html", "drawing-the-mooring-plan.html"):
        _text, soup = page(out, name)
        assert len(soup.select("[id=comments]")) <= 1
        assert soup.select(their_block)
        assert not soup.select("section[data-ts-comments]")  # no second comments section
        (joined,) = soup.select("[data-ts-comments]")
        reply = joined.select_one("a[data-ts-reply=email]")
        assert reply["href"].startswith("mailto:ines@example.net?subject=")
        assert joined.find_parent("article") is not None  # inside the post, near its block


def test_without_a_theme_block_the_kit_draws_its_comments_section_once(blog):
    out = build_guest(blog, SITEURL=PUBLIC)
    _text, soup = page(out, "tide-tables.html")
    assert len(soup.select("section#comments[data-ts-comments]")) == 1


@pytest.mark.parametrize(
    ("row", "plugins"), [(True, []), ("share_post", ["pelican.plugins.share_post"])]
)
def test_a_theme_with_its_own_share_row_gets_no_second_one(blog, row, plugins):
    out = build_guest(blog, SITEURL=PUBLIC, SHARE_ROW=row, PLUGINS=with_plugins(*plugins))
    _text, soup = page(out, "winter-berths.html")
    assert soup.select(".share-row a")
    assert not soup.select("[data-ts-share]")


def test_markup_quoted_inside_a_post_switches_nothing_off(blog):
    post = blog / "content" / "posts" / "winter-berths.md"
    quoted = (
        '\n<p>Our old site had <a href="https://twitter.com/intent/tweet?text=hi">a tweet '
        'button</a> and a <span id="disqus_thread">Disqus box</span>.</p>\n'
    )
    post.write_text(post.read_text() + quoted, encoding="utf-8")
    out = build_guest(blog, SITEURL=PUBLIC)
    _text, soup = page(out, "winter-berths.html")
    assert len(soup.select("[data-ts-share]")) == 1
    assert len(soup.select("section#comments[data-ts-comments]")) == 1


# -- 10. Other plugins see the folder written to ---------------------------------------------


def test_pelican_seo_and_sitemap_build_beside_the_safe_build(blog):
    plugins = with_plugins("pelican.plugins.seo", "pelican.plugins.sitemap")
    out = build_guest(
        blog,
        PLUGINS=plugins,
        SEO_ENHANCER=True,
        SEO_REPORT=False,
        SITEMAP={"format": "xml"},
        **PUBLISH,
    )
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}/tide-tables.html</loc>" in sitemap
    assert (out / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")
    assert not list(out.parent.glob(".output-staging*"))


# -- 11. The audit holds only pages to page rules --------------------------------------------


def test_verification_files_redirect_stubs_search_pages_and_code_samples_pass(blog, tmp_path):
    report = tmp_path / "audit.json"
    build_guest(blog, AUDIT_REPORT=str(report), **PUBLISH)
    result = json.loads(report.read_text(encoding="utf-8"))
    kinds = {
        entry["path"].rsplit("output/", 1)[-1]: entry["kind"] for entry in result["page_kinds"]
    }
    assert kinds["google5f1c0ffee0ddba11.html"] == "site-file"
    assert kinds["2019/old-harbour-post.html"] == "redirect"
    assert kinds["search.html"] == "search"
    assert kinds["previewing-the-site-before-pushing.html"] == "article"
    assert result["findings"] == []


def test_a_localhost_link_is_refused_with_what_to_change(blog):
    post = blog / "content" / "posts" / "local-preview.md"
    post.write_text(
        post.read_text().replace("it goes out.", "it goes [out](http://localhost:8000/)."),
        encoding="utf-8",
    )
    with pytest.raises(Exception) as failed:
        build_guest(blog, **PUBLISH)
    message = str(failed.value)
    assert "local URL http://localhost:8000/ in a published page" in message
    assert "fix: link to your own pages with {filename}/… or {static}/…" in message
    assert "build with publishconf.py" not in message
    assert message.count("[publish-urls]") == 1  # the <pre>/<code> samples are not links


@pytest.mark.parametrize(
    ("settings", "their_block"),
    [
        ({"DISQUS_SITENAME": "harbournotes"}, "#disqus_thread"),
        (
            {"ISSO_URL": "https://talk.harbour.example.net", "ISSO_OPTIONS": {}},
            "script[data-isso]",
        ),
    ],
)
def test_reflex_from_pypi_keeps_its_own_comments_and_gets_the_reply_links(
    blog, settings, their_block
):
    from pelican.themes import reflex

    direct = ["index", "tags", "categories", "authors", "archives"]  # reflex has no search
    out = build_guest(
        blog,
        SITEURL=PUBLIC,
        THEME=reflex.path(),
        CC_LICENSE=None,
        DIRECT_TEMPLATES=direct,
        **settings,
    )
    _text, soup = page(out, "winter-berths.html")
    assert len(soup.select(their_block)) == 1
    assert len(soup.select("[id=comments]")) <= 1
    assert not soup.select("section[data-ts-comments]")
    (joined,) = soup.select("[data-ts-comments]")
    assert joined.select_one("a[data-ts-reply=email]")["href"].startswith("mailto:ines@")
