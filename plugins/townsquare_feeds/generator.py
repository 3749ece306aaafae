"""The feeds generator: plans the feeds after the articles are read, writes them with the site."""

import logging
import os
from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import Generator

from pelican.plugins.townsquare.assets import static_url

from .adopted import adopt, every_file
from .follow import subscribe_block
from .plan import build_plan, with_entries

logger = logging.getLogger(__name__)

XSL_TEMPLATE = Path(__file__).with_name("feed.xsl")


class FeedsGenerator(Generator):
    """Adds `feeds_plan` and `feeds_subscribe` to the template context and writes the feeds."""

    def generate_context(self):
        """Runs after the articles generator, so its articles, tags and authors are known."""
        # The plugin's feeds, at the paths Pelican's settings name where they name one.
        self.plan = adopt(build_plan(self.context, self.settings), self.settings, self.context)
        self.files = every_file(self.plan)
        self.context["feeds_plan"] = self.plan
        self.context["feeds_subscribe"] = subscribe_block(
            self.plan.links(self.plan.main), self.settings
        )

    def generate_output(self, writer):
        """Write every feed in every format, and the stylesheet that makes them readable."""
        site = self.plan.site
        # Entries are built now, not in generate_context: the social plugin sets each post's
        # social_image_url at all_generators_finalized, which comes between the two.
        feeds = with_entries(
            [feed for feed, _ in self.files.values()], self.settings, self.output_path
        )
        for (path, (_, fmt)), feed in zip(self.files.items(), feeds, strict=True):
            self._write(path, fmt.render(feed, site))
        count = len(self.files)
        if site.xsl_url and self.plan.formats:
            self._write(f"{site.folder}/feed.xsl", self._stylesheet())
        logger.info("feeds: wrote %d feed file(s) into %s/", count, site.folder)

    def _stylesheet(self):
        css = static_url(self.settings, "").rstrip("/")
        text = XSL_TEMPLATE.read_text(encoding="utf-8")
        return text.replace("@CSS@", escape(css, {'"': "&quot;"})).encode("utf-8")

    def _write(self, relative, data):
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
