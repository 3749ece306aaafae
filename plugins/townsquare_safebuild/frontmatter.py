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
from .source import checked_path, read_source

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
        close = difflib.get_close_matches(field.key, sorted(known), n=1, cutoff=CLOSE)
        if close:
            problems.append(
                f"{source.path}:{field.line}: unknown front matter key '{field.name}' — did you "
                f"mean '{close[0].capitalize()}'? fix: correct the key (a key your theme reads "
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
    problems = key_problems(source, known_keys(settings), foreign_keys(settings))
    problems += date_problems(source)
    problems.append(slug_problem(content, source))
    for problem in problems:
        if problem:
            logger.error("%s", problem)
