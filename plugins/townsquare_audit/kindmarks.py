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
_OUTSIDE_ASIDES = "[not(ancestor::aside or ancestor::nav or ancestor::footer)]"
#: The page's entries: top-level <article>s, not the cards in an aside, nav or footer.
TOP_ARTICLES = etree.XPath("//article[not(ancestor::article)]" + _OUTSIDE_ASIDES)
#: How many <h1> the page shows outside asides: a main entry holds the only one.
H1S = etree.XPath("count(//h1" + _OUTSIDE_ASIDES + ")")


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
    f"[not(ancestor::*[{_has_class('h-entry')}])]" + _OUTSIDE_ASIDES + ")"
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
    return ""


def entries(root):
    """(the page's entries: [<article>], h-entries, [microdata article types], main entry).

    main is the <article> holding the page's only <h1> when the others are cards after it,
    else the one <article>, else None."""
    articles = TOP_ARTICLES(root)
    micro = [t.rsplit("/", 1)[-1] for t in MICRODATA(root)]
    main = articles[0] if len(articles) == 1 else None
    if len(articles) > 1 and H1S(root) == 1:
        holding = [a for a in articles if a.find(".//h1") is not None]
        if len(holding) == 1 and holding[0] is articles[0]:
            main, articles = holding[0], holding
    return articles, int(H_ENTRIES(root)), micro, main


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
