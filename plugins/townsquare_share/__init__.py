"""Share buttons for every post and page, without trackers or required JavaScript (issue 4)."""

from pelican import signals

from pelican.plugins.townsquare import kit

from .hooks import attach_block, get_generators, setup


def register():
    """Connect the share plugin's signal handlers."""
    kit.connect()  # shared: template lookup, injection into foreign themes
    signals.initialized.connect(setup)
    signals.content_object_init.connect(attach_block)
    signals.get_generators.connect(get_generators)
