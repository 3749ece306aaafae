"""The feeds plugin's settings: declared once with defaults, validated once at `initialized`."""

from pelican.plugins.townsquare.settings import (
    Setting,
    SettingsError,
    boolean,
    one_of,
    output_folder,
    problems,
    refuse,
)
from pelican.plugins.townsquare.urls import is_web_url

from .formats import FORMAT_NAMES
from .newsletter import newsletter
from .newsletter import problem as newsletter_problem

CONTENT_MODES = ("full", "summary")


class FeedsSettingsError(SettingsError):
    """One or more FEEDS_ (or SOCIAL) settings are invalid; the message lists every problem."""


def _formats(value):
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return "must be a list of format names"
    unknown = [v for v in value if v not in FORMAT_NAMES]
    if unknown:
        return f"unknown format(s) {', '.join(map(repr, unknown))}"
    return "lists a format twice" if len(set(value)) != len(value) else None


def _limit(value):
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return None
    return "must be None (no limit) or a positive whole number"


def _image(value):
    if value is None or is_web_url(value):
        return None
    # A relative path has no scheme: JAVASCRIPT:, data: and the like are refused in any case.
    if isinstance(value, str) and value and not value.startswith("/") and ":" not in value:
        return None
    return "must be None, an http(s) URL or a path relative to SITEURL"


def _newsletter(value):
    return newsletter_problem(value)


def _social(value):
    # SOCIAL is Pelican's own setting and themes give it other shapes (3-tuples with an icon,
    # site-relative feed paths, a set instead of a list): only its type is checked;
    # follow.py uses what it can.
    if value is None or isinstance(value, list | tuple | set | frozenset):
        return None
    return "must be a list (or set) of (name, url) pairs"


SETTINGS = (
    Setting("FEEDS_FORMATS", ("atom", "rss", "json"), _formats, f"a list of {FORMAT_NAMES}"),
    Setting("FEEDS_PER_CATEGORY", True, boolean, "True or False"),
    Setting("FEEDS_PER_TAG", True, boolean, "True or False"),
    Setting("FEEDS_PER_AUTHOR", True, boolean, "True or False"),
    Setting("FEEDS_CONTENT", "full", one_of(CONTENT_MODES), " | ".join(map(repr, CONTENT_MODES))),
    Setting("FEEDS_LIMIT", 20, _limit, "None or an int >= 1"),
    Setting("FEEDS_PATH", "feeds", output_folder, "a relative folder like 'feeds'"),
    Setting("FEEDS_ICON", None, _image, "None, an http(s) URL or a path like 'images/icon.png'"),
    Setting("FEEDS_LOGO", None, _image, "None, an http(s) URL or a path like 'images/logo.png'"),
    # Off by default: browsers are removing XSLT, and Chromium already warns on such pages.
    Setting("FEEDS_XSL", False, boolean, "True or False"),
    Setting(
        "FEEDS_NEWSLETTER",
        None,
        _newsletter,
        "None, {'provider': 'buttondown' | 'mailchimp' | 'kit' | 'listmonk', ...} or "
        "{'action': 'https://...', 'field': 'email'} (README: Email newsletter)",
    ),
    # Pelican's standard setting; the subscribe block turns it into follow links.
    Setting("SOCIAL", (), _social, "a list or set of (name, url, ...) tuples"),
)


#: Set by validate(), never by the user: the newsletter form's endpoint (None without one).
DECLARED = ("FEEDS_NEWSLETTER_ACTION",)


def validate(settings):
    """Fill defaults into settings and raise FeedsSettingsError listing every problem."""
    if settings.get("SOCIAL", ()) is None:  # Pelican's way of saying "no profiles"
        settings["SOCIAL"] = ()
    refuse(FeedsSettingsError, "feeds", problems(settings, SETTINGS))
    # Where the newsletter form posts, for other plugins (the comments plugin's form-action).
    form = newsletter(settings["FEEDS_NEWSLETTER"])
    settings["FEEDS_NEWSLETTER_ACTION"] = form.action if form else None
    return settings
