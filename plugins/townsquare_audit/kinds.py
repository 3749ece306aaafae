"""Page kinds, read from what the HTML itself shows, so the audit works on any generator's site.

Order of evidence: a refresh redirect; the theme's own marker (``<body data-page-kind>``, as
Townsquare's theme writes); 404 by file name or title; og:type / JSON-LD for articles; the
home page by path; listings by path or by several <article> elements; otherwise a single
<article> means an article and anything else is a plain page.
"""

import json
import re

ARTICLE = "article"
PAGE = "page"
HOME = "home"
LISTING = "listing"
NOT_FOUND = "404"
REDIRECT = "redirect"
KINDS = (ARTICLE, PAGE, HOME, LISTING, NOT_FOUND, REDIRECT)
#: The kinds readers land on and share: most rules apply to exactly these.
CONTENT_KINDS = (ARTICLE, PAGE, HOME, LISTING)

ARTICLE_TYPES = frozenset({"Article", "BlogPosting", "NewsArticle", "TechArticle", "Report"})
LISTING_DIRS = frozenset(
    {"tag", "tags", "category", "categories", "author", "authors", "archives", "archive", "page"}
)
LISTING_FILE = re.compile(r"^(index\d+|archives|tags|categories|authors)\.html$")
NOT_FOUND_TITLE = re.compile(r"\b(404|not found)\b", re.I)


def classify(page):
    """Return the kind of page (one of KINDS)."""
    for tag in page.elements("meta"):
        if (tag.get("http-equiv") or "").lower() == "refresh":
            return REDIRECT
    marked = page.body_attrs.get("data-page-kind") or page.html_attrs.get("data-page-kind")
    if marked in KINDS:
        return marked
    name = page.rel.rsplit("/", 1)[-1]
    if name == "404.html" or NOT_FOUND_TITLE.search(page.title):
        return NOT_FOUND
    if page.meta("og:type") == "article" or ARTICLE_TYPES & _jsonld_types(page):
        return ARTICLE
    if page.rel == "index.html":
        return HOME
    first_dir = page.rel.split("/", 1)[0] if "/" in page.rel else ""
    if first_dir in LISTING_DIRS or LISTING_FILE.match(name) or page.counts["article"] > 1:
        return LISTING
    if page.counts["article"] == 1:
        return ARTICLE
    return PAGE


def _jsonld_types(page):
    """Every @type named in the page's JSON-LD (unparseable blocks are the json-ld rule's job)."""
    types = set()
    for script in page.elements("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for node in iter_nodes(data):
            kind = node.get("@type")
            types.update(kind if isinstance(kind, list) else [kind])
    return types


def iter_nodes(data):
    """Yield every JSON-LD node (dict) in data, descending into lists and @graph."""
    if isinstance(data, list):
        for item in data:
            yield from iter_nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from iter_nodes(data["@graph"])
