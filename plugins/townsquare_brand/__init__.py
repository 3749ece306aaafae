"""Make it yours: brand colour (palette checked for contrast), logo, favicon, photos, intro."""

from pelican import signals

from .hooks import get_generators, setup


def register():
    """Connect the brand plugin's signal handlers."""
    signals.initialized.connect(setup)
    signals.get_generators.connect(get_generators)
