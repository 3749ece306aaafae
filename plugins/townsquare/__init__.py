"""Townsquare, a Pelican blog kit: ``PLUGINS += ["townsquare"]`` loads every part of it.

This package is the kit's face: ``register()`` loads the parts (``townsquare_safebuild``,
``townsquare_share``, ...; each stays loadable by its own name), and the ``townsquare`` command
lives beside it. What several parts share is in its other modules.
"""


def register():
    """Load every part of the kit, in the order they rely on (parts.PARTS)."""
    from . import parts

    parts.register_all()
