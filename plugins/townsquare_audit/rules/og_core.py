"""og-core: the Open Graph tags every link preview needs, complete and absolute."""

from dataclasses import replace

from ..kinds import CONTENT_KINDS
from ..urls import is_absolute
from .base import Rule

REQUIRED = ("og:title", "og:type", "og:url", "og:image", "og:description")
ABSOLUTE = ("og:url", "og:image")
#: Object types from the Open Graph protocol; anything else (e.g. "page") is invalid.
VALID_TYPES = frozenset(
    {
        "website",
        "article",
        "profile",
        "book",
        "music.song",
        "music.album",
        "music.playlist",
        "music.radio_station",
        "video.movie",
        "video.episode",
        "video.tv_show",
        "video.other",
    }
)


class OgCore(Rule):
    """og:title, og:type, og:url, og:image and og:description are present and valid."""

    id = "og-core"
    description = "Open Graph core tags are complete, valid and absolute"
    hint = "add the missing og: tags to <head> (an SEO plugin or your theme's head template)"
    kit_hint = 'include "townsquare/meta.html" (townsquare_social) or add the missing og: tags'
    kinds = CONTENT_KINDS
    #: When only the description is missing the tags are in place: the page has no text to
    #: describe it (a post with no Summary and no paragraph), so the fix is in the post.
    description_hint = (
        "give the post a 'Summary:' line in its front matter (or a first paragraph of text); "
        "the description comes from it"
    )

    def check(self, page):
        missing = [key for key in REQUIRED if not page.meta(key)]
        if missing == ["og:description"]:
            yield replace(
                self.finding(page, page.head_line, "missing Open Graph tag(s): og:description"),
                hint=self.description_hint,
            )
        elif missing:
            yield self.finding(
                page, page.head_line, f"missing Open Graph tag(s): {', '.join(missing)}"
            )
        og_type = page.meta("og:type")
        if og_type and og_type not in VALID_TYPES:
            yield self.finding(
                page,
                page.line_of('property="og:type"'),
                f"og:type {og_type!r} is not an Open Graph type (use 'article' or 'website')",
            )
        for key in ABSOLUTE:
            value = page.meta(key)
            if value and not is_absolute(value):
                yield self.finding(
                    page, page.line_of(value), f"{key} {value} is not an absolute http(s) URL"
                )
