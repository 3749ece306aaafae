"""A loopback stand-in for a Mastodon instance, a Bluesky AppView and webmention.io.

It answers with the documented JSON shapes of each API (Mastodon's Status and Context
entities, the AppView's resolveHandle and getPostThread, webmention.io's jf2 feed) from a
routes table a test fills in, and records every request so a test can prove what was (not)
asked for.
"""

import io
import json
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

START = datetime(2026, 5, 5, 10, 0, 0)


def png(colour=(200, 40, 40), size=(300, 200)):
    """The bytes of a small PNG (an avatar the server hands out)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


class FakeNetwork:
    """A threaded HTTP server on 127.0.0.1: routes {path?query: body}, requests recorded."""

    def __init__(self):
        self.routes = {}
        self.posts = {}  # path -> function(request body, headers) -> (status, JSON answer)
        self.received = []  # (path, body) of every POST
        self.requests = []
        network = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                network.requests.append(self.path)
                body = network.routes.get(self.path)
                if body is None:
                    body = network.routes.get(self.path.split("?", 1)[0])
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                if isinstance(body, dict | list):
                    body, kind = json.dumps(body).encode(), "application/json"
                else:
                    kind = "image/png" if body[:4] == b"\x89PNG" else "application/json"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                path = self.path.split("?", 1)[0]
                network.received.append((path, body))
                answer = network.posts.get(path)
                code, data = answer(body, self.headers) if answer else (404, {"error": "no"})
                payload = json.dumps(data).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Stop answering (the instance goes down)."""
        self.server.shutdown()
        self.server.server_close()


def account(base, number, name, acct=None):
    """A Mastodon Account entity (the fields the plugin reads)."""
    return {
        "id": str(number),
        "username": name.lower().replace(" ", ""),
        "acct": acct or name.lower().replace(" ", ""),
        "display_name": name,
        "url": f"{base}/@{name.lower().replace(' ', '')}",
        "avatar": f"{base}/avatars/{number}.png",
        "avatar_static": f"{base}/avatars/{number}.png",
    }


def status(base, number, who, content, reply_to=None, **counts):
    """A Mastodon Status entity."""
    return {
        "id": str(number),
        "uri": f"{base}/users/{who['username']}/statuses/{number}",
        "url": f"{base}/@{who['username']}/{number}",
        "created_at": (START + timedelta(seconds=number)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "in_reply_to_id": reply_to,
        "content": content,
        "spoiler_text": "",
        "visibility": "public",
        "account": who,
        "replies_count": counts.get("replies", 0),
        "reblogs_count": counts.get("reblogs", 0),
        "favourites_count": counts.get("favourites", 0),
        "emojis": [],
    }


def bsky_post(did, handle, rkey, text, when, facets=(), **counts):
    """An AppView PostView."""
    return {
        "uri": f"at://{did}/app.bsky.feed.post/{rkey}",
        "cid": f"cid{rkey}",
        "author": {"did": did, "handle": handle, "displayName": handle.split(".")[0].title()},
        "record": {
            "$type": "app.bsky.feed.post",
            "text": text,
            "createdAt": when,
            "facets": list(facets),
        },
        "replyCount": counts.get("replies", 0),
        "repostCount": counts.get("reposts", 0),
        "likeCount": counts.get("likes", 0),
        "indexedAt": when,
    }
