"""The comments plugin's settings: declared once with defaults, validated once at `initialized`.

The chosen provider's own settings (COMMENTS_GISCUS_REPO_ID, ...) are declared on its class in
providers.py; a missing one is reported here by name, together with every other problem.
"""

import re
from urllib.parse import unquote

from pelican.plugins.townsquare.settings import Setting, SettingsError, boolean, problems, refuse

from .csp import extra_problems
from .origins import OriginError, origin_of_address, split_url
from .providers import BY_NAME, NAMES, PROVIDERS

#: Front matter keys this plugin reads (safebuild refuses near-misses such as "Coments").
FRONT_MATTER = ("comments", "mastodon", "linkedin")
#: A plain address: no ?query (a `?body=` or `?cc=` would ride along in every mailto: link),
#: no #fragment, no %-escapes, no path.
_EMAIL = re.compile(r"[^@\s<>\"',;?#&%]+@[^@\s<>\"',;?#&%/=:]+\.[^@\s<>\"',;?#&%/=:]+")
#: Line breaks and other control characters: refused in every provider setting by name.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class CommentsSettingsError(SettingsError):
    """One or more COMMENTS_ settings are invalid; the message lists every problem."""


def is_email(value):
    """True for a plain address like name@example.org (no display name, no list)."""
    return isinstance(value, str) and bool(_EMAIL.fullmatch(value))


def _provider(value):
    known = value is None or value is False or value in BY_NAME
    return None if known else "is not a known provider"


def _email(value):
    return None if value is None or is_email(value) else "must be None or an address"


def _seconds(value):
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 120
    return None if ok else "must be a number of seconds from 1 to 120"


PROVIDERS_ALLOWED = " | ".join(("None", "False", *map(repr, NAMES)))
SETTINGS = (
    Setting("COMMENTS_PROVIDER", None, _provider, PROVIDERS_ALLOWED),
    Setting("COMMENTS_CLICK_TO_LOAD", True, boolean, "True or False"),
    Setting("COMMENTS_REMEMBER_CONSENT", False, boolean, "True or False"),
    Setting("COMMENTS_ON_PAGES", False, boolean, "True or False"),
    Setting("COMMENTS_REPLY_EMAIL", None, _email, "None or an address like 'me@example.org'"),
    Setting("COMMENTS_HEADERS", True, boolean, "True or False"),
    Setting(
        "COMMENTS_CSP_EXTRA",
        None,
        extra_problems,
        "None, or {directive: [sources]} like {'script-src': ['https://cdn.example']}",
    ),
    Setting("COMMENTS_TIMEOUT", 15, _seconds, "a number of seconds like 15"),
)

#: Provider settings holding a server address (checked to be an http(s) URL).
URL_SETTINGS = ("COMMENTS_ISSO_URL", "COMMENTS_REMARK42_HOST", "COMMENTS_CUSDIS_HOST")
#: Provider settings that end up in a URL or host name: their shape, and how to describe it.
SHAPES = {
    "COMMENTS_GISCUS_REPO": (re.compile(r"[\w.-]+/[\w.-]+", re.A), "'owner/repo'"),
    "COMMENTS_UTTERANCES_REPO": (re.compile(r"[\w.-]+/[\w.-]+", re.A), "'owner/repo'"),
    "COMMENTS_DISQUS_SHORTNAME": (
        re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"),
        "a shortname like 'my-blog'",
    ),
}


def _provider_problems(settings):
    """Problems with the chosen provider's own settings (missing required ones, bad URLs)."""
    provider = BY_NAME.get(settings["COMMENTS_PROVIDER"])
    if provider is None:
        return []
    problems = []
    for name, default in provider.optional.items():
        settings.setdefault(name, default)
    for name, theirs in provider.adopted.items():
        if not settings.get(name) and settings.get(theirs):
            settings[name] = settings[theirs]
    for name in provider.required:
        value = settings.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                f"Setting '{name}': received {value!r}; {name} is required when "
                f"COMMENTS_PROVIDER = {provider.name!r}"
            )
    for name in (*provider.required, *provider.optional):
        value = settings.get(name)
        if name in provider.optional and name in URL_SETTINGS and not value:
            problems.append(f"Setting '{name}': received {value!r}; must be an http(s) URL")
        if not value or not isinstance(value, str):
            continue
        problem = _value_problem(name, value)
        if problem:
            problems.append(f"Setting '{name}': received {value!r}; {problem}")
    return problems


def _value_problem(name, value):
    """What is wrong with one provider setting's text, or None."""
    if _CONTROL.search(value):
        return "must be one line of text (no line break or control character)"
    if name in URL_SETTINGS:
        try:
            split_url(value)
        except OriginError as error:
            return f"must be an http(s) URL like https://comments.example.org/ ({error})"
    if name in SHAPES and not SHAPES[name][0].fullmatch(value):
        return f"must be {SHAPES[name][1]}"
    return None


def _policy_inputs(settings):
    """Problems with other plugins' settings whose addresses go into the policy."""
    if settings.get("COMMENTS_HEADERS") is not True:
        return []
    problems = []
    newsletter = settings.get("FEEDS_NEWSLETTER")
    action = newsletter.get("action") if isinstance(newsletter, dict) else None
    # Only an http(s) URL reaches the policy; the feeds plugin reports any other action.
    if isinstance(action, str) and action.lower().startswith(("http://", "https://")):
        try:
            origin_of_address(action)  # a query (Mailchimp's form URL) is fine
        except OriginError as error:
            problems.append(
                f"Setting 'FEEDS_NEWSLETTER': received action {newsletter['action']!r}; it "
                f"goes into the Content-Security-Policy and {error}"
            )
    for host in settings.get("SHARE_MASTODON_INSTANCES") or ():
        try:
            split_url(f"https://{host}", ("https",))
        except (OriginError, TypeError) as error:
            problems.append(
                f"Setting 'SHARE_MASTODON_INSTANCES': received {host!r}; it goes into the "
                f"Content-Security-Policy and must be a host name like 'mastodon.social' "
                f"({error})"
            )
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


def _mailto_address(entries):
    """The address of the first `mailto:` link in SOCIAL / LINKS entries ((name, url, ...))."""
    if not isinstance(entries, list | tuple | set | frozenset):
        return None
    for entry in entries:
        url = entry[1] if isinstance(entry, list | tuple) and len(entry) > 1 else None
        if isinstance(url, str) and url.strip().lower().startswith("mailto:"):
            address = unquote(url.strip()[len("mailto:") :].split("?", 1)[0])
            if is_email(address):
                return address
    return None


def stated_address(settings):
    """The reply address the blog already states, or None.

    In order: the AUTHORS_BIO e-mail of the site's AUTHOR, any other AUTHORS_BIO e-mail, then
    the first `mailto:` link in SOCIAL, then in LINKS."""
    bios = [bio for bio in (settings.get("AUTHORS_BIO") or {}).values() if isinstance(bio, dict)]
    bios.sort(key=lambda bio: bio.get("name") != settings.get("AUTHOR"))
    for bio in bios:
        if is_email(bio.get("email")):
            return bio["email"]
    return _mailto_address(settings.get("SOCIAL")) or _mailto_address(settings.get("LINKS"))


def stated_provider(settings):
    """The comment provider the blog already states: "disqus" for a DISQUS_SITENAME (the
    setting Pelican's themes read), else None."""
    sitename = settings.get("DISQUS_SITENAME")
    return "disqus" if isinstance(sitename, str) and sitename.strip() else None


def validate(settings):
    """Fill defaults into settings and raise CommentsSettingsError listing every problem.

    COMMENTS_PROVIDER defaults to the provider the blog already states (stated_provider;
    False means none), COMMENTS_REPLY_EMAIL to an address it states (stated_address)."""
    if settings.get("COMMENTS_PROVIDER") is None:
        settings["COMMENTS_PROVIDER"] = stated_provider(settings)
    if settings.get("COMMENTS_REPLY_EMAIL") is None:
        settings["COMMENTS_REPLY_EMAIL"] = stated_address(settings)
    found = problems(settings, SETTINGS)
    found += _provider_problems(settings)
    found += _author_emails(settings)
    found += _policy_inputs(settings)
    refuse(CommentsSettingsError, "comments", found)
    return settings


#: Every provider setting name, for the docs tests.
PROVIDER_SETTINGS = tuple(
    name for provider in PROVIDERS for name in (*provider.required, *provider.optional)
)
#: Names the settings-typo check (plugins/safebuild/typos.py) accepts besides SETTINGS.
DECLARED = PROVIDER_SETTINGS
