"""Build the guest fixture blogs (tests/fixtures/guest/): real blogs' shapes, the kit added.

Each blog adds the kit the way its owner would (``PLUGINS += ["townsquare"]``), so the builds
need the kit_discoverable fixture (conftest.py) in the editable development install.
"""

import sys
from pathlib import Path

from conftest import FIXTURES, reset_plugin_signals
from pelican import Pelican
from pelican.settings import read_settings

GUEST = FIXTURES / "guest"


def guest_settings(blog, conf, output, **overrides):
    """Read blog's settings file conf (its own paths) with the output and caches in output's
    folder; publishconf.py files import pelicanconf, so no other blog's may be cached."""
    for name in ("pelicanconf", "publishconf"):
        sys.modules.pop(name, None)
    output = Path(output)
    base = {
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "pelican-cache"),
        "LOAD_CONTENT_CACHE": False,
        "SOCIAL_CARD_CACHE": str(output.parent / "card-cache"),
    }
    return read_settings(str(GUEST / blog / conf), override={**base, **overrides})


def build_guest(blog, conf, output, **overrides):
    """Build blog with its settings file conf into output (a real Pelican run); the output."""
    settings = guest_settings(blog, conf, output, **overrides)
    reset_plugin_signals()
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


def build_plain(blog, conf, output, plugins):
    """The same blog built by Pelican alone (the kit left out of PLUGINS): what it published
    before the kit came."""
    settings = guest_settings(blog, conf, output, PLUGINS=plugins)
    reset_plugin_signals()
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


#: Each guest blog's post pages, relative to its output.
POSTS = {
    "disqus-notes": ("on-call-rotations.html", "golden-paths.html", "dependency-budget.html"),
    "links-only": (
        "smaller-batches-calmer-releases.html",
        "keeping-the-review-queue-short.html",
        "notes-on-build-tooling.html",
    ),
}
