"""Careless settings and odd content each get one clear message (the setting or the file and line)
instead of a raw exception, silence or the same error thirty times."""

import io
import logging

import feedgen.entry
import pytest
from conftest import make_settings
from pelican import Pelican
from PIL import Image
from writing_helpers import build, messages, new_site, post


def refused_at_start(tmp_path, **settings):
    """Create the Pelican object (settings are checked at `initialized`); return the error."""
    new_site(tmp_path, {"posts/a.md": post()})
    with pytest.raises(Exception) as failed:
        Pelican(make_settings(tmp_path / "output", PATH=str(tmp_path / "content"), **settings))
    return type(failed.value).__name__, str(failed.value).splitlines()


def test_an_empty_share_networks_list_is_refused(tmp_path):
    assert refused_at_start(tmp_path, SHARE_NETWORKS=[]) == (
        "ShareSettingsError",
        [
            "share: 1 setting problem(s):",
            "  - Setting 'SHARE_NETWORKS': received []; is empty, so no page could be shared "
            "(turn sharing off per page with 'share: off'); allowed: a list drawn from linkedin, "
            "x, facebook, mastodon, bluesky, threads, reddit, hackernews, whatsapp, telegram, "
            "email",
        ],
    )


@pytest.mark.parametrize("value", ["5", -1, 0, True, 2.5])
def test_a_default_pagination_that_is_not_a_count_is_refused(tmp_path, value):
    assert refused_at_start(tmp_path, DEFAULT_PAGINATION=value) == (
        "SiteSettingsError",
        [
            "settings: 1 setting problem(s):",
            f"  - Setting 'DEFAULT_PAGINATION': received {value!r}; allowed: False (one page) or "
            "a whole number of posts per page, e.g. 10",
        ],
    )


def test_control_characters_in_the_site_name_are_refused(tmp_path):
    assert refused_at_start(tmp_path, SITENAME="Town\x08square", SITESUBTITLE="ok\x1b") == (
        "SiteSettingsError",
        [
            "settings: 2 setting problem(s):",
            "  - Setting 'SITENAME': received 'Town\\x08square'; it holds the control character "
            "U+0008, which no feed reader or HTML validator accepts; allowed: plain text (delete "
            "the character)",
            "  - Setting 'SITESUBTITLE': received 'ok\\x1b'; it holds the control character "
            "U+001B, which no feed reader or HTML validator accepts; allowed: plain text (delete "
            "the character)",
        ],
    )


def test_publisher_links_must_be_web_addresses_in_any_letter_case(tmp_path):
    publisher = {
        "url": "JAVASCRIPT:alert(1)",
        "same_as": [
            "HTTPS://mastodon.test/@us",
            "data:text/html,<script>x</script>",
            "javascript:x",
        ],
    }
    name, lines = refused_at_start(tmp_path, SOCIAL_PUBLISHER=publisher)
    assert name == "SocialSettingsError"
    assert lines == [
        "social: 3 setting problem(s):",
        "  - Setting 'SOCIAL_PUBLISHER': url received 'JAVASCRIPT:alert(1)'; allowed: an "
        "absolute http(s) URL",
        "  - Setting 'SOCIAL_PUBLISHER': same_as[1] received 'data:text/html,<script>x</script>'; "
        "allowed: an absolute http(s) URL",
        "  - Setting 'SOCIAL_PUBLISHER': same_as[2] received 'javascript:x'; allowed: an absolute "
        "http(s) URL",
    ]


def test_an_uppercase_https_publisher_link_is_accepted(tmp_path):
    new_site(tmp_path, {"posts/a.md": post()})
    out = build(tmp_path, SOCIAL_PUBLISHER={"same_as": ["HTTPS://mastodon.test/@us"]})
    assert 'href="HTTPS://mastodon.test/@us"' in (out / "index.html").read_text("utf-8")


def test_a_feed_icon_with_a_script_scheme_is_refused_in_any_letter_case(tmp_path):
    name, lines = refused_at_start(tmp_path, FEEDS_ICON="JAVASCRIPT:alert(1)")
    assert name == "FeedsSettingsError"
    assert "FEEDS_ICON" in lines[1] and "'JAVASCRIPT:alert(1)'" in lines[1]


def test_a_missing_card_logo_is_reported_once(content_copy, tmp_path):
    # The fixture blog draws 31 cards; each used to report the missing logo again.
    settings = {"PATH": str(content_copy), "SOCIAL_CARD_CACHE": str(tmp_path / "cards")}
    with pytest.raises(Exception) as failed:
        Pelican(
            make_settings(tmp_path / "out", **settings, SOCIAL_CARD_LOGO="theme/gone.png")
        ).run()
    lines = str(failed.value).splitlines()
    assert lines[0].startswith("safebuild: the build failed with 1 error(s)")
    assert lines[1:] == [
        "  - social: SOCIAL_CARD_LOGO 'theme/gone.png' is neither a static file of the content "
        "nor of the theme"
    ]


def test_a_damaged_card_cache_is_drawn_again(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    new_site(tmp_path, {"posts/a.md": post(), "posts/b.md": post(title="Another")})
    cache = tmp_path / "cards"
    build(tmp_path, SOCIAL_CARD_CACHE=str(cache))
    cards = sorted(cache.glob("*.png"))
    assert len(cards) > 5
    for card in cards:  # a disk that filled up: every cached card cut in half
        card.write_bytes(card.read_bytes()[: card.stat().st_size // 2])
    out = build(tmp_path, SOCIAL_CARD_CACHE=str(cache))
    for card in (out / "social-cards").glob("*.png"):
        with Image.open(io.BytesIO(card.read_bytes())) as image:
            image.load()  # decodes completely
            assert image.size == (1200, 630)
    damaged = [m for m in messages(caplog, logging.WARNING) if "is damaged" in m]
    assert sorted(damaged) == [
        f"social: cached card {c} is damaged; drawing it again" for c in cards
    ]


def test_a_post_with_thousands_of_tags_builds_in_linear_feed_work_and_warns(
    tmp_path, caplog, monkeypatch
):
    caplog.set_level(logging.WARNING)
    tags = [f"t{n}" for n in range(300)]
    new_site(tmp_path, {"posts/tags.md": post(extra=f"Tags: {', '.join(tags)}\n")})
    calls = []
    original = feedgen.entry.FeedEntry.category

    def counting(self, *args, **kwargs):
        if args or kwargs:
            calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(feedgen.entry.FeedEntry, "category", counting)
    out = build(tmp_path, FEEDS_PER_TAG=False, FEEDS_FORMATS=("atom",))
    # One call per entry (all, category and author feed), not one per tag.
    assert len(calls) == 3
    # The category and the first 50 tags (feeds.entries.MAX_ENTRY_TAGS).
    assert (out / "feeds" / "all.atom.xml").read_text("utf-8").count("<category ") == 51
    path = tmp_path / "content" / "posts" / "tags.md"
    assert messages(caplog, logging.WARNING) == [
        f"{path}:6: the post has 300 tags; each one is a page and three feeds, so the build "
        "slows down — fix: keep to at most 50"
    ]
