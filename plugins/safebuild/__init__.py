"""Safe builds: write into a staging folder and swap it into place only when nothing failed."""

from pelican import signals

from .staging import BuildFailed, site_staged, start
from .typos import check_setting_names

__all__ = ["BuildFailed", "register", "site_staged"]


def register():
    """Wrap every Pelican object's run() so it builds into a staging folder; refuse typos."""
    signals.initialized.connect(start)
    signals.initialized.connect(check_setting_names)
