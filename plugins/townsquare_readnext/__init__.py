"""Read next: the previous and next post and up to three related posts, computed at build time."""

from pelican import signals

from pelican.plugins.townsquare.assets import extend_loader

from .hooks import attach, setup


def register():
    """Connect the read-next plugin's signal handlers."""
    signals.generator_init.connect(extend_loader)  # the plugin's templates, after the theme's
    signals.initialized.connect(setup)
    signals.article_generator_finalized.connect(attach)
