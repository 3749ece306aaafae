"""The built site on disk, read defensively: which pages to audit, and reading them safely.

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
from dataclasses import dataclass, field

MAX_PAGE_BYTES = 8 * 1024 * 1024  # far above any real page (the largest seen: ~2 MB)
PAGE_SUFFIXES = (".html", ".htm")
VCS_FOLDERS = frozenset({".git", ".hg", ".svn"})  # repository metadata, never site pages
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
        # os.walk joins names onto root as given, so the folder's own part is what follows it
        # (os.path.relpath would normalise both paths again for every file)
        inner = folder[len(root) :].lstrip(os.sep).replace(os.sep, "/")
        for name in files:
            if not name.lower().endswith(PAGE_SUFFIXES):
                continue
            full = os.path.join(folder, name)
            rel = f"{inner}/{name}" if inner else name
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
