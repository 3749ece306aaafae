"""What every Townsquare plugin connects, whichever of them a site loads.

Each feature plugin's ``register()`` calls :func:`connect`; blinker connects a receiver only
once, so loading several plugins (or the ``townsquare`` package too) changes nothing.
"""

import logging
from urllib.parse import urlsplit

from pelican import signals

from . import assets, inject, stylesheet

logger = logging.getLogger(__name__)

INJECT_ALLOWED = "True, False, or a list drawn from " + ", ".join(map(repr, inject.PIECES))


LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1")
#: The address `pelican --listen` (and the quickstart Makefile's `make devserver`) serves on.
LOCAL_SITEURL = "http://127.0.0.1:8000"
PUBLISH_FIX = (
    "a published site needs its public address. Fix: run "
    "`SITEURL=https://your.domain make publish` (or set SITEURL in your CI)"
)


class KitSettingsError(Exception):
    """A kit-wide setting is invalid; the message names it, the value and the fix."""

    exitcode = 1


def connect():
    """Connect the kit's shared receivers: settings, template lookup, the interaction
    stylesheet, theme injection."""
    signals.initialized.connect(start)
    signals.generator_init.connect(assets.extend_loader)
    signals.get_generators.connect(stylesheet.get_generators)
    signals.content_written.connect(inject.on_content_written)


def start(pelican):
    """initialized: check the kit-wide settings and register the kit's fallback templates."""
    settings = pelican.settings
    if settings.get("PUBLISH"):
        problem = siteurl_problem(settings.get("SITEURL") or "")
        if problem:
            raise KitSettingsError(f"townsquare: {problem}; {PUBLISH_FIX}")
    elif not (settings.get("SITEURL") or "").strip() and settings.get("RELATIVE_URLS"):
        # pelican-quickstart's development settings: SITEURL = "" with RELATIVE_URLS = True.
        # Links stay relative, and the metadata that must be absolute names the local server.
        # (Without RELATIVE_URLS an empty SITEURL is a site's real address left out: the
        # social plugin names SITEURL and the fix.)
        settings["SITEURL"] = LOCAL_SITEURL
        logger.info(
            "townsquare: SITEURL is empty; this local build gives share metadata the address "
            "of `pelican --listen`, %s (set SITEURL to use another)",
            LOCAL_SITEURL,
        )
    value = settings.setdefault("TOWNSQUARE_INJECT", True)
    valid = isinstance(value, bool) or (
        isinstance(value, list | tuple) and all(v in inject.PIECES for v in value)
    )
    if not valid:
        raise KitSettingsError(
            f"townsquare: Setting 'TOWNSQUARE_INJECT': received {value!r}; "
            f"allowed: {INJECT_ALLOWED}"
        )
    # templates/404.html: a plain "not found" page for themes that have no 404 template.
    assets.use_plugin_files(settings, __file__)


def is_local_address(url):
    """True for an address that only this machine serves: empty, relative, localhost, 127.0.0.1."""
    host = (urlsplit((url or "").strip()).hostname or "").lower()
    return not host or host in LOCAL_HOSTS or host.endswith(".localhost")


def is_production(settings):
    """True for a build others will read: PUBLISH is set or SITEURL is a public address.

    Real publishconf.py files set a public SITEURL but rarely PUBLISH = True, so the address
    decides as well: local-only aids (share previews, live reload) exist only for local ones."""
    return bool(settings.get("PUBLISH")) or not is_local_address(settings.get("SITEURL"))


def siteurl_problem(url):
    """Why url cannot be a published site's address (None when it can)."""
    if not url.strip():
        return "SITEURL is empty"
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"SITEURL {url!r} is not an absolute http(s) URL"
    if is_local_address(url):
        return f"SITEURL {url!r} points at this machine"
    return None
