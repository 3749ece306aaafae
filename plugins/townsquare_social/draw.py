"""Draw one 1200x630 social card with Pillow: a brand band with the site name and logo, the
title in a serif, and the author's round photo, name and role.

Pure drawing: no caching, no paths decided here (see cards.py).
"""

import io
import os
import unicodedata
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from pelican.plugins.townsquare.files import read_regular

from .geometry import HEIGHT, WIDTH

MARGIN = 80
BAND = 120  # the brand colour's band across the top, holding the site name and the logo
TITLE_SIZES = (80, 72, 64, 56, 50)  # largest first: shrink until the title fits 3 lines
MAX_LINES = 3
ELLIPSIS = "…"
LOGO_BOX = 80
PHOTO = 104
GAP = 32  # between the site name and the logo, the photo and the name
#: Text drawn on the band: whichever of these contrasts most with the brand colour (>= 4.58:1).
ON_BAND = ("#ffffff", "#111111", "#000000")


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


def _fitted(text, font, width):
    """text, or text cut with an ellipsis when it is wider than width."""
    return text if font.getlength(text) <= width else _ellipsize(text, font, width)


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


def _relative_luminance(colour):
    """WCAG 2 relative luminance of a '#rrggbb' colour."""
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_on(background):
    """The colour of ON_BAND with the highest WCAG contrast on background."""
    lum = _relative_luminance(background) + 0.05

    def ratio(colour):
        other = _relative_luminance(colour) + 0.05
        return max(lum, other) / min(lum, other)

    return max(ON_BAND, key=ratio)


def _open(path):
    with Image.open(io.BytesIO(read_regular(path))) as image:
        return image.convert("RGBA")


def _paste_logo(card, logo_path):
    """Paste the logo at the band's right end; return the x where it starts."""
    stat = os.stat(logo_path)
    logo = _logo(logo_path, stat.st_mtime_ns, stat.st_size)
    left = WIDTH - MARGIN - logo.width
    card.paste(logo, (left, (BAND - logo.height) // 2), logo)
    return left


@lru_cache(maxsize=4)
def _logo(path, _mtime, _size):
    """The logo as an RGBA thumbnail, decoded and scaled once per file version: a site with
    2,000 tag pages draws 2,000 cards, and decoding the logo was a fifth of each."""
    logo = _open(path)
    logo.thumbnail((LOGO_BOX, LOGO_BOX))
    return logo


def _paste_photo(card, photo_path, top):
    """Paste the photo cropped to a circle (anti-aliased edge) at (MARGIN, top)."""
    photo = ImageOps.fit(_open(photo_path), (PHOTO, PHOTO), Image.Resampling.LANCZOS)
    big = Image.new("L", (PHOTO * 4, PHOTO * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, PHOTO * 4 - 1, PHOTO * 4 - 1), fill=255)
    mask = big.resize((PHOTO, PHOTO), Image.Resampling.LANCZOS)
    alpha = Image.composite(photo.getchannel("A"), Image.new("L", mask.size, 0), mask)
    card.paste(photo, (MARGIN, top), alpha)


def _draw_band(card, pen, spec):
    pen.rectangle((0, 0, WIDTH, BAND), fill=spec.colours["accent"])
    right = _paste_logo(card, spec.logo) - GAP if spec.logo else WIDTH - MARGIN
    font = _font(spec.font_bold, 38)
    name = _fitted(spec.site_name, font, right - MARGIN)  # cut before the logo, never under it
    pen.text(
        (MARGIN, BAND // 2), name, font=font, fill=text_on(spec.colours["accent"]), anchor="lm"
    )


def _draw_byline(card, pen, spec):
    top = HEIGHT - 56 - PHOTO
    left = MARGIN
    if spec.photo:
        _paste_photo(card, spec.photo, top)
        left += PHOTO + GAP
    width = WIDTH - MARGIN - left
    name_font, role_font = _font(spec.font_bold, 36), _font(spec.font, 30)
    middle = top + PHOTO // 2
    colour = spec.colours["foreground"]
    if spec.role:
        pen.text(
            (left, middle - 4),
            _fitted(spec.byline, name_font, width),
            font=name_font,
            fill=colour,
            anchor="ls",
        )
        pen.text(
            (left, middle + 8),
            _fitted(spec.role, role_font, width),
            font=role_font,
            fill=colour,
            anchor="lt",
        )
    elif spec.byline:
        pen.text(
            (left, middle),
            _fitted(spec.byline, name_font, width),
            font=name_font,
            fill=colour,
            anchor="lm",
        )


def draw_card(spec, target):
    """Render spec (a CardSpec) to a PNG file at target."""
    card = Image.new("RGB", (WIDTH, HEIGHT), spec.colours["background"])
    pen = ImageDraw.Draw(card)
    _draw_band(card, pen, spec)
    font, lines = fit_title(spec.title, spec.title_font or spec.font_bold, WIDTH - 2 * MARGIN)
    line_height = int(font.size * 1.15)
    # Each wrapped line is laid out on its own; give every line the title's direction so a
    # line that starts with a Hebrew word keeps the order of an English title (needs raqm).
    direction = {"direction": base_direction(spec.title)} if features.check("raqm") else {}
    for index, line in enumerate(lines):
        position = (MARGIN, BAND + 48 + index * line_height)
        pen.text(position, line, font=font, fill=spec.colours["foreground"], **direction)
    _draw_byline(card, pen, spec)
    # A card is a few flat colours plus anti-aliasing (and a small photo): a 256-colour palette
    # PNG looks the same, is much smaller and is faster to encode than full RGB.
    palette = card.quantize(colors=256 if spec.photo else 128, method=Image.Quantize.FASTOCTREE)
    palette.save(target, "PNG")
