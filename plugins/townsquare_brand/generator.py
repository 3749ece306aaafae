"""The brand generator: puts `brand` in the template context, writes the palette and icon."""

import logging

from pelican.generators import Generator

from pelican.plugins.townsquare.assets import static_url, write_static

from .identity import MONOGRAM, PALETTE, initials, make_brand, monogram_svg
from .palette import css, palette

logger = logging.getLogger(__name__)


class BrandGenerator(Generator):
    """Adds `brand` to the context; writes <THEME_STATIC_DIR>/townsquare/palette.css."""

    def generate_context(self):
        """Compute the palette (reporting contrast adjustments) and the identity values."""
        self.schemes = palette(self.settings["BRAND_COLOR"])
        for scheme in self.schemes:
            for note in scheme.notes:
                logger.info("brand: BRAND_COLOR %s", note)
        base = static_url(self.settings, "").rstrip("/")
        self.context["brand"] = make_brand(self.settings, base)

    def generate_output(self, writer):
        """Write the palette stylesheet and the monogram icon."""
        light, dark = self.schemes
        files = {
            PALETTE: css(light, dark),
            MONOGRAM: monogram_svg(
                initials(self.settings.get("SITENAME", ""))[:1],
                light.variables["accent"],
                light.variables["on-accent"],
            ),
        }
        for name, text in files.items():
            write_static(self.output_path, self.settings, name, text)
