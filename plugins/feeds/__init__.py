"""Atom, RSS and JSON feeds written with feedgen, plus the subscribe point. See issue 6."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
