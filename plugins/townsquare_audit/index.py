"""What every rule reads from a page's tree, gathered once: its <meta> values and the elements
carrying the interaction markers (data-ts-share, -comments, -subscribe) or data-audit-ignore."""

import re

from lxml import etree

#: The attributes that mark interaction containers or opt a subtree out: one scan per page.
MARKERS = ("data-ts-share", "data-ts-comments", "data-ts-subscribe", "data-audit-ignore")
ANY_WITH = etree.XPath("//*[@*[name() = $name]]")
MARKER_TEXT = re.compile(r"data-(ts-share|ts-comments|ts-subscribe|audit-ignore)")
BLOCK_TAGS = ("nav", "section", "div", "aside", "footer", "header", "main", "article", "form")


def index_meta(root):
    """({key: [contents]}, {keys seen more than once}, refresh) for every <meta> of the tree,
    keyed by property and by name; refresh is True for a <meta http-equiv=refresh> that
    redirects (is_redirect)."""
    meta, repeated, refresh = {}, set(), False

    def add(key, content):
        values = meta.get(key)
        if values is None:
            meta[key] = [content]
        else:
            values.append(content)
            repeated.add(key)

    for tag in root.iter("meta"):
        attributes = tag.items()  # one call; most tags are <meta property|name=.. content=..>
        if len(attributes) == 2:
            (first, key), (second, content) = attributes
            if second == "content" and first in ("property", "name"):
                if key:
                    add(key, content.strip())
                continue
        prop, name = tag.get("property"), tag.get("name")
        if not (prop or name):
            if (tag.get("http-equiv") or "").strip().lower() == "refresh":
                refresh = refresh or is_redirect(tag.get("content") or "")
            continue
        content = (tag.get("content") or "").strip()
        for key in (prop, name) if name != prop else (prop,):
            if key:
                add(key, content)
    return meta, repeated, refresh


#: `<meta http-equiv=refresh content="0; url=...">`: a delay, then (after ; or ,) the URL.
REFRESH = re.compile(r"^\s*(\d+)(?:\.\d*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$", re.I | re.S)
#: Longer than this, a refresh is a page readers read first (a live blog reloading every five
#: minutes), not a redirect.
REDIRECT_SECONDS = 5


def is_redirect(content):
    """True when a meta refresh's content sends readers to another URL (almost) at once."""
    found = REFRESH.match(content)
    if not found:
        return False
    url = (found.group(2) or "").strip().strip("'\"").strip()
    return bool(url) and int(found.group(1)) <= REDIRECT_SECONDS


def find_marked(root, text):
    """{marker: [elements carrying it]} for MARKERS, in document order.

    Only the markers the source text mentions are searched. The kit writes its containers on
    block elements, so those are searched (a C-level tag filter); a marker the source mentions
    but no block carries, and data-audit-ignore (any element may carry it), are searched on
    every element."""
    marked = {name: [] for name in MARKERS}
    present = [f"data-{name}" for name in set(MARKER_TEXT.findall(text))]
    if not present:
        return marked
    wanted = {name: marked[name] for name in present}
    for element in root.iter(*BLOCK_TAGS):
        for key in element.keys():  # noqa: SIM118 - an lxml element: its attribute names
            if key in wanted:
                wanted[key].append(element)
    for name in present:
        if name == "data-audit-ignore" or not marked[name]:
            marked[name] = list(ANY_WITH(root, name=name))
    return marked
