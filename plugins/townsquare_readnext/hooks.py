"""Signal handlers of the read-next plugin."""

from pelican.plugins.townsquare.assets import use_plugin_files

from .related import read_next
from .settings import validate


def setup(pelican):
    """Validate READNEXT_ settings and register the plugin's partial."""
    validate(pelican.settings)
    use_plugin_files(pelican.settings, __file__)


def attach(generator):
    """article_generator_finalized: give every published article its `read_next`."""
    found = read_next(generator.articles, generator.settings["READNEXT_RELATED"])
    for article in generator.articles:
        article.read_next = found[id(article)]
