"""What every Townsquare plugin connects, whichever of them a site loads.

Each feature plugin's ``register()`` calls :func:`connect`; blinker connects a receiver only
once, so loading several plugins (or the ``townsquare`` package too) changes nothing.
"""

from urllib.parse import urlsplit

from pelican import signals

from . import assets, inject

INJECT_ALLOWED = "True, False, or a list drawn from " + ", ".join(map(repr, inject.PIECES))


LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1")
PUBLISH_FIX = (
    "a published site needs its public address. Fix: run "
    "`SITEURL=https://your.domain make publish` (or set SITEURL in your CI)"
)


class KitSettingsError(Exception):
    """A kit-wide setting is invalid; the message names it, the value and the fix."""

    exitcode = 1


def connect():
    """Connect the kit's shared receivers: settings, template lookup, theme injection."""
    signals.initialized.connect(start)
    signals.generator_init.connect(assets.extend_loader)
    signals.content_written.connect(inject.on_content_written)


def start(pelican):
    """initialized: check the kit-wide settings and register the kit's fallback templates."""
    settings = pelican.settings
    if settings.get("PUBLISH"):
        problem = siteurl_problem(settings.get("SITEURL") or "")
        if problem:
            raise KitSettingsError(f"townsquare: {problem}; {PUBLISH_FIX}")
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


def siteurl_problem(url):
    """Why url cannot be a published site's address (None when it can)."""
    if not url.strip():
        return "SITEURL is empty"
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"SITEURL {url!r} is not an absolute http(s) URL"
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return f"SITEURL {url!r} points at this machine"
    return None
