"""Social metadata (Open Graph, Twitter cards, JSON-LD) and social card images. See issue 3."""


def register():
    """Connect the plugin's signal handlers (none yet)."""
