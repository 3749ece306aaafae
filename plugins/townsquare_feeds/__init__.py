"""Atom, RSS and JSON feeds written with feedgen, plus the subscribe point (issue 6)."""

from pelican import signals

from pelican.plugins.townsquare.assets import extend_loader

from .hooks import get_generators, setup


def register():
    """Connect the feeds plugin's signal handlers."""
    signals.generator_init.connect(extend_loader)  # the plugin\'s templates, after the theme\'s
    signals.initialized.connect(setup)
    signals.get_generators.connect(get_generators)
