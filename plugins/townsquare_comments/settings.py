"""The comments plugin's settings: declared once with defaults, validated once at `initialized`.

The chosen provider's own settings (COMMENTS_GISCUS_REPO_ID, ...) are declared on its class in
providers.py; a missing one is reported here by name, together with every other problem.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .providers import BY_NAME, NAMES, PROVIDERS

#: Front matter keys this plugin reads (safebuild refuses near-misses such as "Coments").
FRONT_MATTER = ("comments", "mastodon", "linkedin")
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")


class CommentsSettingsError(Exception):
    """One or more COMMENTS_ settings are invalid; the message lists every problem."""


@dataclass(frozen=True)
class Setting:
    """A declared setting: name, default, a check returning a problem (or None), allowed."""

    name: str
    default: object
    check: object
    allowed: str


def is_email(value):
    """True for a plain address like name@example.org (no display name, no list)."""
    return isinstance(value, str) and bool(_EMAIL.match(value))


def is_http_url(value, schemes=("http", "https")):
    """True for an absolute URL with one of schemes and a host."""
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in schemes and parts.hostname)


def _boolean(value):
    return None if isinstance(value, bool) else "must be True or False"


def _provider(value):
    return None if value is None or value in BY_NAME else "is not a known provider"


def _email(value):
    return None if value is None or is_email(value) else "must be None or an address"


SETTINGS = (
    Setting("COMMENTS_PROVIDER", None, _provider, "None | " + " | ".join(map(repr, NAMES))),
    Setting("COMMENTS_CLICK_TO_LOAD", True, _boolean, "True or False"),
    Setting("COMMENTS_REMEMBER_CONSENT", False, _boolean, "True or False"),
    Setting("COMMENTS_ON_PAGES", False, _boolean, "True or False"),
    Setting("COMMENTS_REPLY_EMAIL", None, _email, "None or an address like 'me@example.org'"),
    Setting("COMMENTS_HEADERS", True, _boolean, "True or False"),
)

#: Provider settings holding a server address (checked to be an http(s) URL).
URL_SETTINGS = ("COMMENTS_ISSO_URL", "COMMENTS_REMARK42_HOST", "COMMENTS_CUSDIS_HOST")
#: Provider settings that end up in a URL or host name: their shape, and how to describe it.
SHAPES = {
    "COMMENTS_GISCUS_REPO": (re.compile(r"^[\w.-]+/[\w.-]+$"), "'owner/repo'"),
    "COMMENTS_UTTERANCES_REPO": (re.compile(r"^[\w.-]+/[\w.-]+$"), "'owner/repo'"),
    "COMMENTS_DISQUS_SHORTNAME": (re.compile(r"^[a-z0-9-]+$"), "a shortname like 'my-blog'"),
}


def _provider_problems(settings):
    """Problems with the chosen provider's own settings (missing required ones, bad URLs)."""
    provider = BY_NAME.get(settings["COMMENTS_PROVIDER"])
    if provider is None:
        return []
    problems = []
    for name, default in provider.optional.items():
        settings.setdefault(name, default)
    for name in provider.required:
        value = settings.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                f"Setting '{name}': received {value!r}; {name} is required when "
                f"COMMENTS_PROVIDER = {provider.name!r}"
            )
    for name in (*provider.required, *provider.optional):
        value = settings.get(name)
        if not value or not isinstance(value, str):
            continue
        if name in URL_SETTINGS and not is_http_url(value):
            problems.append(f"Setting '{name}': received {value!r}; must be an http(s) URL")
        if name in SHAPES and not SHAPES[name][0].match(value):
            problems.append(f"Setting '{name}': received {value!r}; must be {SHAPES[name][1]}")
    return problems


def _author_emails(settings):
    """Problems with the reply addresses in AUTHORS_BIO (an optional 'email' per author)."""
    bios = settings.get("AUTHORS_BIO") or {}
    bad = {
        slug: bio["email"]
        for slug, bio in bios.items()
        if isinstance(bio, dict) and "email" in bio and not is_email(bio["email"])
    }
    if not bad:
        return []
    return [
        f"Setting 'AUTHORS_BIO': received e-mail(s) {bad!r}; each 'email' must be an address "
        "like 'me@example.org'"
    ]


def validate(settings):
    """Fill defaults into settings and raise CommentsSettingsError listing every problem."""
    problems = []
    for setting in SETTINGS:
        value = settings.setdefault(setting.name, setting.default)
        problem = setting.check(value)
        if problem:
            problems.append(
                f"Setting '{setting.name}': received {value!r}; {problem}; "
                f"allowed: {setting.allowed}"
            )
    problems += _provider_problems(settings)
    problems += _author_emails(settings)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise CommentsSettingsError(f"comments: {len(problems)} setting problem(s):\n{listed}")
    return settings


#: Every provider setting name, for the README test.
PROVIDER_SETTINGS = tuple(
    name for provider in PROVIDERS for name in (*provider.required, *provider.optional)
)
#: Names the settings-typo check (plugins/safebuild/typos.py) accepts besides SETTINGS.
DECLARED = PROVIDER_SETTINGS
