"""Where a value sits in a content file, as `path:line` for error messages."""

import re


def _line(path, pattern):
    """The 1-based number of the first line of the file at path matching pattern (else 1)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return next((n for n, line in enumerate(handle, 1) if pattern.search(line)), 1)
    except OSError:
        return 1


def at_key(content, key):
    """`path:line` of the front matter line `key: ...` of content (case-insensitive)."""
    path = getattr(content, "source_path", "?")
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*:", re.I)
    return f"{path}:{_line(path, pattern)}"


def at_text(content, text):
    """`path:line` of the first line of content's source holding text."""
    path = getattr(content, "source_path", "?")
    return f"{path}:{_line(path, re.compile(re.escape(text)))}"
