"""Share preview pages for local builds: how each post looks when shared. See issue 8."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
