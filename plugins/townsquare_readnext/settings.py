"""The read-next plugin's settings: declared once, validated once at `initialized`."""

from dataclasses import dataclass


class ReadNextSettingsError(Exception):
    """A READNEXT_ setting is invalid; the message names it."""

    exitcode = 1


@dataclass(frozen=True)
class Setting:
    """A declared setting: name, default, a check returning a problem (or None), allowed."""

    name: str
    default: object
    check: object
    allowed: str


def _count(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 12
    return None if ok else "must be a whole number from 0 to 12"


SETTINGS = (Setting("READNEXT_RELATED", 3, _count, "0 (none) to 12"),)


def validate(settings):
    """Fill defaults into settings and raise ReadNextSettingsError listing every problem."""
    problems = []
    for setting in SETTINGS:
        value = settings.setdefault(setting.name, setting.default)
        problem = setting.check(value)
        if problem:
            problems.append(
                f"Setting '{setting.name}': received {value!r}; {problem}; "
                f"allowed: {setting.allowed}"
            )
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise ReadNextSettingsError(f"readnext: {len(problems)} setting problem(s):\n{listed}")
    return settings
