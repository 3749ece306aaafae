"""What a page's elements say of its kind: entries, the main entry, docs generators' marks.

A post that ends in "Related content" cards (each an ``<article>``) is still one post: cards in
an ``<aside>``, ``<nav>`` or ``<footer>`` are not the page's entries, and when exactly one
``<article>`` holds the page's ``<h1>`` it is the main entry and the others are cards. A blog
inside a docs site (MkDocs Material's blog plugin, Sphinx + ABlog) is recognised by the
blog's own elements, before the docs generator's tag makes the rest of the site "docs".
"""

import re

from lxml import etree

from .kindpaths import in_listing_folder

DOCS_GENERATORS = re.compile(
    r"sphinx|mkdocs|docusaurus|docutils|jsdoc|pdoc|vitepress|gitbook", re.I
)
DOCS_MARKERS = etree.XPath(
    "boolean(//script[contains(@src, 'documentation_options.js') or contains(@src, "
    "'searchindex.js')] | //link[@rel='search' and contains(@href, 'search.html')] | "
    "//div[@role='main' and contains(@class, 'document')])"
)
#: MkDocs' own themes without a generator tag (the default theme's search and keys dialogs).
MKDOCS_MARKERS = etree.XPath(
    "boolean(//*[@id='mkdocs_search_modal' or @id='mkdocs_keyboard_modal'])"
)
#: The page's top-level <article>s, and whether each sits in an aside, nav or footer.
TOP_ARTICLES = etree.XPath("//article[not(ancestor::article)]")
IN_ASIDE = etree.XPath("boolean(ancestor::aside or ancestor::nav or ancestor::footer)")
H1S = etree.XPath("count(//h1)")


def _has_class(name):
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


#: A publication date inside the main <article>: <time datetime>, or microformats' published
#: class (h-entry dt-published, or hentry's <abbr class="published" title="2026-03-02...">).
TIME_IN = etree.XPath(
    f"boolean(.//time[@datetime] | .//*[(@title or @datetime) and ({_has_class('published')}"
    f" or {_has_class('dt-published')})])"
)
H_ENTRIES = etree.XPath(
    f"count(//*[{_has_class('h-entry')} or {_has_class('hentry')}]"
    f"[not(ancestor::*[{_has_class('h-entry')}])])"
)
MICRODATA = etree.XPath("//*[@itemtype]/@itemtype")
NEXT_PREV = etree.XPath(
    "boolean(//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ') or "
    "contains(concat(' ', normalize-space(@rel), ' '), ' prev ') or "
    "contains(concat(' ', normalize-space(@rel), ' '), ' previous ')])"
)
HEADING = etree.XPath("boolean(.//h1 | .//h2 | .//header)")
LINKS = etree.XPath(".//a[@href] | .//*[@rel='tag']")
#: Blog generators inside docs sites mark posts and listings with their own elements.
BLOG_POST = etree.XPath(
    f"boolean(//*[{_has_class('ablog__postcard')} or {_has_class('ablog__prev-next')} or "
    f"{_has_class('md-post__meta')} or {_has_class('md-post__back')}])"
)
BLOG_LISTING = etree.XPath(
    f"boolean(//*[{_has_class('ablog__collection')} or {_has_class('ablog__catalog_post')}])"
)


def docs(page):
    """Evidence that a documentation generator wrote the page, or ''."""
    generator = page.meta("generator") or ""
    if DOCS_GENERATORS.search(generator):
        return f"docs generator ({generator.split()[0].rstrip(',')})"
    if DOCS_MARKERS(page.root):
        return "docs generator (Sphinx)"
    if MKDOCS_MARKERS(page.root):
        return "docs generator (MkDocs)"
    return ""


def entries(root):
    """(the page's entries: [<article>], h-entries, [microdata article types], main entry).

    main is the one <article>, or the first when the others are cards after it: all in an
    aside, nav or footer while it is not, or it holds the page's only <h1>; else None."""
    articles = TOP_ARTICLES(root)
    micro = [t.rsplit("/", 1)[-1] for t in MICRODATA(root)]
    main = articles[0] if len(articles) == 1 else None
    if len(articles) > 1 and _cards_follow(articles, root):
        main, articles = articles[0], articles[:1]
    return articles, int(H_ENTRIES(root)), micro, main


def _cards_follow(articles, root):
    """True when every <article> after the first is a card beside the first, the main entry."""
    first, rest = articles[0], articles[1:]
    if not IN_ASIDE(first) and all(IN_ASIDE(card) for card in rest):
        return True
    return H1S(root) == 1 and first.find(".//h1") is not None


def main_entry_evidence(page, main):
    """[(weight, text)] the one main <article> gives an article."""
    if TIME_IN(main):
        return [(2, "one <article> with a publication date")]
    if HEADING(main) and _links_to_listing(page, main):
        # a post without machine-readable dates: a heading, a body, and links to its tags or
        # categories (pages such as About link to none)
        return [(2, "one <article> linking to its tags")]
    return [(1, "one <article>")]  # supporting only: pages use <article> too


def _links_to_listing(page, main):
    for link in LINKS(main):
        if link.get("rel") == "tag" or in_listing_folder(page.resolve(link.get("href") or "")):
            return True
    return False
