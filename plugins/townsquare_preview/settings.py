"""Declared settings of the preview plugin, their defaults and one validation pass."""

from pelican.plugins.townsquare.kit import is_production
from pelican.plugins.townsquare.settings import Setting, SettingsError, boolean, problems, refuse

from .networks import NETWORK_NAMES


class PreviewSettingsError(SettingsError, ValueError):
    """One or more PREVIEW_* settings are invalid; the message lists every problem."""


def _save_as(value):
    """An output path pattern holding {slug} and ending in .html."""
    ok = isinstance(value, str) and "{slug}" in value and value.endswith(".html")
    return None if ok and not value.startswith("/") else "must look like 'preview/{slug}.html'"


def _networks(value):
    """A non-empty tuple/list of known network names."""
    if not isinstance(value, list | tuple) or not value:
        return "must be a non-empty tuple of network names"
    unknown = [name for name in value if name not in NETWORK_NAMES]
    return f"has unknown name(s) {unknown}" if unknown else None


#: PREVIEW_ENABLED and PREVIEW_LIVE_RELOAD default to "a local build" (None here): a build for
#: a local address gets the authoring aids; a production build (PUBLISH, or a public SITEURL as
#: real publishconf.py files set without PUBLISH) never carries them.
DERIVED = ("PREVIEW_ENABLED", "PREVIEW_LIVE_RELOAD")
SETTINGS = (
    Setting("PREVIEW_ENABLED", None, boolean, "True or False (default: True for a local SITEURL)"),
    Setting(
        "PREVIEW_LIVE_RELOAD", None, boolean, "True or False (default: True for a local SITEURL)"
    ),
    Setting(
        "PREVIEW_SAVE_AS",
        "preview/{slug}.html",
        _save_as,
        "a relative path with {slug}, ending .html",
    ),
    Setting(
        "PREVIEW_NETWORKS",
        NETWORK_NAMES,
        _networks,
        f"a tuple drawn from {list(NETWORK_NAMES)}",
    ),
)


def apply_defaults_and_validate(settings):
    """Fill in defaults, then raise PreviewSettingsError listing every invalid setting."""
    for name in DERIVED:
        settings.setdefault(name, not is_production(settings))
    refuse(PreviewSettingsError, "preview", problems(settings, SETTINGS))
