"""Which of the kit's markers a written page carries, read from its tags, never from its text.

A theme that includes a partial writes its marker as an attribute (``<div data-ts-share>``).
A post may mention the same word in its title, a code sample or a comment; that must not make
the kit think the theme drew the piece. So only attribute names of start tags count, and the
post's own body, comments and raw-text elements (<script>, <style>, <title>, <textarea>) are
left out before looking.
"""

import re

from .headmeta import ATTRS

#: Comments and raw-text elements: their contents are text, whatever they look like.
_NOT_TAGS = re.compile(
    rf"<!--.*?-->|<(script|style|textarea|title)\b{ATTRS}>.*?</\1\s*>", re.I | re.S
)
_START_TAG = re.compile(rf"<([a-zA-Z][\w-]*)({ATTRS})>")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_NAME = re.compile(r"(?:^|[\s/])([^\s=/>\"']+)")
#: Every attribute the kit's markers start with (a cheap first test).
_PREFIXES = ("data-ts-", "data-audit-ignore")


def markers_in(text, body=""):
    """{tag name: set of data-ts-* / data-audit-ignore attribute names} found on start tags of
    the page text, outside body (the post's own HTML), comments and raw-text elements."""
    if not any(prefix in text for prefix in _PREFIXES):
        return {}
    if body and len(body) >= 20 and body in text:
        text = text.replace(body, "", 1)
    found = {}
    for match in _START_TAG.finditer(_NOT_TAGS.sub("", text)):
        attributes = match.group(2)
        if "data-" not in attributes.lower():  # most tags: no need to read their names
            continue
        names = _NAME.findall(_QUOTED.sub("", attributes))
        marked = {n.lower() for n in names if n.lower().startswith(_PREFIXES)}
        if marked:
            found.setdefault(match.group(1).lower(), set()).update(marked)
    return found


def carried(found):
    """Every marker attribute of markers_in()'s answer, whichever tag carries it."""
    return set().union(*found.values()) if found else set()
