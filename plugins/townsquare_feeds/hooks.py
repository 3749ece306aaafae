"""Signal handlers of the feeds plugin."""

from pelican.plugins.townsquare.assets import use_plugin_files

from .generator import FeedsGenerator
from .settings import validate


def setup(pelican):
    """Validate FEEDS_ and SOCIAL settings; stop the build listing every problem."""
    validate(pelican.settings)
    use_plugin_files(pelican.settings, __file__)


def get_generators(pelican):
    """Add the generator that plans and writes the feeds."""
    return FeedsGenerator
