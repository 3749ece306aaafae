"""The comments generator: writes `_headers` (the site's CSP) once every page is known."""

import logging
import os

from pelican.generators import Generator

from .csp import build_policy, headers_file

logger = logging.getLogger(__name__)


class CommentsGenerator(Generator):
    """Collects the comment areas of every article and page and writes `_headers`."""

    def generate_context(self):
        """Nothing to add: areas are attached to each article and page as they are read."""

    def generate_output(self, writer):
        """Write `_headers` allowing exactly the origins the site's pages need."""
        if not self.settings["COMMENTS_HEADERS"]:
            return
        contents = [
            *self.context.get("articles", ()),
            *self.context.get("pages", ()),
            *self.context.get("hidden_pages", ()),
        ]
        posts = [
            c.comments.post
            for c in contents
            if getattr(c, "comments", None) is not None and c.comments.embed is not None
        ]
        policy = build_policy(self.settings, contents, posts)
        path = os.path.join(self.output_path, "_headers")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(headers_file(policy))
        logger.info("comments: wrote %s (Content-Security-Policy)", path)
