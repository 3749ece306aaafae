"""Signal handlers of the share plugin: settings, the Markdown extension, per-content data."""

from pelican.contents import Article, Page

from pelican.plugins.townsquare.assets import use_plugin_files

from .block import share_block
from .generator import ShareGenerator
from .plain import share_post
from .quotes import ShareQuoteExtension
from .settings import validate


def setup(pelican):
    """Validate SHARE_ settings (stopping the build on problems) and add the quote syntax."""
    settings = validate(pelican.settings)
    use_plugin_files(settings, __file__)
    markdown = dict(settings.get("MARKDOWN") or {})
    extensions = list(markdown.get("extensions", []))
    if not any(isinstance(e, ShareQuoteExtension) for e in extensions):
        extensions.append(ShareQuoteExtension())
    markdown["extensions"] = extensions
    settings["MARKDOWN"] = markdown


def attach_block(content):
    """Give each article and page `share` (a ShareBlock) and `share_post` (a plain dict)."""
    if isinstance(content, Article | Page):
        content.share = share_block(content, content.settings, is_page=isinstance(content, Page))
        # Plain data for themes written for pelican-share-post (docs/own-theme.md).
        content.share_post = share_post(content, content.share, content.settings)


def get_generators(pelican):
    """Add the generator that fills quotes and writes the Mastodon picker pages."""
    return ShareGenerator
