"""Page weight added by the interaction points (share, comments, subscribe, feed links).

HTML bytes are the UTF-8 length of each outermost interaction element as serialised by
BeautifulSoup (the markers ``[data-ts-share]``, ``[data-ts-comments]``, ``[data-ts-subscribe]``,
feed autodiscovery ``<link>``s, and the ``<link rel=stylesheet>`` tags that load the CSS below,
wherever the page puts them). CSS bytes are every stylesheet the page links whose name says it
belongs to the interaction points: the kit's one ``interactions.css`` (share row, comment area
and subscribe block since issue 25), and ``share*.css``, ``comments*.css``, ``subscribe*.css``,
``feeds*.css`` (the per-feature files before it, so older builds measure the same way). Each
file counts once per link.
JS bytes *required* are the bytes of scripts the interaction points need to appear: zero when
every marker is present in the served HTML and not ``hidden`` (scripts only enhance); otherwise
every script the page loads counts. Deferred scripts are reported separately as optional.
"""

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

MARKERS = ("[data-ts-share]", "[data-ts-comments]", "[data-ts-subscribe]")
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/feed+json")
FEATURE_CSS = ("interactions", "share", "comments", "subscribe", "feeds")


@dataclass(frozen=True)
class Weight:
    """What the interaction points cost on one page, in bytes."""

    page: str
    html: int
    css: int
    js_required: int
    js_optional: int
    gzip: int  # HTML + CSS after gzip, for information
    markers: tuple  # which markers were found

    @property
    def html_css(self):
        return self.html + self.css


def feature_stylesheets(soup):
    """The <link rel=stylesheet> tags of a parsed page that load interaction CSS."""
    return [
        link
        for link in soup.find_all("link", href=True)
        if "stylesheet" in (link.get("rel") or [])
        and Path(urlsplit(link["href"]).path).name.startswith(FEATURE_CSS)
    ]


def interaction_elements(soup):
    """The outermost interaction elements, feed links and stylesheet links of a parsed page."""
    found = []
    for selector in MARKERS:
        found.extend(soup.select(selector))
    found.extend(
        link
        for link in soup.find_all("link", href=True)
        if "alternate" in (link.get("rel") or []) and link.get("type") in FEED_TYPES
    )
    found.extend(feature_stylesheets(soup))
    # Drop elements nested in another counted element so no byte is counted twice.
    ids = {id(element) for element in found}
    return [e for e in found if not any(id(parent) in ids for parent in e.parents)]


def local_file(site, href, page_path, site_host=None):
    """Map an href on a page to a file in the site folder (None when external or missing).

    Absolute URLs count as local on 127.0.0.1/localhost and on the site's own host (a publish
    build links its CSS as https://your.domain/theme/...).
    """
    parts = urlsplit(href)
    if parts.scheme and parts.hostname not in ("127.0.0.1", "localhost", site_host):
        return None
    path = parts.path
    target = site / path.lstrip("/") if path.startswith("/") else page_path.parent / path
    return target if target.is_file() else None


def measure_page(site, page):
    """Weight of the interaction points on page (a path inside the site folder site)."""
    site, page = Path(site), Path(page)
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    canonical = soup.find("link", rel="canonical", href=True)
    host = urlsplit(canonical["href"]).hostname if canonical else None
    elements = interaction_elements(soup)
    html = "".join(str(element) for element in elements).encode("utf-8")
    css = b""
    for link in feature_stylesheets(soup):
        found = local_file(site, link["href"], page, host)
        css += found.read_bytes() if found else b""
    scripts = [s for s in soup.find_all("script", src=True)]
    script_bytes = {}
    for script in scripts:
        found = local_file(site, script["src"], page, host)
        script_bytes[script["src"]] = found.stat().st_size if found else 0
    markers = tuple(m.strip("[]").removeprefix("data-ts-") for m in MARKERS if soup.select_one(m))
    visible = markers and all(
        not element.has_attr("hidden") for m in MARKERS for element in soup.select(m)
    )
    required = 0 if visible else sum(script_bytes.values())
    return Weight(
        page=str(page.relative_to(site)),
        html=len(html),
        css=len(css),
        js_required=required,
        js_optional=sum(script_bytes.values()) - required,
        gzip=len(gzip.compress(html + css, mtime=0)),
        markers=markers,
    )


def breakdown(site, page):
    """(part, bytes) for every interaction element and feature stylesheet of page, largest first.

    Also lists share-icons.svg, which every share row references: it is an image fetched once
    and cached, so it is not part of the per-page HTML+CSS figure, but it is reported.
    """
    site, page = Path(site), Path(page)
    soup = BeautifulSoup(page.read_bytes(), "lxml")
    canonical = soup.find("link", rel="canonical", href=True)
    host = urlsplit(canonical["href"]).hostname if canonical else None
    found = []
    for element in interaction_elements(soup):
        marker = next((m for m in MARKERS if element.has_attr(m.strip("[]"))), None)
        if marker:
            name = marker.strip("[]").removeprefix("data-ts-")
        else:
            name = "feed <link>s" if element.get("type") in FEED_TYPES else "stylesheet <link>s"
        found.append((f"html: {name}", len(str(element).encode("utf-8"))))
    merged = {}
    for name, size in found:
        merged[name] = merged.get(name, 0) + size
    parts = list(merged.items())
    for link in feature_stylesheets(soup):
        name = Path(urlsplit(link["href"]).path).name
        local = local_file(site, link["href"], page, host)
        parts.append((f"css: {name}", local.stat().st_size if local else 0))
    sprite = next(site.rglob("share-icons.svg"), None)
    if sprite:
        parts.append(("cached image: share-icons.svg (not per page)", sprite.stat().st_size))
    return sorted(parts, key=lambda part: -part[1])


def main(argv=None):
    """`python -m benchmarks.weight SITE PAGE`: the figures for one built page, by part."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.weight", description=__doc__)
    parser.add_argument("site", help="a built site folder")
    parser.add_argument("page", help="a page inside it, e.g. posts/listening-tours.html")
    args = parser.parse_args(argv)
    found = measure_page(args.site, Path(args.site) / args.page)
    print(f"{found.page}: {found.html} + {found.css} = {found.html_css} B ({found.gzip} B gzip)")
    for name, size in breakdown(args.site, Path(args.site) / args.page):
        print(f"  {size:6d} B  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
