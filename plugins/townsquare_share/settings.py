"""The share plugin's settings: declared once with defaults, validated once at `initialized`."""

import re

from pelican.plugins.townsquare.settings import (
    Setting,
    SettingsError,
    boolean,
    one_of,
    output_folder,
    problems,
    refuse,
)

from .networks import BY_NAME, NAMES

POSITIONS = ("after", "before", "both")
#: Front matter keys this plugin reads (safebuild refuses near-misses such as "Shar").
FRONT_MATTER = ("share", "canonical")
_HOSTNAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


class ShareSettingsError(SettingsError):
    """One or more SHARE_ settings are invalid; the message lists every problem."""


def _networks(value):
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return "must be a list of network names"
    unknown = [v for v in value if v not in BY_NAME]
    if unknown:
        return f"unknown network(s) {', '.join(map(repr, unknown))}"
    if not value:
        return "is empty, so no page could be shared (turn sharing off per page with 'share: off')"
    if len(set(value)) != len(value):
        return "lists a network twice"
    return None


def _utm(value):
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        return "must be None or a non-empty dict of utm_* parameters"
    bad = [k for k, v in value.items() if not str(k).startswith("utm_") or not isinstance(v, str)]
    return f"has invalid entries {bad!r}" if bad else None


def _limits(value):
    if not isinstance(value, dict):
        return "must be a dict of network name -> positive int"
    bad = [
        k
        for k, v in value.items()
        if k not in BY_NAME or BY_NAME[k].limit is None or not isinstance(v, int) or v < 40
    ]
    return f"has invalid entries {bad!r}" if bad else None


def _instances(value):
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str) and _HOSTNAME.match(v) for v in value
    ):
        return "must be a list of lowercase host names"
    return None


QUOTE_NETWORKS = tuple(n.name for n in BY_NAME.values() if n.limit)

#: Shown by default: the networks leaders' readers use most, kept few so pages stay light.
DEFAULT_NETWORKS = ("linkedin", "mastodon", "bluesky", "x", "email")

SETTINGS = (
    Setting(
        "SHARE_NETWORKS", DEFAULT_NETWORKS, _networks, f"a list drawn from {', '.join(NAMES)}"
    ),
    Setting("SHARE_POSITION", "after", one_of(POSITIONS), " | ".join(map(repr, POSITIONS))),
    Setting("SHARE_COPY_LINK", True, boolean, "True or False"),
    Setting("SHARE_WEB_SHARE", True, boolean, "True or False"),
    Setting("SHARE_ON_PAGES", True, boolean, "True or False"),
    Setting("SHARE_UTM", None, _utm, "None or e.g. {'utm_source': '{network}'}"),
    Setting(
        "SHARE_QUOTE_LIMITS", {}, _limits, f"{{name: int >= 40}} for {', '.join(QUOTE_NETWORKS)}"
    ),
    Setting(
        "SHARE_MASTODON_PATH", "share/mastodon", output_folder, "a relative folder like 'share/m'"
    ),
    Setting(
        "SHARE_MASTODON_INSTANCES",
        ("mastodon.social", "mastodon.online", "fosstodon.org", "hachyderm.io"),
        _instances,
        "a list of host names like 'mastodon.social'",
    ),
)


def validate(settings):
    """Fill defaults into settings and raise ShareSettingsError listing every problem."""
    found = problems(settings, SETTINGS)
    refuse(ShareSettingsError, "share", found)
    return settings
