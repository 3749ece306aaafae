"""publish-urls: a published page never points at localhost, and its metadata is absolute.

A local address written as text inside ``<pre>`` or ``<code>`` (a post showing
``pelican --listen`` output) is sample text, not a link, and passes; the same address in an
attribute (``href``, ``src``) there is still a link.
"""

import re
from dataclasses import replace

from ..kinds import MARKUP_KINDS
from ..urls import is_absolute
from .base import Rule

LOCAL_URL = re.compile(
    r"(?:https?:)?//(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?[^\s\"'<>)]*", re.I
)
METADATA = ("og:url", "og:image", "twitter:image")
SAMPLE = re.compile(r"<(pre|code)\b[^>]*>.*?</\1\s*>", re.I | re.S)
LOCAL_FIX = (
    "link to your own pages with {filename}/… or {static}/… (Pelican writes the public "
    "address), or write the address as text in `code`; if every page shows it, SITEURL is "
    "local: set SITEURL in publishconf.py to the public https:// address"
)
RELATIVE_FIX = (
    "set SITEURL in publishconf.py to the public https:// address and RELATIVE_URLS = False "
    "(metadata URLs must be absolute)"
)


class PublishUrls(Rule):
    """In a publish build: no localhost URL anywhere, no relative URL in metadata links."""

    id = "publish-urls"
    description = "no localhost or relative metadata URLs in a publish build"
    hint = LOCAL_FIX
    kinds = MARKUP_KINDS
    publish_only = True

    def check(self, page):
        seen = set()
        local = any(host in page.lower for host in ("localhost", "127.0.0.1", "0.0.0.0", "[::1]"))
        samples = [m.span() for m in SAMPLE.finditer(page.text)] if local else []
        for match in LOCAL_URL.finditer(page.text) if local else ():
            if _sample_text(page.text, match.start(), samples):
                continue
            if match.group(0) not in seen:
                seen.add(match.group(0))
                yield self.finding(
                    page,
                    page.line_at(match.start()),
                    f"local URL {match.group(0)} in a published page",
                )
        urls = [(key, page.meta(key)) for key in METADATA]
        urls += [("canonical", page.canonical)]
        urls += [("alternate", link.get("href")) for link in page.links("alternate")]
        for name, value in urls:
            if value and not is_absolute(value):
                finding = self.finding(
                    page, page.line_of(value), f"{name} URL {value} is relative"
                )
                yield replace(finding, hint=RELATIVE_FIX)


def _sample_text(text, offset, samples):
    """True when offset is in the text (not a tag's attribute) of a <pre> or <code> element."""
    if not any(start <= offset < end for start, end in samples):
        return False
    return text.rfind("<", 0, offset) <= text.rfind(">", 0, offset)
