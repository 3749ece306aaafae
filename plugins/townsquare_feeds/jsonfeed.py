"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): feedgen does not write it."""

import json

VERSION = "https://jsonfeed.org/version/1.1"


def _authors(pairs):
    return [{"name": name, "url": url} for name, url in pairs]


def _item(entry, full):
    item = {
        "id": entry.url,
        "url": entry.url,
        "title": entry.title,
        # The spec requires content_html or content_text; summary mode sends the summary HTML.
        "content_html": entry.content_html if full else entry.summary_html,
        "summary": entry.summary_text,
        "date_published": entry.published.isoformat(),
        "date_modified": entry.updated.isoformat(),
        "authors": _authors(entry.authors),
        "tags": [name for name in (entry.category, *entry.tags) if name],
    }
    if entry.image:
        item["image"] = entry.image.url
    return item


def render(feed, site, fmt):
    """Return the JSON Feed document for feed as UTF-8 bytes."""
    document = {
        "version": VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": site.feed_url(feed, fmt),
        "language": site.language,
        "items": [_item(entry, site.full_content) for entry in feed.entries],
    }
    if site.subtitle:
        document["description"] = site.subtitle
    if site.logo:
        document["icon"] = site.logo
    if site.icon:
        document["favicon"] = site.icon
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
