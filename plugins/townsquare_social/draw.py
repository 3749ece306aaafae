"""Draw one 1200x630 social card with Pillow: site name, wrapped title, byline, optional logo.

Pure drawing: no caching, no paths decided here (see cards.py).
"""

import io
import os
import unicodedata
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, features

from pelican.plugins.townsquare.files import read_regular

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TITLE_SIZES = (76, 68, 60, 54, 48)  # largest first: shrink until the title fits 3 lines
MAX_LINES = 3
ELLIPSIS = "…"
LOGO_BOX = 96


@lru_cache(maxsize=32)
def _font(path, size):
    # Loading a TrueType file costs more than drawing a line of text; keep the few we use.
    return ImageFont.truetype(path, size)


def _wrap(text, font, width, limit=MAX_LINES + 1):
    """Greedy word wrap by rendered width; words wider than a line are split by character.

    Stops at limit lines: the caller only needs to know whether the title fits MAX_LINES, and
    a 2,000-character title would otherwise be wrapped in full at every size."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width and len(lines) < limit:  # one huge word (a URL)
            cut = _longest_fitting(line, font, width)
            lines.append(line[:cut])
            line = line[cut:]
        if len(lines) >= limit:
            return lines[:limit]
    if line:
        lines.append(line)
    return lines[:limit]


def _longest_fitting(text, font, width):
    """The length of the longest prefix of text (at least 1) that fits width: a binary search,
    as the rendered width grows with the prefix (one character per step was cubic overall)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(text[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _ellipsize(line, font, width):
    """Shorten the last visible line so that it ends with an ellipsis and still fits."""
    line = line.rstrip()
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1].rstrip()
    return line + ELLIPSIS


def fit_title(title, font_path, width):
    """Return (font, lines): the largest size whose wrap fits MAX_LINES, else the smallest, cut."""
    for size in TITLE_SIZES:
        font = _font(font_path, size)
        lines = _wrap(title, font, width)
        if len(lines) <= MAX_LINES:
            return font, lines
    lines = lines[:MAX_LINES]
    lines[-1] = _ellipsize(lines[-1], font, width)
    return font, lines


def base_direction(text):
    """'rtl' when the first strongly directional character is right-to-left, else 'ltr'."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _paste_logo(card, logo_path):
    stat = os.stat(logo_path)
    logo = _logo(logo_path, stat.st_mtime_ns, stat.st_size)
    card.paste(logo, (WIDTH - MARGIN - logo.width, MARGIN - 16), logo)


@lru_cache(maxsize=4)
def _logo(path, _mtime, _size):
    """The logo as an RGBA thumbnail, decoded and scaled once per file version: a site with
    2,000 tag pages draws 2,000 cards, and decoding the logo was a fifth of each."""
    with Image.open(io.BytesIO(read_regular(path))) as logo:
        logo = logo.convert("RGBA")
    logo.thumbnail((LOGO_BOX, LOGO_BOX))
    return logo


def draw_card(spec, target):
    """Render spec (a CardSpec) to a PNG file at target."""
    colours = spec.colours
    card = Image.new("RGB", (WIDTH, HEIGHT), colours["background"])
    pen = ImageDraw.Draw(card)
    pen.rectangle((0, 0, 24, HEIGHT), fill=colours["accent"])
    small = _font(spec.font, 34)
    pen.text((MARGIN, MARGIN), spec.site_name, font=small, fill=colours["accent"])
    if spec.logo:
        _paste_logo(card, spec.logo)
    title_width = WIDTH - 2 * MARGIN
    font, lines = fit_title(spec.title, spec.font_bold, title_width)
    line_height = int(font.size * 1.22)
    # Each wrapped line is laid out on its own; give every line the title's direction so a
    # line that starts with a Hebrew word keeps the order of an English title (needs raqm).
    direction = {"direction": base_direction(spec.title)} if features.check("raqm") else {}
    top = MARGIN + 90 + (MAX_LINES - len(lines)) * line_height // 2
    for index, line in enumerate(lines):
        position = (MARGIN, top + index * line_height)
        pen.text(position, line, font=font, fill=colours["foreground"], **direction)
    if spec.byline:
        byline_font = _font(spec.font, 32)
        byline = spec.byline
        if byline_font.getlength(byline) > title_width:
            byline = _ellipsize(byline, byline_font, title_width)
        pen.text(
            (MARGIN, HEIGHT - MARGIN - 32), byline, font=byline_font, fill=colours["foreground"]
        )
    # A card is a few flat colours plus anti-aliasing: a 128-colour palette PNG looks the same,
    # is about 60 % smaller and is faster to encode than full RGB.
    palette = card.quantize(colors=128, method=Image.Quantize.FASTOCTREE)
    palette.save(target, "PNG")
