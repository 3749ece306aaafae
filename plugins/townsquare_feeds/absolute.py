"""Rewrite relative URLs inside post HTML to absolute ones, so feed readers can follow them."""

import re
from urllib.parse import urljoin

#: (element, attribute) pairs that hold one URL.
URL_ATTRIBUTES = (
    ("a", "href"),
    ("img", "src"),
    ("source", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("track", "src"),
    ("link", "href"),
    ("area", "href"),
    ("q", "cite"),
    ("blockquote", "cite"),
)
#: Attributes that hold a comma-separated list of "url descriptor" candidates.
SRCSET_TAGS = ("img", "source")
#: Every URL-holding attribute value in raw HTML (quoted or not), for the fast path below.
URL_VALUE = re.compile(
    r"""[\s"'](href|src|srcset|poster|cite)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I
)
ABSOLUTE = ("http://", "https://", "data:", "mailto:", "tel:")


def is_absolute(url):
    """True for an http(s) URL, whatever the letter case of its scheme."""
    return url.lower().startswith(("http://", "https://"))


def _join(base, url):
    # Fragment-only links ("#notes") point inside the post, which now lives at base.
    url = url.strip()
    if not url or url.lower().startswith(("data:", "mailto:", "tel:")):
        return url
    return urljoin(base, url)


def _srcset(base, value):
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(None, 1)
        if parts:
            parts[0] = _join(base, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


def _all_absolute(html):
    """True when every URL attribute in html is already absolute (or empty)."""
    for match in URL_VALUE.finditer(html):
        value = next(group for group in match.groups()[1:] if group is not None).strip()
        urls = (
            [c.split()[0] for c in value.split(",") if c.strip()]
            if match[1].lower() == "srcset"
            else [value]
        )
        if any(url and not url.lower().startswith(ABSOLUTE) for url in urls):
            return False
    return True


def absolutize(html, base):
    """Return html with href/src/srcset/poster/cite URLs resolved against base (the post URL)."""
    # Pelican already writes absolute URLs for {filename}/{static} links when RELATIVE_URLS is
    # off, so most posts need no rewriting; parsing them anyway was the feeds' main cost.
    if not html or _all_absolute(html):
        return html or ""
    from bs4 import BeautifulSoup  # loaded only for a post that needs rewriting

    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in URL_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            element[attribute] = _join(base, element[attribute])
    for element in soup.find_all(SRCSET_TAGS, attrs={"srcset": True}):
        element["srcset"] = _srcset(base, element["srcset"])
    return str(soup)
