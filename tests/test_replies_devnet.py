"""Replies and syndication against a real local Bluesky network (PLC, PDS and AppView).

Slow (the network takes about 15 s to start, once per session). In CI a machine that cannot
run it fails these tests; elsewhere they are skipped with the reason.
"""

import json
import os
import time
import urllib.request
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from conftest import free_port, require, serve, townsquare
from devnet_helpers import Devnet, missing
from writing_helpers import build, new_site, post

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def devnet():
    problem = missing()
    require(not problem, problem)
    network = Devnet().start()
    yield network.info
    network.stop()


def appview_thread(appview, uri):
    query = urlencode({"uri": uri, "depth": 10})
    url = f"{appview}/xrpc/app.bsky.feed.getPostThread?{query}"
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.load(answer)["thread"]


def test_a_real_bluesky_thread_is_baked_into_the_post(tmp_path, devnet):
    address = f"https://bsky.app/profile/amara.test/post/{devnet['post']}"
    new_site(tmp_path, {"posts/hello.md": post(extra=f"Bluesky: {address}\n")})
    out = build(
        tmp_path, SITEURL="http://127.0.0.1:8000", REPLIES_BLUESKY_APPVIEW=devnet["appview"]
    )
    page = BeautifulSoup((out / "posts" / "hello.html").read_text("utf-8"), "html.parser")
    replies = page.select("[data-ts-replies] li.h-cite")
    assert [r.select_one(".ts-handle").get_text() for r in replies] == [
        "@dana.test",
        "@amara.test",
    ]
    assert replies[0].select_one(".p-name").get_text() == "Dana Reed"
    # Dana wrote markup as text; it stays text.
    assert (
        replies[0].select_one(".ts-reply-text").get_text() == "Loved it <script>alert(1)</script>"
    )
    assert not page.select("[data-ts-replies] script")
    assert replies[1].find_parent("li") is replies[0]
    assert "ts-by-author" in replies[1]["class"]
    counts = [c.get_text() for c in page.select("[data-ts-count]")]
    assert counts == ["1 reply", "0 reposts", "1 like"]
    assert not [e for e in page.find_all(["img", "script"]) if "localhost" in e.get("src", "")]


def test_syndicate_posts_once_to_a_real_pds(tmp_path, devnet):
    content = new_site(tmp_path, {"posts/news.md": post("Fresh news")})
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    out = build(tmp_path, SITEURL=siteurl, REPLIES_CACHE=str(tmp_path / "rc"))
    server = serve(out, port)
    env = dict(os.environ)
    env.update(
        BLUESKY_PDS=devnet["pds"],
        BLUESKY_HANDLE=devnet["leader"]["handle"],
        BLUESKY_APP_PASSWORD=devnet["leader"]["password"],
    )
    env.pop("MASTODON_TOKEN", None)
    runs = [townsquare("syndicate", "--cache", tmp_path / "rc", env=env) for _ in range(3)]
    server.shutdown()
    assert [r.returncode for r in runs] == [0, 0, 0], runs[0].stderr
    front = (content / "posts" / "news.md").read_text(encoding="utf-8")
    recorded = [line for line in front.splitlines() if line.startswith("Bluesky: ")]
    assert len(recorded) == 1
    rkey = recorded[0].rsplit("/", 1)[1]
    uri = f"at://{devnet['leader']['did']}/app.bsky.feed.post/{rkey}"
    for _ in range(50):  # the AppView indexes the PDS's firehose a moment later
        try:
            thread = appview_thread(devnet["appview"], uri)
            break
        except OSError:
            time.sleep(0.2)
    else:
        raise AssertionError(f"{uri} never reached the AppView")
    record = thread["post"]["record"]
    assert record["text"] == "Fresh news\n\nA short hello."
    assert record["embed"]["external"]["uri"] == f"{siteurl}/posts/news.html"
    assert record["embed"]["external"]["title"] == "Fresh news"
    assert "thumb" in record["embed"]["external"]
