"""Atom, RSS and JSON feeds written with feedgen, plus the subscribe point (issue 6)."""

from pelican import signals

from .hooks import get_generators, setup


def register():
    """Connect the feeds plugin's signal handlers."""
    signals.initialized.connect(setup)
    signals.get_generators.connect(get_generators)
