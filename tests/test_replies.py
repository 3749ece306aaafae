"""Replies from Mastodon, Bluesky and webmentions, baked into the post at build time."""

import json
import logging

import mf2py
import pytest
from bs4 import BeautifulSoup
from pelican.plugins.townsquare_safebuild.errors import BuildFailed
from replies_helpers import FakeNetwork, account, bsky_post, png, status
from writing_helpers import build, new_site, post

SITEURL = "http://127.0.0.1:8000"
HOSTILE = (
    "<p>Great post <script>alert(1)</script><img src=x onerror=alert(2)> "
    '<a href="javascript:alert(3)">click</a> <a href="https://ok.example/x" '
    'onclick="alert(4)">fine link</a></p>'
)


def mastodon_routes(net, descendants=(), **counts):
    """Routes for status 100 by the author and its context (replies as Status entities)."""
    leader = account(net.base, 1, "Amara Okafor", "amara")
    root = status(net.base, 100, leader, "<p>New post</p>", **counts)
    net.routes["/api/v1/statuses/100"] = root
    net.routes["/api/v1/statuses/100/context"] = {
        "ancestors": [],
        "descendants": list(descendants),
    }
    for number in range(1, 6):
        net.routes[f"/avatars/{number}.png"] = png()
    return leader


def soup(text):
    return BeautifulSoup(text, "html.parser")


def one_post(tmp_path, extra):
    return new_site(tmp_path, {"posts/hello.md": post(extra=extra)})


def page(out):
    return (out / "posts" / "hello.html").read_text(encoding="utf-8")


def mastodon_site(tmp_path, net, **settings):
    one_post(tmp_path, f"Mastodon: {net.base}/@amara/100\n")
    return build(tmp_path, SITEURL=SITEURL, **settings)


def test_mastodon_replies_become_static_escaped_html(tmp_path):
    with FakeNetwork() as net:
        leader = account(net.base, 1, "Amara Okafor", "amara")
        mastodon_routes(
            net,
            [
                status(
                    net.base,
                    101,
                    account(net.base, 2, "Dana Reed", "dana@other.test"),
                    HOSTILE,
                    "100",
                ),
                status(net.base, 102, leader, "<p>Thank you, Dana!</p>", "101"),
            ],
            replies=2,
            reblogs=5,
            favourites=7,
        )
        out = mastodon_site(tmp_path, net)
    text = page(out)
    tree = soup(text)
    replies = tree.select("[data-ts-replies] li.h-cite")
    assert [r.get("data-ts-reply-id") for r in replies] == ["101", "102"]
    # The author's answer nests under Dana's reply and is marked as the author's.
    assert replies[1].find_parent("li") is replies[0]
    assert "ts-by-author" in replies[1]["class"]
    assert replies[0].select(".p-name")[0].get_text() == "Dana Reed"
    assert replies[0].select(".ts-handle")[0].get_text() == "@dana@other.test"
    counts = {c.get("data-ts-count"): c.get_text() for c in tree.select("[data-ts-count]")}
    assert counts == {"replies": "2 replies", "boosts": "5 boosts", "favourites": "7 favourites"}
    # Nothing hostile survives: no script, no handler, no javascript: link.
    section = tree.select("[data-ts-replies]")[0]
    assert not section.select("script")
    assert not [e for e in section.find_all(True) if any(a.startswith("on") for a in e.attrs)]
    hrefs = [a["href"] for a in section.select("a[href]")]
    assert not [h for h in hrefs if not h.startswith(("http://", "https://"))]
    assert "https://ok.example/x" in hrefs
    # Avatars are the site's own copies; nothing on the page points at the instance.
    photos = [img.get("src") for img in section.select("img")]
    assert photos and all(p.startswith(f"{SITEURL}/images/replies/") for p in photos)
    assert (out / "images" / "replies" / photos[0].rsplit("/", 1)[1]).is_file()
    assert not [e for e in tree.find_all(["img", "script"]) if net.base in e.get("src", "")]
    # An independent reader sees the post as an h-entry with its replies as citations.
    parsed = mf2py.parse(doc=text, url=f"{SITEURL}/posts/hello.html")
    entry = next(i for i in parsed["items"] if i["type"] == ["h-entry"])
    assert entry["properties"]["name"] == ["Hello, readers"]
    assert entry["properties"]["url"] == [f"{SITEURL}/posts/hello.html"]
    author = entry["properties"]["author"][0]
    assert author["type"] == ["h-card"]
    assert author["properties"]["name"] == ["Amara Okafor"]
    first = entry["properties"]["comment"]
    assert [c["type"] for c in first] == [["h-cite"]]
    assert first[0]["properties"]["author"][0]["properties"]["name"] == ["Dana Reed"]
    answer = first[0]["properties"]["comment"][0]
    assert answer["properties"]["author"][0]["properties"]["name"] == ["Amara Okafor"]
    assert answer["properties"]["url"] == [f"{net.base}/@amaraokafor/102"]


def test_replies_stay_when_the_instance_is_down(tmp_path, caplog):
    net = FakeNetwork().__enter__()
    mastodon_routes(net, [status(net.base, 101, account(net.base, 2, "Dana"), "<p>Hi</p>", "100")])
    settings = {"REPLIES_REFRESH_DAYS": 3650, "REPLIES_CACHE": str(tmp_path / "cache")}
    first = page(mastodon_site(tmp_path, net, **settings))
    net.stop()
    caplog.set_level(logging.WARNING)
    second = page(build(tmp_path, SITEURL=SITEURL, **settings))
    assert 'data-ts-reply-id="101"' in first
    assert 'data-ts-reply-id="101"' in second
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("pelican.plugins")]
    assert len([w for w in warnings if w.startswith("replies:")]) == 1


def test_offline_uses_the_cache_and_asks_nobody(tmp_path, monkeypatch):
    with FakeNetwork() as net:
        mastodon_routes(
            net, [status(net.base, 101, account(net.base, 2, "Dana"), "<p>Hi</p>", "100")]
        )
        settings = {"REPLIES_REFRESH_DAYS": 3650, "REPLIES_CACHE": str(tmp_path / "cache")}
        mastodon_site(tmp_path, net, **settings)
        asked = len(net.requests)
        monkeypatch.setenv("TOWNSQUARE_OFFLINE", "1")
        text = page(build(tmp_path, SITEURL=SITEURL, **settings))
    assert len(net.requests) == asked
    assert 'data-ts-reply-id="101"' in text


def test_a_reply_deleted_upstream_disappears(tmp_path):
    with FakeNetwork() as net:
        dana = account(net.base, 2, "Dana")
        mastodon_routes(net, [status(net.base, 101, dana, "<p>Hi</p>", "100")])
        settings = {"REPLIES_REFRESH_DAYS": 3650, "REPLIES_CACHE": str(tmp_path / "cache")}
        assert 'data-ts-reply-id="101"' in page(mastodon_site(tmp_path, net, **settings))
        mastodon_routes(net, [])
        assert "data-ts-reply-id" not in page(build(tmp_path, SITEURL=SITEURL, **settings))


def test_blocked_accounts_instances_and_words_are_left_out(tmp_path):
    with FakeNetwork() as net:
        mastodon_routes(
            net,
            [
                status(
                    net.base,
                    101,
                    account(net.base, 2, "Troll", "troll@bad.test"),
                    "<p>x</p>",
                    "100",
                ),
                status(
                    net.base, 102, account(net.base, 3, "Kim", "kim@spam.test"), "<p>y</p>", "100"
                ),
                status(net.base, 103, account(net.base, 4, "Lee"), "<p>Buy CRYPTO now</p>", "100"),
                status(
                    net.base, 104, account(net.base, 5, "Ana"), "<p>Answer to troll</p>", "101"
                ),
                status(net.base, 105, account(net.base, 5, "Ana"), "<p>Kept</p>", "100"),
            ],
        )
        block = ["@troll@bad.test", "spam.test", "crypto"]
        text = page(mastodon_site(tmp_path, net, REPLIES_BLOCK=block))
    ids = [li.get("data-ts-reply-id") for li in soup(text).select("li.h-cite")]
    assert ids == ["105"]


def test_replies_off_and_drafts_ask_nobody(tmp_path):
    with FakeNetwork() as net:
        mastodon_routes(net)
        new_site(
            tmp_path,
            {
                "posts/off.md": post("Quiet", f"Mastodon: {net.base}/@amara/100\nReplies: off\n"),
                "posts/draft.md": post(
                    "Soon", f"Mastodon: {net.base}/@amara/100\nStatus: draft\n"
                ),
            },
        )
        build(tmp_path, SITEURL=SITEURL)
    assert net.requests == []


def test_plain_http_outside_loopback_is_refused_with_file_and_line(tmp_path):
    one_post(
        tmp_path,
        "Mastodon: http://social.example/@amara/100\n"
        "Bluesky: http://bsky.example/profile/amara.test/post/3kroot\n",
    )
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path, SITEURL=SITEURL)
    message = str(failed.value)
    assert "with 2 error(s)" in message
    assert (
        "hello.md:6: front matter 'mastodon: http://social.example/@amara/100' must be an "
        "https:// URL" in message
    )
    assert (
        "hello.md:7: front matter 'Bluesky': 'http://bsky.example/profile/amara.test/post/"
        "3kroot' is not an https:// address (http only on loopback)" in message
    )


def test_a_huge_deep_thread_renders_bounded(tmp_path):
    with FakeNetwork() as net:
        who = account(net.base, 2, "Dana")
        chain = [
            status(net.base, 1000 + n, who, f"<p>r{n}</p>", str(999 + n) if n else "100")
            for n in range(3000)
        ]
        flat = [status(net.base, 5000 + n, who, f"<p>f{n}</p>", "100") for n in range(7000)]
        mastodon_routes(net, chain + flat)
        text = page(mastodon_site(tmp_path, net))
    tree = soup(text)
    items = tree.select("li.h-cite")
    assert len(items) == 500  # REPLIES_MAX
    depth = max(len(li.find_parents("li")) for li in items)
    assert depth == 5  # nesting stops at six levels


def test_bluesky_thread_through_the_configured_appview(tmp_path):
    did, author = "did:plc:amara", "amara.bsky.social"
    with FakeNetwork() as net:
        root = bsky_post(
            did,
            author,
            "3kroot",
            "New post",
            "2026-05-05T09:00:00Z",
            replies=2,
            reposts=3,
            likes=9,
        )
        text = "See https://ok.example <b>bold</b>"
        start = len(b"See ")
        link = {
            "index": {"byteStart": start, "byteEnd": start + 17},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://ok.example"}],
        }
        reply = bsky_post(
            "did:plc:dana", "dana.bsky.social", "3kr1", text, "2026-05-05T10:00:00Z", facets=[link]
        )
        answer = bsky_post(did, author, "3kr2", "Thanks!", "2026-05-05T11:00:00Z")
        net.routes["/xrpc/com.atproto.identity.resolveHandle"] = {"did": did}
        net.routes["/xrpc/app.bsky.feed.getPostThread"] = {
            "thread": {
                "$type": "app.bsky.feed.defs#threadViewPost",
                "post": root,
                "replies": [
                    {
                        "$type": "app.bsky.feed.defs#threadViewPost",
                        "post": reply,
                        "replies": [
                            {
                                "$type": "app.bsky.feed.defs#threadViewPost",
                                "post": answer,
                                "replies": [],
                            }
                        ],
                    },
                    {
                        "$type": "app.bsky.feed.defs#notFoundPost",
                        "uri": "at://x",
                        "notFound": True,
                    },
                ],
            }
        }
        one_post(tmp_path, f"Bluesky: https://bsky.app/profile/{author}/post/3kroot\n")
        out = build(tmp_path, SITEURL=SITEURL, REPLIES_BLUESKY_APPVIEW=net.base)
    assert net.requests[:2] == [
        "/xrpc/com.atproto.identity.resolveHandle?handle=amara.bsky.social",
        "/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Aamara%2F"
        "app.bsky.feed.post%2F3kroot&depth=1000",
    ], net.requests
    tree = soup(page(out))
    items = tree.select("li.h-cite")
    assert [i.select(".ts-handle")[0].get_text() for i in items] == [
        "@dana.bsky.social",
        f"@{author}",
    ]
    first = items[0].select(".ts-reply-text")[0]
    assert first.select("a")[0].get("href") == "https://ok.example"
    assert "<b>" in first.get_text()  # the text's markup is shown as text, not obeyed
    assert items[0].select("a.u-url.ts-reply-time")[0].get("href") == (
        "https://bsky.app/profile/dana.bsky.social/post/3kr1"
    )
    counts = [c.get_text() for c in tree.select("[data-ts-count]")]
    assert counts == ["2 replies", "3 reposts", "9 likes"]


def test_webmentions_from_webmention_io(tmp_path):
    with FakeNetwork() as net:
        net.routes["/api/mentions.jf2"] = {
            "type": "feed",
            "children": [
                {"type": "entry", "wm-property": "like-of", "wm-id": 1, "author": {"name": "A"}},
                {"type": "entry", "wm-property": "repost-of", "wm-id": 2, "author": {"name": "B"}},
                {
                    "type": "entry",
                    "wm-property": "in-reply-to",
                    "wm-id": 3,
                    "url": "https://their.blog/reply",
                    "published": "2026-05-06T08:00:00Z",
                    "author": {"name": "Chris", "url": "https://their.blog/"},
                    "content": {"html": "<p>Agreed <script>x()</script></p>", "text": "Agreed"},
                },
            ],
        }
        one_post(tmp_path, "")
        out = build(
            tmp_path,
            SITEURL="https://blog.test",
            REPLIES_WEBMENTION_IO="blog.test",
            REPLIES_WEBMENTION_API=net.base,
        )
    assert net.requests == [
        "/api/mentions.jf2?target=https%3A%2F%2Fblog.test%2Fposts%2Fhello.html&per-page=1000"
    ]
    tree = soup(page(out))
    assert [i.select(".p-name")[0].get_text() for i in tree.select("li.h-cite")] == ["Chris"]
    assert not tree.select("[data-ts-replies] script")
    counts = [c.get_text() for c in tree.select("[data-ts-count]")]
    assert counts == ["1 reply", "1 repost", "1 like"]
    webmention = tree.select_one('link[rel="webmention"]')
    assert webmention["href"] == "https://webmention.io/blog.test/webmention"


def test_the_kit_theme_is_followable_through_microformats(sample_site):
    """What Bridgy Fed and other IndieWeb readers need: a representative h-card on the home
    page, an h-entry with an h-card author on every post and in every listing, rel=me links
    and a feed, read by mf2py."""
    home_url = "http://127.0.0.1:8000/"
    home = mf2py.parse(doc=(sample_site / "index.html").read_text("utf-8"), url=home_url)
    cards = [i for i in home["items"] if i["type"] == ["h-card"]]
    assert [(c["properties"]["url"], c["properties"]["uid"]) for c in cards] == [
        ([home_url], [home_url])
    ]
    assert cards[0]["properties"]["name"] == ["Amara Okafor"]
    entries = [i for i in home["items"] if i["type"] == ["h-entry"]]
    assert len(entries) >= 3
    assert all(e["properties"]["author"][0]["type"] == ["h-card"] for e in entries)
    assert all(e["properties"]["url"][0].startswith(home_url + "posts/") for e in entries)
    assert home["rels"]["me"]
    assert [a for a in home["alternates"] if a["type"] == "application/atom+xml"]
    for path in sorted((sample_site / "posts").glob("*.html")):
        parsed = mf2py.parse(doc=path.read_text("utf-8"), url=f"{home_url}posts/{path.name}")
        posts = [i for i in parsed["items"] if i["type"] == ["h-entry"]]
        assert len(posts) == 1, path.name
        assert posts[0]["properties"]["url"] == [f"{home_url}posts/{path.name}"]
        assert posts[0]["properties"]["published"]
        assert posts[0]["properties"]["author"][0]["properties"]["name"]


def test_bad_utf8_and_event_handlers_in_names_stay_harmless(tmp_path):
    with FakeNetwork() as net:
        mastodon_routes(net)
        who = account(net.base, 2, "Dana")
        who["display_name"] = "<img src=x onerror=alert(1)>Dana\u202e"
        reply = status(net.base, 101, who, "<p>caf\u00e9</p>", "100")
        body = json.dumps({"ancestors": [], "descendants": [reply]}).encode()
        net.routes["/api/v1/statuses/100/context"] = body.replace(b"caf\\u00e9", b"caf\xe9")
        text = page(mastodon_site(tmp_path, net))
    item = soup(text).select_one("li.h-cite")
    assert item.select_one(".p-name").get_text() == "<img src=x onerror=alert(1)>Dana"
    assert item.select_one(".ts-reply-text").get_text() == "caf\ufffd"
    assert not item.select("img[onerror]")
