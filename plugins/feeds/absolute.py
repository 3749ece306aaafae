"""Rewrite relative URLs inside post HTML to absolute ones, so feed readers can follow them."""

from urllib.parse import urljoin

from bs4 import BeautifulSoup

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


def _join(base, url):
    # Fragment-only links ("#notes") point inside the post, which now lives at base.
    url = url.strip()
    if not url or url.startswith(("data:", "mailto:", "tel:")):
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


def absolutize(html, base):
    """Return html with href/src/srcset/poster/cite URLs resolved against base (the post URL)."""
    if not html or not any(marker in html for marker in ("href", "src", "poster", "cite")):
        return html or ""
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in URL_ATTRIBUTES:
        for element in soup.find_all(tag, attrs={attribute: True}):
            element[attribute] = _join(base, element[attribute])
    for element in soup.find_all(SRCSET_TAGS, attrs={"srcset": True}):
        element["srcset"] = _srcset(base, element["srcset"])
    return str(soup)
