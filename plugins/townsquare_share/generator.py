"""The share generator: fills quote blocks once every URL is known, writes Mastodon pickers.

Pelican runs plugin generators after the articles and pages generators, so by the time
generate_context() runs every content object has its URL and its ShareBlock.
"""

import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from markupsafe import Markup
from pelican.generators import Generator

from pelican.plugins.townsquare.assets import write_static

from .networks import BY_NAME, sprite
from .quotes import PLACED, fill_quotes

logger = logging.getLogger(__name__)

CONTENT_KEYS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")


def _contents(context):
    """Every article and page in context, translations included, each once."""
    seen = {}
    for key in CONTENT_KEYS:
        for content in context.get(key, ()):
            for item in (content, *getattr(content, "translations", ())):
                seen[id(item)] = item
    return seen.values()


def _forget_rendered(content):
    """Drop Pelican's memoized content/summary so the filled quotes are what gets written."""
    for method in (content.get_content, content.get_summary):
        for key in [key for key in method.cache if key and key[0] is content]:
            del method.cache[key]


def _without_utm(url):
    """url without utm_* parameters (the picker's "back" link is internal navigation)."""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, True) if not k.startswith("utm_")]
    return urlunsplit(parts._replace(query=urlencode(kept)))


class ShareGenerator(Generator):
    """Fill `> [!share]` quotes with links and write one picker page per Mastodon toot text."""

    def generate_context(self):
        """Fill quotes in every content object and collect the Mastodon picker pages needed."""
        quote_template = self.get_template("townsquare/share_quote")
        self.pickers = {}
        for content in _contents(self.context):
            block = getattr(content, "share", None)
            if block is None:
                continue
            for share in block.pickers:
                self.pickers[BY_NAME["mastodon"].page_name(share)] = share
            if not PLACED.search(content._content or ""):
                continue
            wrapped = _MarkupTemplate(quote_template)
            content._content, pickers = fill_quotes(
                content._content, block, wrapped, self.settings
            )
            _forget_rendered(content)
            for share in pickers:
                self.pickers[BY_NAME["mastodon"].page_name(share)] = share

    def generate_output(self, writer):
        """Write share/mastodon/<hash>.html for every toot text collected."""
        template = self.get_template("townsquare/share_mastodon")
        folder = self.settings["SHARE_MASTODON_PATH"].strip("/")
        mastodon = BY_NAME["mastodon"]
        for name, share in sorted(self.pickers.items()):
            writer.write_file(
                f"{folder}/{name}",
                template,
                self.context,
                share=share,
                text=mastodon.post_text(share),
                back=_without_utm(share.url),
                instances=self.settings["SHARE_MASTODON_INSTANCES"],
            )
        logger.debug("share: wrote %d Mastodon picker page(s)", len(self.pickers))
        self._write_sprite()

    def _write_sprite(self):
        """Write share-icons.svg, the icons every share row references (one cached file)."""
        write_static(self.output_path, self.settings, "share-icons.svg", sprite())


class _MarkupTemplate:
    """Render the quote partial with the Markdown output marked safe (it is the post body)."""

    def __init__(self, template):
        self.template = template

    def render(self, inner, links):
        return self.template.render(inner=Markup(inner), links=links)
