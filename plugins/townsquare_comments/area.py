"""The comment area of one article or page: on or off, the reply links, the provider embed.

`comment_area(content, settings)` merges the site settings with the front matter (`comments:
off` / `on`, `mastodon:` toot URL, `linkedin:` post URL) in one place and returns a
CommentArea the partial template only has to draw.
"""

import logging
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from pelican.plugins.townsquare.drafts import is_draft
from pelican.plugins.townsquare.where import at_key

from .origins import OriginError, split_url
from .providers import BY_NAME, Post

logger = logging.getLogger(__name__)

OFF = ("off", "no", "false", "none")
ON = ("on", "yes", "true")
#: A toot's public URL: https://host/@user/123 (or /users/user/statuses/123).
_TOOT_PATH = re.compile(r"/(?:@[^/]+|users/[^/]+/statuses)/([0-9]+)/?")


@dataclass(frozen=True)
class Link:
    """One no-JS way to respond, as the template draws it."""

    name: str
    label: str
    href: str


@dataclass(frozen=True)
class Toot:
    """The Mastodon post that announces this post; replies to it are its comments."""

    url: str
    host: str
    id: str
    #: https://host[:port], rebuilt from the parsed URL: what the policy's connect-src lists.
    origin: str


@dataclass(frozen=True)
class CommentArea:
    """Everything partials/comments.html needs for one content object."""

    enabled: bool
    links: tuple = ()
    embed: object = None  # a providers.Embed, or None for the reply links only
    click_to_load: bool = True
    remember: bool = False
    post: Post | None = None
    #: Seconds comments.js waits for the provider before showing the fallback line.
    timeout: float = 15


def wanted(content, settings, is_page):
    """Whether content gets a comment area: the site default, overridden by `comments:`."""
    if is_draft(content):
        return False  # a draft is a preview for its author: there is nothing to answer yet
    default = settings["COMMENTS_ON_PAGES"] if is_page else True
    raw = content.metadata.get("comments")
    if raw is None:
        return default
    value = str(raw).strip().lower()
    if value in OFF:
        return False
    if value in ON:
        return True
    logger.error(
        "comments: %s: front matter 'comments: %s' is not understood; use on or off",
        at_key(content, "comments"),
        raw,
    )
    return default


def _https_metadata(content, key):
    """The https URL in front matter `key`, or None (logging an error naming file and line)."""
    raw = content.metadata.get(key)
    if raw is None:
        return None
    value = str(raw).strip()
    try:
        split_url(value, ("https",))
    except OriginError as error:
        logger.error(
            "comments: %s: front matter '%s: %s' must be an https:// URL of the post to "
            "discuss (%s)",
            at_key(content, key),
            key,
            raw,
            error,
        )
        return None
    return value


def toot_of(content):
    """The Toot named by front matter `mastodon:`, or None (logging an error when invalid)."""
    url = _https_metadata(content, "mastodon")
    if url is None:
        return None
    origin, path = split_url(url, ("https",))
    match = _TOOT_PATH.fullmatch(path)
    if not match:
        logger.error(
            "comments: %s: front matter 'mastodon: %s' is not a toot URL; use the post's "
            "address, like https://mastodon.social/@you/112233445566778899",
            at_key(content, "mastodon"),
            url,
        )
        return None
    return Toot(url, urlsplit(origin).netloc, match.group(1), origin)


def reply_address(content, settings):
    """The first author's AUTHORS_BIO e-mail, else COMMENTS_REPLY_EMAIL (None if neither).

    COMMENTS_REPLY_EMAIL already defaults to an address the blog states (settings.py)."""
    bios = settings.get("AUTHORS_BIO") or {}
    for author in getattr(content, "authors", None) or []:
        bio = bios.get(getattr(author, "slug", ""))
        if isinstance(bio, dict) and bio.get("email"):
            return bio["email"]
    return settings["COMMENTS_REPLY_EMAIL"]


def mailto(address, title):
    """mailto: link to address with title as the subject (percent-encoded, spaces as %20)."""
    return f"mailto:{quote(address, safe='@')}?subject={quote(title, safe='')}"


def reply_links(content, settings, title, toot):
    """The no-JS links: reply by e-mail, reply on Mastodon, discuss on LinkedIn."""
    links = []
    address = reply_address(content, settings)
    if address:  # none stated anywhere: left out (the comments plugin says so once)
        links.append(Link("email", "Reply by email", mailto(address, title)))
    if toot is not None:
        links.append(Link("mastodon", "Reply on Mastodon", toot.url))
    linkedin = _https_metadata(content, "linkedin")
    if linkedin:
        links.append(Link("linkedin", "Discuss on LinkedIn", linkedin))
    return tuple(links)


def canonical_url(content, settings):
    """Front matter `canonical` if set, else SITEURL/url (the project's canonical contract)."""
    explicit = str(content.metadata.get("canonical", "")).strip()
    return explicit or f"{settings['SITEURL'].rstrip('/')}/{content.url}"


def comment_area(content, settings, is_page=False):
    """Build the CommentArea for an article or page."""
    if not wanted(content, settings, is_page):
        return CommentArea(enabled=False)
    title = str(getattr(content, "title", ""))
    toot = toot_of(content)
    post = Post(canonical_url(content, settings), "/" + content.url, title, toot)
    provider = BY_NAME.get(settings["COMMENTS_PROVIDER"])
    return CommentArea(
        enabled=True,
        links=reply_links(content, settings, title, toot),
        embed=provider.embed(settings, post) if provider else None,
        click_to_load=settings["COMMENTS_CLICK_TO_LOAD"],
        remember=settings["COMMENTS_REMEMBER_CONSENT"],
        post=post,
        timeout=settings["COMMENTS_TIMEOUT"],
    )
