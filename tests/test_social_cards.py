"""Social cards: cached by a hash of their inputs, never redrawn when unchanged; title fitting."""

import logging
import shutil

import pytest
from conftest import FIXTURES, ROOT, run_build
from PIL import Image

SOCIAL = FIXTURES / "social"
FONTS = ROOT / "plugins" / "townsquare_social" / "fonts"
LOGO = FIXTURES / "blog" / "content" / "images" / "townsquare-logo.png"


def card_counts(records):
    """The (drawn, reused) numbers of the social plugin's card report in the log."""
    lines = [r.getMessage() for r in records if " social card(s) drawn, " in r.getMessage()]
    assert len(lines) == 1, lines
    words = lines[0].split()
    return int(words[1]), int(words[5])


def test_second_build_redraws_nothing_and_a_changed_title_one_card(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    content = tmp_path / "content"
    shutil.copytree(SOCIAL, content)
    cache = tmp_path / "cache"
    settings = {"PATH": str(content), "SOCIAL_CARD_CACHE": str(cache)}

    out = run_build(tmp_path / "output", **settings)
    drawn, reused = card_counts(caplog.records)
    assert reused == 0 and drawn == len(list(cache.glob("*.png"))) > 5
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    assert {p.name for p in (out / "social-cards").iterdir()} == set(before)

    caplog.clear()
    out = run_build(tmp_path / "output", **settings)
    assert card_counts(caplog.records) == (0, drawn)
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")} == before
    for card in (out / "social-cards").iterdir():  # copied, byte for byte, from the cache
        assert card.read_bytes() == (cache / card.name).read_bytes()

    plain = content / "posts" / "plain.md"
    plain.write_text(plain.read_text("utf-8").replace("A Plain Post", "A Renamed Post"), "utf-8")
    caplog.clear()
    run_build(tmp_path / "output", **settings)
    assert card_counts(caplog.records) == (1, drawn - 1)


def test_cards_are_1200_by_630_png(tmp_path):
    out = run_build(
        tmp_path / "output", PATH=str(SOCIAL), SOCIAL_CARD_CACHE=str(tmp_path / "cache")
    )
    cards = sorted((out / "social-cards").glob("*.png"))
    assert cards
    for card in cards:
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.parametrize(
    ("brand", "accent"), [("#C41", (204, 68, 17)), ("#2a6f97", (42, 111, 151))]
)
def test_the_brand_colour_is_the_cards_band(tmp_path, brand, accent):
    # The brand plugin allows '#rgb'; the cards kept their default accent for it, silently.
    out = run_build(
        tmp_path / "output",
        PATH=str(SOCIAL),
        SOCIAL_CARD_CACHE=str(tmp_path / "cache"),
        BRAND_COLOR=brand,
    )
    cards = sorted((out / "social-cards").glob("*.png"))
    assert cards
    for card in cards:
        with Image.open(card) as image:
            drawn = image.convert("RGB").getpixel((5, 5))  # the band across the top
        # Cards are saved as palette PNGs: a channel may move by a step or two.
        assert all(abs(a - b) <= 3 for a, b in zip(drawn, accent, strict=True)), (card, drawn)


def test_long_titles_shrink_then_stop_at_three_lines_with_an_ellipsis():
    from pelican.plugins.townsquare_social.draw import MAX_LINES, TITLE_SIZES, fit_title

    bold = str(FONTS / "DejaVuSans-Bold.ttf")
    font, lines = fit_title("Short title", bold, 1040)
    assert (font.size, lines) == (TITLE_SIZES[0], ["Short title"])
    medium = "How we learned to answer the hardest customer questions in public forums first"
    font, lines = fit_title(medium, bold, 1040)
    assert font.size < TITLE_SIZES[0] and len(lines) <= MAX_LINES
    assert " ".join(lines) == medium
    huge = " ".join(["Transparency"] * 40)
    font, lines = fit_title(huge, bold, 1040)
    assert font.size == TITLE_SIZES[-1] and len(lines) == MAX_LINES
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1040 for line in lines)


def test_card_key_changes_with_every_input():
    from pelican.plugins.townsquare_social.cards import CardSpec, card_key

    base = CardSpec(
        title="T",
        site_name="S",
        byline="B",
        colours={"background": "#000000", "foreground": "#ffffff", "accent": "#ff0000"},
        font=str(FONTS / "DejaVuSans.ttf"),
        font_bold=str(FONTS / "DejaVuSans-Bold.ttf"),
    )
    variants = [
        base,
        CardSpec(**{**base.__dict__, "title": "U"}),
        CardSpec(**{**base.__dict__, "byline": "C"}),
        CardSpec(**{**base.__dict__, "colours": {**base.colours, "accent": "#00ff00"}}),
        CardSpec(**{**base.__dict__, "font": base.font_bold}),
        CardSpec(**{**base.__dict__, "logo": str(LOGO)}),
        CardSpec(**{**base.__dict__, "photo": str(LOGO)}),
        CardSpec(**{**base.__dict__, "role": "CEO"}),
        CardSpec(**{**base.__dict__, "title_font": base.font}),
    ]
    keys = [card_key(v) for v in variants]
    assert len(set(keys)) == len(keys)
    assert card_key(base) == keys[0]
