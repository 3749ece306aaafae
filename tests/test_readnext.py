"""Read next (plugins/readnext): previous and next post, related posts by shared tags."""

import pytest
from bs4 import BeautifulSoup
from conftest import make_settings
from pelican import Pelican

SITEURL = "http://127.0.0.1:8000"


def read_next(site, post):
    page = BeautifulSoup((site / f"posts/{post}.html").read_text("utf-8"), "lxml")
    nav = page.select_one("nav.ts-read-next")
    if nav is None:
        return None
    related = [a["href"].removeprefix(f"{SITEURL}/posts/") for a in nav.select(".ts-related a")]
    steps = {a["rel"][0]: a["href"].removeprefix(f"{SITEURL}/posts/") for a in nav.select("[rel]")}
    return related, steps


def test_related_posts_share_the_most_tags_then_newest(sample_site):
    # community-is-not-a-channel: community, trust, marketing. customer-forum-roadmap shares two
    # (community, trust), answer-the-hard-question-first one (trust); writing-in-public shares
    # trust too but is the next post in time, so it shows there instead.
    assert read_next(sample_site, "community-is-not-a-channel") == (
        ["customer-forum-roadmap.html", "answer-the-hard-question-first.html"],
        {"prev": "comment-section-strategy.html", "next": "writing-in-public.html"},
    )


def test_oldest_post_has_no_previous_and_newest_no_next(sample_site):
    oldest = read_next(sample_site, "listening-tours")
    assert oldest == (
        ["customer-forum-roadmap.html"],
        {"next": "comment-section-strategy.html"},
    )
    related, steps = read_next(sample_site, "answer-the-hard-question-first")
    assert steps == {"prev": "customer-forum-roadmap.html"}
    # transparency, trust, communication: writing-in-public shares two, the rest one, newest first.
    assert related == [
        "writing-in-public.html",
        "community-is-not-a-channel.html",
        "comment-section-strategy.html",
    ]


def test_drafts_are_never_suggested_nor_get_suggestions(sample_site):
    draft = (sample_site / "drafts/open-quarterly-review.html").read_text("utf-8")
    assert "ts-read-next" not in draft
    for page in (sample_site / "posts").glob("*.html"):
        assert "open-quarterly-review" not in page.read_text("utf-8"), page.name


def test_related_count_setting(build_site):
    out = build_site(READNEXT_RELATED=0)
    assert read_next(out, "answer-the-hard-question-first") == (
        [],
        {"prev": "customer-forum-roadmap.html"},
    )


def test_bad_setting_stops_the_build(tmp_path):
    with pytest.raises(Exception) as failure:
        Pelican(make_settings(tmp_path / "out", READNEXT_RELATED="three"))
    assert str(failure.value) == (
        "readnext: 1 setting problem(s):\n"
        "  - Setting 'READNEXT_RELATED': received 'three'; must be a whole number from 0 to 12; "
        "allowed: 0 (none) to 12"
    )
