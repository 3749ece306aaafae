"""What a page's path says of its kind: language folder, listing folders, dates, pagination, role.

A path is structure the generator chose, not words a writer typed: ``/2011/03/01/slug/`` is a
post, ``/page/2/`` and ``/page2/`` are pages of a listing, ``tags/x/`` is a listing, and a lone
top-level ``about/`` or ``search.html`` is a page by its role, whatever metadata a theme stamps
on it (themes stamp ``og:type article`` or BlogPosting JSON-LD on every single page).
"""

import re

LISTING_DIRS = frozenset(
    {"tag", "tags", "category", "categories", "author", "authors", "archives", "archive",
     "series", "topics", "topic", "page", "labels", "label"}
)  # fmt: skip
LISTING_FILE = re.compile(r"^(index\d+|archives|tags|categories|authors)\.html?$")
PAGINATED = re.compile(
    r"(^|/)page/\d+(/|$)|(^|/)page\d+(\.html?$|/)|(^|/)index\d+\.html?$"
)  # Hugo/MkDocs page/2/, Jekyll's jekyll-paginate page2/, Pelican's index2.html
DATED = re.compile(r"(^|/)(19|20)\d\d/(0[1-9]|1[0-2])(/[0-3]\d)?/(?!index\.html?$|page/)[^/]+")
DATE_ARCHIVE = re.compile(
    r"(^|/)(19|20)\d\d(/(0[1-9]|1[0-2]))?(/[0-3]\d)?/(index\.html?)?$|(^|/)(19|20)\d\d\.html?$"
)  # 2011/03/, 2011/03/index.html, ABlog's blog/2024.html
#: A language folder: BCP 47 language, optional script and region (fr, pt-br, zh-hant-tw).
LANGUAGE = re.compile(r"^[a-z]{2,3}([-_][a-zA-Z0-9]{2,8}){0,3}$")
#: Top-level pages whose role makes them a page, never a post, whatever they are stamped with.
PAGE_ROLES = frozenset(
    {"about", "about-me", "about-us", "contact", "search", "privacy", "privacy-policy",
     "imprint", "impressum", "colophon", "now", "uses", "subscribe", "newsletter", "links",
     "legal", "disclaimer", "faq", "cv", "resume", "projects"}
)  # fmt: skip
#: Top-level pages whose role makes them a listing of posts.
LISTING_ROLES = frozenset(
    {"archives", "archive", "tags", "categories", "authors", "series", "posts", "blog"}
)


def without_language(page, rel):
    """rel without a leading language folder (fr/tags/x.html -> tags/x.html) when the page's
    own lang or its hreflang alternates confirm the folder is a language."""
    first, sep, rest = rel.partition("/")
    if not sep or not LANGUAGE.match(first):
        return rel
    folder = first.lower().replace("_", "-")
    lang = (page.html_attrs.get("lang") or "").lower().replace("_", "-")
    if lang and (lang == folder or lang.split("-")[0] == folder.split("-")[0]):
        return rest
    hreflangs = {(link.get("hreflang") or "").lower() for link in page.elements("link")}
    return rest if folder in hreflangs else rel


def role(inner):
    """The kind a lone top-level page has by its role ('page', 'listing'), else ''.

    inner is the path without its language folder: only about.html, about/index.html and the
    like count, so a post whose slug happens to be "search" in posts/ is not a role."""
    name = inner.removesuffix("/index.html").removesuffix("/index.htm")
    if "/" in name:
        return ""
    name = name.rsplit(".", 1)[0] if name.endswith((".html", ".htm")) else name
    if name in PAGE_ROLES:
        return "page"
    return "listing" if name in LISTING_ROLES else ""


def listing_path(page, inner):
    """[(weight, text)] the path gives a listing."""
    found = []
    if PAGINATED.search(page.rel):
        found.append((4, "paginated path"))
    folders = inner.split("/")[:-1]
    name = inner.rsplit("/", 1)[-1]
    if LISTING_DIRS.intersection(folders) or LISTING_FILE.match(name):
        found.append((3, "listing path"))
    elif DATE_ARCHIVE.search(page.rel):
        found.append((3, "date archive path"))
    return found


def in_listing_folder(path):
    """True when a site path lies in a tag/category/author... folder (a link to a listing)."""
    return bool(path) and not LISTING_DIRS.isdisjoint(path.split("/")[:-1])
