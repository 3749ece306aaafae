"""The comments generator: writes `_headers` (the site's CSP) once every page is known."""

import logging
import os

from pelican.generators import Generator

from .csp import build_policy, headers_file, image_origins, policy_fits
from .providers import BY_NAME
from .where import at_text

logger = logging.getLogger(__name__)


class CommentsGenerator(Generator):
    """Collects the comment areas of every article and page and writes `_headers`."""

    def generate_context(self):
        """Nothing to add: areas are attached to each article and page as they are read."""

    def generate_output(self, writer):
        """Write `_headers`, with a policy allowing exactly what the pages need when it fits."""
        if not self.settings["COMMENTS_HEADERS"]:
            return
        policy = self._policy() if policy_fits(self.settings) else None
        path = os.path.join(self.output_path, "_headers")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(headers_file(policy))
        if policy is None:
            logger.info(
                "comments: wrote %s without a Content-Security-Policy: the theme %s is not "
                "Townsquare's, so the sources its pages need are unknown; list them in "
                "COMMENTS_CSP_EXTRA (COMMENTS_CSP_EXTRA = {} when it needs none) to add one",
                path,
                self.settings.get("THEME"),
            )
        else:
            logger.info("comments: wrote %s (Content-Security-Policy)", path)

    def _policy(self):
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
        provider = BY_NAME.get(self.settings.get("COMMENTS_PROVIDER"))
        sources = provider.origins(self.settings, posts) if provider else {}
        images = image_origins(contents, self.settings.get("SITEURL", ""), _refuse_image)
        return build_policy(self.settings, sources, images)


def _refuse_image(content, url, reason):
    logger.error(
        "comments: %s: image address %r cannot go into the Content-Security-Policy: it %s; "
        "fix the address",
        at_text(content, url),
        url,
        reason,
    )
