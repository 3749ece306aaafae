"""Read next (plugins/readnext): previous and next post, related posts by shared tags."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import make_settings
from hypothesis import given, settings
from hypothesis import strategies as st
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
    # trust too but is the next post in time, so it shows there instead. The third card is the
    # newest post not shown yet (listening-tours shares no tag).
    assert read_next(sample_site, "community-is-not-a-channel") == (
        [
            "customer-forum-roadmap.html",
            "answer-the-hard-question-first.html",
            "listening-tours.html",
        ],
        {"prev": "comment-section-strategy.html", "next": "writing-in-public.html"},
    )


def test_oldest_post_has_no_previous_and_newest_no_next(sample_site):
    oldest = read_next(sample_site, "listening-tours")
    # One related post, topped up with the newest two not already shown.
    assert oldest == (
        [
            "customer-forum-roadmap.html",
            "answer-the-hard-question-first.html",
            "writing-in-public.html",
        ],
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


def test_every_post_suggests_three_posts_never_itself_nor_its_neighbours(sample_site):
    # A lone related post used to leave a single narrow card.
    for page in sorted((sample_site / "posts").glob("*.html")):
        related, steps = read_next(sample_site, page.stem)
        assert len(related) == len(set(related)) == 3, page.name
        assert page.name not in related and not set(steps.values()) & set(related)


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


def _by_comparing_every_pair(articles, count):
    """The ranking as specified, the slow way: for each post, every other post sharing a tag,
    most shared tags first, then newest, then by source path; never itself or its neighbours."""
    ordered = sorted(articles, key=lambda a: (a.date, a.source_path))
    found = {}
    for index, article in enumerate(ordered):
        skip = {id(article)} | {id(a) for a in ordered[max(index - 1, 0) : index + 2]}
        mine = {t.slug for t in article.tags}
        scored = sorted(
            (-len(mine & {t.slug for t in other.tags}), -other.date.timestamp(), other.source_path)
            for other in ordered
            if id(other) not in skip and mine & {t.slug for t in other.tags}
        )
        found[article.source_path] = [path for *_, path in scored[:count]]
    return found


@settings(max_examples=200, deadline=None)
@given(
    posts=st.lists(
        st.tuples(st.integers(0, 6), st.sets(st.sampled_from("abcdef"), max_size=4)),
        max_size=25,
    ),
    count=st.integers(0, 5),
)
def test_related_posts_are_the_specified_ranking(posts, count):
    # read_next counts shared tags through an index (it compared every pair before, 8 s at
    # 3,000 posts); same days on purpose, so the newest-then-path tie-break is exercised.
    from pelican.plugins.townsquare_readnext.related import read_next as compute

    articles = [
        SimpleNamespace(
            date=datetime(2026, 1, 1 + day, tzinfo=UTC),
            source_path=f"post-{number:02}.md",
            tags=[SimpleNamespace(slug=tag) for tag in sorted(tags)],
        )
        for number, (day, tags) in enumerate(posts)
    ]
    found = compute(articles, count)
    assert {
        a.source_path: [r.source_path for r in found[id(a)].related] for a in articles
    } == _by_comparing_every_pair(articles, count)
