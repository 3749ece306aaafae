"""Email newsletter sign-up: a plain no-JS form posting to the provider's documented endpoint.

One small class per provider, listed once in PROVIDERS. FEEDS_NEWSLETTER names a provider and
the account details; each class turns that into a Newsletter (action URL, e-mail field name,
hidden fields). Without "provider", "action" and "field" describe any other service's form.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-\[\]]*$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
COMMON_KEYS = ("provider", "label", "button", "description")


@dataclass(frozen=True)
class Newsletter:
    """The form the subscribe partial draws: POST one e-mail field (plus hidden ones) to action."""

    provider: str
    action: str
    field: str
    label: str = "Email address"
    button: str = "Subscribe"
    description: str = "New posts by email. Unsubscribe at any time."
    hidden: tuple = ()  # (name, value) pairs the provider expects
    honeypot: str = ""  # an empty text field bots fill in and people never see


def _http(value, host_suffix=""):
    parts = urlsplit(value) if isinstance(value, str) else None
    ok = parts and parts.scheme == "https" and parts.netloc
    return bool(ok and (parts.hostname or "").endswith(host_suffix))


class Provider:
    """Base: subclasses set name, label, keys (required) and implement problem() and form()."""

    name = ""
    label = ""
    keys = ()

    def problem(self, value):
        """What is wrong with the provider's own keys in value (None when fine)."""
        raise NotImplementedError

    def form(self, value):
        """(action, field, hidden, honeypot) for a valid value."""
        raise NotImplementedError


class Buttondown(Provider):
    name, label, keys = "buttondown", "Buttondown", ("username",)

    def problem(self, value):
        ok = isinstance(value.get("username"), str) and re.match(r"^[\w-]+$", value["username"])
        return None if ok else "needs 'username': your Buttondown newsletter name"

    def form(self, value):
        action = "https://buttondown.com/api/emails/embed-subscribe/" + quote(value["username"])
        return action, "email", (("embed", "1"),), ""


class Mailchimp(Provider):
    name, label, keys = "mailchimp", "Mailchimp", ("action",)

    def problem(self, value):
        action = value.get("action")
        query = parse_qs(urlsplit(action).query) if isinstance(action, str) else {}
        if _http(action, ".list-manage.com") and query.get("u") and query.get("id"):
            return None
        return (
            "needs 'action': the form URL from Mailchimp's embedded form, like "
            "'https://NAME.us1.list-manage.com/subscribe/post?u=...&id=...'"
        )

    def form(self, value):
        query = parse_qs(urlsplit(value["action"]).query)
        # Mailchimp's own embed carries this empty field to turn bots away.
        return value["action"], "EMAIL", (), f"b_{query['u'][0]}_{query['id'][0]}"


class Kit(Provider):
    name, label, keys = "kit", "Kit (ConvertKit)", ("form",)

    def problem(self, value):
        ok = str(value.get("form", "")).isdigit()
        return None if ok else "needs 'form': the number of your Kit form, e.g. '1234567'"

    def form(self, value):
        return f"https://app.kit.com/forms/{value['form']}/subscriptions", "email_address", (), ""


class Listmonk(Provider):
    name, label, keys = "listmonk", "listmonk", ("url", "lists")

    def problem(self, value):
        lists = value.get("lists")
        if not _http(value.get("url")):
            return "needs 'url': the https:// address of your listmonk server"
        if (
            not isinstance(lists, list | tuple)
            or not lists
            or not all(isinstance(i, str) and _UUID.match(i) for i in lists)
        ):
            return "needs 'lists': a list of the public lists' UUIDs"
        return None

    def form(self, value):
        action = value["url"].rstrip("/") + "/subscription/form"
        hidden = tuple(("l", uuid) for uuid in value["lists"])
        return action, "email", hidden, "nonce"


class Custom(Provider):
    """Any other service: its form's action URL and e-mail field name."""

    name, label, keys = "custom", "another service", ("action", "field")

    def problem(self, value):
        if not _http(value.get("action")):
            return "needs 'action': the provider's https:// form URL"
        if not isinstance(value.get("field"), str) or not _FIELD_NAME.match(value["field"]):
            return "needs 'field': the provider's e-mail field name, e.g. 'email'"
        return None

    def form(self, value):
        return value["action"], value["field"], (), ""


PROVIDERS = (Buttondown(), Mailchimp(), Kit(), Listmonk(), Custom())
BY_NAME = {provider.name: provider for provider in PROVIDERS}


def provider_of(value):
    """The Provider for a FEEDS_NEWSLETTER dict (Custom when it names none)."""
    return BY_NAME.get(value.get("provider", "custom"))


def problem(value):
    """What is wrong with a FEEDS_NEWSLETTER value (None when it is fine or None)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return "must be None or a dict naming a 'provider'"
    provider = provider_of(value)
    if provider is None:
        return f"'provider' is not one of {', '.join(map(repr, BY_NAME))}"
    unknown = sorted(set(value) - set(COMMON_KEYS) - set(provider.keys))
    if unknown:
        return f"has unknown key(s) {', '.join(map(repr, unknown))} for {provider.name}"
    for key in ("label", "button", "description"):
        if key in value and (not isinstance(value[key], str) or not value[key].strip()):
            return f"'{key}' must be non-empty text"
    return provider.problem(value)


def newsletter(value):
    """The Newsletter for a valid FEEDS_NEWSLETTER value, or None when it is off."""
    if not value:
        return None
    provider = provider_of(value)
    action, field, hidden, honeypot = provider.form(value)
    texts = {k: value[k] for k in ("label", "button", "description") if k in value}
    return Newsletter(provider.name, action, field, hidden=hidden, honeypot=honeypot, **texts)
