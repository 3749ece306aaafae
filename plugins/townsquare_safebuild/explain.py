"""Turn Pelican's terse content errors into messages that name the file, the line and the fix.

Pelican reports a post it cannot read as "Could not process posts/x.md" (the cause only shows
with --debug) or "Skipping <path>: could not find information about 'date'". A leader who
mistyped a date needs the file, the line and what to write instead, so the build's error list
uses these explanations; any record we do not recognise keeps Pelican's own wording.
"""

import os
import re

from pelican.plugins.townsquare.where import line_in_file

DATE_EXAMPLE = "Date: 2026-05-04 09:30+02:00"
MISSING_FIX = {
    "title": "add a line 'Title: Your title' at the top of the file",
    "date": f"add a line '{DATE_EXAMPLE}' to the front matter (or set DEFAULT_DATE)",
}
UNKNOWN_STATUS = "Unknown status '%s' for file %s, skipping it. (Not in %s)"
STATUS_FIX = (
    "write 'Status: published', 'Status: draft' (previewed locally, never published) or "
    "'Status: hidden' (published but not listed)"
)
BAD_DATE = re.compile(r"^'(?P<value>.*)' is not a valid date$", re.S)


def explain(record, exc, content_path):
    """Return a clear message for a known content error record, or None to keep the original."""
    if record.msg == "Skipping %s: could not find information about '%s'":
        source, prop = (str(arg) for arg in record.args)
        fix = MISSING_FIX.get(prop, f"add a line '{prop.title()}: ...' to the front matter")
        return f"{source}:1: no '{prop.title()}:' in the front matter — fix: {fix}"
    if record.msg == UNKNOWN_STATUS:
        status, source = str(record.args[0]), str(record.args[1])
        line = line_in_file(source, r"^\s*:?status\s*:")
        return f"{source}:{line}: Status '{status}' is not a status — fix: {STATUS_FIX}"
    if record.msg == "Could not process %s" and exc is not None:
        source = os.path.join(content_path, str(record.args[0]))
        return _explain_exception(source, exc)
    return None


def _explain_exception(source, exc):
    """Explain the exception that stopped Pelican from reading source, or None."""
    if type(exc).__name__ == "UnusableText":  # hygiene.py: already names file, line and fix
        return str(exc)
    if isinstance(exc, FileNotFoundError) and os.path.islink(source):
        return (
            f"{source}: is a link to {os.readlink(source)}, which does not exist — fix: delete "
            "the link, or restore the file it points to"
        )
    if isinstance(exc, UnicodeDecodeError):
        line, column = _position(exc.object, exc.start)
        byte = exc.object[exc.start : exc.start + 1].hex()
        return (
            f"{source}:{line}: the file is not UTF-8 text (byte 0x{byte} at column {column}) "
            "— fix: save it with UTF-8 encoding (most editors: Save with encoding → UTF-8)"
        )
    match = BAD_DATE.match(str(exc)) if isinstance(exc, ValueError) else None
    if match:
        value = match["value"]
        line = line_in_file(source, rf"^\s*date\s*:\s*{re.escape(value)}")
        return (
            f"{source}:{line}: Date '{value}' is not a valid date "
            f"— fix: write it as YYYY-MM-DD HH:MM with an optional UTC offset, e.g. "
            f"'{DATE_EXAMPLE}'"
        )
    return None


def _position(data, offset):
    """Return the 1-based (line, column) of a byte offset in data."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    return line, offset - (before.rfind(b"\n") + 1) + 1


def first_line(lines, pattern):
    """Return the 1-based number of the first of lines matching pattern (1 if none)."""
    return next((n for n, line in enumerate(lines, 1) if re.search(pattern, line, re.I)), 1)
