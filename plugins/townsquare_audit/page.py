"""A built page as the rules see it: its parsed head and interaction elements, kind and URL."""

import bisect
import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from .kinds import classify
from .parse import HIDING_STYLE, parse
from .urls import is_absolute, origin

ALL_RULES = frozenset({"*"})
LANG_RE = re.compile(r"<html\b[^>]*>", re.I)


@dataclass
class SiteInfo:
    """What a rule may know about the site: its root folder, public origin and build mode."""

    root: str
    base_url: str = ""
    publish: bool = False
    files: object = None  # a FileIndex (site.py): the only I/O a rule may cause, cached

    @property
    def origin(self):
        """The site's origin (scheme://host) when the base URL is known, else ''."""
        return origin(self.base_url) if self.base_url else ""


@dataclass
class Page:
    """One HTML page: raw text, filtered soup, kind and the rules it opted out of."""

    path: str  # as shown in reports, e.g. output/posts/x.html
    rel: str  # relative to the site root, e.g. posts/x.html
    text: str
    site: SiteInfo
    soup: object = field(init=False, repr=False)
    html_attrs: dict = field(init=False, repr=False)
    body_attrs: dict = field(init=False, repr=False)
    counts: dict = field(init=False, repr=False)

    def __post_init__(self):
        self.soup, keep = parse(self.text)
        self.html_attrs, self.body_attrs, self.counts = (
            keep.html_attrs,
            keep.body_attrs,
            keep.counts,
        )
        self._index()
        self.kind = classify(self)

    def _index(self):
        """Walk the kept tree once: elements in document order, by name, and meta values.

        Rules ask the same few questions many times per page; answering them from these
        lists instead of repeated find_all() calls halves the audit's time.
        """
        self._all, self._by_name, self._meta = [], {}, {}
        stack = [(child, False) for child in reversed(self.soup.contents)]
        while stack:
            node, ignored = stack.pop()
            if getattr(node, "name", None) is None:
                continue
            ignored = ignored or node.has_attr("data-audit-ignore")
            if not ignored:
                self._all.append(node)
                self._by_name.setdefault(node.name, []).append(node)
            if node.name == "meta":
                keys = {k for k in (node.get("property"), node.get("name")) if k}
                for key in keys:
                    self._meta.setdefault(key, []).append((node.get("content") or "").strip())
            stack.extend((child, ignored) for child in reversed(node.contents))

    # -- head metadata -------------------------------------------------------------------------
    def meta(self, key):
        """Return the content of the first <meta property|name=key>, or None."""
        values = self.metas(key)
        return values[0] if values else None

    def metas(self, key):
        """Return the contents of every <meta property|name=key>, stripped."""
        return self._meta.get(key, [])

    def links(self, rel):
        """Return every <link> whose rel contains rel."""
        return [tag for tag in self._by_name.get("link", []) if rel in (tag.get("rel") or [])]

    @cached_property
    def canonical(self):
        """The href of <link rel=canonical>, or None."""
        found = self.links("canonical")
        return (found[0].get("href") or "").strip() if found else None

    @cached_property
    def url(self):
        """This page's own absolute URL: canonical, else og:url, else site base URL + path."""
        for candidate in (self.canonical, self.meta("og:url")):
            if candidate and is_absolute(candidate):
                return candidate
        if self.site.base_url:
            return f"{self.site.base_url.rstrip('/')}/{self.rel}"
        return None

    @cached_property
    def origin(self):
        """The site's origin, or this page's own when the site's is unknown."""
        if self.site.origin:
            return self.site.origin
        return origin(self.url) if self.url and is_absolute(self.url) else ""

    @cached_property
    def title(self):
        """The text of <title>, whitespace collapsed."""
        tag = next(iter(self._by_name.get("title", [])), None)
        return " ".join(tag.get_text().split()) if tag else ""

    # -- opt-outs --------------------------------------------------------------------------------
    @cached_property
    def ignored_rules(self):
        """Rule ids this page opted out of (html/body data-audit-ignore, meta audit-ignore)."""
        ignored = set()
        for attrs in (self.html_attrs, self.body_attrs):
            if "data-audit-ignore" in attrs:
                ignored |= set(attrs["data-audit-ignore"].replace(",", " ").split()) or ALL_RULES
        for value in self.metas("audit-ignore"):
            ignored |= set(value.replace(",", " ").split()) or ALL_RULES
        return frozenset(ignored)

    @property
    def ignores_everything(self):
        """True when the page opted out of the whole audit (bare data-audit-ignore)."""
        return bool({"*", "all"} & self.ignored_rules)

    def ignores(self, rule_id):
        """True when the page opted out of rule_id (or of every rule: empty value, * or all)."""
        return bool({"*", "all", rule_id} & self.ignored_rules)

    # -- elements --------------------------------------------------------------------------------
    def elements(self, *names, **attrs):
        """Kept elements in document order (by tag name and exact attribute values), minus
        those inside a data-audit-ignore subtree."""
        if names:
            found = [el for name in names for el in self._by_name.get(name, [])]
            if len(names) > 1:
                order = {id(el): i for i, el in enumerate(self._all)}
                found.sort(key=lambda el: order[id(el)])
        else:
            found = self._all
        if attrs:
            found = [el for el in found if all(el.get(k) == v for k, v in attrs.items())]
        return found

    # -- positions -------------------------------------------------------------------------------
    @cached_property
    def _newlines(self):
        return [m.start() for m in re.finditer("\n", self.text)]

    def line_at(self, offset):
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._newlines, offset - 1) + 1 if offset >= 0 else 1

    def line_of(self, *needles):
        """Line of the first needle found in the source (tried raw and HTML-escaped), else 1."""
        for needle in needles:
            if not needle:
                continue
            for variant in (needle, html.escape(needle), html.escape(needle, quote=False)):
                offset = self.text.find(variant)
                if offset >= 0:
                    return self.line_at(offset)
        return 1

    def line_of_tag(self, tag):
        """Best-effort line of a parsed element, found by its most distinctive attribute."""
        needles = [tag.get(key) for key in ("href", "src", "content", "id", "action")]
        needles.append(f"<{tag.name}")
        return self.line_of(*[n for n in needles if isinstance(n, str)])

    @cached_property
    def head_line(self):
        """Line of <head>, the place to add missing metadata."""
        return self.line_of("<head")

    @cached_property
    def body_line(self):
        """Line of <body>, the place to add missing controls."""
        return self.line_of("<body")


def skipped(element):
    """True when the element or an ancestor carries data-audit-ignore."""
    node = element
    while node is not None and getattr(node, "name", None) not in (None, "[document]"):
        if node.has_attr("data-audit-ignore"):
            return True
        node = node.parent
    return False


def hidden(element):
    """True when the element or a kept ancestor is hidden from sighted readers."""
    node = element
    while node is not None and getattr(node, "name", None) not in (None, "[document]"):
        if node.has_attr("hidden") or node.get("aria-hidden") == "true":
            return True
        if HIDING_STYLE.search(node.get("style") or ""):
            return True
        node = node.parent
    return False
