"""Comment embeds (click-to-load) with a no-JS reply fallback. See issue 5."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
