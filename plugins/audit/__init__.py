"""The interaction audit: every built page must offer ways to share, respond and follow.

Runs after every build (see build.py) and stands alone: ``python -m plugins.audit DIR``.
"""

import blinker
from pelican import signals

from .build import on_finalized, on_staged, validate


def register():
    """Validate settings at start-up; audit the staged site (safebuild) or the final one."""
    signals.initialized.connect(validate)
    blinker.signal("townsquare.site_staged").connect(on_staged)
    signals.finalized.connect(on_finalized)
