"""The covers a theme itself prints as its preview image, read from its templates.

A theme that writes ``<meta property="og:image" content="{{ SITEURL }}/{{ article.banner }}">``
(or ``twitter:image``) has told its authors which front matter key holds a post's cover, and
which setting holds the site's (``{{ HEADER_COVER }}``). The kit's og:image must be that image,
not a drawn card, so those names join COVER_KEYS and THEME_COVER_SETTINGS for this theme.
"""

import re
from functools import lru_cache
from pathlib import Path

from .settings import COVER_KEYS, THEME_COVER_SETTINGS

PREVIEW_META = re.compile(
    r"""<meta\b[^>]*?(?:og:image|twitter:image)["']?[^>]*?content\s*=\s*(["'])(?P<value>.*?)\1""",
    re.I | re.S,
)
#: Inside a template expression: article.x / page.x (a content key) or an UPPER setting name.
CONTENT_KEY = re.compile(r"\b(?:article|page)\.(?P<key>[a-z_][a-z0-9_]*)\b", re.I)
SETTING = re.compile(r"\b(?P<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b")
SITE_SETTINGS = frozenset({"SITEURL", "THEME_STATIC_DIR", "SITENAME", "STATIC_URL"})
#: Content attributes a preview expression reads that never hold the image itself (a theme's
#: ``CATEGORY_IMAGES[article.category]`` looks the cover up by the category).
NOT_IMAGES = frozenset(
    {"author", "authors", "category", "tags", "tag", "date", "modified", "slug", "url", "lang",
     "title", "summary", "content", "status", "save_as", "locale_date", "series", "translations"}
)  # fmt: skip


def cover_names(theme):
    """(front matter keys, setting names) for a post's cover, the theme's own first."""
    keys, names = _printed(str(theme or ""))
    return (
        tuple(dict.fromkeys((*COVER_KEYS, *keys))),
        tuple(dict.fromkeys((*THEME_COVER_SETTINGS, *names))),
    )


@lru_cache(maxsize=8)
def _printed(theme):
    """Content keys and settings the theme's templates print into og:image/twitter:image."""
    keys, names = [], []
    for path in sorted(Path(theme, "templates").rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for meta in PREVIEW_META.finditer(text):
            value = meta["value"]
            keys += [
                m["key"].lower()
                for m in CONTENT_KEY.finditer(value)
                if m["key"].lower() not in NOT_IMAGES and not _subscript(value, m.start())
            ]
            names += [m["name"] for m in SETTING.finditer(value) if m["name"] not in SITE_SETTINGS]
    return tuple(keys), tuple(names)


def _subscript(expression, start):
    """True when the content key at start is the index of a lookup (``MAP[article.x]``)."""
    return expression[:start].rstrip().endswith("[")
