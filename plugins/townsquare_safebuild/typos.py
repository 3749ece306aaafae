"""Catch misspelt plugin settings: `FEEDS_ITEM_LIMIT = 5` would otherwise be ignored in silence.

Every Townsquare plugin declares its settings in ``<plugin>/settings.py``: a ``SETTINGS`` tuple of
objects with a ``name``, a ``DEFAULTS`` dict, and/or ``DECLARED``, a tuple of further names (the
comments plugin's per-provider settings). A setting that starts with a plugin's prefix
but is not declared is almost always a typo, so the build stops and suggests the closest name.
"""

import difflib
import sys

from pelican.settings import DEFAULT_CONFIG

#: Settings with one of our prefixes that other Pelican themes read (e.g. notmyidea's sidebar
#: title), so a configuration carried over from them is not refused.
THEME_SETTINGS = frozenset({"SOCIAL_WIDGET_NAME"})


class UnknownSettingError(Exception):
    """A setting with a plugin's prefix is not one the plugin knows."""

    exitcode = 1


def setting_names(module):
    """Every setting name a plugin's settings module declares (SETTINGS, DEFAULTS, DECLARED)."""
    names = {s.name for s in getattr(module, "SETTINGS", ())}
    names |= set(getattr(module, "DEFAULTS", {}))
    return names | set(getattr(module, "DECLARED", ()))


def declared_settings(plugin_names):
    """Map each loaded plugin's settings prefix (e.g. 'FEEDS_') to the names it declares."""
    prefixes = {}
    for plugin in plugin_names:
        for name in setting_names(sys.modules.get(f"{plugin}.settings")):
            if "_" in name:
                prefixes.setdefault(name.split("_", 1)[0] + "_", set()).add(name)
    return prefixes


def check_setting_names(pelican):
    """Raise UnknownSettingError listing every undeclared setting that has a plugin's prefix."""
    settings = pelican.settings
    plugins = [getattr(p, "__name__", str(p)) for p in settings.get("PLUGINS") or ()]
    declared = declared_settings(plugins)
    problems = []
    for name in sorted(settings):
        if "_" not in name:
            continue
        known = declared.get(name.split("_", 1)[0] + "_")
        if known is None or name in known or name in DEFAULT_CONFIG or name in THEME_SETTINGS:
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "see README.md, 'Settings reference'"
        problems.append(f"  - {name}: not a setting of any plugin — {hint}")
    if problems:
        raise UnknownSettingError(
            f"settings: {len(problems)} unknown setting(s); fix the name in your settings file:\n"
            + "\n".join(problems)
        )
