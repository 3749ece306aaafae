"""Townsquare's Pelican theme, installable as ``pelican.themes.townsquare``.

In a settings file: ``from pelican.themes import townsquare`` then ``THEME = townsquare.path()``.
"""

from pathlib import Path


def path():
    """The folder of the theme (holds templates/ and static/), for Pelican's THEME setting."""
    return str(Path(__file__).resolve().parent)
