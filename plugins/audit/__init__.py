"""The interaction audit: every built page must offer share, respond and follow. See issue 7."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
