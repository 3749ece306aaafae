"""The kit's one interaction stylesheet: its source keeps comments, the build writes it without.

``css/interactions.css`` styles the share row, the comment area and the subscribe block with one
button rule set. It lives outside ``static/`` so Pelican does not copy it as it is: the kit
writes it to ``<THEME_STATIC_DIR>/townsquare/interactions.css`` with its comments removed, since
every page that shows an interaction point loads it and readers need the rules, not the notes.
"""

import re
from pathlib import Path

from pelican.generators import Generator

from .assets import write_static

#: The stylesheet's name in the output (static_url(settings, NAME) is its address).
NAME = "interactions.css"
SOURCE = Path(__file__).with_name("css") / NAME
#: A comment with the blank space after it. The kit's CSS has no "/*" inside a string or url().
_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)


def shipped(text):
    """The CSS text as it is published: comments and blank lines left out."""
    lines = _COMMENT.sub("", text).splitlines()
    return "".join(f"{line}\n" for line in lines if line.strip())


class StylesheetGenerator(Generator):
    """Writes interactions.css (without comments) into the kit's static folder of the output."""

    def generate_context(self):
        """Nothing to add to the context: partials name the file through static_url."""

    def generate_output(self, writer):
        """Write the published stylesheet."""
        text = shipped(SOURCE.read_text(encoding="utf-8"))
        write_static(self.output_path, self.settings, NAME, text)


def get_generators(pelican):
    """get_generators receiver: the stylesheet's generator."""
    return StylesheetGenerator
