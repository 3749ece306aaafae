"""Share networks: every intent URL decodes back to the exact title and URL; quotes fit."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.townsquare_share.networks import BY_NAME, NAMES, NETWORKS, Share
from pelican.plugins.townsquare_share.quotes import fit

PICKER = "https://blog.example.com/share/mastodon/"
URL = "https://blog.example.com/posts/a.html?ref=x&lang=en#part-2"
HOSTILE = [
    "Plain title",
    "Q&A: what's next? #1 & more",
    "She said \"yes\" & he said 'no'",
    "100% sure + 50% = ?",
    "Emoji 🎉👩🏽‍💻 and flags 🇩🇪",
    "مرحبا بالعالم — hello ‏RTL‏ mixed",
    "Line\nbreak\tand tab",
    "a/b\\c;d=e,f:g@h",
]

#: What each network's query carries, as (parameter, expected value builder).
EXPECTED = {
    "linkedin": ("https://www.linkedin.com/sharing/share-offsite/", {"url": "{url}"}),
    "x": ("https://x.com/intent/tweet", {"text": "{title}", "url": "{url}"}),
    "facebook": ("https://www.facebook.com/sharer/sharer.php", {"u": "{url}"}),
    "bluesky": ("https://bsky.app/intent/compose", {"text": "{title} {url}"}),
    "threads": ("https://www.threads.com/intent/post", {"text": "{title}", "url": "{url}"}),
    "reddit": ("https://www.reddit.com/submit", {"url": "{url}", "title": "{title}"}),
    "hackernews": ("https://news.ycombinator.com/submitlink", {"u": "{url}", "t": "{title}"}),
    "whatsapp": ("https://wa.me/", {"text": "{title} {url}"}),
    "telegram": ("https://t.me/share/url", {"url": "{url}", "text": "{title}"}),
    "email": ("mailto:", {"subject": "{title}", "body": "{url}"}),
}


def decode(href):
    """Split href into (address without query, {param: value}) the way a platform would."""
    parts = urlsplit(href)
    base = href.split("?", 1)[0]
    params = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in params.values()), href
    return base, {key: values[0] for key, values in params.items()}


def expected_params(name, title, url):
    return {
        k: v.replace("{title}", title).replace("{url}", url) for k, v in EXPECTED[name][1].items()
    }


def test_registry_lists_every_network_once_in_order():
    assert NAMES == (
        "linkedin",
        "x",
        "facebook",
        "mastodon",
        "bluesky",
        "threads",
        "reddit",
        "hackernews",
        "whatsapp",
        "telegram",
        "email",
    )
    assert all(n.label and n.icon for n in NETWORKS)


@pytest.mark.parametrize("title", HOSTILE)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_titles_round_trip(name, title):
    href = BY_NAME[name].url(Share(URL, title, "", PICKER))
    base, params = decode(href)
    assert base == EXPECTED[name][0]
    assert params == expected_params(name, title, URL)
    # Nothing but unreserved characters and %XX escapes inside the query: no raw & # ? " ' <.
    for chunk in urlsplit(href).query.split("&"):
        assert re.fullmatch(r"[a-z]+=[A-Za-z0-9._~%-]*", chunk), chunk


@pytest.mark.parametrize("title", HOSTILE)
def test_mastodon_links_to_picker_and_forwards_exact_text(title):
    mastodon = BY_NAME["mastodon"]
    share = Share(URL, title, "", PICKER)
    href = mastodon.url(share)
    assert re.fullmatch(re.escape(PICKER) + r"[0-9a-f]{12}\.html", href)
    base, params = decode(mastodon.instance_url("hachyderm.io", share))
    assert base == "https://hachyderm.io/share"
    assert params == {"text": f"{title} {URL}"}


def test_mastodon_picker_names_differ_per_text():
    mastodon = BY_NAME["mastodon"]
    one = mastodon.url(Share(URL, "One", "", PICKER))
    assert one == mastodon.url(Share(URL, "One", "", PICKER))
    assert one != mastodon.url(Share(URL, "Two", "", PICKER))


def test_quote_text_replaces_title_where_text_is_prefilled():
    share = Share(URL, "Title", "“Quote”", PICKER)
    assert decode(BY_NAME["x"].url(share))[1] == {"text": "“Quote”", "url": URL}
    assert decode(BY_NAME["bluesky"].url(share))[1] == {"text": f"“Quote” {URL}"}
    assert decode(BY_NAME["email"].url(share))[1] == {
        "subject": "Title",
        "body": f"“Quote”\n\n{URL}",
    }


@settings(max_examples=150, deadline=None)
@given(title=st.text(), path=st.text(min_size=1))
def test_any_title_round_trips(title, path):
    from urllib.parse import quote

    url = "https://blog.example.com/" + quote(path, safe="/")
    for name in EXPECTED:
        _, params = decode(BY_NAME[name].url(Share(url, title, "", PICKER)))
        assert params == expected_params(name, title, url), name


LONG = (
    "Leaders who write in public learn quickly that the honest sentence travels further "
    "than the polished one, and that every reader who answers back is doing them a favour "
    "they did not ask for but badly needed, again and again, week after week, until the "
    "habit of listening becomes the most valuable thing the whole company has learned "
    "from the experiment, far more than any slide deck or any all-hands meeting ever did. "
) * 2


@pytest.mark.parametrize(("name", "limit"), [("x", 280), ("bluesky", 300), ("mastodon", 500)])
def test_long_quote_is_trimmed_to_the_platform_limit(name, limit):
    network = BY_NAME[name]
    text = fit(LONG, network, URL, limit)
    assert text.startswith("“Leaders who write")
    assert text.endswith("…”")
    assert network.text_length(text) + network.url_cost(URL) <= limit
    kept = text[1:].rstrip("…”")
    assert LONG.startswith(kept)
    assert LONG[len(kept)] in " ,"  # cut at a word boundary


def test_x_counts_emoji_and_cjk_double_and_urls_as_23():
    x = BY_NAME["x"]
    assert x.text_length("abc") == 3
    assert x.text_length("日本") == 4
    assert x.text_length("🎉") == 2
    assert x.url_cost("https://example.com/" + "a" * 200) == 24
    cjk = "日" * 300
    text = fit(cjk, x, URL, 280)
    assert x.text_length(text) + 24 <= 280
    # “ and ” weigh 1, … weighs 2: 1 + 2 * 126 + 2 + 1 = 256 = 280 - 24
    assert text == "“" + "日" * 126 + "…”"


def test_short_quote_is_kept_whole():
    assert fit("Short & sweet.", BY_NAME["bluesky"], URL, 300) == "“Short & sweet.”"
