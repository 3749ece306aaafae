"""Where a post's conversation lives: the Mastodon status and Bluesky post its front matter names.

A post says ``Mastodon: https://host/@user/ID`` and/or
``Bluesky: https://bsky.app/profile/HANDLE/post/RKEY``. Only https addresses are fetched, and
plain http on this machine's loopback (tests, a self-hoster's staging server).
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pelican.plugins.townsquare.urls import is_fetchable as allowed_base

_MASTODON_PATHS = (
    re.compile(r"^/@(?P<user>[^/]+)/(?P<id>\d+)/?$"),
    re.compile(r"^/users/(?P<user>[^/]+)/statuses/(?P<id>\d+)/?$"),
)
_BLUESKY_PATH = re.compile(r"^/profile/(?P<actor>[^/]+)/post/(?P<rkey>[A-Za-z0-9._~:-]+)/?$")


class SourceError(ValueError):
    """A front-matter address the plugin cannot fetch; the message says why and what works."""


@dataclass(frozen=True)
class Source:
    """One place a post was syndicated to: network, public URL and what the API needs."""

    network: str  # "mastodon" or "bluesky"
    url: str
    base: str  # the Mastodon instance, e.g. https://social.example
    key: str  # the status id, or the Bluesky actor (handle or DID)
    rkey: str = ""  # Bluesky only: the post's record key


def _origin(parts):
    return f"{parts.scheme}://{parts.netloc}"


def mastodon(url):
    """The Source of a Mastodon status address, or SourceError saying what is wrong."""
    url = str(url).strip()
    if not allowed_base(url):
        raise SourceError(f"{url!r} is not an https:// address (http only on loopback)")
    parts = urlsplit(url)
    for pattern in _MASTODON_PATHS:
        found = pattern.match(parts.path)
        if found:
            return Source("mastodon", url, _origin(parts), found["id"])
    raise SourceError(f"{url!r} is not a status address like https://host/@user/123456")


def bluesky(url):
    """The Source of a Bluesky post address, or SourceError saying what is wrong."""
    url = str(url).strip()
    if not allowed_base(url):
        raise SourceError(f"{url!r} is not an https:// address (http only on loopback)")
    found = _BLUESKY_PATH.match(urlsplit(url).path)
    if not found:
        raise SourceError(
            f"{url!r} is not a post address like https://bsky.app/profile/HANDLE/post/RKEY"
        )
    return Source("bluesky", url, "", found["actor"], found["rkey"])


#: front-matter key (lower case, as Pelican stores metadata) -> parser
KEYS = {"mastodon": mastodon, "bluesky": bluesky}
