"""The feed formats: an explicit registry of small classes, one per format."""

from . import jsonfeed, xmlfeeds


class AtomFormat:
    """Atom 1.0 (RFC 4287), written by feedgen."""

    name = "atom"
    label = "Atom"
    link_text = "Atom feed"
    extension = ".atom.xml"
    mime = "application/atom+xml"

    def render(self, feed, site):
        """Return the feed document as bytes."""
        return xmlfeeds.render(feed, site, self)


class RssFormat:
    """RSS 2.0, written by feedgen."""

    name = "rss"
    label = "RSS"
    link_text = "RSS feed"
    extension = ".rss.xml"
    mime = "application/rss+xml"

    def render(self, feed, site):
        """Return the feed document as bytes."""
        return xmlfeeds.render(feed, site, self)


class JsonFormat:
    """JSON Feed 1.1 (feedgen does not write it; see jsonfeed.py)."""

    name = "json"
    label = "JSON Feed"
    link_text = "JSON Feed"
    extension = ".json"
    mime = "application/feed+json"

    def render(self, feed, site):
        """Return the feed document as bytes."""
        return jsonfeed.render(feed, site, self)


FORMATS = (AtomFormat(), RssFormat(), JsonFormat())
BY_NAME = {fmt.name: fmt for fmt in FORMATS}
FORMAT_NAMES = tuple(BY_NAME)
