"""The read-next plugin's settings: declared once, validated once at `initialized`."""

from pelican.plugins.townsquare.settings import Setting, SettingsError, problems, refuse


class ReadNextSettingsError(SettingsError):
    """A READNEXT_ setting is invalid; the message names it."""


def _count(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 12
    return None if ok else "must be a whole number from 0 to 12"


SETTINGS = (Setting("READNEXT_RELATED", 3, _count, "0 (none) to 12"),)


def validate(settings):
    """Fill defaults into settings and raise ReadNextSettingsError listing every problem."""
    found = problems(settings, SETTINGS)
    refuse(ReadNextSettingsError, "readnext", found)
    return settings
