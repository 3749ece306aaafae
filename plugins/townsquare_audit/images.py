"""Facts about the site's files for the rules: does a path exist, and what image is it.

Paths come from URLs in pages, already resolved inside the site by urls.site_path; a path whose
real location is outside the site is answered exactly like a missing file, so a page cannot
learn (or make the report say) whether /etc/passwd exists. Images are checked whole: a PNG's
every chunk checksum through IEND (what a truncated or corrupted social card fails), other
formats decoded by Pillow.
"""

import html
import os
import re
import stat
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

from .site import MAX_PAGE_BYTES, inside, regular_file

MAX_IMAGE_PIXELS = 50_000_000  # larger images are reported, not decoded
MAX_IMAGE_BYTES = 64 * 1024 * 1024  # read at most this much of an image to check it
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: An id= or name= attribute in a page's source, quoted or not (for other pages' fragments).
ID_ATTRIBUTE = re.compile(rb"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


@dataclass(frozen=True)
class ImageInfo:
    """What the og-image rule needs to know about an image file."""

    format: str
    size: tuple
    bytes: int
    problem: str = ""  # why the image does not decode, '' when it does


class FileIndex:
    """Answers 'does this site path exist' and 'what image is it', reading each file once.

    Paths come from URLs in pages (already resolved inside the site by urls.site_path); a path
    whose real location is outside the site is answered exactly like a missing file, so a page
    cannot learn (or make the report say) whether /etc/passwd exists.
    """

    def __init__(self, root):
        self.root = root
        self.real_root = os.path.realpath(root)

    @lru_cache(maxsize=1024)  # noqa: B019 - one index per audit run; the cache is the point
    def _folder(self, folder):
        """The real path of a site folder when it is inside the site, else None."""
        real = os.path.realpath(os.path.join(self.real_root, folder))
        return real if inside(self.real_root, real) else None

    def _file(self, path):
        """(real path, size) of a regular file in the site, or None: regular_file() with each
        folder resolved once per run (pages share few folders)."""
        if "\0" in path:
            return None
        folder, _, name = path.rpartition("/")
        real = self._folder(folder)
        if real is None or name in ("", ".", ".."):
            return None
        full = os.path.join(real, name)
        try:
            info = os.lstat(full)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            full = regular_file(self.root, path)
            return (full, os.path.getsize(full)) if full else None
        return (full, info.st_size) if stat.S_ISREG(info.st_mode) else None

    @lru_cache(maxsize=4096)  # noqa: B019
    def ids(self, path):
        """The ids (and names) an HTML file of the site declares, for links' #fragments."""
        found = self._file(path)
        if found is None:
            return frozenset()
        with open(found[0], "rb") as handle:
            data = handle.read(MAX_PAGE_BYTES)
        return frozenset(
            html.unescape(
                next(v for v in match.groups() if v is not None).decode("utf-8", "replace")
            )
            for match in ID_ATTRIBUTE.finditer(data)
        )

    @lru_cache(maxsize=65536)  # noqa: B019
    def exists(self, path):
        """True when path (site-relative, decoded) is a regular file in the site."""
        return self._file(path) is not None

    @lru_cache(maxsize=4096)  # noqa: B019
    def image(self, path):
        """Return ImageInfo for a site file, or None when there is no such file."""
        found = self._file(path)
        if found is None:
            return None
        full, size = found
        try:
            return _decoded(full, size)
        except (OSError, ValueError, SyntaxError) as exc:  # Pillow's errors for broken files
            with open(full, "rb") as handle:
                head = handle.read(512).lstrip().lower()
            if b"<svg" in head or head.startswith(b"<?xml"):
                return ImageInfo("SVG", (0, 0), size)
            kind = _magic(head)
            if kind:
                return ImageInfo(kind, (0, 0), size, str(exc) or type(exc).__name__)
            return ImageInfo("an unreadable image", (0, 0), size)


def _decoded(full, size):
    """Open and check the whole image: PNG chunk checksums through IEND, others fully decoded."""
    with open(full, "rb", buffering=0) as handle:
        data = handle.read(min(size, MAX_IMAGE_BYTES) + 1)
    if data.startswith(PNG_SIGNATURE):
        return _png(data[8:], size)
    from PIL import Image  # only for other formats: importing it costs more than a PNG check

    try:
        with Image.open(full) as image:
            info = ImageInfo(image.format or "unknown", image.size, size)
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return ImageInfo(info.format, image.size, size, "it has too many pixels to decode")
            if image.format == "PNG":
                image.verify()  # every chunk's CRC and the IEND chunk: truncation and corruption
            else:
                image.load()  # JPEG, GIF, WebP: decode it
    except Image.DecompressionBombError:
        return ImageInfo("an oversized image", (0, 0), size, "it has too many pixels")
    return info


def _png(data, size):
    """ImageInfo of a PNG from its chunks: IHDR gives the size; every chunk's CRC is checked
    and IEND must close the file (what a truncated or corrupted card fails). Image data is
    not inflated: a CRC mismatch catches changed bytes, a missing IEND a short file."""
    width = height = offset = 0
    while True:
        if len(data) < offset + 8:
            return ImageInfo("PNG", (width, height), size, "truncated: no IEND chunk")
        length, kind = struct.unpack_from(">I4s", data, offset)
        body = data[offset + 8 : offset + 8 + length]
        crc = data[offset + 8 + length : offset + 12 + length]
        offset += 12 + length
        if len(body) < length or len(crc) < 4:
            return ImageInfo(
                "PNG",
                (width, height),
                size,
                f"truncated: the file ends inside its {_name(kind)} chunk",
            )
        if zlib.crc32(body, zlib.crc32(kind)) != struct.unpack(">I", crc)[0]:
            return ImageInfo(
                "PNG",
                (width, height),
                size,
                f"its {_name(kind)} chunk is corrupt (checksum mismatch)",
            )
        if kind == b"IHDR" and length >= 8:
            width, height = struct.unpack(">II", body[:8])
        if kind == b"IEND":
            return ImageInfo("PNG", (width, height), size)


def _name(kind):
    return kind.decode("latin-1") if kind.isalpha() else repr(kind)


def _magic(head):
    """The format a file's first bytes claim ('' when none we know)."""
    for prefix, name in ((b"\x89png", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"gif8", "GIF")):
        if head.startswith(prefix):
            return name
    return "WEBP" if head[:4] == b"riff" and head[8:12] == b"webp" else ""
