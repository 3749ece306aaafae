"""Safebuild's settings, and the checks of Pelican's own settings that the kit relies on.

Pelican accepts ``DEFAULT_PAGINATION = "5"`` and crashes later with a TypeError, and writes a
``SITENAME`` holding a control character into feeds that no reader can parse. These are checked
once at ``initialized``, every problem listed in one error naming the setting.
"""

import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.plugins.townsquare.guard import save_as_problem
from pelican.plugins.townsquare.settings import refuse

from .hygiene import CONTROL

#: Front matter keys a site's theme or own plugins read (e.g. ``("subtitle", "hero")``), on top
#: of Pelican's and the kit's own; only keys *close* to a known one are refused as typos.
DEFAULTS = {
    "FRONTMATTER_KEYS": (),
    # Seconds a build waits for another build of the same output folder before it stops (lock.py).
    "SAFEBUILD_LOCK_TIMEOUT": 300,
}

TEXT_SETTINGS = ("SITENAME", "SITESUBTITLE", "AUTHOR")
_KEY = re.compile(r"^[a-z0-9_-]+$", re.IGNORECASE)


class SiteSettingsError(Exception):
    """Pelican settings the kit cannot build with; the message lists every problem."""

    exitcode = 1


def _pagination_problem(value):
    if value is False or value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return (
            f"Setting 'DEFAULT_PAGINATION': received {value!r}; "
            "allowed: False (one page) or a whole number of posts per page, e.g. 10"
        )
    return None


def _text_problem(name, value):
    if not isinstance(value, str):
        return None
    found = CONTROL.search(value)
    if not found:
        return None
    return (
        f"Setting '{name}': received {value!r}; it holds the control character "
        f"U+{ord(found.group()):04X}, which no feed reader or HTML validator accepts; "
        "allowed: plain text (delete the character)"
    )


def _keys_problem(value):
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(key, str) and _KEY.match(key) for key in value
    ):
        return None
    return (
        f"Setting 'FRONTMATTER_KEYS': received {value!r}; "
        "allowed: a list of front matter key names, e.g. ['subtitle', 'hero_image']"
    )


def _lock_timeout_problem(value):
    if not isinstance(value, bool) and isinstance(value, int | float) and value >= 0:
        return None
    return (
        f"Setting 'SAFEBUILD_LOCK_TIMEOUT': received {value!r}; allowed: a number of seconds, "
        "0 or more (0 = stop at once when another build of the same folder is running)"
    )


def _retention_problem(value):
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(name, str) and name and "/" not in name for name in value
    ):
        return None
    hint = " (a string is read letter by letter)" if isinstance(value, str) else ""
    example = f"[{value!r}]" if isinstance(value, str) and value else "['.git', 'CNAME']"
    return (
        f"Setting 'OUTPUT_RETENTION': received {value!r}{hint}; allowed: a list of names in the "
        f"output folder that a build keeps, e.g. OUTPUT_RETENTION = {example}"
    )


def _save_as_problems(settings):
    """One problem per *_SAVE_AS setting that would write outside the output folder."""
    for name in sorted(key for key in settings if key.endswith("_SAVE_AS")):
        problem = save_as_problem(settings[name])
        if problem:
            yield (
                f"Setting '{name}': received {settings[name]!r}; it {problem}; allowed: a path "
                "relative to the output folder, e.g. 'posts/{slug}.html'"
            )


def _cache_path_problem(settings):
    """CACHE_PATH inside the content folder: Pelican would read its files as content (and
    publish the static ones); a cache is no source of the blog."""
    cache, content = settings.get("CACHE_PATH"), settings.get("PATH")
    if not isinstance(cache, str) or not cache or not isinstance(content, str):
        return None
    cache_dir, content_dir = Path(cache).resolve(), Path(content).resolve()
    if cache_dir != content_dir and content_dir not in cache_dir.parents:
        return None
    return (
        f"Setting 'CACHE_PATH': received {cache!r}, inside the content folder {content}, so "
        "cache files would be read as posts and published; allowed: a folder outside it, "
        "e.g. '.cache/pelican'"
    )


def _timezone_problem(value):
    """TIMEZONE must name a zone: Pelican would otherwise stop on every post, one by one."""
    if value is None:
        return None
    try:  # what Pelican itself does with it (listing every zone cost 17 ms a build)
        ZoneInfo(value)
        return None
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        pass
    return (
        f"Setting 'TIMEZONE': received {value!r}, which is not a time zone name; allowed: a "
        "name like 'Europe/Berlin', 'America/New_York' or 'UTC'"
    )


def check_site_settings(pelican):
    """initialized receiver: raise SiteSettingsError listing every unusable setting."""
    settings = pelican.settings
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    problems = [_pagination_problem(settings.get("DEFAULT_PAGINATION"))]
    problems += [_text_problem(name, settings.get(name)) for name in TEXT_SETTINGS]
    problems.append(_keys_problem(settings["FRONTMATTER_KEYS"]))
    problems.append(_lock_timeout_problem(settings["SAFEBUILD_LOCK_TIMEOUT"]))
    problems.append(_retention_problem(settings.get("OUTPUT_RETENTION", ())))
    problems += _save_as_problems(settings)

    problems.append(_cache_path_problem(settings))
    problems.append(_timezone_problem(settings.get("TIMEZONE")))
    refuse(SiteSettingsError, "settings", [problem for problem in problems if problem])
