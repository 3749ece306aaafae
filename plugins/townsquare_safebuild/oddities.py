"""Warn about valid but suspicious content: invisible characters, far-future dates, tag floods.

None of these stop a build (a right-to-left title may need a direction mark, a post may be
scheduled), but each is more often a paste accident or a typo than a choice, so the build log
names the file and line.
"""

import logging
import unicodedata
from datetime import datetime, timedelta

from .source import checked_path, read_source

logger = logging.getLogger(__name__)

#: Invisible characters that reorder or hide text (bidi controls, zero-width spaces, BOM).
#: U+200C/U+200D are left out: emoji sequences and Persian spelling need them.
INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
#: More tags than this on one post is almost certainly a paste accident; every tag is a page
#: and three feeds, so thousands of them make the build crawl.
MAX_TAGS = 50
FAR_FUTURE = timedelta(days=366)


def invisible_problem(source, title, key="title", what="the title"):
    """A warning for the first bidi control or zero-width character in a value of the front
    matter key (the title, a tag, an author), or None."""
    for column, char in enumerate(title, 1):
        if char in INVISIBLE:
            field = source.field(key)
            name = unicodedata.name(char, "invisible character").lower()
            return (
                f"{source.path}:{field.line if field else 1}: {what} holds an invisible "
                f"{name} (U+{ord(char):04X}) at column {column}; it can reorder or hide "
                f"{what} where it is shown — fix: delete it unless you put "
                "it there on purpose"
            )
    return None


def _named_problems(source, content):
    """invisible_problem for every tag and author of content (a tag 'admin<U+202E>' reads
    as another tag, an author name as another person)."""
    for tag in getattr(content, "tags", None) or ():
        yield invisible_problem(source, str(tag), "tags", f"the tag {str(tag)!r}")
    for author in getattr(content, "authors", None) or ():
        key = "authors" if source.field("authors") else "author"
        yield invisible_problem(source, str(author), key, f"the author {str(author)!r}")


def future_problem(source, date, now):
    """A warning when date is more than a year after now (a mistyped year?), or None."""
    if date is None or date - now <= FAR_FUTURE:
        return None
    field = source.field("date")
    return (
        f"{source.path}:{field.line if field else 1}: the date {date:%Y-%m-%d} is more than a "
        "year ahead, so the post says it was written then — fix: check the year"
    )


def tags_problem(source, tags):
    """A warning when a post has more than MAX_TAGS tags, or None."""
    if len(tags) <= MAX_TAGS:
        return None
    field = source.field("tags")
    return (
        f"{source.path}:{field.line if field else 1}: the post has {len(tags)} tags; each one "
        f"is a page and three feeds, so the build slows down — fix: keep to at most {MAX_TAGS}"
    )


def check_oddities(content):
    """content_object_init receiver: log a warning for each suspicious value."""
    path = checked_path(content)
    if path is None:
        return
    source = read_source(path)
    date = getattr(content, "date", None)
    now = datetime.now(getattr(date, "tzinfo", None))  # Pelican's dates carry TIMEZONE
    warnings = (
        invisible_problem(source, str(getattr(content, "title", ""))),
        future_problem(source, date, now),
        tags_problem(source, getattr(content, "tags", None) or ()),
        *_named_problems(source, content),
    )
    for warning in warnings:
        if warning:
            logger.warning("%s", warning)
