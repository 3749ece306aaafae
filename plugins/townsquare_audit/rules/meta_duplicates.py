"""meta-duplicates: one value per metadata key, so platforms do not pick one at random.

Two themes (or a theme and a plugin) each writing og:title, og:type or a canonical link is the
usual cause. Different values are errors; the same value twice is a warning. og:image may
legally repeat (Open Graph arrays; Hugo lists several): different images are a warning, since
platforms take the first.
"""

from ..finding import ERROR, WARNING
from ..kinds import CONTENT_KINDS
from .base import Rule

SINGLE = (
    "og:title", "og:type", "og:url", "og:description", "og:site_name", "og:locale",
    "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:site",
    "twitter:creator", "description",
)  # fmt: skip
ARRAYS = ("og:image",)
KEYS = frozenset(SINGLE + ARRAYS)


class MetaDuplicates(Rule):
    """Each Open Graph / Twitter key and the canonical link appear once (or agree)."""

    id = "meta-duplicates"
    description = "Open Graph, Twitter and canonical values are not duplicated or conflicting"
    hint = "remove the second tag: keep one source of metadata (the theme or the plugin)"
    kit_hint = (
        "remove the theme's own metadata tags and keep the kit's (townsquare_social writes them)"
    )
    kinds = CONTENT_KINDS

    def check(self, page):
        if not (KEYS & page.repeated_meta) and len(page.links("canonical")) < 2:
            return  # the usual case, answered from the page's index
        values, lines = {}, {}
        for tag in page.elements("meta"):
            for key in {tag.get("property"), tag.get("name")} & KEYS:
                values.setdefault(key, []).append((tag.get("content") or "").strip())
                lines.setdefault(key, []).append(tag.sourceline or 1)
        for link in page.links("canonical"):
            values.setdefault("canonical", []).append((link.get("href") or "").strip())
            lines.setdefault("canonical", []).append(link.sourceline or 1)
        for key, found in values.items():
            if len(found) < 2:
                continue
            distinct = list(dict.fromkeys(found))
            line = lines[key][1]  # the second tag: the one to remove, usually
            if len(distinct) == 1:
                message = f"{key} appears {len(found)} times (same value)"
                yield self.finding(page, line, message, WARNING)
            else:
                shown = ", ".join(repr(v) for v in distinct[:3])
                severity = WARNING if key in ARRAYS else ERROR
                reader = "platforms show the first" if key in ARRAYS else "platforms pick either"
                message = f"{len(distinct)} different {key} values ({shown}): {reader}"
                yield self.finding(page, line, message, severity)
