"""Read what a platform's crawler would read from a built page: Open Graph, Twitter, fallbacks.

The preview is drawn from the written HTML, not from Pelican's objects, so it shows exactly
what the social metadata templates produced. When a page has no og:* tags, crawlers fall back
to <title>, the meta description and the first image in the page; so do we.
"""

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class SharedMeta:
    """The link-card inputs of one built page (empty strings where absent)."""

    url: str
    domain: str
    site_name: str
    og_title: str
    og_description: str
    og_image: str
    og_image_alt: str
    twitter_card: str
    twitter_title: str
    twitter_description: str
    twitter_image: str
    twitter_image_alt: str
    fallbacks: tuple  # names of og:* values that came from a fallback, for the page's notes
    #: The page's own stylesheets (theme, brand palette): the preview page looks like the site.
    stylesheets: tuple = ()


def _meta(soup, key):
    """Return the content of <meta property=key> or <meta name=key>, stripped, or ''."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return (tag.get("content") or "").strip() if tag else ""


def _first_image(soup, base):
    """Return (absolute src, alt) of the first image in the main content, or ('', '')."""
    scope = soup.find("main") or soup
    img = scope.find("img", src=True)
    if img is None:
        return "", ""
    return urljoin(base, img["src"]), (img.get("alt") or "").strip()


def read_shared_meta(html, page_url):
    """Parse one built page and return its SharedMeta; page_url is where it will live."""
    from bs4 import BeautifulSoup  # local builds only (previews are never published)

    soup = BeautifulSoup(html, "lxml")
    canonical = soup.find("link", rel="canonical", href=True)
    url = _meta(soup, "og:url") or (canonical["href"] if canonical else "") or page_url
    fallbacks = []

    title = _meta(soup, "og:title")
    if not title:
        title = soup.title.get_text(" ", strip=True) if soup.title else ""
        fallbacks.append("og:title")
    description = _meta(soup, "og:description")
    if not description:
        description = _meta(soup, "description")
        fallbacks.append("og:description")
    image = _meta(soup, "og:image")
    image_alt = _meta(soup, "og:image:alt")
    if not image:
        image, image_alt = _first_image(soup, url)
        fallbacks.append("og:image")

    return SharedMeta(
        url=url,
        domain=(urlsplit(url).hostname or "").removeprefix("www."),
        site_name=_meta(soup, "og:site_name"),
        og_title=title,
        og_description=description,
        og_image=urljoin(url, image) if image else "",
        og_image_alt=image_alt,
        twitter_card=_meta(soup, "twitter:card"),
        twitter_title=_meta(soup, "twitter:title"),
        twitter_description=_meta(soup, "twitter:description"),
        twitter_image=urljoin(url, _meta(soup, "twitter:image"))
        if _meta(soup, "twitter:image")
        else "",
        twitter_image_alt=_meta(soup, "twitter:image:alt"),
        fallbacks=tuple(fallbacks),
        stylesheets=tuple(
            urljoin(page_url, link["href"])
            for link in soup.find_all("link", href=True)
            if "stylesheet" in (link.get("rel") or ())
        ),
    )
