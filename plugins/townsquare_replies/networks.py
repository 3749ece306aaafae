"""Where `townsquare syndicate` posts: the leader's Mastodon and Bluesky accounts.

Credentials come only from the environment (CI secrets): MASTODON_INSTANCE and MASTODON_TOKEN;
BLUESKY_HANDLE and BLUESKY_APP_PASSWORD (BLUESKY_PDS, default https://bsky.social).
"""

import hashlib
import os

from .fetch import FetchError, get
from .sources import allowed_base

MASTODON_LIMIT = 500
BLUESKY_LIMIT = 300
THUMB_LIMIT = 1_000_000  # bytes: the most Bluesky accepts for an embed's thumbnail


def _fit(title, summary, url, limit):
    """title, summary and url in at most limit characters (the summary is cut first)."""
    tail = f"\n\n{url}" if url else ""
    head = title[: max(limit - len(tail), 0)]
    room = limit - len(head) - len(tail) - 2
    if summary and room > 20:
        cut = summary if len(summary) <= room else summary[: room - 1].rstrip() + "…"
        head = f"{head}\n\n{cut}"
    return head + tail


class Network:
    """A place to post: its name, the front-matter key of a copy, and its credentials."""

    name = key = ""
    #: the environment variables it needs, and the one holding its server's address
    needs = ()
    server = ""
    default_server = ""

    def __init__(self, environ):
        self.env = {name: environ.get(name, "") for name in self.needs}
        self.base = (environ.get(self.server) or self.default_server).rstrip("/")

    def missing(self):
        """What is missing to post here, or "" when ready."""
        if not all(self.env.values()) or not self.base:
            return "set " + " and ".join(self.needs)
        return "" if allowed_base(self.base) else f"{self.server} must be an https:// address"


class Mastodon(Network):
    """A status with the post's title, summary and address; Mastodon draws the link card."""

    name, key = "mastodon", "Mastodon"
    needs = ("MASTODON_INSTANCE", "MASTODON_TOKEN")
    server = "MASTODON_INSTANCE"

    def text(self, post):
        """The status text for post."""
        return _fit(post["title"], post["summary"], post["url"], MASTODON_LIMIT)

    def publish(self, post):
        """Post it; the status's public address."""
        from mastodon import Mastodon as Client

        client = Client(
            access_token=self.env["MASTODON_TOKEN"],
            api_base_url=self.base,
            version_check_mode="none",
            request_timeout=30,
        )
        # The same key for the same post: a retried request within the hour is not a new toot.
        key = hashlib.sha256(post["url"].encode("utf-8")).hexdigest()
        status = client.status_post(self.text(post), visibility="public", idempotency_key=key)
        return status["url"]


class Bluesky(Network):
    """A post with a link card (external embed) using the post's card image as thumbnail."""

    name, key = "bluesky", "Bluesky"
    needs = ("BLUESKY_HANDLE", "BLUESKY_APP_PASSWORD")
    server, default_server = "BLUESKY_PDS", "https://bsky.social"

    def text(self, post):
        """The post's text (the link is in the card)."""
        return _fit(post["title"], post["summary"], "", BLUESKY_LIMIT)

    def publish(self, post):
        """Post it; the post's public bsky.app address."""
        from atproto import Client, models

        client = Client(base_url=self.base)
        client.login(self.env["BLUESKY_HANDLE"], self.env["BLUESKY_APP_PASSWORD"])
        thumb = None
        if post["image"]:
            try:
                data = get(post["image"], 30, THUMB_LIMIT)
            except FetchError:
                data = None
            thumb = client.upload_blob(data).blob if data else None
        card = models.AppBskyEmbedExternal.External(
            uri=post["url"], title=post["title"], description=post["summary"], thumb=thumb
        )
        embed = models.AppBskyEmbedExternal.Main(external=card)
        created = client.send_post(text=self.text(post), embed=embed)
        rkey = created.uri.rsplit("/", 1)[-1]
        return f"https://bsky.app/profile/{self.env['BLUESKY_HANDLE']}/post/{rkey}"


NETWORKS = (Mastodon, Bluesky)


def configured(environ=None):
    """(networks ready to post, {name: what is missing}) from the environment."""
    environ = os.environ if environ is None else environ
    ready, missing = [], {}
    for network in NETWORKS:
        found = network(environ)
        problem = found.missing()
        if problem:
            missing[found.name] = problem
        else:
            ready.append(found)
    return ready, missing
