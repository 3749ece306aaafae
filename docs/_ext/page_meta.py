"""Sphinx extension: the sharing metadata the kit's audit asks of every page, for the docs.

Each page gets a meta description (its first paragraph), Open Graph and Twitter card tags, and
a 1200x630 social card drawn by the kit's own card code (townsquare_social.draw) into
``_cards/``. The canonical link is Sphinx's own (``html_baseurl``); og:url is the same address.
"""

import html
from pathlib import Path

from docutils import nodes
from pelican.plugins.townsquare_social.cards import BUNDLED_FONTS, CardSpec
from pelican.plugins.townsquare_social.draw import HEIGHT, WIDTH, draw_card

DESCRIPTION_LENGTH = 200
COLOURS = {"background": "#10302d", "foreground": "#ffffff", "accent": "#5eead4"}


def description(doctree, fallback):
    """The page's first paragraph as plain text, cut at a word boundary to 200 characters."""
    paragraph = doctree.next_node(nodes.paragraph) if doctree is not None else None
    text = " ".join((paragraph.astext() if paragraph else fallback).split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def page_title(doctree, context):
    """The page's own title as text (generated pages such as the index use Sphinx's)."""
    heading = doctree.next_node(nodes.title) if doctree is not None else None
    if heading is not None:
        return heading.astext()
    return html.unescape(nodes.Element(text=context.get("title", "")).astext()) or "Townsquare"


def _card(outdir, pagename, title, site_name):
    """Draw the page's card into outdir/_cards/ and return its path inside the site."""
    path = f"_cards/{pagename}.png"
    target = Path(outdir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    spec = CardSpec(
        title=title,
        site_name=site_name,
        byline="",
        colours=COLOURS,
        font=str(BUNDLED_FONTS / "DejaVuSans.ttf"),
        font_bold=str(BUNDLED_FONTS / "DejaVuSans-Bold.ttf"),
    )
    draw_card(spec, target)
    return path


def add_meta(app, pagename, templatename, context, doctree):
    """html-page-context: append the page's metadata to the template's metatags."""
    base = app.config.html_baseurl
    url = context.get("pageurl") or base
    title = page_title(doctree, context)
    text = description(doctree, f"{title}: {app.config.html_title}.")
    image = base + _card(app.outdir, pagename, title, app.config.html_title)
    tags = [
        ("name", "description", text),
        ("property", "og:type", "website"),
        ("property", "og:site_name", app.config.html_title),
        ("property", "og:title", title),
        ("property", "og:description", text),
        ("property", "og:url", url),
        ("property", "og:image", image),
        ("property", "og:image:width", str(WIDTH)),
        ("property", "og:image:height", str(HEIGHT)),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:alt", title),
        ("name", "twitter:card", "summary_large_image"),
    ]
    rendered = "".join(
        f'\n    <meta {kind}="{html.escape(key)}" content="{html.escape(value)}">'
        for kind, key, value in tags
    )
    context["metatags"] = context.get("metatags", "") + rendered


def setup(app):
    """Connect the metadata to every page Sphinx writes."""
    app.connect("html-page-context", add_meta)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
