"""Comment embeds (click-to-load) with a no-JS reply fallback, and the site's CSP (issue 5)."""

from pelican import signals

from pelican.plugins.townsquare import kit

from .hooks import attach_area, get_generators, setup


def register():
    """Connect the comments plugin's signal handlers."""
    kit.connect()  # shared: template lookup, injection into foreign themes
    signals.initialized.connect(setup)
    signals.content_object_init.connect(attach_area)
    signals.get_generators.connect(get_generators)
