"""Write a syndicated copy's address back into the post's front matter (Markdown or reST)."""

import os
import re
import tempfile

_MARKDOWN_FIELD = re.compile(r"^[A-Za-z][\w -]*:")
_REST_FIELD = re.compile(r"^:[\w -]+:")


def _insert_at(lines, source):
    """The index after the front matter's last field line."""
    if source.endswith(".rst"):
        fields = [n for n, line in enumerate(lines) if _REST_FIELD.match(line)]
        return fields[-1] + 1 if fields else len(lines)
    at = 0
    for n, line in enumerate(lines):
        if not line.strip():
            break
        if _MARKDOWN_FIELD.match(line) or line.startswith((" ", "\t")):
            at = n + 1
    return at


def _lines(source):
    with open(source, encoding="utf-8") as handle:
        return handle.read().splitlines(keepends=True)


def has(source, key):
    """True when source's front matter already names key (e.g. a copy recorded by a rerun)."""
    lines = _lines(source)
    pattern = re.compile(rf"^:?{re.escape(key)}:", re.I)
    return any(pattern.match(line) for line in lines[: _insert_at(lines, source) + 1])


def record(source, key, url):
    """Add `Key: url` to source's front matter (no change when the key is already there)."""
    if has(source, key):
        return False
    lines = _lines(source)
    rest = source.endswith(".rst")
    line = f":{key.lower()}: {url}\n" if rest else f"{key}: {url}\n"
    at = _insert_at(lines, source)
    if at and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines.insert(at, line)
    folder = os.path.dirname(os.path.abspath(source))
    handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("".join(lines))
    os.replace(temporary, source)
    return True
