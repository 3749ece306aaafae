"""Signal handlers of the brand plugin."""

from .generator import BrandGenerator
from .settings import validate


def setup(pelican):
    """Validate the identity settings; stop the build listing every problem."""
    validate(pelican.settings)


def get_generators(pelican):
    """Add the generator that writes the palette and puts `brand` in the context."""
    return BrandGenerator
