"""Sphinx directive ``settings-reference``: every kit setting, read from its declaration.

Each plugin declares its settings once in ``<plugin>/settings.py`` (a ``SETTINGS`` tuple of
objects with ``name``, ``default`` and ``allowed``; a ``DEFAULTS`` dict; ``DECLARED`` names set
by the plugin or by a comments provider). The directive imports those modules and writes one
table per plugin, so the reference cannot drift from the code: a new setting appears the next
time the docs are built, and a removed one disappears.
"""

import importlib
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

#: The topic page that explains each plugin's settings (a plugin missing here gets no link).
TOPICS = {
    "townsquare_audit": ("audit", "Interaction audit"),
    "townsquare_brand": ("brand", "Publication design and brand"),
    "townsquare_comments": ("comments", "Comments"),
    "townsquare_feeds": ("feeds", "Feeds and subscribe"),
    "townsquare_preview": ("preview", "Live reload and share previews"),
    "townsquare_readnext": ("read-next", "Read next"),
    "townsquare_replies": ("replies", "Replies: the conversation comes home"),
    "townsquare_safebuild": ("safe-builds", "Safe builds"),
    "townsquare_share": ("share", "Share buttons"),
    "townsquare_social": ("social", "Social metadata"),
}


@dataclass(frozen=True)
class Row:
    """One setting as the reference shows it."""

    name: str
    default: str
    allowed: str


def plugin_names():
    """The kit's plugin packages that declare settings, found next to the shared package."""
    shared = importlib.import_module("pelican.plugins.townsquare")
    folder = Path(shared.__file__).resolve().parent.parent
    return sorted(
        p.parent.name for p in folder.glob("townsquare_*/settings.py") if p.parent.is_dir()
    )


def _provider_rows(package):
    """Rows for the comments providers' own settings (required ones have no default)."""
    try:
        providers = importlib.import_module(f"{package}.providers").PROVIDERS
    except (ImportError, AttributeError):
        return {}
    rows = {}
    for provider in providers:
        for name in provider.required:
            when = f"COMMENTS_PROVIDER = {provider.name!r}"
            rows[name] = Row(name, "none", f"required when {when}")
        for name, default in provider.optional.items():
            rows[name] = Row(name, repr(default), f"used when {when}")
    return rows


def plugin_rows(plugin):
    """Every setting plugin's settings module declares, in declaration order."""
    package = f"pelican.plugins.{plugin}"
    module = importlib.import_module(f"{package}.settings")
    rows = {}
    for setting in getattr(module, "SETTINGS", ()):
        rows[setting.name] = Row(setting.name, repr(setting.default), setting.allowed)
    for name, default in getattr(module, "DEFAULTS", {}).items():
        rows.setdefault(name, Row(name, repr(default), ""))
    providers = _provider_rows(package)
    for name in getattr(module, "DECLARED", ()):
        derived = Row(name, "set by the plugin", "not yours to set")
        rows.setdefault(name, providers.get(name) or derived)
    return list(rows.values())


def _paragraph(*children):
    paragraph = nodes.paragraph()
    paragraph.extend(children)
    return paragraph


def _table(rows):
    """A three-column docutils table: setting, default, allowed values."""
    group = nodes.tgroup(cols=3)
    for width in (30, 30, 40):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    titles = ("Setting", "Default", "Allowed")
    head += nodes.row("", *(nodes.entry("", _paragraph(nodes.Text(t))) for t in titles))
    body = nodes.tbody()
    for row in rows:
        line = nodes.row(ids=[nodes.make_id(f"setting-{row.name}")])
        line += nodes.entry("", _paragraph(nodes.literal(text=row.name)))
        line += nodes.entry("", _paragraph(nodes.literal(text=row.default)))
        line += nodes.entry("", _paragraph(nodes.Text(row.allowed or "see its page")))
        body += line
    group += head
    group += body
    table = nodes.table(classes=["settings-reference"])
    table += group
    return table


class SettingsReference(SphinxDirective):
    """``settings-reference``: one section per plugin with the table of its settings."""

    has_content = False

    def run(self):
        """The sections, in plugin-name order."""
        sections = []
        for plugin in plugin_names():
            # Declarations are read at build time: a changed settings.py rebuilds the page.
            module = importlib.import_module(f"pelican.plugins.{plugin}.settings")
            self.env.note_dependency(module.__file__)
            self.env.note_dependency(__file__)
            section = nodes.section(ids=[nodes.make_id(f"settings-{plugin}")])
            doc, title = TOPICS.get(plugin, (None, None))
            section += nodes.title(text=f"{title} ({plugin})" if title else plugin)
            if doc:
                link = addnodes.pending_xref(
                    "",
                    nodes.inline(text=title),
                    refdomain="std",
                    reftype="doc",
                    reftarget=doc,
                    refexplicit=True,
                    refdoc=self.env.docname,
                )
                section += _paragraph(nodes.Text("Explained in "), link, nodes.Text("."))
            section += _table(plugin_rows(plugin))
            sections.append(section)
        return sections


def setup(app):
    """Register the directive."""
    app.add_directive("settings-reference", SettingsReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
