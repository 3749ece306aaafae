"""The social card as people see it: read from the PNG a real build wrote (pixels, not code).

A brand-colour band with the site name (>= 4.5:1, cut before the logo), the title, and the
author's round photo with name and role."""

import shutil

import lxml.html
import pytest
from conftest import FIXTURES, ROOT, run_build
from PIL import Image, ImageDraw

LOGO = FIXTURES / "blog" / "content" / "images" / "townsquare-logo.png"
PHOTO_RED = (211, 47, 47)
LONG_NAME = "Townsquare: notes on leading in the open, answering the hard questions first"
POST = """Title: Answering the hard questions first
Date: 2026-02-09 09:30
Category: Community
Author: Amara Okafor
Slug: hard-questions

Why we answer in public.
"""


def _hex(rgb):
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _luminance(rgb):
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _near(a, b, step=4):
    return all(abs(x - y) <= step for x, y in zip(a, b, strict=True))


def build_card(tmp_path, name, brand="#1e3a5f", sitename="Townsquare", photo=True):
    """Build a one-post site and return its article card as an RGB image."""
    content = tmp_path / name / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    (content / "posts" / "post.md").write_text(POST, encoding="utf-8")
    shutil.copy(LOGO, content / "images" / "logo.png")
    portrait = Image.new("RGB", (240, 300), PHOTO_RED)
    ImageDraw.Draw(portrait).ellipse((60, 50, 180, 170), fill=(240, 200, 160))
    portrait.save(content / "images" / "amara.png")
    bio = {"name": "Amara Okafor", "role": "Chief executive, Townsquare"}
    if photo:
        bio["photo"] = "images/amara.png"
    out = run_build(
        tmp_path / name / "output",
        PATH=str(content),
        SITENAME=sitename,
        SITELOGO="images/logo.png",
        BRAND_COLOR=brand,
        AUTHORS_BIO={"amara-okafor": bio},
        SOCIAL_CARD_CACHE=str(tmp_path / "cache"),
    )
    html = lxml.html.parse(str(out / "posts" / "hard-questions.html"))
    url = html.xpath("//meta[@property='og:image']/@content")[0]
    card = out / "social-cards" / url.rsplit("/", 1)[1]
    with Image.open(card) as image:
        return image.convert("RGB")


def _band_height(card, brand):
    """Rows from the top whose left edge is the brand colour."""
    rows = 0
    while _near(card.getpixel((2, rows)), brand):
        rows += 1
    return rows


def _ink_columns(card, band, height):
    """Clusters (start, end) of band columns holding anything but the band colour."""
    columns = [
        x
        for x in range(card.width)
        if any(not _near(card.getpixel((x, y)), band, 10) for y in range(8, height - 8))
    ]
    clusters = [[columns[0], columns[0]]]
    for x in columns[1:]:
        if x - clusters[-1][1] > 24:
            clusters.append([x, x])
        clusters[-1][1] = x
    return [tuple(c) for c in clusters]


@pytest.mark.parametrize("brand", ["#1e3a5f", "#ff6b00", "#2e7d32", "#f5b94a"])
def test_the_brand_colour_is_a_band_and_the_site_name_on_it_reaches_aa(tmp_path, brand):
    card = build_card(tmp_path, "site", brand)
    rgb = tuple(int(brand[i : i + 2], 16) for i in (1, 3, 5))
    height = _band_height(card, rgb)
    assert 90 <= height <= 160  # a real band, full width
    assert all(_near(card.getpixel((x, 4)), rgb) for x in range(0, card.width, 50))
    # The name's ink: the pixel of the text area that contrasts most with the band.
    name_area = card.crop((0, 0, card.width // 2, height))
    colours = {colour for _count, colour in name_area.getcolors(1 << 16)}
    ink = max(colours, key=lambda c: _contrast(c, rgb))
    assert _contrast(ink, rgb) >= 4.5, (_hex(ink), brand)


def test_a_long_site_name_is_cut_before_the_logo(tmp_path):
    short = build_card(tmp_path, "short")
    long = build_card(tmp_path, "long", sitename=LONG_NAME)
    band = short.getpixel((2, 2))
    height = _band_height(short, band)
    logo = _ink_columns(short, band, height)[-1]
    clusters = _ink_columns(long, band, height)
    assert clusters[-1] == logo  # the logo is where it was, untouched
    text_end = clusters[-2][1]
    assert text_end > 700  # the long name really runs long ...
    assert logo[0] - text_end >= 24  # ... and stops before the logo


def test_the_author_photo_is_round_with_name_and_role_beside_it(tmp_path):
    card = build_card(tmp_path, "photo")
    red = [
        (x, y)
        for y in range(card.height // 2, card.height)
        for x in range(card.width // 3)
        if _near(card.getpixel((x, y)), PHOTO_RED, 12)
    ]
    xs, ys = [p[0] for p in red], [p[1] for p in red]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    size = right - left + 1
    assert 80 <= size <= 140 and abs((bottom - top + 1) - size) <= 2  # a square box ...
    background = card.getpixel((card.width - 5, card.height - 5))
    for corner in ((left + 2, top + 2), (right - 2, top + 2), (left + 2, bottom - 2)):
        assert _near(card.getpixel(corner), background, 12)  # ... with round corners
    middle_row = [card.getpixel((x, (top + bottom) // 2)) for x in range(right + 10, 700)]
    ink = [c for c in middle_row if not _near(c, background, 40)]
    assert not ink  # a gap between the name above and the role below the photo's middle
    name_rows = [
        y
        for y in range(top, bottom)
        if any(not _near(card.getpixel((x, y)), background, 40) for x in range(right + 10, 700))
    ]
    assert name_rows and min(name_rows) < (top + bottom) // 2 < max(name_rows)


def test_without_a_photo_the_card_has_no_photo(tmp_path):
    card = build_card(tmp_path, "nophoto", photo=False)
    reds = [
        1
        for y in range(card.height // 2, card.height, 2)
        for x in range(0, card.width // 3, 2)
        if _near(card.getpixel((x, y)), PHOTO_RED, 12)
    ]
    assert reds == []


CARDS = ROOT / "test-artifacts" / "cards"


def test_the_sample_posts_cards_reach_aa_and_are_kept_as_artifacts(sample_site):
    CARDS.mkdir(parents=True, exist_ok=True)
    kept = []
    for post in sorted((sample_site / "posts").glob("*.html")):
        url = lxml.html.parse(str(post)).xpath("//meta[@property='og:image']/@content")[0]
        if "/social-cards/" not in url:
            continue  # the post has an image of its own
        source = sample_site / "social-cards" / url.rsplit("/", 1)[1]
        shutil.copy(source, CARDS / f"{post.stem}.png")
        kept.append(post.stem)
        with Image.open(source) as image:
            card = image.convert("RGB")
        band = card.getpixel((2, 2))
        height = _band_height(card, band)
        area = card.crop((0, 0, card.width // 2, height))
        ink = max((c for _n, c in area.getcolors(1 << 16)), key=lambda c: _contrast(c, band))
        assert height >= 90 and _contrast(ink, band) >= 4.5, (post, _hex(band), _hex(ink))
    assert len(kept) >= 3
