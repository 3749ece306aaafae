"""Catch misspelt plugin settings: `FEEDS_ITEM_LIMIT = 5` would otherwise be ignored in silence.

Every Townsquare plugin declares its settings in ``<plugin>/settings.py``: a ``SETTINGS`` tuple of
objects with a ``name``, a ``DEFAULTS`` dict, and/or ``DECLARED``, a tuple of further names (the
comments plugin's per-provider settings).

Other themes and plugins use the same prefixes for their own settings (``SHARE_LINKS``,
``COMMENTS_INTRO``, ``SOCIAL_WIDGET_NAME``), so an undeclared name is refused only when it is a
*near miss* of a declared one: the same words with one word added, dropped, swapped with its
neighbour or misspelt by a letter or two (``FEEDS_ITEM_LIMIT``, ``AUDIT_FAIL``,
``SOCIAL_CARD_COLOURS``). Anything further away is somebody else's setting.
"""

import sys

from pelican.settings import DEFAULT_CONFIG


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
        if known is None or name in known or name in DEFAULT_CONFIG:
            continue
        close = next((k for k in sorted(known) if near_miss(name, k)), None)
        if close:
            problems.append(f"  - {name}: not a setting of any plugin — did you mean {close}?")
    if problems:
        raise UnknownSettingError(
            f"settings: {len(problems)} unknown setting(s); fix the name in your settings file:\n"
            + "\n".join(problems)
        )


def near_miss(name, declared):
    """True when name is declared with one word added, dropped, swapped or slightly misspelt."""
    a, b = name.split("_"), declared.split("_")
    if len(a) == len(b):
        differing = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differing) == 1:
            i = differing[0]
            return distance(a[i], b[i]) <= max(1, len(b[i]) // 4)
        if len(differing) == 2 and differing[1] == differing[0] + 1:
            i = differing[0]
            return a[i] == b[i + 1] and a[i + 1] == b[i]
        return False
    shorter, longer = sorted((a, b), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def distance(a, b):
    """Edit distance between two short words: letters added, dropped, changed or swapped with
    their neighbour (``Tgas`` is one step from ``Tags``)."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (x != y)))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
