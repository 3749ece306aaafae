"""Page kinds, weighed from the evidence real generators emit, so the audit works on any site.

Decided outright: a site-verification file (Google's ``google<hex>.html``, Bing's
or any file holding only a ``...-site-verification: token`` line) and a site's
search page (``search.html`` holding a search form), which readers never share; a refresh
redirect; the theme's own marker (``<body data-page-kind>``, as
Townsquare's theme writes); a 404 *file name* (``404.html``, ``404/index.html``); the home page
by path (``index.html``, or a language's ``fr/index.html``, ``zh-hant-tw/index.html``); a lone
top-level page by its role (``about/``, ``search.html`` are pages, ``archives/`` a listing,
whatever ``og:type`` or JSON-LD a theme stamps on them). Otherwise evidence is weighed:

* article: JSON-LD or microdata BlogPosting/Article, one ``h-entry``, ``article:published_time``,
  ``og:type article``, a dated URL path (``/2011/03/01/slug``), the page's main ``<article>``
  (with a ``<time datetime>`` or links to its tags; cards after it do not count), a blog
  generator's post marks (ABlog, MkDocs Material's blog); ``og:type website`` counts against.
* listing: ``/page/N/`` or ``/pageN/`` in the path (or ``indexN.html``), a tag/category/author/
  archive folder (after a language folder), ``rel=next|prev``, several entries, a section feed
  beside the page, a date archive path (``/2011/03/``), a blog generator's listing marks.
* docs: a documentation generator's page (Sphinx, MkDocs...) that shows no blog evidence. The
  share rules leave docs pages alone unless the site opts in (``--docs-share``).

A title saying "404" or "not found" only decides when nothing argues for an article or a
listing, so a post called "Custom 404 Error Page" stays an article. The evidence that decided
is returned with the kind (the JSON report lists it; ``--kind GLOB=KIND`` overrides).
"""

import re

from lxml import etree

from .jsonld import iter_nodes, types_of
from .kindmarks import BLOG_LISTING, BLOG_POST, NEXT_PREV, docs, entries, main_entry_evidence
from .kindpaths import DATED, listing_path, role, without_language

ARTICLE = "article"
PAGE = "page"
HOME = "home"
LISTING = "listing"
NOT_FOUND = "404"
REDIRECT = "redirect"
SEARCH = "search"
SITE_FILE = "site-file"
DOCS = "docs"
KINDS = (ARTICLE, PAGE, HOME, LISTING, NOT_FOUND, REDIRECT, SEARCH, SITE_FILE, DOCS)
#: The kinds readers land on and share: most rules apply to exactly these.
CONTENT_KINDS = (ARTICLE, PAGE, HOME, LISTING, DOCS)
#: Pages a person reads (language, readable text, named controls): not redirect stubs.
READ_KINDS = (*CONTENT_KINDS, NOT_FOUND, SEARCH)
#: Every kind that is an HTML page at all: a verification file is a token, not a page.
MARKUP_KINDS = tuple(kind for kind in KINDS if kind != SITE_FILE)

ARTICLE_TYPES = frozenset(
    {"Article", "BlogPosting", "NewsArticle", "TechArticle", "Report", "SocialMediaPosting"}
)
#: Evidence a docs generator's pages show without being posts or listings.
DOCS_TOO = ("rel=next/prev", "section feed", "one <article>")
NOT_FOUND_FILES = frozenset({"404.html", "404.htm", "404/index.html", "not-found.html"})
VERIFICATION_FILE = re.compile(r"(^|/)(google[0-9a-f]{8,}|yandex_[0-9a-f]{8,})\.html?$", re.I)
VERIFICATION_TEXT = re.compile(r"^\s*[\w-]*verification[\w-]*\s*:\s*\S+\s*$", re.I)
SEARCH_FILES = frozenset({"search.html", "search.htm", "search/index.html"})
SEARCH_FORM = etree.XPath(
    "boolean(//form[.//input[@type='search' or @name='q' or @name='query' or @name='s']]"
    " | //*[@role='search'])"
)
NOT_FOUND_TITLE = re.compile(r"^\W*(error\s+)?(404\b|(page\s+)?not\s+found\b)", re.I)


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
    inner = without_language(page, rel)
    if inner in ("index.html", "index.htm"):
        return HOME, ["site root index.html" if inner == rel else f"language home {rel}"]
    if inner in SEARCH_FILES and SEARCH_FORM(page.root) and not docs(page):
        return SEARCH, ["search page"]  # a docs generator's search page stays a docs page
    found = entries(page.root)
    several = _several_entries(found)
    article = _article_evidence(page, found, several)
    listing = _listing_evidence(page, inner, several)
    generator = docs(page)
    if generator:  # docs chapters link next/prev and wrap pages in a dated <article>
        article = [(w, text) for w, text in article if not text.startswith(DOCS_TOO)]
        listing = [(w, text) for w, text in listing if not text.startswith(DOCS_TOO)]
    article_score, listing_score = sum(w for w, _ in article), sum(w for w, _ in listing)
    if generator and max(article_score, listing_score) < 2:
        return DOCS, [generator]  # a docs site's blog shows the blog's own evidence
    by_role = role(inner)
    if by_role:
        return by_role, [f"{by_role} by its role ({inner})"]
    if listing_score >= 2 and listing_score >= article_score:
        return LISTING, [text for _, text in listing]
    if NOT_FOUND_TITLE.search(page.title) and article_score < 2:
        return NOT_FOUND, [f"title {page.title!r}"]
    if article_score >= 2 and article_score > listing_score and _dated_or_typed(article):
        return ARTICLE, [text for weight, text in article if weight > 0]
    if generator:
        return DOCS, [generator]
    return PAGE, [text for _, text in article + listing] or ["no article or listing evidence"]


def _article_evidence(page, found, several):
    """[(weight, text)] for and against an article (found: entries(), several: how the page
    shows several entries, or '')."""
    evidence = []
    types = set()
    for block in page.json_ld:
        for node in iter_nodes(block.data):
            types |= types_of(node) & ARTICLE_TYPES
    _, h_entries, micro, main = found
    micro_articles = [t for t in micro if t in ARTICLE_TYPES]
    if types and not several:
        evidence.append((3, f"JSON-LD {sorted(types)[0]}"))
    if len(micro_articles) == 1:
        evidence.append((3, f"microdata {micro_articles[0]}"))
    if h_entries == 1:
        evidence.append((3, "h-entry"))
    if page.meta("article:published_time"):
        evidence.append((2, "article:published_time"))
    og_type = page.meta("og:type")
    if og_type == "article":
        evidence.append((1, "og:type article"))  # supporting only: themes hard-code it
    elif og_type == "website":
        evidence.append((-2, "og:type website"))
    if DATED.search(page.rel):
        evidence.append((2, "dated URL path"))
    if BLOG_POST(page.root):
        evidence.append((3, "a blog generator's post marks"))
    if main is not None and not several:
        evidence.extend(main_entry_evidence(page, main))
    return evidence


def _dated_or_typed(evidence):
    """True when some evidence dates the page or types it as an article: an article is
    published on a date; og:type article or an <article> element alone say nothing of it."""
    return any(weight >= 2 for weight, _ in evidence)


def _several_entries(found):
    """How the page shows several entries ('' when it does not), from entries()."""
    articles, h_entries, micro, _ = found
    micro_articles = [t for t in micro if t in ARTICLE_TYPES]
    if len(articles) > 1:
        return f"{len(articles)} <article> entries"
    if h_entries > 1:
        return f"{h_entries} h-entry entries"
    if len(micro_articles) > 1:
        return f"{len(micro_articles)} microdata entries"
    return ""


def _listing_evidence(page, inner, several):
    """[(weight, text)] for a listing."""
    found = listing_path(page, inner)
    if several:
        found.append((3, several))
    if BLOG_LISTING(page.root):
        found.append((3, "a blog generator's listing marks"))
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
