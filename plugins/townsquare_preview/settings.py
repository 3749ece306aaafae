"""Declared settings of the preview plugin, their defaults and one validation pass."""

from dataclasses import dataclass

from .networks import NETWORK_NAMES


class PreviewSettingsError(ValueError):
    """One or more PREVIEW_* settings are invalid; the message lists every problem."""


@dataclass(frozen=True)
class Setting:
    """One declared setting: its name, a default (None = derived) and a checker."""

    name: str
    default: object
    allowed: str

    def problem(self, value):
        """Return what is wrong with value, or None when it is acceptable."""
        raise NotImplementedError


class Flag(Setting):
    """A True/False setting."""

    def problem(self, value):
        return None if isinstance(value, bool) else "must be True or False"


class SaveAs(Setting):
    """An output path pattern holding {slug} and ending in .html."""

    def problem(self, value):
        ok = isinstance(value, str) and "{slug}" in value and value.endswith(".html")
        return None if ok and not value.startswith("/") else "must look like 'preview/{slug}.html'"


class Networks(Setting):
    """A non-empty tuple/list of known network names."""

    def problem(self, value):
        if not isinstance(value, list | tuple) or not value:
            return "must be a non-empty tuple of network names"
        unknown = [name for name in value if name not in NETWORK_NAMES]
        return f"has unknown name(s) {unknown}" if unknown else None


# PREVIEW_ENABLED and PREVIEW_LIVE_RELOAD default to "not PUBLISH": local builds get the
# authoring aids, publish builds never carry them.
SETTINGS = (
    Flag("PREVIEW_ENABLED", None, "True or False (default: True unless PUBLISH)"),
    Flag("PREVIEW_LIVE_RELOAD", None, "True or False (default: True unless PUBLISH)"),
    SaveAs("PREVIEW_SAVE_AS", "preview/{slug}.html", "a relative path with {slug}, ending .html"),
    Networks("PREVIEW_NETWORKS", NETWORK_NAMES, f"a tuple drawn from {list(NETWORK_NAMES)}"),
)


def apply_defaults_and_validate(settings):
    """Fill in defaults, then raise PreviewSettingsError listing every invalid setting."""
    local = not settings.get("PUBLISH", False)
    problems = []
    for setting in SETTINGS:
        default = local if setting.default is None else setting.default
        value = settings.setdefault(setting.name, default)
        problem = setting.problem(value)
        if problem:
            problems.append(
                f"Setting '{setting.name}': received {value!r}; {problem}; "
                f"allowed: {setting.allowed}"
            )
    if problems:
        listed = "\n".join(f"  - {problem}" for problem in problems)
        raise PreviewSettingsError(f"preview: {len(problems)} setting problem(s):\n{listed}")
