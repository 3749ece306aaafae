"""Turn Pelican articles into feed entries: one plain value per post, shared by every format."""

import logging
import mimetypes
import os
from dataclasses import dataclass
from html import unescape

from bs4 import BeautifulSoup

from .absolute import absolutize

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Image:
    """The post's social image: absolute URL, MIME type, size in bytes, pixel size if known."""

    url: str
    type: str
    length: int | None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Entry:
    """One post as the feeds need it (all URLs absolute, dates timezone-aware)."""

    url: str
    title: str
    content_html: str
    summary_html: str
    summary_text: str
    published: object
    updated: object
    authors: tuple  # of (name, absolute url)
    category: str | None
    tags: tuple
    image: Image | None
    article: object


def canonical_url(content, siteurl):
    """The canonical URL contract: front matter `canonical`, else SITEURL + '/' + url."""
    return getattr(content, "canonical", None) or f"{siteurl}/{content.url}"


def _text(html):
    return " ".join(unescape(BeautifulSoup(html or "", "html.parser").get_text(" ")).split())


def _image(article, settings, siteurl):
    """Prefer the social plugin's image; fall back to the `image` front matter."""
    url = getattr(article, "social_image_url", None)
    size = getattr(article, "social_image_size", None)
    width, height = size if isinstance(size, tuple | list) and len(size) == 2 else (None, None)
    source = None
    if not url:
        path = getattr(article, "image", None)
        if not path:
            return None
        if path.startswith(("http://", "https://")):
            url = path
        else:
            url = f"{siteurl}/{path.lstrip('/')}"
            source = os.path.join(settings["PATH"], path.lstrip("/"))
    elif url.startswith(siteurl + "/"):
        # The social plugin writes its image into the output; look for a source copy too.
        source = os.path.join(settings["PATH"], url[len(siteurl) + 1 :])
    length = os.path.getsize(source) if source and os.path.isfile(source) else None
    if source and length is None and not getattr(article, "social_image_url", None):
        logger.warning(
            "feeds: %s: image %r was not found in %s",
            article.source_path,
            getattr(article, "image", None),
            settings["PATH"],
        )
    mime = mimetypes.guess_type(url.split("?")[0])[0] or "image/png"
    return Image(url, mime, length, width, height)


def make_entry(article, settings):
    """Build the Entry for one published article."""
    siteurl = settings["SITEURL"]
    url = canonical_url(article, siteurl)
    content = absolutize(article.content, url)
    summary = absolutize(article.summary, url)
    authors = tuple(
        (author.name, f"{siteurl}/{author.url}") for author in getattr(article, "authors", ())
    )
    category = getattr(article, "category", None)
    modified = getattr(article, "modified", None)
    return Entry(
        url=url,
        title=article.title,
        content_html=content,
        summary_html=summary,
        summary_text=_text(article.summary),
        published=article.date,
        updated=modified or article.date,
        authors=authors,
        category=category.name if category else None,
        tags=tuple(tag.name for tag in getattr(article, "tags", ())),
        image=_image(article, settings, siteurl),
        article=article,
    )
