"""The brand plugin's settings ("make it yours"): declared once, validated once at `initialized`.

Paths (SITELOGO, FAVICON, an author's photo) name a file in the content folder inside one of
STATIC_PATHS, or in the theme's static folder, or are full http(s) URLs; see assets.py.
"""

from dataclasses import replace
from functools import partial

from pelican.plugins.townsquare.settings import Setting, SettingsError, problems, refuse

from .assets import path_problem
from .colour import HEX

DEFAULT_COLOR = "#0f766e"


class BrandSettingsError(SettingsError):
    """One or more identity settings are invalid; the message lists every problem."""


def _colour(value, settings):
    return None if isinstance(value, str) and HEX.fullmatch(value) else "is not a hex colour"


def _asset(value, settings):
    # An empty string is "none" too: the scaffold writes SITELOGO = "" for the user to fill in.
    return None if value in (None, "") else path_problem(value, settings)


def _intro(value, settings):
    if value is None or value is False or isinstance(value, str):
        return None
    return "must be text, None (use the main author's bio) or False (no introduction)"


#: The shared Setting shape; these checks take (value, settings): paths are looked up in them.
SETTINGS = (
    Setting("BRAND_COLOR", DEFAULT_COLOR, _colour, "a hex colour like '#0f766e' or '#c41'"),
    Setting("SITELOGO", None, _asset, "None, 'images/logo.png' (content or theme) or an URL"),
    Setting("FAVICON", None, _asset, "None (SITELOGO, else a monogram) or a path or URL"),
    Setting("HOME_INTRO", None, _intro, "text, None (the main author's bio) or False"),
)


def _photo_problems(settings):
    """Problems with AUTHORS_BIO[slug]['photo'] values (the rest is the social plugin's)."""
    bios = settings.get("AUTHORS_BIO") or {}
    found = []
    for slug, entry in bios.items() if isinstance(bios, dict) else ():
        photo = entry.get("photo") if isinstance(entry, dict) else None
        if photo is None:
            continue
        problem = path_problem(photo, settings) if isinstance(photo, str) else "is not text"
        if problem:
            found.append(
                f"Setting 'AUTHORS_BIO[{slug!r}][\"photo\"]': received {photo!r}; {problem}; "
                "allowed: a path like 'images/me.jpg' or an https:// URL"
            )
    return found


def validate(settings):
    """Fill defaults into settings and raise BrandSettingsError listing every problem."""
    declared = [replace(s, check=partial(s.check, settings=settings)) for s in SETTINGS]
    refuse(BrandSettingsError, "brand", problems(settings, declared) + _photo_problems(settings))
    return settings
