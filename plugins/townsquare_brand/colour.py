"""Colour arithmetic for the palette: sRGB hex values, WCAG 2 contrast, mixing."""

import colorsys
import re

#: Use with fullmatch: "^...$" with match() also accepts a final newline.
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse(value):
    """(r, g, b) in 0..255 from '#rgb' or '#rrggbb'."""
    digits = value.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def to_hex(rgb):
    """'#rrggbb' (lowercase) for an (r, g, b) triple, rounded and clamped."""
    return "#" + "".join(f"{min(255, max(0, round(c))):02x}" for c in rgb)


def luminance(rgb):
    """WCAG 2 relative luminance of an (r, g, b) triple."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """WCAG 2 contrast ratio between two hex colours (1.0 to 21.0)."""
    high, low = sorted((luminance(parse(a)), luminance(parse(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a, b, share):
    """Hex colour `share` (0..1) of the way from a to b."""
    pa, pb = parse(a), parse(b)
    return to_hex(x + (y - x) * share for x, y in zip(pa, pb, strict=True))


def lighter(colour, share):
    """colour with its HLS lightness moved `share` (0..1) of the way to white, hue and
    saturation kept (mixing with white would turn a navy into grey)."""
    hue, light, saturation = colorsys.rgb_to_hls(*(c / 255 for c in parse(colour)))
    rgb = colorsys.hls_to_rgb(hue, light + (1 - light) * share, saturation)
    return to_hex(c * 255 for c in rgb)


def fit(colour, backgrounds, target, toward):
    """colour moved toward `toward` in small steps until it reaches `target` on every background.

    Returns colour itself when it already passes; `toward` is black for light schemes and
    white for dark ones (lightened in HLS, so the hue and its saturation are kept).
    """
    for step in range(0, 101):
        share = step / 100
        candidate = lighter(colour, share) if toward == "#ffffff" else mix(colour, toward, share)
        if all(contrast(candidate, bg) >= target for bg in backgrounds):
            return candidate
    return toward
