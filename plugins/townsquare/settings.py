"""How the kit's plugins declare and check their settings: one Setting shape, one message format.

A plugin lists its settings once (name, default, a check returning what is wrong or None, and
what is allowed); ``problems`` fills the defaults in and returns one line per bad value, and
``refuse`` stops the build listing every problem at once, in the same words for every plugin:
``share: 2 setting problem(s):`` then ``  - Setting 'SHARE_X': received ...; ...; allowed: ...``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """A declared setting: name, default, a check returning a problem (or None), allowed."""

    name: str
    default: object
    check: object
    allowed: str


def boolean(value):
    """Check: True or False."""
    return None if isinstance(value, bool) else "must be True or False"


def one_of(choices):
    """Check: one of choices."""
    return lambda value: None if value in choices else "is not one of the allowed values"


def output_folder(value):
    """Check: a relative folder path inside the output (no '..')."""
    if not isinstance(value, str) or not value.strip("/") or ".." in value.split("/"):
        return "must be a relative folder path inside the output"
    return None


class SettingsError(Exception):
    """Settings a plugin cannot work with; the message lists every problem (exit status 1)."""

    exitcode = 1


def problems(settings, declared):
    """Fill each declared setting's default into settings; one message per invalid value."""
    found = []
    for setting in declared:
        value = settings.setdefault(setting.name, setting.default)
        problem = setting.check(value)
        if problem:
            found.append(
                f"Setting '{setting.name}': received {value!r}; {problem}; "
                f"allowed: {setting.allowed}"
            )
    return found


def refuse(error, plugin, found):
    """Raise error (a SettingsError subclass) listing every problem, when there are any."""
    if found:
        listed = "\n".join(f"  - {p}" for p in found)
        raise error(f"{plugin}: {len(found)} setting problem(s):\n{listed}")
