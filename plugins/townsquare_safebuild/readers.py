"""Front matter keys the site's theme and its other plugins read: never a typo of the kit's.

A blog the kit joins already has keys of its own: its theme prints ``article.header_cover``,
pelican-seo reads ``og_image`` and ``external_canonical``. Pelican keeps every key, so these
work today; the near-miss check (frontmatter.py) must not call them typos. We collect, once per
theme and plugin list, every name a theme template reads from an object (``x.name``,
``x['name']``, ``x.get('name')``) and every short identifier-like string literal in the
other loaded plugins' Python files. Too many names only ever makes the check more lenient.
"""

import os
import re
import sys
from functools import lru_cache
from pathlib import Path

TEMPLATE_NAME = re.compile(
    r"""\.(?P<attr>[A-Za-z_]\w*)|\[\s*["'](?P<item>\w+)["']\s*\]|get\(\s*["'](?P<get>\w+)["']"""
)
PYTHON_STRING = re.compile(r"""["']([A-Za-z_][A-Za-z0-9_]{1,40})["']""")
KIT_PREFIXES = ("pelican.plugins.townsquare", "townsquare")  # the kit declares its own keys
TEMPLATE_SUFFIXES = (".html", ".htm", ".j2", ".jinja", ".jinja2", ".xml")


def foreign_keys(settings):
    """Lower-case names the theme's templates and the non-kit plugins may read as metadata."""
    plugins = tuple(
        name
        for name in (getattr(p, "__name__", str(p)) for p in settings.get("PLUGINS") or ())
        if not name.startswith(KIT_PREFIXES)
    )
    return _theme_names(str(settings.get("THEME") or "")) | _plugin_names(plugins)


@lru_cache(maxsize=8)
def _theme_names(theme):
    names = set()
    for path in Path(theme, "templates").rglob("*"):
        if path.suffix.lower() in TEMPLATE_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            names.update(m["attr"] or m["item"] or m["get"] for m in TEMPLATE_NAME.finditer(text))
    return frozenset(name.lower() for name in names)


@lru_cache(maxsize=8)
def _plugin_names(plugins):
    names = set()
    for plugin in plugins:
        for path in _python_files(sys.modules.get(plugin)):
            text = path.read_text(encoding="utf-8", errors="replace")
            names.update(found.lower() for found in PYTHON_STRING.findall(text))
    return frozenset(names)


def _python_files(module):
    """The .py files of a plugin module (its package folder, or the one file)."""
    origin = getattr(module, "__file__", None)
    if not origin:
        return []
    if os.path.basename(origin) == "__init__.py":
        return [p for p in Path(origin).parent.rglob("*.py") if "tests" not in p.parts]
    return [Path(origin)]
