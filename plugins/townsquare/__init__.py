"""Townsquare's shared package: the `townsquare` command and what the kit's plugins share.

The features are separate Pelican namespace plugins (``townsquare_share``, ``townsquare_social``,
...). This package holds only what more than one of them needs, so that no plugin imports
another plugin's modules.
"""


def register():
    """Connect what every kit plugin shares (listing this package alone adds no feature)."""
    from . import kit

    kit.connect()
