"""publish-urls: a published page never points at localhost, and its metadata is absolute."""

import re

from ..kinds import KINDS
from ..urls import is_absolute
from .base import Rule

LOCAL_URL = re.compile(
    r"(?:https?:)?//(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?[^\s\"'<>)]*", re.I
)
METADATA = ("og:url", "og:image", "twitter:image")


class PublishUrls(Rule):
    """In a publish build: no localhost URL anywhere, no relative URL in metadata links."""

    id = "publish-urls"
    description = "no localhost or relative metadata URLs in a publish build"
    hint = "build with publishconf.py and SITEURL set to the public address"
    kinds = KINDS
    publish_only = True

    def check(self, page):
        seen = set()
        local = any(host in page.lower for host in ("localhost", "127.0.0.1", "0.0.0.0", "[::1]"))
        for match in LOCAL_URL.finditer(page.text) if local else ():
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
                yield self.finding(page, page.line_of(value), f"{name} URL {value} is relative")
