"""Put the kit's interaction points into pages written by a theme that does not include them.

After Pelican writes each page (``content_written``) we look for the kit's markers
(``data-ts-meta``, ``data-ts-share``, ...). Townsquare's own theme includes every partial, so
its pages are left alone after that one text search. For any other theme, the missing pieces
are rendered from the kit's partials with the page's own template context and inserted with
beautifulsoup4: metadata into <head> (replacing the theme's conflicting tags), the share row
and the comment area after the post's body, the subscribe block at the end of the main column.
``TOWNSQUARE_INJECT`` turns this off, or limits it to some pieces. A theme that draws its
own share row or comments block (theirs.py) gets no second one: the kit's reply links join its
comments block.
"""

import html
import logging
import os
import re

import jinja2

from . import theirs
from .assets import TEMPLATE_PATHS
from .drafts import is_draft
from .markers import carried, markers_in
from .splice import splice
from .stylesheet import NAME as STYLESHEET
from .untracked import cache_folder

logger = logging.getLogger(__name__)

#: piece -> (partial, marker the partial writes when a theme includes it)
PIECES = {
    "meta": ("townsquare/meta.html", "data-ts-meta"),
    "feeds": ("townsquare/feeds_head.html", "data-ts-feeds"),
    "share": ("townsquare/share.html", "data-ts-share"),
    "comments": ("townsquare/comments.html", "data-ts-comments"),
    "subscribe": ("townsquare/subscribe.html", "data-ts-subscribe"),
}
#: The pieces each kind of page gets.
BY_KIND = {
    "article": ("meta", "feeds", "share", "comments", "subscribe"),
    "page": ("meta", "feeds", "share", "comments", "subscribe"),
    "home": ("meta", "feeds", "subscribe"),
    "listing": ("meta", "feeds", "subscribe"),
    "404": ("meta", "feeds"),
    "draft": ("meta",),
}
_TITLE = (
    "{% if social_meta is defined and social_meta() %}"
    "{{ social_meta().document_title }}{% endif %}"
)
_ENVIRONMENTS = {}
#: A comment, or the page's <html> start tag (group 1: its attributes).
_HTML_TAG = re.compile(r"<!--.*?-->|<html\b([^>]*)>", re.S | re.I)
_HAS_LANG = re.compile(r"\slang\s*=", re.I)
_STYLESHEET_LINK = re.compile(
    rf"<link\b[^>]*\shref\s*=\s*[\"']?[^\"'\s>]*/townsquare/{re.escape(STYLESHEET)}[\"'\s>]", re.I
)


def wanted_pieces(settings):
    """The pieces TOWNSQUARE_INJECT allows: True = all, False = none, or a list of names."""
    value = settings.get("TOWNSQUARE_INJECT", True)
    if value is True:
        return tuple(PIECES)
    if not value:
        return ()
    return tuple(piece for piece in PIECES if piece in value)


def page_kind(context):
    """article, draft, page, 404, home or listing, from the context Pelican wrote the page with."""
    article = context.get("article")
    if article is not None:
        return "draft" if is_draft(article) else "article"
    page = context.get("page")
    if page is not None:
        is_404 = page.slug == "404" or getattr(page, "template", "") == "404"
        return "404" if is_404 else "page"
    number = getattr(context.get("articles_page"), "number", 1)
    if context.get("output_file") == "index.html" and number == 1:
        return "home"
    return "listing"


def on_content_written(path, context):
    """content_written receiver: add the pieces the written page lacks."""
    if not str(path).endswith((".html", ".htm")):
        return
    kind, wanted = page_kind(context), wanted_pieces(context)
    pieces = [p for p in BY_KIND[kind] if p in wanted]
    if not pieces:
        return
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    # Markers are read from the page's tags outside the post's body, never from its text: a
    # post that mentions data-ts-share in its title or a code sample still gets its share row.
    found = markers_in(text, getattr(_content(context), "content", "") or "")
    page_marks = found.get("html", set()) | found.get("body", set())
    if "data-audit-ignore" in page_marks:  # the kit's own utility pages (pickers, previews)
        return
    missing = [p for p in pieces if PIECES[p][1] not in carried(found)]
    updated = with_lang(text, context)
    if "share" in missing or "comments" in missing:
        updated, missing = _adopt_theirs(updated, missing, context, kind)
    if missing:
        updated = _inject(updated, missing, context, kind) or updated
    if updated != text:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(updated)


def with_lang(text, context):
    """The page with a lang on its <html> tag when the theme wrote none: the post's own
    language, else DEFAULT_LANG (screen readers and translators read it)."""
    for match in _HTML_TAG.finditer(text):
        if match.group(1) is None:
            continue  # a comment
        if _HAS_LANG.search(match.group(1)):
            return text
        lang = getattr(_content(context), "lang", None) or context.get("DEFAULT_LANG") or "en"
        tag = f'<html lang="{html.escape(str(lang), quote=True)}"{match.group(1)}>'
        return text[: match.start()] + tag + text[match.end() :]
    return text


def _adopt_theirs(text, missing, context, kind):
    """(text, missing) after leaving out what the theme draws itself; the kit's reply links
    are put into the theme's own comments block."""
    content = _content(context)
    span = theirs.body_span(text, getattr(content, "content", ""))
    missing = list(missing)
    if "share" in missing and theirs.draws_share_row(
        text, span, getattr(content, "share_post", None)
    ):
        missing.remove("share")
    block = theirs.comments_block(text, span) if "comments" in missing else None
    if block is not None:
        missing.remove("comments")
        env = _environment(context)
        template = _template(env, PIECES["comments"][0])
        links = _render(template, context, kind, join=True, styled=linked_stylesheet(text))
        joined = theirs.join_comments(text, block, links) if links.strip() else None
        text = joined or text
    return text, missing


def _inject(text, missing, context, kind):
    """The page (of this kind) with the missing pieces inserted, or None when there was
    nothing to add."""
    env = _environment(context)
    rendered = {}
    # The stylesheet goes with the first piece added (feeds, in <head>, when it is added),
    # unless the page links it already: one link per page.
    styled = linked_stylesheet(text)
    for piece in missing:
        fragment = _render(_template(env, PIECES[piece][0]), context, kind, styled=styled)
        if fragment.strip():
            rendered[piece] = fragment
            styled = styled or linked_stylesheet(fragment)
    if not rendered:
        return None
    # The <title> text, as text: the serialiser escapes it (placement.FORMATTER).
    title = _render(env.townsquare_title, context, kind).strip() if "meta" in rendered else ""
    title = html.unescape(title)
    spliced = splice(text, rendered, title, getattr(_content(context), "content", ""))
    if spliced is not None:
        return spliced
    # The theme changed the post's text or its main column could not be found for certain:
    # parse the whole page and place the pieces by its structure.
    from . import placement  # beautifulsoup4: loaded only for a page that needs parsing

    soup = placement.parse(text)
    fragments = placement.Fragments()
    head = soup.head
    if head is None:
        logger.warning("townsquare: %s has no <head>; not adding interaction points", kind)
        return None
    if "meta" in rendered:
        placement.drop_conflicting_metadata(head)
        if soup.body is not None:
            content_html = getattr(_content(context), "content", "")
            placement.drop_their_posting_tags(soup.body, content_html)
        if title:
            placement.set_title(soup, head, title)
        placement.append(head, fragments.placeholder(rendered["meta"]))
    if "feeds" in rendered:
        placement.append(head, fragments.placeholder(rendered["feeds"]))
    _place_body_pieces(soup, fragments, rendered, context)
    return fragments.serialise(soup)


def _place_body_pieces(soup, fragments, rendered, context):
    """Share and comments after the post's body, subscribe at the end of the main column:
    always inside the post's column and before the site's footer (placement.py)."""
    after_body = [rendered[p] for p in ("share", "comments") if p in rendered]
    content = _content(context)
    from . import placement

    box = placement.body_box(soup, getattr(content, "content", "")) if content else None
    column = placement.main_column(soup)
    after = None
    if after_body:
        after = fragments.placeholder("\n".join(after_body))
        if box is not None:
            placement.after_body(box, after)
        else:
            placement.end_of_column(column or soup.body or soup, after)
    if "subscribe" in rendered:
        node = fragments.placeholder(rendered["subscribe"])
        if column is None and after is not None:  # no main column: the post's own column
            placement.insert_after(after, node)
        else:
            placement.end_of_column(column or soup.body or soup, node)


def _content(context):
    """The article or page the written file shows (None for listings)."""
    return context.get("article") or context.get("page")


def linked_stylesheet(text):
    """True when a <link> tag in text loads the kit's interaction stylesheet (a post that
    names the file in its prose or a code sample writes it as text, never as a tag)."""
    return STYLESHEET in text and _STYLESHEET_LINK.search(text) is not None


def _render(template, context, kind, join=False, styled=False):
    """Render one of the kit's templates (None: its plugin is not loaded) with the page's
    context (join: the reply links alone, for a comments block the theme draws; styled: the
    page links the interaction stylesheet already)."""
    if template is None:
        return ""
    content = _content(context)
    variables = {"page_kind": kind, "share_slot": "after", "ts_join": join, "ts_styled": styled}
    if content is not None:
        variables["content"] = content
    return template.render({**context, **variables})


def _template(env, name):
    try:
        return env.get_template(name)
    except jinja2.TemplateNotFound:  # that feature's plugin is not loaded in this build
        return None


def _bytecode_cache(cache_path):
    """Compiled partials kept under CACHE_PATH between builds (Jinja checks each against its
    source), or None when there is no cache folder to write."""
    if not cache_path:
        return None
    try:
        folder = cache_folder(os.path.join(cache_path, "townsquare-templates"))
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def _environment(settings):
    """A Jinja environment over the kit's template folders, always autoescaping (one per build)."""
    paths = tuple(settings.get(TEMPLATE_PATHS) or ())
    key = (id(settings.get("JINJA_GLOBALS")), paths)
    if key not in _ENVIRONMENTS:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(list(paths)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=_bytecode_cache(settings.get("CACHE_PATH")),
        )
        env.globals.update(settings.get("JINJA_GLOBALS") or {})
        env.filters.update(settings.get("JINJA_FILTERS") or {})
        env.townsquare_title = env.from_string(_TITLE)  # compiled once, used on every page
        _ENVIRONMENTS.clear()  # one build at a time: never keep an old build's globals alive
        _ENVIRONMENTS[key] = env
    return _ENVIRONMENTS[key]
