"""The comments generator: writes `_headers` (the site's CSP) once every page is known."""

import logging
import os

from pelican.generators import Generator

from pelican.plugins.townsquare.where import at_text

from .csp import build_policy, headers_file, image_origins, policy_fits
from .providers import BY_NAME

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
        own = self._take_blogs_own_headers()
        with open(path, "w", encoding="utf-8") as handle:
            if own:
                handle.write(own.rstrip("\n") + "\n\n")
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

    def _take_blogs_own_headers(self):
        """The text of a `_headers` file the blog ships (e.g. content/extra/_headers), or "".

        Pelican's static generator runs after this one and would copy that file over the kit's,
        silently dropping the policy; so it is taken off the static files here (the context's
        list is the one the static generator copies from) and written first in the kit's file.
        """
        statics = self.context.get("staticfiles", [])
        own = [s for s in statics if os.path.normpath(s.save_as) == "_headers"]
        if not own:
            return ""
        source = own[-1].source_path
        for static in own:
            statics.remove(static)
        with open(source, "rb") as handle:
            data = handle.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:  # Netlify and Cloudflare read the file as UTF-8
            bad = exc.start
        else:
            bad = None
        if bad is not None:  # logged outside the except block: no exception text appended
            logger.error(
                "comments: %s:%d: byte 0x%02x is not UTF-8, so the file cannot join the kit's "
                "_headers — fix: save it as UTF-8 (header values are plain ASCII)",
                source,
                data.count(b"\n", 0, bad) + 1,
                data[bad],
            )
            return ""
        logger.info("comments: %s is kept at the top of _headers; the kit's rules follow", source)
        return text

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
        images = image_origins(contents, self.settings, _refuse_image)
        return build_policy(self.settings, sources, images)


def _refuse_image(content, url, reason):
    logger.error(
        "comments: %s: image address %r cannot go into the Content-Security-Policy: it %s; "
        "fix the address",
        at_text(content, url) if content is not None else "settings (SITELOGO, FAVICON, photo)",
        url,
        reason,
    )
