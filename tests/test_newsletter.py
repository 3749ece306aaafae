"""FEEDS_NEWSLETTER: each provider's documented form endpoint, and clear errors for bad values."""

import pytest
from bs4 import BeautifulSoup
from conftest import csp_directives
from pelican.plugins.townsquare_feeds.settings import FeedsSettingsError, validate


def _problem(value):
    with pytest.raises(FeedsSettingsError) as failure:
        validate({"SITEURL": "http://127.0.0.1:8000", "FEEDS_NEWSLETTER": value})
    (line,) = [x for x in str(failure.value).splitlines() if "FEEDS_NEWSLETTER" in x]
    return line.split("; ")[1]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"provider": "substack"}, "'provider' is not one of 'buttondown', 'mailchimp', "
         "'kit', 'listmonk', 'custom'"),
        ({"provider": "buttondown"}, "needs 'username': your Buttondown newsletter name"),
        ({"provider": "buttondown", "username": "a/b"},
         "needs 'username': your Buttondown newsletter name"),
        ({"provider": "mailchimp", "action": "https://evil.example/subscribe/post?u=1&id=2"},
         "needs 'action': the form URL from Mailchimp's embedded form, like "
         "'https://NAME.us1.list-manage.com/subscribe/post?u=...&id=...'"),
        ({"provider": "kit", "form": "abc"},
         "needs 'form': the number of your Kit form, e.g. '1234567'"),
        ({"provider": "listmonk", "url": "http://lists.example.org", "lists": []},
         "needs 'url': the https:// address of your listmonk server"),
        ({"provider": "listmonk", "url": "https://lists.example.org", "lists": ["news"]},
         "needs 'lists': a list of the public lists' UUIDs"),
        ({"provider": "kit", "form": "1", "username": "x"},
         "has unknown key(s) 'username' for kit"),
        ({"provider": "kit", "form": "1", "button": " "}, "'button' must be non-empty text"),
    ],
)  # fmt: skip
def test_bad_newsletter_settings_say_what_the_provider_needs(value, problem):
    assert _problem(value) == problem


def test_mailchimp_form_keeps_its_bot_trap_hidden_and_empty(build_site):
    action = "https://example.us21.list-manage.com/subscribe/post?u=abc123&id=def456"
    out = build_site(FEEDS_NEWSLETTER={"provider": "mailchimp", "action": action})
    page = BeautifulSoup((out / "about.html").read_text("utf-8"), "lxml")
    form = page.select_one("[data-ts-subscribe] form")
    assert (form["action"], form["method"]) == (action, "post")
    fields = [(i["name"], i["type"], i.get("value"), i.has_attr("hidden")) for i in form("input")]
    assert fields == [("EMAIL", "email", None, False), ("b_abc123_def456", "text", "", True)]
    assert form.select_one("label[for=ts-newsletter-email]").get_text() == "Email address"


@pytest.mark.parametrize(
    ("value", "origin"),
    [
        ({"provider": "buttondown", "username": "amara"}, "https://buttondown.com"),
        (
            {
                "provider": "mailchimp",
                "action": "https://example.us21.list-manage.com/subscribe/post?u=abc&id=def",
            },
            "https://example.us21.list-manage.com",
        ),
        ({"provider": "kit", "form": "1234567"}, "https://app.kit.com"),
    ],
)
def test_the_sites_policy_lets_the_form_post_to_its_provider(build_site, value, origin):
    # Regression: the CSP read FEEDS_NEWSLETTER["action"] only, so a Buttondown or Kit form
    # (no "action" key) was blocked by form-action 'self', and Mailchimp's ?query was refused.
    out = build_site(FEEDS_NEWSLETTER=value)
    assert origin in csp_directives(out)["form-action"].split()
