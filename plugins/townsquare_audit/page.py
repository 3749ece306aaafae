"""A built page as the rules see it: its lxml tree, metadata, kind (with evidence) and URL."""

import html
from dataclasses import dataclass, field

from lxml import etree

from .index import MARKERS, find_marked, index_meta
from .jsonld import read_blocks
from .kinds import classify
from .parse import parse
from .sharing import recognise
from .tree import child, lazy
from .urls import base_path, is_absolute, origin, site_path, split

ALL_RULES = frozenset({"*"})


@dataclass
class SiteInfo:
    """What a rule may know about the site: root folder, public address, mode and settings."""

    root: str
    base_url: str = ""
    publish: bool = False
    files: object = None  # a FileIndex (images.py): the only I/O a rule may cause, cached
    sample_handles: tuple = ()  # placeholder handles the placeholders rule refuses
    sample_strings: tuple = ()  # the sample blog's words, refused by the placeholders rule

    @property
    def origin(self):
        """The site's origin (scheme://host) when the base URL is known, else ''."""
        return origin(self.base_url) if self.base_url else ""

    @property
    def path(self):
        """The base URL's path without its trailing slash ('' for a site at a domain's root)."""
        return base_path(self.base_url)


@dataclass
class Page:
    """One HTML page: raw text, parsed tree, kind and the rules it opted out of."""

    path: str  # as shown in reports, e.g. output/posts/x.html
    rel: str  # relative to the site root, e.g. posts/x.html
    text: str
    site: SiteInfo
    problems: list = field(default_factory=list)  # [(line, message)] found while reading
    kind_override: tuple = None  # (kind, evidence) from --kind GLOB=KIND
    utf8: bytes = field(default=None, repr=False)  # the page's bytes when they are valid UTF-8
    root: object = field(init=False, repr=False)

    def __post_init__(self):
        parsed = parse(self.text, self.utf8)
        self.utf8 = None  # the tree is built: let the bytes go
        self.root = parsed.root
        self.problems = [*self.problems, *parsed.problems]
        self.html_attrs, self.body_attrs, self.refresh = {}, {}, False
        self._meta, self._cache, self._links = {}, {}, None
        self.repeated_meta = set()  # meta keys that appear more than once
        self._ignored = frozenset()
        self._marked = {name: [] for name in MARKERS}
        if self.root is not None:
            self._index()
        if self.kind_override:
            self.kind, self.evidence = self.kind_override
        else:
            self.kind, self.evidence = classify(self)

    def _index(self):
        """Record <html>/<body> attributes, the meta values and the opted-out subtrees."""
        self.html_attrs = dict(self.root.attrib)
        body = child(self.root, "body")
        self.body_attrs = dict(body.attrib) if body is not None else {}
        self._meta, self.repeated_meta, self.refresh = index_meta(self.root)
        self._marked = find_marked(self.root, self.text)
        self._ignored = frozenset(
            el for el in self._marked["data-audit-ignore"] if el.tag not in ("html", "body")
        )

    @property
    def empty(self):
        """True when the file holds no markup at all."""
        return self.root is None

    # -- head metadata -------------------------------------------------------------------------
    def meta(self, key):
        """Return the content of the first <meta property|name=key>, or None."""
        values = self._meta.get(key)
        return values[0] if values else None

    def metas(self, key):
        """Return the contents of every <meta property|name=key>, stripped."""
        return self._meta.get(key, [])

    def links(self, rel):
        """Return every <link> whose rel contains rel."""
        if self._links is None:
            self._links = links = {}
            for tag in self.elements("link"):
                for value in (tag.get("rel") or "").lower().split():
                    found = links.get(value)
                    if found is None:
                        links[value] = [tag]
                    else:
                        found.append(tag)
        return self._links.get(rel, [])

    @lazy
    def canonical(self):
        """The href of <link rel=canonical>, or None."""
        found = self.links("canonical")
        return (found[0].get("href") or "").strip() if found else None

    @lazy
    def url(self):
        """This page's own absolute URL: canonical, else og:url, else site base URL + path."""
        for candidate in (self.canonical, self.meta("og:url")):
            if candidate and is_absolute(candidate):
                return candidate
        if self.site.base_url:
            return f"{self.site.base_url.rstrip('/')}/{self.rel}"
        return None

    @lazy
    def origin(self):
        """The site's origin, or this page's own when the site's is unknown."""
        if self.site.origin:
            return self.site.origin
        return origin(self.url) if self.url and is_absolute(self.url) else ""

    @lazy
    def prefix(self):
        """The site's base path ('/blog'): from the site URL, else inferred from this page's
        canonical URL when its path ends with the page's own path in the folder."""
        if self.site.base_url:
            return self.site.path
        parts = split(self.url) if self.url else None
        if parts is None:
            return ""
        path = parts.path
        for own in (self.rel, self.rel.removesuffix("index.html")):
            if own and path.endswith("/" + own):
                return path[: -len(own) - 1]
            if not own and path.endswith("/"):  # the home page: https://host/blog/
                return path[:-1]
        return ""

    def resolve(self, url):
        """The site-relative file path url names (None when it is on another site)."""
        return site_path(url, self.rel, self.origin, self.prefix)

    @lazy
    def title(self):
        """The text of the head's <title>, whitespace collapsed."""
        head = child(self.root, "head") if self.root is not None else None
        tag = child(head, "title") if head is not None else None
        if tag is None:
            return ""
        text = (tag.text or "") if not len(tag) else "".join(tag.itertext())
        return " ".join(text.split())

    @lazy
    def lower(self):
        """The source lower-cased, for cheap "could this page contain X" tests before a search."""
        return self.text.lower()

    @lazy
    def json_ld(self):
        """The page's JSON-LD blocks, parsed once (jsonld.Block values)."""
        return read_blocks(self)

    @lazy
    def is_kit(self):
        """True for pages Townsquare's theme or plugins wrote (they carry data-ts-* markers)."""
        if self.root is None:
            return False
        return "data-page-kind" in self.body_attrs or "data-ts-" in self.text

    # -- opt-outs --------------------------------------------------------------------------------
    @lazy
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
        """Elements in document order (by tag name and exact attribute values), minus those
        inside a data-audit-ignore subtree."""
        found = self._cache.get(names)
        if found is None:
            if self.root is None:
                found = []
            else:
                found = list(self.root.iter(*names) if names else self.root.iter(etree.Element))
            if self._ignored:
                found = [el for el in found if not self.skipped(el)]
            self._cache[names] = found
        for key, value in attrs.items():
            found = [el for el in found if el.get(key) == value]
        return found

    def marked(self, attribute):
        """Elements carrying a marker attribute (data-ts-share, data-ts-comments,
        data-ts-subscribe), in document order, minus those in data-audit-ignore subtrees."""
        found = self._marked[attribute]
        return [el for el in found if not self.skipped(el)] if self._ignored else found

    @lazy
    def share_links(self):
        """[(link, network, urls)] for every share link, urls() giving the URLs it shares
        (decoded when asked: sharing.recognise)."""
        contained = {a for box in self.marked("data-ts-share") for a in box.iter("a")}
        own = self._own
        found = []
        for link in self.elements("a"):  # inlined share_link(): most links are the site's own
            href = link.get("href")
            if not href:
                continue
            inside = link in contained
            if not inside and _within(href, own):
                continue
            recognised = recognise(href, in_share_container=inside)
            if recognised:
                found.append((link, *recognised))
        return found

    def share_link(self, link, in_share_container=False):
        """(network, urls) when the link is a share link (inside a share container or not),
        else None. A link within this site is a share intent only inside a container."""
        href = link.get("href")
        if not href or (not in_share_container and _within(href, self._own)):
            return None
        return recognise(href, in_share_container=in_share_container)

    @lazy
    def _own(self):
        """The site's origin with a slash ('https://host/'), or None when it is unknown."""
        return (self.origin + "/") if self.origin else None

    def select(self, xpath):
        """Elements matching a compiled XPath, minus those inside a data-audit-ignore subtree."""
        if self.root is None:
            return []
        found = xpath(self.root)
        return [el for el in found if not self.skipped(el)] if self._ignored else found

    def skipped(self, element):
        """True when the element or an ancestor carries data-audit-ignore."""
        if element in self._ignored:
            return True
        return any(parent in self._ignored for parent in element.iterancestors())

    # -- positions -------------------------------------------------------------------------------
    def line_at(self, offset):
        """1-based line number of a character offset (counted in C: pages have few findings)."""
        return self.text.count("\n", 0, offset) + 1 if offset >= 0 else 1

    def line_of(self, *needles):
        """Line of the first needle found in the source (tried raw and HTML-escaped), else 1."""
        for needle in needles:
            if not needle:
                continue
            offset = self.text.find(needle)  # escaped forms only when the raw one is not there
            if offset < 0:
                offset = self.text.find(html.escape(needle))
            if offset < 0:
                offset = self.text.find(html.escape(needle, quote=False))
            if offset >= 0:
                return self.line_at(offset)
        return 1

    @staticmethod
    def line_of_tag(tag):
        """Line of a parsed element's start tag."""
        return tag.sourceline or 1

    @lazy
    def head_line(self):
        """Line of <head>, the place to add missing metadata."""
        return self.line_of("<head")

    @lazy
    def body_line(self):
        """Line of <body>, the place to add missing controls."""
        return self.line_of("<body")


def _within(href, own):
    """True when href points within this site: at its own origin (own: 'https://host/'), or
    root-relative ('/x', not the protocol-relative '//host/x')."""
    return (own is not None and href.startswith(own)) or (href[:1] == "/" and href[1:2] != "/")
