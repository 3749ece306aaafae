"""Remember each page's findings between builds, so a rebuild only re-audits what changed.

A page's findings depend on its own bytes and on facts about the rest of the site (which files
exist, what the images are), on the rules' code and on the options. The cache key is the
page's path and bytes; the whole cache is dropped when anything else changes: the *signature*
hashes the audit's source files, the options, every file name in the site and the size of
every image (rules read nothing else from other files, so an edited post that rewrites the
feeds keeps the other pages' entries). An image edited in place to exactly the same byte size
keeps its old findings until something else changes; ``AUDIT_CACHE = False`` turns it off.
"""

import hashlib
import json
import os
from pathlib import Path

from .finding import Finding

VERSION = 1
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
                digest.update(str(os.path.getsize(full)).encode())
    return digest.hexdigest()


def page_key(rel, data):
    """Cache key of one page: its path and its bytes."""
    return hashlib.sha256(rel.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


class FindingsCache:
    """A JSON file of {page key: [kind, [[line, rule, severity, message, hint], ...]]}."""

    def __init__(self, path, root, options):
        self.path = Path(path)
        parts = [str(VERSION), code_digest(), repr(options.rules), repr(options.publish)]
        parts += [options.base_url, site_digest(root)]
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
        """(kind, findings) for a page key, or None; findings get the page's shown path."""
        entry = self.old.get(key)
        if entry is None:
            return None
        self.new[key] = entry
        kind, rows = entry
        return kind, [Finding(shown_path, *row) for row in rows]

    def put(self, key, kind, findings):
        self.new[key] = [kind, [[f.line, f.rule, f.severity, f.message, f.hint] for f in findings]]

    def save(self):
        """Write the entries of this run only (pages gone from the site are forgotten)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps({"signature": self.signature, "pages": self.new}), encoding="utf-8"
        )
        os.replace(temporary, self.path)
