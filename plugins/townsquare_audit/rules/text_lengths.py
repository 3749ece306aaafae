"""text-lengths: titles and descriptions fit what search results and link previews show."""

from ..finding import WARNING
from ..kinds import CONTENT_KINDS
from .base import Rule

#: (name, max characters, where it gets cut, where it is in the source)
LIMITS = (
    ("<title>", 70, "search results and browser tabs", "<title"),
    ("og:title", 95, "Facebook and LinkedIn previews", 'property="og:title"'),
    ("description", 200, "X, Slack and search snippets", "description"),
)


class TextLengths(Rule):
    """<title>, og:title and the description stay within platform limits; a description exists."""

    id = "text-lengths"
    description = "title and description lengths are within platform limits"
    hint = "give every page a <title> and a meta description that fit"
    kit_hint = (
        "give every page a title and a description that fit (front matter Title and Summary, "
        "or the og_title / og_description overrides)"
    )
    kinds = CONTENT_KINDS

    def check(self, page):
        description = page.meta("og:description") or page.meta("description")
        values = {
            "<title>": page.title,
            "og:title": page.meta("og:title"),
            "description": description,
        }
        if not page.title:
            yield self.finding(
                page, page.head_line, "empty <title>: previews and tabs show the URL"
            )
        if not description:
            yield self.finding(
                page,
                page.head_line,
                "no description: previews will show arbitrary page text",
                WARNING,
            )
        for name, limit, where, source in LIMITS:
            value = values[name] or ""
            if len(value) > limit:
                yield self.finding(
                    page,
                    page.line_of(source),
                    f"{name} is {len(value)} characters; {where} cut it after {limit}",
                    WARNING,
                )
