"""The built site on disk, read defensively: which pages to audit, and facts about its files.

A site folder may be hostile or broken: a FIFO named ``x.html`` (opening it blocks forever), a
symlink to ``/dev/zero`` or ``/etc/passwd``, a 50 MB page, unreadable folders. Only regular
files inside the folder are ever opened (symlinks are followed only when their target is a
regular file inside the folder), never more than MAX_PAGE_BYTES of a page are read, and every
file or folder left out is recorded as a problem that the ``readable`` rule reports.
"""

import errno
import fnmatch
import os
import stat
import struct
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

MAX_PAGE_BYTES = 8 * 1024 * 1024  # far above any real page (the largest seen: ~2 MB)
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_BYTES = (
    64 * 1024 * 1024
)  # read at most this much of an image to check it  # larger images are reported, not decoded
PAGE_SUFFIXES = (".html", ".htm")
VCS_FOLDERS = frozenset({".git", ".hg", ".svn"})  # repository metadata, never site pages
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


class AuditInputError(Exception):
    """The folder to audit is missing, not a folder, or holds no HTML pages."""


@dataclass
class SiteScan:
    """What walking the site found: pages to audit, and paths it could not or would not read."""

    root: str
    pages: list = field(default_factory=list)  # site-relative paths, sorted
    problems: list = field(default_factory=list)  # [(site-relative path, message)]
    has_home: bool = False


@dataclass(frozen=True)
class ImageInfo:
    """What the og-image rule needs to know about an image file."""

    format: str
    size: tuple
    bytes: int
    problem: str = ""  # why the image does not decode, '' when it does


def inside(root, path):
    """True when path (already resolved) is root or inside it."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def regular_file(root, rel):
    """The real path of a site file when it is a regular file inside root, else None.

    A symlink counts when its target is a regular file inside root. rel must not contain NUL
    (a URL can carry %00): such a path is simply not a file of the site.
    """
    if "\0" in rel:
        return None
    real_root = os.path.realpath(root)
    path = os.path.realpath(os.path.join(real_root, rel))
    if not inside(real_root, path):
        return None
    try:
        return path if stat.S_ISREG(os.stat(path).st_mode) else None
    except OSError:
        return None


def scan(root, ignore=()):
    """Walk root; return a SiteScan. Raise AuditInputError when root is no site at all."""
    if not os.path.exists(root):
        raise AuditInputError(f"audit: {root} does not exist; build the site first (make site)")
    if not os.path.isdir(root):
        raise AuditInputError(f"audit: {root} is not a folder; pass the built site's folder")
    found = SiteScan(root)
    real_root = os.path.realpath(root)

    def unreadable(error):
        rel = os.path.relpath(error.filename, root).replace(os.sep, "/")
        found.problems.append((rel, f"cannot read this folder ({error.strerror}): not audited"))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if d not in VCS_FOLDERS)
        for name in files:
            if not name.lower().endswith(PAGE_SUFFIXES):
                continue
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if any(fnmatch.fnmatch(rel, pattern) for pattern in ignore):
                continue
            problem = _not_a_page(real_root, full)
            if problem:
                found.problems.append((rel, problem))
            else:
                found.pages.append(rel)
    found.pages.sort()
    found.problems.sort()
    found.has_home = any(regular_file(root, name) for name in ("index.html", "index.htm"))
    return found


def _not_a_page(real_root, full):
    """Why full cannot be audited as a page ('' when it can)."""
    try:
        info = os.lstat(full)
    except OSError as exc:
        return f"cannot read this page ({exc.strerror})"
    if stat.S_ISLNK(info.st_mode):
        target = os.path.realpath(full)
        if not inside(real_root, target):
            return "a symlink to outside the site folder: not followed, not audited"
        try:
            info = os.stat(target)
        except OSError:
            return "a broken symlink: not audited"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, device or socket): not read, not audited"
    if info.st_size > MAX_PAGE_BYTES:
        return (
            f"the page is {info.st_size / 1048576:.1f} MB; the audit reads pages up to "
            f"{MAX_PAGE_BYTES // 1048576} MB (readers wait for every byte too)"
        )
    return ""


def read_bytes(root, rel):
    """A page's bytes (at most MAX_PAGE_BYTES); raise OSError when it cannot be read safely.

    rel comes from scan(), which never descends into symlinked folders; the file itself is
    opened without following a symlink (O_NOFOLLOW) or blocking on a FIFO (O_NONBLOCK), and a
    symlink is read only when its target is a regular file inside the site."""
    try:
        descriptor = os.open(os.path.join(root, rel), OPEN_FLAGS)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        path = regular_file(root, rel)
        if path is None:
            raise OSError(errno.EPERM, "a symlink to outside the site") from None
        descriptor = os.open(path, OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # swapped since the scan
            raise OSError(errno.EPERM, "not a regular file")
        chunks, left = [], min(info.st_size, MAX_PAGE_BYTES)
        while left > 0:  # read() may return less than asked; never more than the cap
            chunk = os.read(descriptor, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def select(pages, ignore=()):
    """The pages not matching any ignore glob."""
    return [rel for rel in pages if not any(fnmatch.fnmatch(rel, p) for p in ignore)]


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

    @lru_cache(maxsize=8192)  # noqa: B019
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
        from PIL import Image  # imported on first use: most images are PNGs checked below

        try:
            return _decoded(full, size)
        except Image.DecompressionBombError:
            return ImageInfo("an oversized image", (0, 0), size, "it has too many pixels")
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
    from PIL import Image

    with Image.open(full) as image:
        info = ImageInfo(image.format or "unknown", image.size, size)
        if image.width * image.height > MAX_IMAGE_PIXELS:
            return ImageInfo(info.format, image.size, size, "it has too many pixels to decode")
        if image.format == "PNG":
            image.verify()  # every chunk's CRC and the IEND chunk: truncation and corruption
        else:
            image.load()  # JPEG, GIF, WebP: decode it
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
