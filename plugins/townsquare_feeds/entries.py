"""Turn Pelican articles into feed entries: one plain value per post, shared by every format."""

import logging
import mimetypes
import os
import posixpath
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin

from feedgenerator import get_tag_uri

from .absolute import absolutize, is_absolute

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
    #: The entry id Pelican's own feeds give this post (a tag: URI), for the feeds it wrote.
    pelican_id: str = ""


def canonical_url(content, siteurl):
    """The canonical URL contract: front matter `canonical`, else SITEURL + '/' + url."""
    return getattr(content, "canonical", None) or f"{siteurl}/{content.url}"


def pelican_id(article, settings):
    """The id Pelican's feed writer gives article: a tag: URI of its link and date."""
    siteurl = settings.get("SITEURL") or ""
    if settings.get("RELATIVE_URLS"):
        link = posixpath.join(siteurl, str(article.url))
    else:
        link = urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", str(article.url))
    if settings.get("FEED_APPEND_REF"):
        link += "?ref=feed"
    return get_tag_uri(link, article.date)


class _Text(HTMLParser):
    """The text of an HTML fragment, as BeautifulSoup's get_text(" ") gives it: every string
    outside comments, <script>, <style> and <template>, joined by spaces."""

    HIDDEN = frozenset(("script", "style", "template"))

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.strings.append(data)


def _text(html):
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    return " ".join(unescape(" ".join(parser.strings)).split())


def _local_file(relative, settings, output_path):
    """Where the file behind a site-relative URL is on disk: output, content, or theme static."""
    relative = relative.split("?")[0].lstrip("/")
    candidates = [os.path.join(output_path, relative), os.path.join(settings["PATH"], relative)]
    static_dir = settings.get("THEME_STATIC_DIR", "theme").strip("/") + "/"
    if relative.startswith(static_dir):
        candidates.append(os.path.join(settings["THEME"], "static", relative[len(static_dir) :]))
    return next((path for path in candidates if os.path.isfile(path)), None)


def _image(article, settings, output_path):
    """Prefer the social plugin's image (it may be a generated card); else `image` metadata."""
    siteurl = settings["SITEURL"]
    url = getattr(article, "social_image_url", None)
    size = getattr(article, "social_image_size", None)
    width, height = size if isinstance(size, tuple | list) and len(size) == 2 else (None, None)
    if not url:
        path = getattr(article, "image", None)
        if not path:
            return None
        url = path if is_absolute(path) else f"{siteurl}/{path.lstrip('/')}"
    source = None
    if url.startswith(siteurl + "/"):
        source = _local_file(url[len(siteurl) + 1 :], settings, output_path)
        if source is None:
            logger.warning("feeds: %s: image %s was not found", article.source_path, url)
    length = os.path.getsize(source) if source else None
    mime = mimetypes.guess_type(url.split("?")[0])[0] or "image/png"
    return Image(url, mime, length, width, height)


#: Tags listed per feed entry. Every tag has feeds of its own that carry the post, so a post
#: with n tags puts n x n categories into the feeds: 1,000 tags wrote 99 MB of feeds. Beyond
#: 50 (where the build already warns of a paste accident) entries list the first 50.
MAX_ENTRY_TAGS = 50


def make_entry(article, settings, output_path):
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
        tags=tuple(tag.name for tag in getattr(article, "tags", ()))[:MAX_ENTRY_TAGS],
        image=_image(article, settings, output_path),
        article=article,
        pelican_id=pelican_id(article, settings),
    )
