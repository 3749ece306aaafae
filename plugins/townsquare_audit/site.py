"""The built site on disk: which pages to audit, and cached facts about its files and images."""

import fnmatch
import os
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from PIL import Image, UnidentifiedImageError


class AuditInputError(Exception):
    """The folder to audit is missing, not a folder, or holds no HTML pages."""


@dataclass(frozen=True)
class ImageInfo:
    """What the og-image rule needs to know about an image file."""

    format: str
    size: tuple
    bytes: int


class FileIndex:
    """Answers 'does this site path exist' and 'what image is it', reading each file once."""

    def __init__(self, root):
        self.root = root

    def _full(self, path):
        return os.path.join(self.root, unquote(path).lstrip("/"))

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per audit run; the cache is the point
    def exists(self, path):
        """True when path (site-relative) is a file in the site."""
        return os.path.isfile(self._full(path))

    @lru_cache(maxsize=1024)  # noqa: B019
    def image(self, path):
        """Return ImageInfo for a site file, or None when there is no such file."""
        full = self._full(path)
        if not os.path.isfile(full):
            return None
        size = os.path.getsize(full)
        try:
            with Image.open(full) as image:  # reads the header only
                return ImageInfo(image.format or "unknown", image.size, size)
        except (UnidentifiedImageError, OSError):
            with open(full, "rb") as handle:
                head = handle.read(512).lstrip().lower()
            kind = "SVG" if b"<svg" in head else "an unreadable image"
            return ImageInfo(kind, (0, 0), size)


def find_pages(root, ignore=()):
    """Return site-relative paths of every .html page under root, sorted, minus ignored globs."""
    if not os.path.exists(root):
        raise AuditInputError(f"audit: {root} does not exist; build the site first (make site)")
    if not os.path.isdir(root):
        raise AuditInputError(f"audit: {root} is not a folder; pass the built site's folder")
    pages = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith((".html", ".htm")):
                rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                if not any(fnmatch.fnmatch(rel, pattern) for pattern in ignore):
                    pages.append(rel)
    if not pages:
        raise AuditInputError(f"audit: no HTML pages found in {root}; is this a built site?")
    return sorted(pages)


def read_bytes(root, rel):
    """A page's bytes (for the findings cache key)."""
    with open(os.path.join(root, rel), "rb") as handle:
        return handle.read()


def read_page(root, rel):
    """Read a page's text as UTF-8 (undecodable bytes replaced, as browsers do)."""
    path = os.path.join(root, rel)
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError as exc:
        raise AuditInputError(f"audit: cannot read {path}: {exc.strerror}") from exc
