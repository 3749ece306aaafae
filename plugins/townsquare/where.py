"""Where something sits in a content file, as a line number or `path:line` for error messages.

One reader for every plugin: a file that cannot be read (or decoded) never hides the error it
was asked to locate; the message then points at line 1.
"""

import re


def line_in_file(path, pattern):
    """The 1-based number of the first line of the file at path matching pattern (else 1).

    pattern: a compiled regex, used as it is, or a string, searched case-insensitively."""
    if isinstance(pattern, str):
        pattern = re.compile(pattern, re.I)
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return next((n for n, line in enumerate(handle, 1) if pattern.search(line)), 1)
    except OSError:
        return 1


def at_key(content, key):
    """`path:line` of the front matter line `key: ...` of content (case-insensitive)."""
    path = getattr(content, "source_path", "?")
    line = line_in_file(path, r"^\s*" + re.escape(key) + r"\s*:")
    return f"{path}:{line}"


def at_text(content, text):
    """`path:line` of the first line of content's source holding text."""
    path = getattr(content, "source_path", "?")
    return f"{path}:{line_in_file(path, re.compile(re.escape(text)))}"
