"""placeholders: a published site speaks with its owner's identity, not the sample's.

Publish builds only. Looks where identity lives: Open Graph, Twitter and article metadata,
JSON-LD (publisher, author, sameAs...), rel=me and author links, follow links and reply
addresses. A host under the reserved ``.example`` or ``.invalid`` top-level domains or the
``example.com/.org/.net`` domains (RFC 2606), or one of the sample handles (setting
``AUDIT_SAMPLE_HANDLES``), is refused. The page's own site address is left alone: the build
checks SITEURL itself, and a site really served from example.org may use it.
"""

import re

from lxml import etree

from ..kinds import MARKUP_KINDS
from ..urls import host
from .base import Rule

HOST = re.compile(
    r"(?<![\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*)(?![\w-])", re.I
)
RESERVED_TLDS = (".example", ".invalid")
RESERVED_DOMAINS = ("example.com", "example.org", "example.net")
IDENTITY_META = ("og:", "twitter:", "article:", "profile:", "fediverse:", "author", "book:")
#: Identity links: rel=me / rel=author, the kit's follow and reply links, mailto: addresses.
IDENTITY_LINKS = etree.XPath(
    "//*[self::a or self::link][contains(concat(' ', normalize-space(@rel), ' '), ' me ')"
    " or contains(concat(' ', normalize-space(@rel), ' '), ' author ')"
    " or @data-ts-follow or @data-ts-reply"
    " or (starts-with(@href, 'mailto:') and not(contains(@href, 'body=')))]"
)
#: Where a value was found -> the Townsquare setting that writes it.
SETTINGS = (
    ("twitter:site", "SOCIAL_TWITTER_SITE"),
    ("twitter:creator", "AUTHORS_BIO twitter"),
    ("fediverse:creator", "AUTHORS_BIO fediverse"),
    ("JSON-LD publisher", "SOCIAL_PUBLISHER"),
    ("JSON-LD author", "AUTHORS_BIO"),
    ("reply address", "COMMENTS_REPLY_EMAIL or AUTHORS_BIO email"),
    ("follow link", "SOCIAL or AUTHORS_BIO links"),
    ("rel=me link", "AUTHORS_BIO links or SOCIAL"),
    ("article:author", "AUTHORS_BIO"),
)


def is_placeholder_host(name):
    """True for hosts reserved for examples: *.example, *.invalid, example.com/.org/.net."""
    name = name.lower().rstrip(".")
    if name.endswith(RESERVED_TLDS):
        return True
    return any(name == d or name.endswith("." + d) for d in RESERVED_DOMAINS)


class Placeholders(Rule):
    """No sample identity (reserved example hosts, sample handles) in a published page."""

    id = "placeholders"
    description = "no sample identity (example hosts, sample handles) in a published page"
    hint = "replace the sample profile links, handles and addresses with your own"
    kit_hint = "set your own identity in pelicanconf.py (README: Make it yours)"
    kinds = MARKUP_KINDS
    publish_only = True

    def check(self, page):
        own = host(page.site.base_url or page.url or "")
        handles = [h for h in page.site.sample_handles if h.strip("@")]
        pattern = (
            re.compile(
                r"(?<![\w])@?("
                + "|".join(re.escape(h.lstrip("@")) for h in handles)
                + r")(?![\w])",
                re.I,
            )
            if handles
            else None
        )
        seen = set()
        for where, value, line in _identity_values(page):
            found = _placeholder(value, own, pattern)
            if found and (where, found) not in seen:
                seen.add((where, found))
                yield self.finding(page, line or page.line_of(value), _message(page, where, found))


def _placeholder(value, own, handles):
    """The placeholder host or handle in value, or ''."""
    for match in HOST.finditer(value):
        name = match.group(1).lower()
        if name != own and is_placeholder_host(name):
            return name
    if handles is not None:
        match = handles.search(value)
        if match:
            return "@" + match.group(1)
    return ""


def _identity_values(page):
    """(where, value, line) for every place identity is written on the page."""
    for tag in page.elements("meta"):
        key = tag.get("property") or tag.get("name") or ""
        if key.startswith(IDENTITY_META):
            yield key, tag.get("content") or "", tag.sourceline
    for block in page.json_ld:
        for keys, text in _json_strings(block.data):
            named = keys[:1] + keys[-1:] if len(keys) > 1 else keys
            yield "JSON-LD " + " ".join(named), text, page.line_of_tag(block.script)
    for link in page.select(IDENTITY_LINKS):
        href = link.get("href") or ""
        rel = (link.get("rel") or "").split()
        reply = link.get("data-ts-reply")
        if href.startswith("mailto:"):
            where = "reply address"
        elif reply:
            where = f"reply link ({reply.capitalize()}: in the post's front matter)"
        elif link.get("data-ts-follow") is not None:
            where = "follow link"
        elif "me" in rel:
            where = "rel=me link"
        else:
            where = "author link"
        yield where, href, link.sourceline


def _json_strings(data, limit=10_000):
    """(property path, string) for every string in JSON data (iterative, capped)."""
    stack, seen = [((), data)], 0
    while stack and seen < limit:
        keys, value = stack.pop()
        seen += 1
        if isinstance(value, str):
            yield keys, value
        elif isinstance(value, list):
            stack.extend((keys, item) for item in reversed(value))
        elif isinstance(value, dict):
            stack.extend(
                ((*keys, key), item)
                for key, item in reversed(value.items())
                if key not in ("@context", "@type")
            )


def _message(page, where, found):
    """What was found where, and where to replace it."""
    if not page.is_kit:
        return f"sample identity {found} in the {where}: replace it with your own"
    if where.startswith("reply link ("):
        return f"sample identity {found} in the {where}: replace it with your post's own link"
    setting = next((name for key, name in SETTINGS if where.startswith(key)), "")
    if not setting and where.startswith("JSON-LD"):
        setting = "SOCIAL_PUBLISHER or AUTHORS_BIO"
    suffix = f" ({setting})" if setting else ""
    return f"sample identity {found} in the {where}: replace it in pelicanconf.py{suffix}"
