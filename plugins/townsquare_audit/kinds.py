"""Page kinds, weighed from the evidence real generators emit, so the audit works on any site.

Decided outright: a site-verification file (Google's ``google<hex>.html``, Bing's
or any file holding only a ``...-site-verification: token`` line) and a site's
search page (``search.html`` holding a search form), which readers never share; a refresh
redirect; the theme's own marker (``<body data-page-kind>``, as
Townsquare's theme writes); a 404 *file name* (``404.html``, ``404/index.html``); the home page
by path (``index.html``, or a language's ``fr/index.html``). Otherwise evidence is weighed:

* article: JSON-LD or microdata BlogPosting/Article, one ``h-entry``, ``article:published_time``,
  ``og:type article``, a dated URL path (``/2011/03/01/slug``), one ``<article>`` (more with a
  ``<time datetime>`` in it); ``og:type website`` counts against.
* listing: ``/page/N/`` anywhere in the path (or ``indexN.html``), a tag/category/author/archive
  folder (after a language prefix such as ``fr/``), ``rel=next|prev``, several entries
  (``<article>``, ``h-entry`` or BlogPosting nodes), a section feed beside the page, a date
  archive path (``/2011/03/``).
* a documentation generator's page (Sphinx, MkDocs...) is a page, never an article.

A title saying "404" or "not found" only decides when nothing argues for an article or a
listing, so a post called "Custom 404 Error Page" stays an article. The evidence that decided
is returned with the kind (the JSON report lists it; ``--kind GLOB=KIND`` overrides).
"""

import re

from lxml import etree

from .jsonld import iter_nodes, types_of

ARTICLE = "article"
PAGE = "page"
HOME = "home"
LISTING = "listing"
NOT_FOUND = "404"
REDIRECT = "redirect"
SEARCH = "search"
SITE_FILE = "site-file"
KINDS = (ARTICLE, PAGE, HOME, LISTING, NOT_FOUND, REDIRECT, SEARCH, SITE_FILE)
#: The kinds readers land on and share: most rules apply to exactly these.
CONTENT_KINDS = (ARTICLE, PAGE, HOME, LISTING)
#: Pages a person reads (language, readable text, named controls): not redirect stubs.
READ_KINDS = (*CONTENT_KINDS, NOT_FOUND, SEARCH)
#: Every kind that is an HTML page at all: a verification file is a token, not a page.
MARKUP_KINDS = tuple(kind for kind in KINDS if kind != SITE_FILE)

ARTICLE_TYPES = frozenset(
    {"Article", "BlogPosting", "NewsArticle", "TechArticle", "Report", "SocialMediaPosting"}
)
LISTING_DIRS = frozenset(
    {"tag", "tags", "category", "categories", "author", "authors", "archives", "archive",
     "series", "topics", "topic", "page", "labels", "label"}
)  # fmt: skip
LISTING_FILE = re.compile(r"^(index\d+|archives|tags|categories|authors)\.html?$")
PAGINATED = re.compile(r"(^|/)page/\d+(/|$)|(^|/)page\d+\.html?$|(^|/)index\d+\.html?$")
DATED = re.compile(r"(^|/)(19|20)\d\d/(0[1-9]|1[0-2])(/[0-3]\d)?/(?!index\.html?$|page/)[^/]+")
DATE_ARCHIVE = re.compile(r"(^|/)(19|20)\d\d(/(0[1-9]|1[0-2]))?(/[0-3]\d)?/(index\.html?)?$")
LANGUAGE = re.compile(r"^[a-z]{2,3}([-_][a-zA-Z]{2,4})?$")
NOT_FOUND_FILES = frozenset({"404.html", "404.htm", "404/index.html", "not-found.html"})
VERIFICATION_FILE = re.compile(r"(^|/)(google[0-9a-f]{8,}|yandex_[0-9a-f]{8,})\.html?$", re.I)
VERIFICATION_TEXT = re.compile(r"^\s*[\w-]*verification[\w-]*\s*:\s*\S+\s*$", re.I)
SEARCH_FILES = frozenset({"search.html", "search.htm", "search/index.html"})
SEARCH_FORM = etree.XPath(
    "boolean(//form[.//input[@type='search' or @name='q' or @name='query' or @name='s']]"
    " | //*[@role='search'])"
)
NOT_FOUND_TITLE = re.compile(r"^\W*(error\s+)?(404\b|(page\s+)?not\s+found\b)", re.I)
DOCS_GENERATORS = re.compile(
    r"sphinx|mkdocs|docusaurus|docutils|jsdoc|pdoc|vitepress|gitbook", re.I
)
DOCS_MARKERS = etree.XPath(
    "boolean(//script[contains(@src, 'documentation_options.js') or contains(@src, "
    "'searchindex.js')] | //link[@rel='search' and contains(@href, 'search.html')] | "
    "//div[@role='main' and contains(@class, 'document')])"
)
TOP_ARTICLES = etree.XPath("count(//article[not(ancestor::article)])")
#: A publication date inside the one <article>: <time datetime>, or microformats' published
#: class (h-entry dt-published, or hentry's <abbr class="published" title="2026-03-02...">).
TIME_IN_ARTICLE = etree.XPath(
    "boolean(//article//time[@datetime] | //article//*[(@title or @datetime) and ("
    "contains(concat(' ', normalize-space(@class), ' '), ' published ') or "
    "contains(concat(' ', normalize-space(@class), ' '), ' dt-published '))])"
)
H_ENTRIES = etree.XPath(
    "count(//*[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]"
    "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')])])"
)
MICRODATA = etree.XPath("//*[@itemtype]/@itemtype")
NEXT_PREV = etree.XPath(
    "boolean(//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ') or "
    "contains(concat(' ', normalize-space(@rel), ' '), ' prev ') or "
    "contains(concat(' ', normalize-space(@rel), ' '), ' previous ')])"
)


def classify(page):
    """Return (kind, [evidence]): the kind of page and what decided it."""
    if VERIFICATION_FILE.search(page.rel) or VERIFICATION_TEXT.match(page.text):
        return SITE_FILE, ["site-verification file"]
    if page.root is None:
        return PAGE, ["no markup"]
    if page.refresh:
        return REDIRECT, ["meta refresh"]
    marked = page.body_attrs.get("data-page-kind") or page.html_attrs.get("data-page-kind")
    if marked in KINDS:
        return marked, [f"data-page-kind={marked}"]
    rel = page.rel
    if rel in NOT_FOUND_FILES or rel.endswith(tuple("/" + n for n in NOT_FOUND_FILES)):
        return NOT_FOUND, ["404 file name"]
    inner = _without_language(page, rel)
    if inner in ("index.html", "index.htm"):
        return HOME, ["site root index.html" if inner == rel else f"language home {rel}"]
    docs = _docs(page)
    if docs:
        return PAGE, [docs]
    if inner in SEARCH_FILES and SEARCH_FORM(page.root):
        return SEARCH, ["search page"]
    entries = _entries(page.root)
    several = _several_entries(entries)
    article = _article_evidence(page, entries, several)
    listing = _listing_evidence(page, inner, several)
    article_score, listing_score = sum(w for w, _ in article), sum(w for w, _ in listing)
    if listing_score >= 2 and listing_score >= article_score:
        return LISTING, [text for _, text in listing]
    if NOT_FOUND_TITLE.search(page.title) and article_score < 2:
        return NOT_FOUND, [f"title {page.title!r}"]
    if article_score >= 2 and article_score > listing_score and _dated_or_typed(article):
        return ARTICLE, [text for weight, text in article if weight > 0]
    return PAGE, [text for _, text in article + listing] or ["no article or listing evidence"]


def _without_language(page, rel):
    """rel without a leading language folder (fr/tags/x.html -> tags/x.html) when the page's
    own lang or its hreflang alternates confirm the folder is a language."""
    first, sep, rest = rel.partition("/")
    if not sep or not LANGUAGE.match(first):
        return rel
    lang = (page.html_attrs.get("lang") or "").lower().replace("_", "-")
    if lang.split("-")[0] == first.lower().split("-")[0].split("_")[0]:
        return rest
    hreflangs = {(link.get("hreflang") or "").lower() for link in page.elements("link")}
    return rest if first.lower().replace("_", "-") in hreflangs else rel


def _docs(page):
    """Evidence that a documentation generator wrote the page, or ''."""
    generator = page.meta("generator") or ""
    if DOCS_GENERATORS.search(generator):
        return f"docs generator ({generator.split()[0].rstrip(',')})"
    if DOCS_MARKERS(page.root):
        return "docs generator (Sphinx)"
    return ""


def _entries(root):
    """(top-level <article>s, h-entries, [microdata article types]): each searched once."""
    micro = [t.rsplit("/", 1)[-1] for t in MICRODATA(root)]
    return (
        int(TOP_ARTICLES(root)),
        int(H_ENTRIES(root)),
        [t for t in micro if t in ARTICLE_TYPES],
    )


def _article_evidence(page, entries, several):
    """[(weight, text)] for and against an article (entries: _entries(), several: how the page
    shows several entries, or '')."""
    found = []
    types = set()
    for block in page.json_ld:
        for node in iter_nodes(block.data):
            types |= types_of(node) & ARTICLE_TYPES
    top_articles, h_entries, micro_articles = entries
    if types and not several:
        found.append((3, f"JSON-LD {sorted(types)[0]}"))
    if len(micro_articles) == 1:
        found.append((3, f"microdata {micro_articles[0]}"))
    if h_entries == 1:
        found.append((3, "h-entry"))
    if page.meta("article:published_time"):
        found.append((2, "article:published_time"))
    og_type = page.meta("og:type")
    if og_type == "article":
        found.append((1, "og:type article"))  # supporting only: themes hard-code it
    elif og_type == "website":
        found.append((-2, "og:type website"))
    if DATED.search(page.rel):
        found.append((2, "dated URL path"))
    if top_articles == 1:
        if TIME_IN_ARTICLE(page.root):
            found.append((2, "one <article> with a publication date"))
        else:
            found.append((1, "one <article>"))  # supporting only: pages use <article> too
    return found


def _dated_or_typed(evidence):
    """True when some evidence dates the page or types it as an article: an article is
    published on a date; og:type article or an <article> element alone say nothing of it."""
    return any(weight >= 2 for weight, _ in evidence)


def _several_entries(entries):
    """How the page shows several entries ('' when it does not), from _entries()."""
    top_articles, h_entries, micro_articles = entries
    if top_articles > 1:
        return f"{top_articles} <article> entries"
    if h_entries > 1:
        return f"{h_entries} h-entry entries"
    if len(micro_articles) > 1:
        return f"{len(micro_articles)} microdata entries"
    return ""


def _listing_evidence(page, inner, several):
    """[(weight, text)] for a listing."""
    found = []
    if PAGINATED.search(page.rel):
        found.append((4, "paginated path"))
    folders = inner.split("/")[:-1]
    name = inner.rsplit("/", 1)[-1]
    if LISTING_DIRS.intersection(folders) or LISTING_FILE.match(name):
        found.append((3, "listing path"))
    elif DATE_ARCHIVE.search(page.rel):
        found.append((3, "date archive path"))
    if several:
        found.append((3, several))
    if NEXT_PREV(page.root):
        found.append((2, "rel=next/prev"))
    if _section_feed(page):
        found.append((2, "section feed"))
    return found


def _section_feed(page):
    """True when the page announces a feed that lives in its own folder (a section's feed)."""
    folder = page.rel.rsplit("/", 1)[0] + "/" if "/" in page.rel else ""
    if not folder:
        return False
    for link in page.elements("link"):
        kind = (link.get("type") or "").lower()
        if "alternate" in (link.get("rel") or "").split() and kind.endswith(
            ("rss+xml", "atom+xml")
        ):
            path = page.resolve(link.get("href") or "")
            if path and path.rsplit("/", 1)[0] + "/" == folder:
                return True
    return False
