"""Share buttons for every post and page, without trackers or required JavaScript. See issue 4."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
