"""A content file as its author wrote it: its lines, and each front matter key with its line.

Pelican hands plugins metadata that is already parsed (dates are datetimes, keys lowercased), so
a message that must quote what the author typed, on which line, reads the file itself. Markdown
(``Key: value`` lines up to the first blank line, optionally between ``---`` lines) and
reStructuredText (``:key: value``) are understood; other formats have no front matter lines here.
"""

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from pelican.contents import Static

from pelican.plugins.townsquare.drafts import is_draft

_MARKDOWN_KEY = re.compile(r"^[ ]{0,3}(?P<name>[A-Za-z0-9_-]+):[ \t]*(?P<value>.*)$")
_REST_KEY = re.compile(r"^:(?P<name>[A-Za-z0-9_-]+):[ \t]*(?P<value>.*)$")
MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")


@dataclass(frozen=True)
class Field:
    """One front matter entry: the key as typed, its raw value and its 1-based line."""

    name: str
    value: str
    line: int

    @property
    def key(self):
        """The key as Pelican stores it (lowercase)."""
        return self.name.lower()


@dataclass(frozen=True)
class Source:
    """The lines of a content file, its front matter fields and where the body starts."""

    path: str
    lines: tuple
    fields: tuple
    body_start: int  # 0-based index of the first body line

    def field(self, key):
        """The first field named key (any case), or None."""
        return next((f for f in self.fields if f.key == key), None)

    def line_of(self, text, default=1):
        """1-based line of the first body line containing text (default when none does)."""
        for number, line in enumerate(self.lines[self.body_start :], self.body_start + 1):
            if text in line:
                return number
        return default


def _markdown_fields(lines):
    fields, start = [], 0
    if lines and lines[0].strip() == "---":
        start = 1
    index = start
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip() or (index > start and line.strip() in ("---", "...")):
            return fields, index + 1
        found = _MARKDOWN_KEY.match(line)
        if found:
            fields.append(Field(found["name"], found["value"].strip(), index + 1))
        elif not (line.startswith(("    ", "\t")) and fields):  # not a continuation: body
            return fields, index
    return fields, len(lines)


def _rest_fields(lines):
    fields = []
    for number, line in enumerate(lines, 1):
        found = _REST_KEY.match(line)
        if found:
            fields.append(Field(found["name"], found["value"].strip(), number))
    return fields, 0


@lru_cache(maxsize=64)
def _read(path, _stamp):
    try:
        with open(path, encoding="utf-8") as handle:
            lines = tuple(handle.read().split("\n"))  # not splitlines(): it splits on \x0b...
    except (OSError, UnicodeDecodeError):  # the reader reports these itself
        return Source(path, (), (), 0)
    if path.lower().endswith(MARKDOWN):
        fields, body = _markdown_fields(lines)
    elif path.lower().endswith((".rst", ".rest")):
        fields, body = _rest_fields(lines)
    else:
        fields, body = [], 0
    return Source(path, lines, tuple(fields), body)


def read_source(path):
    """The Source of the file at path (re-read whenever the file changes)."""
    try:
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    return _read(str(path), stamp)


def checked_path(content, drafts=True):
    """The source file of a post or page the content checks look at, or None: static files
    and objects without a source are not checked, nor (drafts=False) drafts in a publish
    build, which are never published and so must not block the site."""
    path = getattr(content, "source_path", None)
    if isinstance(content, Static) or not path:
        return None
    if not drafts and content.settings.get("PUBLISH") and is_draft(content):
        return None
    return path
