"""Signal handlers of the brand plugin."""

import logging

from pelican.plugins.townsquare.escaping import is_kit_theme

from .generator import BrandGenerator
from .identity import main_bio
from .settings import validate

logger = logging.getLogger(__name__)


def setup(pelican):
    """Validate the identity settings; stop the build listing every problem. Say once when
    the kit's theme will show the main author's initials for want of a photo."""
    settings = pelican.settings
    validate(settings)
    author = str(settings.get("AUTHOR") or "").strip()
    if author and is_kit_theme(settings) and not main_bio(settings).get("photo"):
        logger.warning(
            "brand: the main author %r has no photo, so posts, the author box, the home page "
            "and the social cards show initials; add 'photo': 'images/you.jpg' to their "
            "AUTHORS_BIO entry (docs/brand.md)",
            author,
        )


def get_generators(pelican):
    """Add the generator that writes the palette and puts `brand` in the context."""
    return BrandGenerator
