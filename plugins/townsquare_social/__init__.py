"""Social metadata (Open Graph, Twitter cards, JSON-LD, canonical) and social card images.

Python computes a SocialMeta per page (site.py, content.py, listings.py); the theme's
partials/meta.html prints it through the Jinja global ``social_meta()``.
"""

from pelican import signals

from pelican.plugins.townsquare import kit

from .handlers import compute_content, finish, start


def register():
    """Connect the social plugin's handlers to Pelican's signals."""
    kit.connect()  # shared: template lookup, injection into foreign themes
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(compute_content)
    signals.finalized.connect(finish)
