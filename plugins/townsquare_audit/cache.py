"""Remember each page's findings between builds, so a rebuild only re-audits what changed.

A page's findings depend on its own bytes and on facts about the rest of the site (which files
exist, what the images are), on the rules' code and on the options. The cache key is the
page's path and bytes; the whole cache is dropped when anything else changes: the *signature*
hashes the audit's source files, the options, every file name in the site and the size of
every image (rules read nothing else from other files, so an edited post that rewrites the
feeds keeps the other pages' entries). An image edited in place to exactly the same byte size
keeps its old findings until something else changes; ``AUDIT_CACHE = False`` turns it off.
"""

import contextlib
import hashlib
import json
import os
from pathlib import Path

from pelican.plugins.townsquare.untracked import cache_folder

from .finding import Finding

VERSION = 2
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp")
SOURCES = Path(__file__).resolve().parent


def code_digest():
    """Hash of the audit package's Python sources (rules included)."""
    digest = hashlib.sha256()
    for path in sorted(SOURCES.rglob("*.py")):
        digest.update(path.relative_to(SOURCES).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def site_digest(root):
    """Hash of every file name in the site and the size of every image."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(folder, name)
            digest.update(os.path.relpath(full, root).encode("utf-8", "surrogateescape"))
            if name.lower().endswith(IMAGES):
                try:  # lstat: a symlink loop or a link to /dev/zero is a size, not a crash
                    digest.update(str(os.lstat(full).st_size).encode())
                except OSError:
                    digest.update(b"?")
    return digest.hexdigest()


def page_key(rel, data):
    """Cache key of one page: its path and its bytes."""
    return hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


class FindingsCache:
    """A JSON file of {page key: [kind, [evidence], [[line, rule, severity, message, hint]]]}."""

    def __init__(self, path, root, options):
        self.path = Path(path)
        parts = [str(VERSION), code_digest(), repr(options.rules), repr(options.publish)]
        parts += [options.base_url, repr(options.kinds), repr(options.sample_handles)]
        parts.append(str(options.docs_share))
        parts += [site_digest(root)]
        self.signature = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        self.old = self._load()
        self.new = {}

    def _load(self):
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("signature") != self.signature:
            return {}
        pages = data.get("pages")
        return pages if isinstance(pages, dict) else {}

    def get(self, key, shown_path):
        """(kind, evidence, findings) for a page key, or None (also for an entry of the wrong
        shape: a hand-edited or foreign cache file is a miss, never a crash)."""
        entry = self.old.get(key)
        try:
            kind, evidence, rows = entry
            if not (isinstance(kind, str) and all(isinstance(e, str) for e in evidence)):
                return None
            if not all(_row_shape(row) for row in rows):
                return None
            findings = [Finding(shown_path, *row) for row in rows]
        except (TypeError, ValueError):
            return None
        self.new[key] = entry
        return kind, evidence, findings

    def put(self, key, kind, evidence, findings):
        """Remember one page's kind, evidence and findings."""
        rows = [[f.line, f.rule, f.severity, f.message, f.hint] for f in findings]
        self.new[key] = [kind, list(evidence), rows]

    def save(self):
        """Write the entries of this run only (pages gone from the site are forgotten).

        Return '' or, when the file cannot be written (read-only folder, disk full), why: the
        cache is an optimisation, so that is a warning for the caller, never a failure."""
        temporary = self.path.with_suffix(".tmp")
        try:
            cache_folder(self.path.parent)
            temporary.write_text(
                json.dumps({"signature": self.signature, "pages": self.new}), encoding="utf-8"
            )
            os.replace(temporary, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return f"cannot write {self.path} ({exc.strerror or exc})"
        return ""


def _row_shape(row):
    """True for a cached finding row [line, rule, severity, message, hint]."""
    return (
        isinstance(row, list)
        and len(row) == 5
        and isinstance(row[0], int)
        and all(isinstance(value, str) for value in row[1:])
    )
