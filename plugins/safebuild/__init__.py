"""Safe builds: write into a staging folder and swap it into place only when nothing failed."""

from pelican import signals

from .staging import begin_run, finish_run, start


def register():
    """Connect the staging hooks to Pelican's signals."""
    signals.initialized.connect(start)
    signals.get_generators.connect(begin_run)
    signals.finalized.connect(finish_run)
