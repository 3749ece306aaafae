"""Safe builds: write into a staging folder and swap it into place only when nothing failed."""

from pelican import signals

from . import console
from .collisions import check_output_paths
from .errors import BuildFailed
from .hygiene import check_source_text
from .staging import site_staged, start
from .typos import check_setting_names

__all__ = ["BuildFailed", "register", "site_staged"]


def register():
    """Wrap every Pelican object's run() so it builds into a staging folder; refuse typos."""
    console.install()
    signals.initialized.connect(start)
    signals.initialized.connect(check_setting_names)
    signals.content_object_init.connect(check_source_text)
    signals.all_generators_finalized.connect(check_output_paths)
