"""Signal handlers of the replies plugin."""

import logging
import os

from pelican.plugins.townsquare.assets import use_plugin_files
from pelican.plugins.townsquare.drafts import is_draft
from pelican.plugins.townsquare.where import at_key

from . import manifest
from .avatars import AvatarStore
from .cache import ThreadCache
from .conversation import Gatherer, fetchers
from .fetch import offline
from .settings import validate
from .sources import KEYS, SourceError

logger = logging.getLogger(__name__)

OFF = ("off", "no", "false", "0")


def setup(pelican):
    """Validate REPLIES_ settings and register the plugin's partial and stylesheet."""
    validate(pelican.settings)
    use_plugin_files(pelican.settings, __file__)


def sources_of(content):
    """The syndicated copies content's front matter names (an error logged for a bad one)."""
    found = []
    for key, parse in KEYS.items():
        raw = content.metadata.get(key)
        if not raw:
            continue
        try:
            found.append(parse(raw))
        except SourceError as error:
            if key == "mastodon":
                # townsquare_comments reads `Mastodon:` too (its reply link) and reports a bad
                # address there, with file and line: one message, not two.
                logger.debug("replies: %s: %s", at_key(content, key), error)
                continue
            logger.error(
                "replies: %s: front matter '%s': %s. Fix: give the address of the post there",
                at_key(content, key),
                key.capitalize(),
                error,
            )
    return found


def wanted(content):
    """True unless content is a draft or says `Replies: off`."""
    value = str(content.metadata.get("replies", "on")).strip().lower()
    return value not in OFF and not is_draft(content)


def attach(generators):
    """all_generators_finalized: give every post that was syndicated its `replies`."""
    settings = generators[0].settings
    output = generators[0].output_path
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    folder = settings["REPLIES_AVATAR_PATH"].strip("/")
    online = not offline()
    avatars = AvatarStore(
        settings["REPLIES_CACHE"],
        os.path.join(output, folder),
        f"{siteurl}/{folder}",
        settings["REPLIES_TIMEOUT"],
        online,
    )
    published_posts = []
    gatherer = Gatherer(settings, ThreadCache(settings["REPLIES_CACHE"]), avatars, online)
    for generator in generators:
        for content in getattr(generator, "articles", []) + getattr(generator, "pages", []):
            if siteurl and content in getattr(generator, "articles", []) and not is_draft(content):
                published_posts.append(content)
            if not wanted(content):
                continue
            canonical = f"{siteurl}/{content.url}" if siteurl else ""
            published = getattr(content, "date", None)
            if published is not None and published.tzinfo is None:
                published = None
            views = []
            for key, fetch in fetchers(settings, sources_of(content), canonical):
                thread = gatherer.thread(key, fetch, published)
                if thread is not None:
                    views.append(gatherer.view(thread))
            if views:
                content.replies = {
                    "threads": views,
                    "total": sum(len(v["replies"]) for v in views),
                }
    gatherer.report.log()
    _PUBLISHED[id(settings)] = (siteurl, published_posts)


#: settings id -> (SITEURL, the build's published posts), kept until `finalized`
_PUBLISHED = {}


def finish(pelican):
    """finalized: write the manifest of published posts for `townsquare syndicate` (every
    plugin has computed its data by now, the social card URLs included)."""
    siteurl, posts = _PUBLISHED.pop(id(pelican.settings), ("", []))
    if posts:
        entries = [manifest.entry(content, siteurl) for content in posts]
        manifest.write(pelican.settings["REPLIES_CACHE"], entries)
