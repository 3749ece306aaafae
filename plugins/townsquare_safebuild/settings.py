"""The safebuild plugin's settings: declared once, validated once at `initialized`."""

DEFAULTS = {
    # Seconds a build waits for another build of the same output folder before refusing.
    "SAFEBUILD_LOCK_TIMEOUT": 300,
}


class SafebuildSettingsError(Exception):
    """A SAFEBUILD_* setting is invalid; the message names it, the value and what is allowed."""

    exitcode = 1


def resolve(settings):
    """Return the SAFEBUILD_* settings with defaults; raise SafebuildSettingsError if invalid."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    timeout = values["SAFEBUILD_LOCK_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0:
        raise SafebuildSettingsError(
            f"safebuild: 1 setting problem(s):\n  - Setting 'SAFEBUILD_LOCK_TIMEOUT': received "
            f"{timeout!r}; allowed: a number of seconds, 0 or more (0 = refuse at once when "
            "another build is running)"
        )
    return values
