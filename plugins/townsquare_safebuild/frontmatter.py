"""Check front matter keys and dates the way settings are checked: typos stop the build.

Pelican keeps any key it does not know, so ``Satus: draft`` publishes the post and ``Tag:`` or
``Sumary:`` are ignored in silence; ``Date: 03/04/2026`` is read month-first by dateutil. A key
close to a known one (Pelican's, the kit's plugins' ``FRONT_MATTER`` tuples, the site's
``FRONTMATTER_KEYS``) is refused with "did you mean"; a key the theme or another loaded plugin
reads (readers.py) never is, and other unknown keys are a theme's business and pass. A date
whose day and month could be swapped (03/04/2026) is refused; any other date Pelican reads
(2023-2-24 9:00, 4 March 2026) builds. Every problem is logged as an error naming the file and
line, which fails the build through safebuild and keeps the old site.
"""

import difflib
import logging
import re
import sys

from .explain import DATE_EXAMPLE
from .readers import foreign_keys
from .source import MARKDOWN, checked_path, read_source
from .typos import distance

logger = logging.getLogger(__name__)

#: Metadata Pelican itself understands (its docs' list, plus keys Content reads as attributes).
PELICAN_KEYS = frozenset(
    {
        "title", "date", "modified", "tags", "keywords", "category", "slug", "author",
        "authors", "summary", "lang", "translation", "status", "template", "save_as", "url",
        "timezone",
    }
)  # fmt: skip
DATE_KEYS = ("date", "modified")
#: A date that starts with day and month in an order only the reader's country decides
#: (03/04/2026). Year-first dates, padded or not (2023-2-24 9:00), and dates with a month
#: name are read one way only, so Pelican's reading of them stands.
AMBIGUOUS_DATE = re.compile(r"^\s*(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\d{2,4}\b")
#: How alike an unknown key must be to a known one to be called a typo (difflib ratio).
CLOSE = 0.8
#: Or: one letter added, dropped, changed or swapped, in a key of at least this many letters.
ONE_SLIP_LENGTH = 4
#: A body line that looks like a front matter line ("Status : draft", "Summary: ...").
KEY_LIKE = re.compile(r"^[ ]{0,3}(?P<name>[A-Za-z][A-Za-z0-9_-]*)(?P<gap>[ \t]*):(?:[ \t]|$)")


def plugin_keys(settings):
    """Front matter keys the loaded plugins declare (``FRONT_MATTER`` in their settings.py)."""
    keys = set()
    for plugin in settings.get("PLUGINS") or ():
        name = getattr(plugin, "__name__", str(plugin))
        keys.update(getattr(sys.modules.get(f"{name}.settings"), "FRONT_MATTER", ()))
    return keys


def known_keys(settings):
    """Every front matter key this site knows: Pelican's, the plugins', the site's own."""
    declared = {str(key).lower() for key in settings.get("FRONTMATTER_KEYS") or ()}
    defaults = {str(key).lower() for key in settings.get("DEFAULT_METADATA") or {}}
    return PELICAN_KEYS | plugin_keys(settings) | declared | defaults


def key_problems(source, known, foreign=frozenset()):
    """'did you mean' messages for keys close to, but not, a known key (keys in foreign, which
    the theme or another plugin reads, are never typos)."""
    problems = []
    for field in source.fields:
        if field.key in known or field.key in foreign:
            continue
        close = closest_key(field.key, known)
        if close:
            problems.append(
                f"{source.path}:{field.line}: unknown front matter key '{field.name}' — did you "
                f"mean '{close.capitalize()}'? fix: correct the key (a key your theme reads "
                "goes in the FRONTMATTER_KEYS setting)"
            )
    return problems


def ambiguous(value):
    """True when value starts with two numbers that could each be the day or the month."""
    found = AMBIGUOUS_DATE.match(value)
    if found is None:
        return False
    a, b = int(found["a"]), int(found["b"])
    return a != b and a <= 12 and b <= 12


def closest_key(key, known):
    """The known key that key is a slip of ('tgas', 'tagz', 'satus'), or None."""
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=CLOSE)
    return close[0] if close else one_slip(key, known)


def one_slip(key, known):
    """The known key one letter away from key ('tgas', 'tsgs' -> 'tags'), or None."""
    if len(key) < ONE_SLIP_LENGTH:
        return None
    return next((k for k in sorted(known) if distance(key, k) == 1), None)


def stray_front_matter(source, known):
    """A message when the body starts with what looks like a front matter line, else None.

    Markdown's front matter ends at the first line that is not ``Key: value``: with a space
    before the colon (``Status : draft``) that line and every key after it become the post's
    text, and the post is published. The first body line is refused when it has a space before
    its colon, follows the front matter with no blank line, or names a front matter key (or is
    one letter off one).
    """
    if not source.fields or not source.path.lower().endswith(MARKDOWN):
        return None
    index = source.body_start
    while index < len(source.lines) and not source.lines[index].strip():
        index += 1
    found = KEY_LIKE.match(source.lines[index]) if index < len(source.lines) else None
    if not found:
        return None
    name = found["name"].lower()
    keyish = name in known or one_slip(name, known)
    # No blank line (or closing ---) between the last key and this line: the key list went on.
    directly = source.lines[index - 1].strip() not in ("", "---", "...")
    if not (found["gap"] or directly or keyish):
        return None
    return (
        f"{source.path}:{index + 1}: '{source.lines[index].strip()}' looks like front matter but "
        "is the first line of the post's text (front matter ends at the first line that is not "
        "'Key: value'), so its settings are ignored and the post is published — fix: move it "
        "into the front matter as 'Key: value' (no space before the colon, no blank line above)"
    )


def date_problems(source):
    """Messages for Date/Modified values whose day and month could be read either way."""
    problems = []
    for field in source.fields:
        if field.key in DATE_KEYS and ambiguous(field.value):
            example = DATE_EXAMPLE.replace("Date", field.name, 1)
            problems.append(
                f"{source.path}:{field.line}: {field.name} '{field.value}' is not an ISO date "
                "(03/04/2026 means March in one country and April in another) — fix: write it "
                f"as YYYY-MM-DD or YYYY-MM-DD HH:MM with an optional UTC offset, e.g. '{example}'"
            )
    return problems


def slug_problem(content, source):
    """A message when the content's URL slug is empty (an emoji-only title), else None."""
    if getattr(content, "slug", "x"):
        return None
    field = source.field("slug") or source.field("title")
    title = str(getattr(content, "title", ""))
    return (
        f"{source.path}:{field.line if field else 1}: the title {title!r} has no letter or digit "
        "to build the post's URL from — fix: add a word to the title, or a line "
        "'Slug: a-few-words' to the front matter"
    )


def check_front_matter(content):
    """content_object_init receiver: log an error for every key typo, bad date or empty slug."""
    path = checked_path(content, drafts=False)
    if path is None:
        return
    source = read_source(path)
    settings = content.settings
    known = known_keys(settings)
    problems = key_problems(source, known, foreign_keys(settings))
    problems += date_problems(source)
    problems.append(stray_front_matter(source, known))
    problems.append(slug_problem(content, source))
    for problem in problems:
        if problem:
            logger.error("%s", problem)
