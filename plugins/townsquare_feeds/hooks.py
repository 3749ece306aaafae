"""Signal handlers of the feeds plugin."""

from .generator import FeedsGenerator
from .settings import validate


def setup(pelican):
    """Validate FEEDS_ and SOCIAL settings; stop the build listing every problem."""
    validate(pelican.settings)


def get_generators(pelican):
    """Add the generator that plans and writes the feeds."""
    return FeedsGenerator
