"""The social plugin's settings: each declared once with its default and what it allows.

Validated once at ``initialized``; every problem (including the author profiles in
``AUTHORS_BIO``) is collected and reported together, and the build stops.
"""

import copy
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.plugins.townsquare.assets import site_path

from .profiles import FEDIVERSE_HANDLE, TWITTER_HANDLE, is_web_url, profile_problems

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
OG_LOCALE = re.compile(r"^[a-z]{2,3}_[A-Z]{2}$")
COLOUR_KEYS = ("background", "foreground", "accent")
PUBLISHER_KEYS = ("type", "name", "url", "logo", "same_as")
#: The front matter keys authors and themes name a post's cover with, most specific first:
#: the first one that names a previewable image is the og:image.
COVER_KEYS = ("og_image", "image", "cover", "header_cover", "featured_image")
#: Themes' site-wide cover settings (pelican-clean-blog's HEADER_COVER...): used for posts
#: that name no image of their own, before a card is drawn.
THEME_COVER_SETTINGS = ("HEADER_COVER",)
#: Front matter keys this plugin reads (safebuild refuses near-misses such as "Image_al").
FRONT_MATTER = ("og_title", "og_description", "description", "image_alt", "canonical", *COVER_KEYS)


class SocialSettingsError(Exception):
    """One or more SOCIAL_ settings (or author profiles) are invalid; the build stops."""

    exitcode = 1


@dataclass(frozen=True)
class Setting:
    """One declared setting: name, default, accepted type and a short rule for its value."""

    name: str
    default: Any
    kind: type | tuple
    allowed: str
    check: Any = None  # callable(value) -> bool, on top of the type check


def _colours_ok(value):
    return set(value) == set(COLOUR_KEYS) and all(
        isinstance(v, str) and HEX_COLOUR.match(v) for v in value.values()
    )


def _publisher_ok(value):
    return (
        set(value) <= set(PUBLISHER_KEYS)
        and value.get("type", "Organization") in ("Organization", "Person")
        and all(isinstance(value.get(k, ""), str) for k in ("name", "url", "logo"))
        and isinstance(value.get("same_as", []), list | tuple)
    )


def _publisher_url_problems(value):
    """url and same_as become links and JSON-LD: only absolute http(s) URLs (any letter case)."""
    if not isinstance(value, dict):
        return []
    urls = [("url", value.get("url"))] if value.get("url") else []
    same_as = value.get("same_as", [])
    if isinstance(same_as, list | tuple):
        urls += [(f"same_as[{i}]", url) for i, url in enumerate(same_as)]
    return [
        f"Setting 'SOCIAL_PUBLISHER': {where} received {url!r}; allowed: an absolute http(s) URL"
        for where, url in urls
        if not is_web_url(url)
    ]


def _handle_or_empty(pattern):
    return lambda value: not value or bool(pattern.match(value))


def _raster(path):
    """True for a PNG or JPEG file name: the logos cards can be drawn with."""
    return path.lower().endswith((".png", ".jpg", ".jpeg"))


def site_logo(settings):
    """SITELOGO as the cards and the JSON-LD publisher can use it, or '': an http(s) URL as it
    is, a PNG/JPEG file as its path in the site (a file of the theme's static folder under
    THEME_STATIC_DIR). An SVG or icon logo stays the site's icon only: Pillow cannot draw or
    measure it."""
    logo = settings.get("SITELOGO")
    if not isinstance(logo, str) or not logo:
        return ""
    if is_web_url(logo):
        return logo
    return site_path(logo, settings) if _raster(logo) else ""


def _font_ok(value):
    return not value or os.path.isfile(value)


def _output_folder_ok(value):
    return bool(value) and not value.startswith(("/", ".")) and ".." not in value


DEFAULT_COLOURS = {"background": "#1d2b3a", "foreground": "#ffffff", "accent": "#f5b94a"}
FONT_RULE = "'' (the bundled font) or a path to a .ttf/.otf file"

SETTINGS = (
    Setting(
        "SOCIAL_DESCRIPTION_LENGTH",
        200,
        int,
        "an integer from 50 to 1000",
        lambda v: 50 <= v <= 1000,
    ),
    Setting(
        "SOCIAL_DEFAULT_IMAGE",
        "",
        str,
        "'' or a path inside the content folder or an absolute http(s) URL",
    ),
    Setting("SOCIAL_DEFAULT_IMAGE_ALT", "", str, "text describing SOCIAL_DEFAULT_IMAGE"),
    Setting(
        "SOCIAL_TWITTER_SITE",
        "",
        str,
        "'' or '@handle' (1-15 letters, digits, _)",
        _handle_or_empty(TWITTER_HANDLE),
    ),
    Setting(
        "SOCIAL_FEDIVERSE_CREATOR",
        "",
        str,
        "'' or '@user@server.example'",
        _handle_or_empty(FEDIVERSE_HANDLE),
    ),
    Setting(
        "SOCIAL_LOCALE",
        "",
        str,
        "'' (derived from LOCALE or DEFAULT_LANG) or like 'en_US'",
        _handle_or_empty(OG_LOCALE),
    ),
    Setting(
        "SOCIAL_PUBLISHER",
        {},
        dict,
        "a dict with keys among type (Organization|Person), name, url, logo, same_as (list)",
        _publisher_ok,
    ),
    Setting("SOCIAL_CARDS", True, bool, "True or False"),
    Setting(
        "SOCIAL_CARD_COLORS",
        DEFAULT_COLOURS,
        dict,
        "a dict with exactly background, foreground, accent as '#rrggbb'",
        _colours_ok,
    ),
    Setting(
        "SOCIAL_CARD_LOGO",
        "",
        str,
        "'' or a PNG/JPEG path inside the content folder",
        lambda value: not value or _raster(value),
    ),
    Setting("SOCIAL_CARD_FONT", "", str, FONT_RULE, _font_ok),
    Setting("SOCIAL_CARD_FONT_BOLD", "", str, FONT_RULE, _font_ok),
    Setting(
        "SOCIAL_CARD_CACHE",
        ".cache/social-cards",
        str,
        "a non-empty folder path outside the output folder",
        bool,
    ),
    Setting(
        "SOCIAL_CARD_PATH",
        "social-cards",
        str,
        "a relative folder inside the output, like 'social-cards'",
        _output_folder_ok,
    ),
)


#: A site's brand colour (BRAND_COLOR, '#rrggbb' or '#rgb'), when well formed, is the cards'
#: accent.
BRAND_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _six_digits(colour):
    """'#rrggbb' in lower case from '#rgb' or '#rrggbb'."""
    digits = colour[1:].lower()
    return "#" + ("".join(d * 2 for d in digits) if len(digits) == 3 else digits)


def apply_defaults(settings):
    """Fill every undeclared SOCIAL_ setting with its default (a copy, never shared).

    Identity comes from the site-wide settings unless overridden here: SITELOGO is the card
    logo (SOCIAL_CARD_LOGO) and BRAND_COLOR the cards' accent colour (SOCIAL_CARD_COLORS).
    """
    brand = settings.get("BRAND_COLOR")
    well_formed = isinstance(brand, str) and BRAND_HEX.fullmatch(brand)
    if "SOCIAL_CARD_COLORS" not in settings and well_formed:
        settings["SOCIAL_CARD_COLORS"] = {**DEFAULT_COLOURS, "accent": _six_digits(brand)}
    if "SOCIAL_CARD_LOGO" not in settings:
        logo = site_logo(settings)
        settings["SOCIAL_CARD_LOGO"] = "" if is_web_url(logo) else logo  # cards draw files
    for setting in SETTINGS:
        settings.setdefault(setting.name, copy.deepcopy(setting.default))


def _cache_problem(settings, outputs):
    """The card cache must not live inside the output (wiped on every build) nor the content
    folder (published with the site)."""
    cache = Path(settings.get("SOCIAL_CARD_CACHE") or ".").resolve()
    for output in {Path(o).resolve() for o in outputs if o}:
        if cache == output or output in cache.parents:
            return (
                f"Setting 'SOCIAL_CARD_CACHE': received {settings['SOCIAL_CARD_CACHE']!r} "
                f"({cache}); "
                f"allowed: a folder outside the output folder {output}"
            )
    content = settings.get("PATH")
    if isinstance(content, str) and content:
        folder = Path(content).resolve()
        if cache == folder or folder in cache.parents:
            return (
                f"Setting 'SOCIAL_CARD_CACHE': received {settings['SOCIAL_CARD_CACHE']!r}, "
                f"inside the content folder {content}, so every cached card would be "
                "published; allowed: a folder outside it, e.g. '.cache/social-cards'"
            )
    return None


def problems(settings, outputs=()):
    """Return one message per invalid SOCIAL_ setting or author profile (empty when all good).

    outputs are the output folders of the build (the card cache must be outside them).
    """
    found = []
    for setting in SETTINGS:
        value = settings.get(setting.name, setting.default)
        bad_type = not isinstance(value, setting.kind) or (
            setting.kind is int and isinstance(value, bool)
        )
        if bad_type or (setting.check and not setting.check(value)):
            found.append(
                f"Setting '{setting.name}': received {value!r}; allowed: {setting.allowed}"
            )
    # Misspelt SOCIAL_* names are refused for every plugin alike by safebuild (typos.py).
    found.extend(_publisher_url_problems(settings.get("SOCIAL_PUBLISHER")))
    found.extend(profile_problems(settings.get("AUTHORS_BIO") or {}))
    if isinstance(settings.get("SOCIAL_CARD_CACHE"), str) and settings["SOCIAL_CARD_CACHE"]:
        found.append(_cache_problem(settings, outputs))
    return [problem for problem in found if problem]


def validate(settings, outputs=()):
    """Apply defaults, then raise SocialSettingsError listing every problem at once."""
    apply_defaults(settings)
    found = problems(settings, outputs)
    if found:
        lines = "\n".join(f"  - {p}" for p in found)
        raise SocialSettingsError(f"social: {len(found)} setting problem(s):\n{lines}")
