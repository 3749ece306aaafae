"""Replies: the conversation a post started on Mastodon and Bluesky, baked into its page."""

from pelican import signals

from pelican.plugins.townsquare.assets import extend_loader

from .hooks import attach, finish, setup


def register():
    """Connect the replies plugin's signal handlers."""
    signals.generator_init.connect(extend_loader)  # the plugin's templates, after the theme's
    signals.initialized.connect(setup)
    signals.all_generators_finalized.connect(attach)
    signals.finalized.connect(finish)
