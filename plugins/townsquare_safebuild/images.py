"""Make every image in a post's text point at a real file, or stop the build naming the line.

``![x](images/pic.jpg)`` is what a leader writes, but the browser resolves it against the
post's own URL (``posts/images/pic.jpg``), so the page and the feed showed a broken image while
the build passed. We read each ``<img src>`` of the rendered text as the post is read:

- a relative path is looked up next to the source file (as ``{static}images/x.jpg`` would be),
  then from the content folder (as ``Image: images/x.jpg`` is), and rewritten to ``{static}/…``
  so Pelican publishes the file and writes its real URL;
- ``/images/x.jpg`` and ``SITEURL/images/x.jpg`` must be a content or theme file (a content file
  is rewritten to ``{static}`` too, so a SITEURL with a path still works);
- ``{static}``/``{attach}``/``{filename}`` targets must exist.

Any image that points at no file is logged as an error with the file and line, which fails the
build through safebuild. External (http/https elsewhere) and ``data:`` images are left alone.
"""

import logging
import os
import re
from html import unescape
from urllib.parse import quote, unquote, urlsplit

from .source import checked_path, read_source

logger = logging.getLogger(__name__)

IMG_SRC = re.compile(
    r"""(?P<head><img\b[^>]*?\ssrc\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"^\{(?P<what>static|attach|filename)\}(?P<rest>.*)$")


class _Resolver:
    """Resolve image references of one content object against its content and theme folders."""

    def __init__(self, content):
        settings = content.settings
        self.root = os.path.abspath(settings["PATH"])
        self.folder = os.path.dirname(os.path.abspath(content.source_path))
        self.siteurl = (settings.get("SITEURL") or "").rstrip("/")
        self.theme_static = os.path.join(settings.get("THEME") or "", "static")
        self.theme_prefix = (settings.get("THEME_STATIC_DIR") or "theme").strip("/") + "/"
        extra = settings.get("EXTRA_PATH_METADATA") or {}
        self.extra = {str(m.get("save_as", "")).lstrip("/") for m in extra.values()} - {""}
        self.looked = []  # the files the last resolve() tried, for the error message

    def _inside(self, path):
        path = os.path.normpath(path)
        return path if (path + os.sep).startswith(self.root + os.sep) else None

    def _content_file(self, relative, from_folder):
        """The absolute path of an existing content file, or None."""
        base = self.folder if from_folder else self.root
        found = self._inside(os.path.join(base, unquote(relative)))
        if found and os.path.isfile(found):
            return found
        self.looked.append(found or os.path.normpath(os.path.join(base, unquote(relative))))
        return None

    def _static(self, found, parts):
        """`{static}/path` for a content file found on disk, keeping query and fragment."""
        relative = os.path.relpath(found, self.root).replace(os.sep, "/")
        return parts._replace(scheme="", netloc="", path="{static}/" + quote(relative)).geturl()

    def site_path(self, rest, parts):
        """(new src or None, found?) for a path from the site root ('images/x.jpg')."""
        found = self._content_file(rest, from_folder=False)
        if found:
            return self._static(found, parts), True
        if rest.startswith(self.theme_prefix):
            theme_file = os.path.join(self.theme_static, unquote(rest[len(self.theme_prefix) :]))
            self.looked.append(theme_file)
            return None, os.path.isfile(theme_file)
        return None, unquote(rest) in self.extra

    def resolve(self, src):
        """(new src or None to keep it, True when it points at no file) for one <img src>."""
        self.looked = []
        value = unescape(src).strip()
        placeholder = PLACEHOLDER.match(value)
        if placeholder:
            rest = placeholder["rest"]
            path = urlsplit(rest).path
            found = self._content_file(path.lstrip("/"), from_folder=not path.startswith("/"))
            # Missing: drop the placeholder so later steps do not report the same image again.
            return (None, False) if found else (rest, True)
        parts = urlsplit(value)
        if not value or value.startswith("//"):
            return None, False
        if parts.scheme:
            local = f"{self.siteurl}/".lower()
            if not self.siteurl or not value.lower().startswith(local):
                return None, False  # an external or data: image
            new, found = self.site_path(urlsplit(value[len(local) :]).path, parts)
            return new, not found
        if parts.path.startswith("/"):
            new, found = self.site_path(parts.path.lstrip("/"), parts)
            return new, not found
        found = self._content_file(parts.path, True) or self._content_file(parts.path, False)
        return (self._static(found, parts), False) if found else (None, True)


def check_images(content):
    """content_object_init receiver: rewrite relative <img src> to {static}; log missing ones."""
    path = checked_path(content, drafts=False)
    html = getattr(content, "_content", None)
    if path is None or not html or "<img" not in html.lower():
        return
    resolver = _Resolver(content)
    source = read_source(path)

    def replace(match):
        src = next(match[g] for g in ("dq", "sq", "bare") if match[g] is not None)
        new, missing = resolver.resolve(src)
        if missing:
            line = source.line_of(unescape(src), default=source.body_start + 1)
            logger.error(
                "%s:%d: image '%s' points at no file (looked for %s) — fix: put the image in "
                "the content folder, e.g. content/images/, and write "
                "![description](images/name.jpg)",
                path,
                line,
                unescape(src),
                " and ".join(dict.fromkeys(resolver.looked)) or "a file of this site",
            )
        if new is None:
            return match[0]
        return f'{match["head"]}"{new.replace(chr(34), "&quot;")}"'

    content._content = IMG_SRC.sub(replace, html)
