"""Share preview pages and live reload for local builds: how each post looks when shared."""

from pelican import signals

from pelican.plugins.townsquare import kit
from pelican.plugins.townsquare.assets import use_plugin_files

from .pages import collect_posts, write_previews
from .settings import apply_defaults_and_validate


def _validate(pelican):
    """Fill PREVIEW_* defaults and stop the build on invalid values (initialized)."""
    apply_defaults_and_validate(pelican.settings)
    use_plugin_files(pelican.settings, __file__)


def register():
    """Connect the plugin's signal handlers."""
    kit.connect()  # shared: template lookup, injection into foreign themes
    signals.initialized.connect(_validate)
    signals.article_generator_finalized.connect(collect_posts)
    signals.finalized.connect(write_previews)
