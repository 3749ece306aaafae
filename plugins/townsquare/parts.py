"""The kit's parts, in the order ``PLUGINS += ["townsquare"]`` loads them.

safebuild comes first (it stages the build and checks settings before the others start), the
audit last (it reads what every other part wrote). A part a site also lists by its own name is
registered once: each part connects module-level receivers, and blinker connects a receiver
only once however often ``register()`` runs.
"""

import importlib

from pelican import signals

from . import kit

PARTS = (
    "townsquare_safebuild",
    "townsquare_social",
    "townsquare_share",
    "townsquare_comments",
    "townsquare_feeds",
    "townsquare_brand",
    "townsquare_readnext",
    "townsquare_preview",
    "townsquare_audit",
)
NAMESPACE = "pelican.plugins"
FACE = f"{NAMESPACE}.townsquare"


def register_all():
    """Register every part (the face's register())."""
    # Connected first, so that the parts' own start-up checks see every part in PLUGINS.
    signals.initialized.connect(name_parts)
    kit.connect()
    for part in PARTS:
        importlib.import_module(f"{NAMESPACE}.{part}").register()


def short_name(plugin):
    """'townsquare_share' for 'pelican.plugins.townsquare_share', a module or a short name."""
    return str(getattr(plugin, "__name__", plugin)).rsplit(".", 1)[-1]


def name_parts(pelican):
    """initialized: list every part in PLUGINS by its full name, each once.

    Parts learn which others are loaded from PLUGINS (the front matter keys and settings they
    declare, the policy's form origins); the face loaded them all, so all are named."""
    names = [str(getattr(p, "__name__", p)) for p in pelican.settings.get("PLUGINS") or ()]
    seen = {short_name(name) for name in names}
    names += [f"{NAMESPACE}.{part}" for part in PARTS if part not in seen]
    pelican.settings["PLUGINS"] = names
