"""Social images: resolve an image reference to an absolute URL and read its real size and type.

An image that exists but cannot be a link preview (raster.py: SVG, AVIF, a PNG with a bad
ancillary checksum) raises raster.NotPreviewable from resolve(); first_in() skips it.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from PIL import Image, UnidentifiedImageError

from . import raster
from .profiles import is_web_url

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SocialImage:
    """An image for og:image / twitter:image / JSON-LD; size and type are None when unknown."""

    url: str
    alt: str
    width: int | None = None
    height: int | None = None
    mime: str | None = None


class ImageFinder:
    """Map site paths and URLs to source files, and read their dimensions once per build."""

    def __init__(self, siteurl, static_content, theme_static, theme_static_dir):
        self.siteurl = siteurl.rstrip("/")
        # static_content maps a source path (relative to PATH) to Pelican's Static object.
        self.by_source = dict(static_content)
        self.by_url = {f"{self.siteurl}/{s.url}": s for s in self.by_source.values()}
        # Theme static files are published under THEME_STATIC_DIR in every build, which makes
        # them the right home for site-wide brand images such as the logo.
        self.theme_static = Path(theme_static)
        self.theme_prefix = theme_static_dir.strip("/") + "/"
        self._probed = {}

    def probe(self, path):
        """Return (width, height, mime) of a previewable image file (cached); raises
        raster.NotPreviewable (also cached) or FileNotFoundError."""
        path = str(path)
        if path not in self._probed:
            try:
                self._probed[path] = raster.probe(path)
            except raster.NotPreviewable as why:
                self._probed[path] = why
        found = self._probed[path]
        if isinstance(found, raster.NotPreviewable):
            raise found
        return found

    def locate(self, reference):
        """Return (absolute URL, source file) for a site path or URL, or None when unknown.

        A reference is a static file of the content (``images/x.png``, ``/images/x.png``,
        ``{static}/images/x.png``), a theme static file (``theme/images/logo.png``) or the
        absolute URL of either.
        """
        reference = reference.strip()
        if is_web_url(reference):
            if not reference.startswith(self.siteurl + "/"):
                return None
            reference = reference[len(self.siteurl) + 1 :]
        relative = reference.replace("{static}", "").replace("{attach}", "").lstrip("/")
        static = self.by_source.get(relative) or self.by_url.get(f"{self.siteurl}/{relative}")
        if static is not None:
            return f"{self.siteurl}/{static.url}", Path(static.source_path)
        if relative.startswith(self.theme_prefix):
            source = self.theme_static / relative[len(self.theme_prefix) :]
            if source.is_file():
                return f"{self.siteurl}/{relative}", source
        return None

    def resolve(self, reference, alt, where=None):
        """Turn a reference (see locate) into a SocialImage; external URLs keep unknown sizes.

        Returns None when the reference points at no known file; raises raster.NotPreviewable
        for a file (or external URL) link previews cannot show.
        """
        found = self.locate(reference)
        if found is not None:
            return self._make(*found, alt, where or reference)
        if is_web_url(reference.strip()) and not reference.strip().startswith(self.siteurl + "/"):
            raster.check_url(reference.strip())
            return SocialImage(url=reference.strip(), alt=alt)
        return None

    def first_in(self, html, where=None):
        """The first <img> of rendered content that is a known or external image, or None."""
        if not html or "<img" not in html:
            return None
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for img in root.iter("img"):
            src = (img.get("src") or "").strip()
            if not src:
                continue
            try:
                found = self.resolve(src, (img.get("alt") or "").strip(), where)
            except raster.NotPreviewable as why:
                logger.debug("social: %s: %s %s; not a preview image", where, src, why)
                continue
            if found is not None:
                return found
        return None

    def _make(self, url, source, alt, where):
        try:
            width, height, mime = self.probe(source)
        except Image.DecompressionBombError:  # Pillow refuses it: a 20000x20000 cover
            problem = f"has more than {Image.MAX_IMAGE_PIXELS * 2:,} pixels, too many to read"
            fix = "resize it, e.g. to 1200x630 (what link previews show)"
        except OSError as error:  # raster.NotPreviewable (an image that exists) goes up
            problem = "does not exist" if isinstance(error, FileNotFoundError) else _reason(error)
            fix = "correct the path or add the file"
        else:
            return SocialImage(url=url, alt=alt, width=width, height=height, mime=mime)
        # Logged outside the except block so the build's error list shows this sentence only.
        logger.error(
            "social: %s: the image %s %s — fix: %s",
            where,
            source,
            problem,
            fix,
        )
        return SocialImage(url=url, alt=alt)


def _reason(error):
    """An OSError as the rest of a sentence about the file: 'is not a regular file ...'."""
    if isinstance(error, UnidentifiedImageError):
        return "is not an image Pillow can read (PNG, JPEG, GIF, WebP ...)"
    return error.strerror if error.errno is not None and error.strerror else str(error)
