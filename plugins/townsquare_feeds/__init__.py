"""Atom, RSS and JSON feeds written with feedgen, plus the subscribe point (issue 6)."""

from pelican import signals

from pelican.plugins.townsquare import kit

from .adopted import skip_pelican_feeds
from .hooks import get_generators, setup


def register():
    """Connect the feeds plugin's signal handlers."""
    kit.connect()  # shared: template lookup, injection into foreign themes
    signals.initialized.connect(setup)
    signals.get_generators.connect(get_generators)
    signals.article_generator_init.connect(skip_pelican_feeds)
