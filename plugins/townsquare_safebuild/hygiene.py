"""Refuse source text that cannot be published, naming the file, line and column.

- A stray control character (pasted from a PDF or a chat tool) is invisible in an editor but
  cannot appear in HTML or XML: feed writers crash on it and validators reject the page. It is
  judged in what the page will show (the rendered body, title and summary), not in the markup:
  a reST role may take terminal output with ANSI escapes as input and render coloured spans.
- A tag, category or author made only of emoji or punctuation has an empty slug, so its page
  would be written to ``tag/.html`` (a hidden file) and every link to it would break.

We check each post and page as Pelican reads it and stop that file with a message that says
where the problem is; Pelican then reports the file as failed and the build keeps the old site.
"""

import re

from .explain import first_line
from .source import checked_path, read_source

# C0 controls except tab, newline and carriage return; DEL; C1 controls; XML non-characters.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class UnusableText(ValueError):
    """A source file holds text that cannot be published; the message says where and why."""


def check_source_text(content):
    """content_object_init receiver: raise UnusableText at the first control character the
    rendered page would hold, or at a name that makes an empty URL."""
    path = checked_path(content)
    if path is None:
        return
    lines = read_source(path).lines  # () when unreadable: the reader reports that itself
    if not lines:
        return
    problem = _control_problem(content, path, lines)
    if problem:
        raise UnusableText(problem)
    for key, named in _named_things(content):
        if named is not None and not named.slug:
            number = first_line(lines, rf"^\s*{key}\s*:")
            raise UnusableText(
                f"{path}:{number}: {key[:-1] if key.endswith('s') else key} {str(named)!r} has "
                "no letter or digit to build its URL from — fix: add a word to it (emoji and "
                "punctuation alone make an empty URL)"
            )


def _control_problem(content, path, lines):
    """Where the first control character of the rendered page is in the source, or None."""
    meta = getattr(content, "metadata", {}) or {}
    shown = (getattr(content, "_content", None), meta.get("title"), meta.get("summary"))
    found = next(filter(None, (CONTROL.search(str(text or "")) for text in shown)), None)
    if found is None:
        return None
    char = found.group()
    fix = "fix: delete it (it is invisible in most editors; retype the text around it)"
    for number, line in enumerate(lines, start=1):
        if char in line:
            column = line.index(char) + 1
            return (
                f"{path}:{number}: control character U+{ord(char):04X} at column {column} — {fix}"
            )
    return f"{path}:1: the rendered page holds control character U+{ord(char):04X} — {fix}"


def _named_things(content):
    """(front matter key, Tag/Category/Author) pairs of a post or page."""
    yield "category", getattr(content, "category", None)
    for author in getattr(content, "authors", None) or ():
        yield "author", author
    for tag in getattr(content, "tags", None) or ():
        yield "tags", tag
