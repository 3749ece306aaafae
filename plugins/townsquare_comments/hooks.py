"""Signal handlers of the comments plugin: settings, per-content areas, the headers writer."""

import logging

from pelican.contents import Article, Page

from pelican.plugins.townsquare.assets import use_plugin_files

from .area import comment_area
from .generator import CommentsGenerator
from .settings import stated_provider, validate

logger = logging.getLogger(__name__)


def setup(pelican):
    """Validate COMMENTS_ settings; stop the build listing every problem."""
    adopted = pelican.settings.get("COMMENTS_PROVIDER") is None and stated_provider(
        pelican.settings
    )
    settings = validate(pelican.settings)
    use_plugin_files(settings, __file__)
    if adopted:
        logger.info(
            "comments: DISQUS_SITENAME is set, so posts offer its Disqus thread (loaded on a "
            "click); COMMENTS_PROVIDER = False leaves the kit's comments out"
        )
    if settings["COMMENTS_REPLY_EMAIL"] is None and not settings["COMMENTS_PROVIDER"]:
        # Not a problem: the posts keep their other reply points (the theme's own embed, the
        # Mastodon and LinkedIn links their front matter names). Said once, not per post.
        logger.info(
            "comments: the settings state no e-mail address, so posts have no 'Reply by email' "
            "link; to offer one, add an 'email' to AUTHORS_BIO or set COMMENTS_REPLY_EMAIL"
        )


def attach_area(content):
    """Give each article and page a `comments` attribute (a CommentArea) for the templates."""
    if isinstance(content, Article | Page):
        content.comments = comment_area(content, content.settings, isinstance(content, Page))


def get_generators(pelican):
    """Add the generator that writes `_headers`."""
    return CommentsGenerator
