"""The subscribe block's data: feed links, follow links from SOCIAL, the newsletter form."""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from .newsletter import Newsletter, newsletter

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Network:
    """A profile network we recognise: rel="me" tells it (and IndieWeb tools) the link is ours."""

    name: str
    label: str


#: Known networks; SOCIAL names are matched case-insensitively against `name`.
NETWORKS = (
    Network("mastodon", "Mastodon"),
    Network("linkedin", "LinkedIn"),
    Network("bluesky", "Bluesky"),
    Network("github", "GitHub"),
    Network("threads", "Threads"),
    Network("x", "X"),
)
BY_NAME = {network.name: network for network in NETWORKS}


@dataclass(frozen=True)
class FollowLink:
    """One follow link: visible label, URL and rel."""

    label: str
    url: str
    rel: str
    network: str


@dataclass(frozen=True)
class Subscribe:
    """Everything the subscribe partial renders."""

    feeds: tuple
    follow: tuple
    newsletter: Newsletter | None


def follow_url(url, siteurl):
    """An entry's address as a link target: absolute as given, site paths made absolute.

    Returns None for entries with no address a reader could follow ('#', javascript:, ...).
    """
    url = url.strip() if isinstance(url, str) else ""
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https", "mailto"):
        return url
    if scheme or not url or url.startswith("#"):
        return None
    return f"{siteurl.rstrip('/')}/{url.lstrip('/')}"


def follow_links(social, siteurl=""):
    """FollowLinks for Pelican's SOCIAL entries, in the order given.

    Entries are (name, url) pairs, or longer tuples some themes use (an icon name third);
    relative URLs (('rss', '/feeds/all.atom.xml')) are made absolute. A set (Pelican's
    themes iterate over one just as well) is taken in sorted order, so builds are repeatable.
    """
    links = []
    if isinstance(social, set | frozenset):
        social = sorted(social, key=repr)
    for entry in social or ():
        pair = isinstance(entry, list | tuple) and len(entry) >= 2
        url = follow_url(entry[1], siteurl) if pair else None
        name = entry[0].strip() if url and isinstance(entry[0], str) else ""
        if not name:
            logger.warning(
                "feeds: SOCIAL entry %r has no name or no address a reader can follow; skipped "
                "— fix: give it a name and an http(s), mailto: or site-relative address",
                entry,
            )
            continue
        network = BY_NAME.get(name.lower())
        if network:
            links.append(FollowLink(network.label, url, "me noopener", network.name))
        else:
            links.append(FollowLink(name, url, "noopener", "other"))
    return tuple(links)


def subscribe_block(feed_links, settings):
    """The Subscribe value for the site's main feed links and settings."""
    return Subscribe(
        feeds=feed_links,
        follow=follow_links(settings.get("SOCIAL"), settings.get("SITEURL", "")),
        newsletter=newsletter(settings.get("FEEDS_NEWSLETTER")),
    )
