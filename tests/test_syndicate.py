"""`townsquare syndicate`: each published post goes out once to Mastodon and Bluesky."""

import base64
import json
import os
import time
from urllib.parse import parse_qs

from conftest import free_port, serve, townsquare
from replies_helpers import FakeNetwork
from writing_helpers import build, new_site, post


def _jwt():
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    claims = {"sub": "did:plc:amara", "exp": int(time.time()) + 3600, "iat": int(time.time())}
    return f"{part({'alg': 'ES256K', 'typ': 'at+jwt'})}.{part(claims)}.c2ln"


def fake_accounts(net, mastodon_code=200):
    """A Mastodon instance and a Bluesky PDS answering the documented write endpoints."""
    counter = iter(range(900, 999))

    def toot(body, headers):
        number = next(counter)
        return mastodon_code, {
            "id": str(number),
            "url": f"{net.base}/@amara/{number}",
            "uri": f"{net.base}/users/amara/statuses/{number}",
            "content": "",
            "created_at": "2026-12-06T10:00:00.000Z",
            "account": {"id": "1", "username": "amara", "acct": "amara"},
        }

    net.posts["/api/v1/statuses"] = toot
    session = {
        "accessJwt": _jwt(),
        "refreshJwt": _jwt(),
        "handle": "amara.test",
        "did": "did:plc:amara",
    }
    net.posts["/xrpc/com.atproto.server.createSession"] = lambda body, headers: (200, session)
    profile = {"did": "did:plc:amara", "handle": "amara.test"}
    net.routes["/xrpc/app.bsky.actor.getProfile"] = profile
    blob = {"$type": "blob", "ref": {"$link": "bafkreib"}, "mimeType": "image/png", "size": 10}
    net.posts["/xrpc/com.atproto.repo.uploadBlob"] = lambda body, headers: (200, {"blob": blob})

    def record(body, headers):
        return 200, {"uri": f"at://did:plc:amara/app.bsky.feed.post/3k{next(counter)}", "cid": "b"}

    net.posts["/xrpc/com.atproto.repo.createRecord"] = record


def environment(net, cache):
    env = dict(os.environ)
    env.update(
        MASTODON_INSTANCE=net.base,
        MASTODON_TOKEN="token",
        BLUESKY_PDS=net.base,
        BLUESKY_HANDLE="amara.test",
        BLUESKY_APP_PASSWORD="app-password",
    )
    return env


def published_site(tmp_path):
    """Three posts built for a loopback origin and served there: (server, content folder)."""
    content = new_site(
        tmp_path,
        {
            "posts/hello.md": post("Hello, readers"),
            "posts/quiet.md": post("Quiet one", "Syndicate: no\n"),
            "posts/soon.md": post("Not yet", "Status: draft\n"),
        },
    )
    port = free_port()
    out = build(tmp_path, SITEURL=f"http://127.0.0.1:{port}", REPLIES_CACHE=str(tmp_path / "rc"))
    return serve(out, port), content


def test_each_post_goes_out_once_across_three_runs(tmp_path):
    server, content = published_site(tmp_path)
    with FakeNetwork() as net:
        fake_accounts(net)
        env = environment(net, tmp_path / "rc")
        runs = [townsquare("syndicate", "--cache", tmp_path / "rc", env=env) for _ in range(3)]
    server.shutdown()
    assert [r.returncode for r in runs] == [0, 0, 0], runs[0].stderr
    posted = [path for path, _ in net.received if path != "/xrpc/com.atproto.server.createSession"]
    assert posted.count("/api/v1/statuses") == 1
    assert posted.count("/xrpc/com.atproto.repo.createRecord") == 1
    toot = next(parse_qs(b.decode()) for p, b in net.received if p == "/api/v1/statuses")
    url = f"http://127.0.0.1:{server.server_address[1]}/posts/hello.html"
    assert toot["status"] == [f"Hello, readers\n\nA short hello.\n\n{url}"]
    assert toot["visibility"] == ["public"]
    front = (content / "posts" / "hello.md").read_text(encoding="utf-8")
    assert f"Mastodon: {net.base}/@amara/900\n" in front
    assert "Bluesky: https://bsky.app/profile/amara.test/post/3k901\n" in front
    assert front.index("Bluesky:") < front.index("\n\n")  # still in the front matter
    assert "Mastodon:" not in (content / "posts" / "quiet.md").read_text(encoding="utf-8")
    assert "Mastodon:" not in (content / "posts" / "soon.md").read_text(encoding="utf-8")
    record = next(json.loads(b) for p, b in net.received if p.endswith("createRecord"))
    external = record["record"]["embed"]["external"]
    assert external["uri"] == url
    assert external["title"] == "Hello, readers"
    assert external["description"] == "A short hello."
    assert external["thumb"]["ref"]["$link"] == "bafkreib"  # the post's card, uploaded
    assert record["record"]["text"] == "Hello, readers\n\nA short hello."


def test_dry_run_posts_nothing(tmp_path):
    server, content = published_site(tmp_path)
    with FakeNetwork() as net:
        fake_accounts(net)
        env = environment(net, tmp_path / "rc")
        result = townsquare("syndicate", "--cache", tmp_path / "rc", "--dry-run", env=env)
    server.shutdown()
    assert result.returncode == 0
    assert "would post to mastodon: 'Hello, readers" in result.stdout
    assert "would post to bluesky: 'Hello, readers" in result.stdout
    assert net.received == []
    assert "Mastodon:" not in (content / "posts" / "hello.md").read_text(encoding="utf-8")


def test_one_network_failing_does_not_stop_the_other(tmp_path):
    server, content = published_site(tmp_path)
    with FakeNetwork() as net:
        fake_accounts(net, mastodon_code=500)
        env = environment(net, tmp_path / "rc")
        result = townsquare("syndicate", "--cache", tmp_path / "rc", env=env)
    server.shutdown()
    assert result.returncode == 1
    assert "mastodon: http://127.0.0.1:" in result.stderr and "not posted" in result.stderr
    front = (content / "posts" / "hello.md").read_text(encoding="utf-8")
    assert "Mastodon:" not in front
    assert "Bluesky: https://bsky.app/profile/amara.test/post/" in front


def test_without_a_build_it_says_what_to_do(tmp_path):
    result = townsquare("syndicate", "--cache", tmp_path / "nothing")
    assert result.returncode == 2
    assert "no manifest of a build to read" in result.stderr
    assert "build the site first" in result.stderr
    assert "Traceback" not in result.stderr
