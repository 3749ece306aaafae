"""Author profiles from AUTHORS_BIO: social handles and profile links for metadata.

An entry looks like ``{"name": ..., "bio": ..., "twitter": "@handle",
"fediverse": "@user@server", "links": {"mastodon": "https://...", "linkedin": ...}}``.
The links feed ``rel=me``, JSON-LD ``sameAs``; the handles feed ``twitter:creator`` and
``fediverse:creator``.
"""

import re
from dataclasses import dataclass

from pelican.plugins.townsquare.urls import is_web_url

TWITTER_HANDLE = re.compile(r"^@\w{1,15}$")
FEDIVERSE_HANDLE = re.compile(r"^@[\w.-]+@[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)
# "email" belongs to the comments plugin (its "Reply by email" link), which checks it.
PROFILE_KEYS = ("name", "bio", "role", "twitter", "fediverse", "links", "email", "photo")


@dataclass(frozen=True)
class Profile:
    """What the metadata needs to know about one author."""

    name: str
    twitter: str = ""
    fediverse: str = ""
    links: tuple = ()  # absolute profile URLs, in the order configured


def profile_for(authors_bio, slug, name):
    """Return the Profile for an author slug (an empty one when the author is not listed)."""
    entry = (authors_bio or {}).get(slug) or {}
    links = tuple(entry.get("links", {}).values())
    return Profile(
        name=entry.get("name") or name,
        twitter=entry.get("twitter", ""),
        fediverse=entry.get("fediverse", ""),
        links=links,
    )


def _entry_problems(slug, entry):
    where = f"Setting AUTHORS_BIO[{slug!r}]"
    if not isinstance(entry, dict):
        return [
            f"{where}: received {entry!r}; allowed: a dict with keys {', '.join(PROFILE_KEYS)}"
        ]
    found = [
        f"{where}[{key!r}]: unknown key; allowed: {', '.join(PROFILE_KEYS)}"
        for key in entry
        if key not in PROFILE_KEYS
    ]
    twitter, fediverse = entry.get("twitter", ""), entry.get("fediverse", "")
    if twitter and not (isinstance(twitter, str) and TWITTER_HANDLE.match(twitter)):
        found.append(
            f"{where}['twitter']: received {twitter!r}; "
            "allowed: '@handle' (1-15 letters, digits, _)"
        )
    if fediverse and not (isinstance(fediverse, str) and FEDIVERSE_HANDLE.match(fediverse)):
        found.append(
            f"{where}['fediverse']: received {fediverse!r}; allowed: '@user@server.example'"
        )
    links = entry.get("links", {})
    if not isinstance(links, dict):
        found.append(f"{where}['links']: received {links!r}; allowed: a dict of name -> https URL")
        return found
    for key, url in links.items():
        if not is_web_url(url):
            found.append(
                f"{where}['links'][{key!r}]: received {url!r}; allowed: an absolute https URL"
            )
    return found


def profile_problems(authors_bio):
    """Return one message per invalid AUTHORS_BIO entry value."""
    if not isinstance(authors_bio, dict):
        return [
            f"Setting 'AUTHORS_BIO': received {authors_bio!r}; "
            "allowed: a dict of author slug -> profile dict"
        ]
    found = []
    for slug, entry in authors_bio.items():
        found.extend(_entry_problems(slug, entry))
    return found
