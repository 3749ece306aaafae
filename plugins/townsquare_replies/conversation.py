"""Gather each post's conversation: fetch or reuse the cache, moderate, make it renderable."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from markupsafe import Markup

from pelican.plugins.townsquare.urls import is_web_url

from . import bluesky, mastodon, webmention
from .fetch import FetchError
from .model import as_tree
from .moderation import moderate

logger = logging.getLogger(__name__)

#: network -> (name shown, word for reposts, word for likes)
WORDS = {
    "mastodon": ("Mastodon", "boosts", "favourites"),
    "bluesky": ("Bluesky", "reposts", "likes"),
    "webmention": ("the web", "reposts", "likes"),
}


@dataclass
class Report:
    """What one build did, told once at its end."""

    fetched: int = 0
    from_cache: int = 0
    failures: list = field(default_factory=list)
    offline: bool = False

    def log(self):
        """One line for the whole build (a warning when the network let us down)."""
        if self.failures:
            logger.warning(
                "replies: %d conversation(s) could not be fetched; the last good copy was used "
                "where there was one (first: %s)",
                len(self.failures),
                self.failures[0],
            )
        elif self.offline and self.from_cache:
            logger.warning(
                "replies: TOWNSQUARE_OFFLINE is set; %d conversation(s) came from the cache",
                self.from_cache,
            )
        elif self.fetched or self.from_cache:
            logger.info(
                "replies: %d conversation(s) fetched, %d from the cache",
                self.fetched,
                self.from_cache,
            )


class Gatherer:
    """Fetches (or reuses) threads for one build and turns them into template data."""

    def __init__(self, settings, cache, avatars, online):
        self.settings = settings
        self.cache = cache
        self.avatars = avatars
        self.online = online
        self.report = Report(offline=not online)
        self.now = datetime.now(UTC)

    def _fresh_enough(self, fetched, published):
        days = timedelta(days=self.settings["REPLIES_REFRESH_DAYS"])
        if published is None or self.now - published < days:
            return False  # a young post is fetched on every build
        return self.now - fetched < days

    def thread(self, key, fetch, published):
        """The Thread for key: from the network when due and possible, else the cache."""
        cached = self.cache.load(key)
        if cached and (not self.online or self._fresh_enough(cached[0], published)):
            self.report.from_cache += 1
            return cached[1]
        if self.online:
            try:
                found = fetch()
            except FetchError as error:
                self.report.failures.append(str(error))
            else:
                self.cache.save(found)
                self.report.fetched += 1
                return found
        if cached:
            self.report.from_cache += 1
            return cached[1]
        return None

    def view(self, thread):
        """Template data for a thread: words, counts and the moderated tree of replies."""
        thread = moderate(thread, self.settings["REPLIES_BLOCK"])
        for reply in thread.replies:
            reply.html = Markup(reply.html)  # sanitised when it was read from the network
            reply.avatar = self.avatars.local(reply.avatar) if is_web_url(reply.avatar) else ""
            reply.url = reply.url if is_web_url(reply.url) else ""
            reply.author_url = reply.author_url if is_web_url(reply.author_url) else ""
        name, reposts, likes = WORDS[thread.network]
        return {
            "network": thread.network,
            "name": name,
            "url": thread.url if is_web_url(thread.url) else "",
            "counts": [
                (thread.replies_count, "replies", "reply"),
                (thread.reposts_count, reposts, reposts[:-1]),
                (thread.likes_count, likes, likes[:-1]),
            ],
            "replies": as_tree(thread.replies, self.settings["REPLIES_MAX"]),
        }


def fetchers(settings, sources, canonical):
    """(cache key, fetch function) for each source of a post, and for its webmentions."""
    timeout = settings["REPLIES_TIMEOUT"]
    appview = settings["REPLIES_BLUESKY_APPVIEW"]
    found = []
    for source in sources:
        if source.network == "mastodon":
            found.append((source.url, lambda s=source: mastodon.thread(s, timeout)))
        else:
            found.append((source.url, lambda s=source: bluesky.thread(s, appview, timeout)))
    if settings.get("REPLIES_WEBMENTION_IO") and canonical:
        api = settings["REPLIES_WEBMENTION_API"]
        found.append((canonical, lambda: webmention.thread(api, canonical, timeout)))
    return found
