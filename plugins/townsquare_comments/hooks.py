"""Signal handlers of the comments plugin: settings, per-content areas, the headers writer."""

from pelican.contents import Article, Page

from pelican.plugins.townsquare.assets import use_plugin_files

from .area import comment_area
from .generator import CommentsGenerator
from .settings import validate


def setup(pelican):
    """Validate COMMENTS_ settings; stop the build listing every problem."""
    validate(pelican.settings)
    use_plugin_files(pelican.settings, __file__)


def attach_area(content):
    """Give each article and page a `comments` attribute (a CommentArea) for the templates."""
    if isinstance(content, Article | Page):
        content.comments = comment_area(content, content.settings, isinstance(content, Page))


def get_generators(pelican):
    """Add the generator that writes `_headers`."""
    return CommentsGenerator
