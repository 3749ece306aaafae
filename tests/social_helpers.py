"""Read a built page's social metadata back with independent parsers (extruct, BeautifulSoup)."""

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import extruct
from bs4 import BeautifulSoup
from PIL import Image

SITEURL = "http://127.0.0.1:8000"
CARD_URL = re.compile(rf"^{re.escape(SITEURL)}/social-cards/[0-9a-f]{{20}}\.png$")


def read_social(path, base_url=SITEURL + "/"):
    """Parse one HTML file: Open Graph and JSON-LD via extruct, the rest via BeautifulSoup."""
    html = Path(path).read_text(encoding="utf-8")
    uniform = extruct.extract(
        html, base_url=base_url, syntaxes=["opengraph", "json-ld"], uniform=True
    )
    # The non-uniform form keeps repeated properties (article:tag) and their order.
    raw = extruct.extract(html, base_url=base_url, syntaxes=["opengraph"])
    soup = BeautifulSoup(html, "lxml")
    canonical = soup.select("link[rel=canonical]")
    return SimpleNamespace(
        html=html,
        soup=soup,
        og=uniform["opengraph"][0] if uniform["opengraph"] else {},
        og_props=raw["opengraph"][0]["properties"] if raw["opengraph"] else [],
        jsonld=uniform["json-ld"],
        title=soup.title.get_text(),
        description=soup.find("meta", attrs={"name": "description"})["content"],
        canonical=[link["href"] for link in canonical],
        twitter={m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")},
        fediverse=[m["content"] for m in soup.select("meta[name='fediverse:creator']")],
        rel_me=[link["href"] for link in soup.select("link[rel=me]")],
    )


def props(page, name):
    """All values of one Open Graph property, in document order."""
    return [value for key, value in page.og_props if key == name]


def jsonld_of(page, kind):
    """The one JSON-LD block of a schema.org @type."""
    found = [block for block in page.jsonld if block.get("@type") == kind]
    assert len(found) == 1, [block.get("@type") for block in page.jsonld]
    return found[0]


def image_at(site, url):
    """Open the built file behind an absolute image URL; return (width, height, format)."""
    path = site / urlsplit(url).path.lstrip("/")
    assert path.is_file(), f"{url} has no file at {path}"
    with Image.open(path) as image:
        return (*image.size, Image.MIME[image.format])
