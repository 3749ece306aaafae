"""Make it yours (plugins/brand): the palette from BRAND_COLOR, logo, favicon, photos, intro."""

import logging
import re
import shutil

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import BLOG, ROOT, make_settings, run_build
from pelican import Pelican
from pelican.plugins.townsquare_brand.palette import palette
from social_helpers import jsonld_of, read_social

SITEURL = "http://127.0.0.1:8000"
SAMPLES = ("#0f766e", "#f4b942", "#e11d48", "#ffffff", "#111111", "#0b57d0", "#7c3aed")


def read(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _ratio(a, b):
    """WCAG 2 contrast, written out here independently of the plugin's colour module."""

    def lum(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", SAMPLES)
def test_every_text_colour_passes_aa_in_both_schemes(colour):
    for scheme in palette(colour):
        v = scheme.variables
        pairs = [(text, bg) for text in ("fg", "muted", "accent") for bg in ("bg", "soft")]
        failing = [(t, b) for t, b in pairs if _ratio(v[t], v[b]) < 4.5]
        assert failing == [], scheme.name
        assert _ratio(v["on-accent"], v["accent"]) >= 4.5, scheme.name


def test_a_passing_brand_colour_is_used_as_given_in_light_mode():
    light, dark = palette("#0f766e")
    assert (light.variables["accent"], light.notes) == ("#0f766e", ())
    assert dark.variables["accent"] != "#0f766e"  # too dark on a dark page: lightened


def test_pale_brand_colour_is_darkened_and_the_adjustment_reported(build_site, caplog):
    caplog.set_level(logging.INFO, logger="pelican.plugins.townsquare_brand.generator")
    out = build_site(BRAND_COLOR="#f4b942")
    css = (out / "theme/townsquare/palette.css").read_text(encoding="utf-8")
    light = dict(re.findall(r"--([a-z-]+):(#[0-9a-f]{6})", css.split("@media")[0]))
    assert light["brand"] == "#f4b942"
    assert light["accent"] != "#f4b942" and _ratio(light["accent"], light["bg"]) >= 4.5
    messages = [r.getMessage() for r in caplog.records]
    assert any(
        m.startswith("brand: BRAND_COLOR light scheme: #f4b942 has 1.64:1") for m in messages
    )
    page = read(out / "index.html")
    assert [link["href"] for link in page.select("link[rel=stylesheet]")][-1] == (
        f"{SITEURL}/theme/townsquare/palette.css"
    )


def test_logo_in_the_header_and_as_favicon(sample_site):
    page = read(sample_site / "index.html")
    logo = page.select_one("header .site-brand img.site-logo")
    assert logo["src"] == f"{SITEURL}/images/townsquare-logo.png"
    assert (logo["alt"], logo["width"], logo["height"]) == ("", "40", "40")
    assert page.select_one(".site-brand").get_text(" ", strip=True) == "Townsquare"
    icon = page.select_one("link[rel=icon]")
    assert (icon["href"], icon["type"]) == (logo["src"], "image/png")
    assert (sample_site / "images/townsquare-logo.png").is_file()


def test_without_logo_a_monogram_is_drawn_and_used_as_favicon(build_site):
    out = build_site(SITELOGO=None, SITENAME="Open Door")
    page = read(out / "posts/listening-tours.html")
    assert page.select_one(".site-brand .monogram").get_text() == "O"
    icon = page.select_one("link[rel=icon]")
    assert (icon["href"], icon["type"]) == (
        f"{SITEURL}/theme/townsquare/monogram.svg",
        "image/svg+xml",
    )
    svg = (out / "theme/townsquare/monogram.svg").read_text(encoding="utf-8")
    assert '<rect width="32" height="32" rx="7" fill="#0f766e"/>' in svg
    assert svg.endswith(">O</text></svg>\n")


def test_favicon_setting_wins_over_the_logo(build_site):
    out = build_site(FAVICON="images/community-square.png")
    icon = read(out / "about.html").select_one("link[rel=icon]")
    assert icon["href"] == f"{SITEURL}/images/community-square.png"


def test_author_photo_and_initials_fallback(build_site):
    bios = make_settings("/tmp/unused")["AUTHORS_BIO"]
    bios["amara-okafor"]["photo"] = "images/listening-tour.png"
    out = build_site(AUTHORS_BIO=bios)
    amara = read(out / "posts/listening-tours.html").select_one(".author-box .avatar")
    assert (amara.name, amara["src"]) == ("img", f"{SITEURL}/images/listening-tour.png")
    lukas = read(out / "posts/community-is-not-a-channel.html").select_one(".author-box .avatar")
    assert (lukas.name, lukas.get_text(), lukas["aria-hidden"]) == ("span", "LB", "true")
    hero = read(out / "index.html").select_one(".hero .avatar")
    assert hero["src"] == f"{SITEURL}/images/listening-tour.png"


def test_home_intro_is_the_main_authors_bio_or_the_setting(sample_site, build_site):
    hero = read(sample_site / "index.html").select_one(".hero")
    assert hero.select_one("h1").get_text() == (
        "Leaders who write to start conversations, not to broadcast."
    )
    assert hero.select_one(".hero-lead").get_text() == (
        "CEO. Writes about leading in the open and answering the hard questions first."
    )
    out = build_site(HOME_INTRO="I run <Townsquare> & write here.")
    assert read(out / "index.html").select_one(".hero-lead").get_text() == (
        "I run <Townsquare> & write here."
    )


def test_home_intro_false_hides_the_introduction(build_site):
    hero = read(build_site(HOME_INTRO=False) / "index.html").select_one(".hero")
    assert hero.select(".hero-lead, .avatar") == []
    assert hero.select("[data-ts-subscribe]")  # the call to subscribe stays


def test_bad_identity_settings_stop_the_build_listing_every_problem(tmp_path):
    bios = make_settings(tmp_path)["AUTHORS_BIO"]
    bios["lukas-brandt"]["photo"] = "images/missing.jpg"
    settings = make_settings(
        tmp_path / "out",
        BRAND_COLOR="teal",
        SITELOGO="images/nope.png",
        FAVICON="/etc/passwd",
        HOME_INTRO=["a list"],
        AUTHORS_BIO=bios,
    )
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value) == (
        "brand: 5 setting problem(s):\n"
        "  - Setting 'BRAND_COLOR': received 'teal'; is not a hex colour; "
        "allowed: a hex colour like '#0f766e' or '#c41'\n"
        "  - Setting 'SITELOGO': received 'images/nope.png'; no such file in a STATIC_PATHS "
        "folder of the content, nor in the theme's static folder; "
        "allowed: None, 'images/logo.png' (content or theme) or an URL\n"
        "  - Setting 'FAVICON': received '/etc/passwd'; must be relative to the content folder "
        "(no leading '/' or '..'); allowed: None (SITELOGO, else a monogram) or a path or URL\n"
        "  - Setting 'HOME_INTRO': received ['a list']; must be text, None (use the main "
        "author's bio) or False (no introduction); "
        "allowed: text, None (the main author's bio) or False\n"
        "  - Setting 'AUTHORS_BIO['lukas-brandt'][\"photo\"]': received 'images/missing.jpg'; "
        "no such file in a STATIC_PATHS folder of the content, nor in the theme's static "
        "folder; allowed: a path like 'images/me.jpg' or an https:// URL"
    )


def test_theme_defaults_are_the_default_brand_palette():
    # Without the brand plugin the theme must look the same as with its default colour.
    from conftest import ROOT

    css = (ROOT / "theme/static/css/townsquare.css").read_text(encoding="utf-8")
    light_css, dark_css = css.split("@media (prefers-color-scheme: dark)")[:2]
    light, dark = palette("#0f766e")
    for scheme, text in ((light, light_css), (dark, dark_css.split("}")[0])):
        found = dict(re.findall(r"--([a-z-]+): (#[0-9a-f]{6})", text))
        expected = {k: v for k, v in scheme.variables.items() if k in found}
        assert found == expected, scheme.name
        assert {"bg", "fg", "muted", "accent", "on-accent"} <= set(found)


def test_a_malformed_logo_url_is_a_setting_problem_not_a_crash(tmp_path):
    # urlsplit raises ValueError on a bad IPv6 host; brand's own URL test let it escape.
    settings = make_settings(tmp_path / "out", SITELOGO="https://[oops/logo.png")
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines()[:2] == [
        "brand: 1 setting problem(s):",
        "  - Setting 'SITELOGO': received 'https://[oops/logo.png'; no such file in a "
        "STATIC_PATHS folder of the content, nor in the theme's static folder; "
        "allowed: None, 'images/logo.png' (content or theme) or an URL",
    ]


def test_a_logo_from_the_themes_static_folder_is_one_file_for_header_cards_and_feeds(tmp_path):
    # The brand plugin accepts a SITELOGO from the theme's static folder. The social plugin
    # then refused it as the card logo (failing the build) and the feeds pointed at
    # SITEURL/<path> instead of the theme's static folder.
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    shutil.copy(BLOG / "content" / "images" / "townsquare-logo.png", theme / "static" / "ours.png")
    out = run_build(tmp_path / "out", THEME=str(theme), SITELOGO="ours.png", FAVICON=None)
    logo = f"{SITEURL}/theme/ours.png"
    assert (out / "theme" / "ours.png").is_file()
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.select_one('link[rel="icon"]')["href"] == logo
    feed = feedparser.parse(out / "feeds" / "all.atom.xml")
    assert (feed.feed.logo, feed.feed.get("icon")) == (logo, None)  # FAVICON None: no icon
    assert list((out / "social-cards").glob("*.png"))
    post = read_social(out / "posts" / "listening-tours.html")
    assert jsonld_of(post, "BlogPosting")["publisher"]["logo"]["url"] == logo


def test_an_svg_logo_is_the_sites_icon_and_the_cards_go_without_it(tmp_path, content_copy):
    # An SVG SITELOGO (which brand accepts) crashed the build with Pillow's
    # UnidentifiedImageError: cards are drawn with PNG/JPEG logos only.
    svg = content_copy / "images" / "mark.svg"
    shutil.copy(ROOT / "theme" / "static" / "img" / "favicon.svg", svg)
    out = run_build(tmp_path / "out", PATH=str(content_copy), SITELOGO="images/mark.svg")
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.select_one('link[rel="icon"]')["href"] == f"{SITEURL}/images/mark.svg"
    assert list((out / "social-cards").glob("*.png"))


def test_an_svg_card_logo_is_a_setting_problem_not_a_crash(tmp_path):
    settings = make_settings(tmp_path / "out", SOCIAL_CARD_LOGO="theme/img/favicon.svg")
    with pytest.raises(Exception) as failure:
        Pelican(settings)
    assert str(failure.value).splitlines() == [
        "social: 1 setting problem(s):",
        "  - Setting 'SOCIAL_CARD_LOGO': received 'theme/img/favicon.svg'; "
        "allowed: '' or a PNG/JPEG path inside the content folder",
    ]


def _photo_warnings(caplog):
    return [r.getMessage() for r in caplog.records if "has no photo" in r.getMessage()]


def test_the_main_author_without_a_photo_is_said_once(tmp_path, caplog, monkeypatch):
    from pelican.log import LimitFilter

    monkeypatch.setattr(LimitFilter, "_raised_messages", set())  # it drops repeats per process
    caplog.set_level(logging.WARNING)
    bios = make_settings(tmp_path / "unused")["AUTHORS_BIO"]
    without = {slug: {k: v for k, v in e.items() if k != "photo"} for slug, e in bios.items()}
    out = run_build(tmp_path / "output", AUTHORS_BIO=without)
    assert _photo_warnings(caplog) == [
        "brand: the main author 'Amara Okafor' has no photo, so posts, the author box, the "
        "home page and the social cards show initials; add 'photo': 'images/you.jpg' to their "
        "AUTHORS_BIO entry (docs/brand.md)"
    ]
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.select(".avatar.initials")


def test_the_sample_authors_photo_is_shown_and_nothing_is_said(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    out = run_build(tmp_path / "output")
    assert _photo_warnings(caplog) == []
    post = BeautifulSoup(
        (out / "posts" / "listening-tours.html").read_text(encoding="utf-8"), "lxml"
    )
    photos = {img["src"] for img in post.select("img.avatar")}
    assert photos and all(src.endswith("/images/amara-okafor.png") for src in photos)
