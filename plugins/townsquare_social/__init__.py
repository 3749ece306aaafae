"""Social metadata (Open Graph, Twitter cards, JSON-LD, canonical) and social card images.

Python computes a SocialMeta per page (site.py, content.py, listings.py); the theme's
partials/meta.html prints it through the Jinja global ``social_meta()``.
"""

from pelican import signals

from pelican.plugins.townsquare.assets import extend_loader

from .handlers import compute_content, finish, start


def register():
    """Connect the social plugin's handlers to Pelican's signals."""
    signals.generator_init.connect(extend_loader)  # the plugin\'s templates, after the theme\'s
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(compute_content)
    signals.finalized.connect(finish)
