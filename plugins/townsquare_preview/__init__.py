"""Share preview pages and live reload for local builds: how each post looks when shared."""

from pelican import signals

from .pages import collect_posts, write_previews
from .settings import apply_defaults_and_validate


def _validate(pelican):
    """Fill PREVIEW_* defaults and stop the build on invalid values (initialized)."""
    apply_defaults_and_validate(pelican.settings)


def register():
    """Connect the plugin's signal handlers."""
    signals.initialized.connect(_validate)
    signals.article_generator_finalized.connect(collect_posts)
    signals.finalized.connect(write_previews)
