"""The replies plugin's settings: declared once, validated once at `initialized`."""

import os
import re

from pelican.plugins.townsquare.settings import (
    Setting,
    SettingsError,
    output_folder,
    problems,
    refuse,
)

from .sources import allowed_base

#: Front matter keys this plugin reads (the typo check knows them).
FRONT_MATTER = ("mastodon", "bluesky", "replies", "syndicate")


class RepliesSettingsError(SettingsError):
    """A REPLIES_ setting is invalid; the message names it."""


def _days(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3650
    return None if ok else "must be a whole number of days from 1 to 3650"


def _count(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000
    return None if ok else "must be a whole number from 0 to 10000"


def _base(value):
    return None if allowed_base(value) else "must be an https:// address (or http:// on loopback)"


def _optional_base(value):
    return None if value in (None, "") else _base(value)


def _domain(value):
    if value in (None, ""):
        return None
    ok = isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", value)
    return None if ok else "must be the site's domain name, e.g. 'blog.example.org'"


def _block(value):
    ok = isinstance(value, list | tuple) and all(isinstance(v, str) and v.strip() for v in value)
    return None if ok else "must be a list of accounts, instances or words (strings)"


def _folder(value):
    if value is None:
        return None
    return None if isinstance(value, str) and value.strip() else "must be a folder path"


SETTINGS = (
    Setting(
        "REPLIES_BLUESKY_APPVIEW",
        "https://public.api.bsky.app",
        _base,
        "the https:// address of a Bluesky AppView",
    ),
    Setting("REPLIES_WEBMENTION_IO", None, _domain, "None, or the domain webmention.io serves"),
    Setting(
        "REPLIES_WEBMENTION_API",
        "https://webmention.io",
        _optional_base,
        "the https:// address of webmention.io (or a compatible server)",
    ),
    Setting("REPLIES_REFRESH_DAYS", 14, _days, "1 to 3650 days"),
    Setting("REPLIES_MAX", 500, _count, "0 to 10000 replies shown per post"),
    Setting("REPLIES_BLOCK", (), _block, "a list of accounts, instances or words"),
    Setting("REPLIES_CACHE", None, _folder, "None (CACHE_PATH/replies) or a folder"),
    Setting("REPLIES_AVATAR_PATH", "images/replies", output_folder, "a folder inside the output"),
    Setting(
        "REPLIES_TIMEOUT",
        10,
        lambda v: None if isinstance(v, int | float) and 0 < v <= 120 else "must be 1-120 s",
        "seconds, 1 to 120",
    ),
)


def validate(settings):
    """Fill defaults into settings and raise RepliesSettingsError listing every problem."""
    found = problems(settings, SETTINGS)
    refuse(RepliesSettingsError, "replies", found)
    if not settings["REPLIES_CACHE"]:
        settings["REPLIES_CACHE"] = os.path.join(settings.get("CACHE_PATH") or "cache", "replies")
    return settings
