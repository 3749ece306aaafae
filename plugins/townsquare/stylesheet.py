"""The kit's one interaction stylesheet, written for the site: only the sections it uses.

``css/interactions.css`` styles the share row, the comment area and the subscribe block with one
button rule set. It lives outside ``static/`` so Pelican does not copy it as it is: the kit
writes it to ``<THEME_STATIC_DIR>/townsquare/interactions.css`` on every build, with its comments
removed (readers need the rules, not the notes) and without the sections whose markup the site
cannot show. A section starts at a comment line ``/* when SETTING */`` or
``/* when SETTING is value */`` (a ``: note`` may follow) and ends at the next blank line; it
ships when the setting, as the plugins resolved it at ``initialized``, is set (or equals value).
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
#: The comment line that starts a conditional section.
_WHEN = re.compile(r"/\* when (?P<name>[A-Z][A-Z0-9_]*)(?: is (?P<value>[\w.-]+))?(?::[^*]*)? \*/")


def shipped(text):
    """The CSS text as it is published: comments and blank lines left out."""
    lines = _COMMENT.sub("", text).splitlines()
    return "".join(f"{line}\n" for line in lines if line.strip())


def condition(line):
    """(setting, value or None) when line starts a conditional section, else None."""
    match = _WHEN.fullmatch(line.strip())
    return (match["name"], match["value"]) if match else None


def holds(when, settings):
    """Whether the site's settings call for a section with condition `when`."""
    name, value = when
    found = settings.get(name)
    return bool(found) if value is None else found == value


def for_site(text, settings):
    """The source text without the sections the site's settings do not call for."""
    kept, skipping = [], False
    for line in text.splitlines():
        when = condition(line)
        if when is not None:
            skipping = not holds(when, settings)
        elif not line.strip():
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(f"{line}\n" for line in kept)


class StylesheetGenerator(Generator):
    """Writes interactions.css (the site's sections, no comments) into the kit's static folder."""

    def generate_context(self):
        """Nothing to add to the context: partials name the file through static_url."""

    def generate_output(self, writer):
        """Write the published stylesheet, replacing the one a previous build wrote."""
        text = shipped(for_site(SOURCE.read_text(encoding="utf-8"), self.settings))
        write_static(self.output_path, self.settings, NAME, text)


def get_generators(pelican):
    """get_generators receiver: the stylesheet's generator."""
    return StylesheetGenerator
