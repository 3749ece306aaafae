"""internal-links: every link, fragment, image, script, stylesheet, icon and feed in the site
resolves to a file of the built site, under the site's base path (html-proofer's checks).

A root-relative ``/about.html`` in a site published at ``https://user.github.io/blog/`` points
at ``https://user.github.io/about.html``, outside the site: it is reported even when a file
``about.html`` exists in the folder. ``/about`` is accepted for ``about.html`` and
``about/index.html`` (static hosts serve both). Elements marked ``data-proofer-ignore`` (html-
proofer's own opt-out) or inside ``data-audit-ignore`` are left alone. No network is used.
"""

import html
import re
from urllib.parse import unquote

from lxml import etree

from ..finding import ERROR, WARNING
from ..kinds import KINDS, REDIRECT
from ..urls import PLAIN_ABSOLUTE, is_absolute
from .base import Rule

#: href= and src= values in the page's source, read in C before any element is looked at:
#: double-quoted (what generators write; a literal prefix keeps the search fast), and any
#: spelling when the page has others.
HREF, SRC = re.compile(r'href="([^"]*)"'), re.compile(r'src="([^"]*)"')
ANY_SPELLING = re.compile(r"""(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'`=<]+))""")
HAS_ID = etree.XPath("boolean(//*[@id = $f] | //a[@name = $f])")
#: {tag: the attribute that loads or links to a URL}.
ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
    "source": "src", "iframe": "src", "video": "src", "audio": "src", "track": "src",
    "embed": "src",
}  # fmt: skip
#: How a root-relative URL that leaves the site's base path is reported (an error: it works
#: locally and breaks once published); a missing file or id is a warning (a draft, a theme's
#: quirk), failing the run with --fail-on warning, as html-proofer would.
LEAVES = "root-relative "
#: html-proofer's own opt-out attribute, honoured so a site moving over keeps its marks.
PROOFER_IGNORE = "data-proofer-ignore"
#: <link rel> values that name no resource to fetch from this site.
NOT_RESOURCES = frozenset({"canonical", "preconnect", "dns-prefetch", "me", "webmention"})
OTHER_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "about:", "blob:")
#: Fragments browsers handle without an element of that id.
FREE_FRAGMENTS = frozenset({"", "top"})
#: The path of a plain site URL: letters, digits, '_', '-', '.' and '/' (ASCII only).
PLAIN_PATH = re.compile(r"[\w./-]*", re.ASCII)


class InternalLinks(Rule):
    """Every URL of the site in the page names a file of the site (and an id for a fragment)."""

    id = "internal-links"
    description = "links, fragments, images, scripts, styles, icons and feeds resolve in the site"
    hint = "fix the URL or build the missing file; write site URLs relative to the page"
    kinds = tuple(kind for kind in KINDS if kind != REDIRECT)

    def __init__(self):
        # {(prefix, origin): {key: True}} for URLs that resolved cleanly: navigation, styles
        # and feeds repeat on every page. The key is the URL as written when it is absolute or
        # root-relative (it names the same file from every page), else (page folder, URL).
        # (A URL passed by a <link rel=canonical> is its page's own address, so it resolves.)
        self._clean = {}

    def check(self, page):
        clean = self._clean.setdefault((page.prefix, page.origin), {})
        folder = page.rel.rpartition("/")[0]
        own = page._own
        text = page.text
        pending = set()
        for raw in _values(text):
            if raw[:1] == "#":  # this page's own fragment: an id="..." in the source will do
                if raw != "#" and f'id="{raw[1:]}"' not in text:
                    pending.add(raw)
            elif raw in clean or (folder, raw) in clean or _elsewhere(raw, own):
                continue
            else:
                pending.add(raw)
        if pending:  # findings in the page's order, as every rule gives them
            findings = self._look_closer(page, pending, clean, folder)
            yield from sorted(findings, key=lambda finding: (finding.line, finding.message))

    def _look_closer(self, page, pending, clean, folder):
        """Findings for the URLs not known to be clean: each is first checked as a link's
        would be; only a URL with a problem is looked up on its elements (tag, rel, opt-out)."""
        by_value = None
        files, own, prefix = page.site.files, page._own, page.prefix
        for raw in pending:
            plain = _plain_site_path(raw, own, prefix)
            if plain is not None and _existing(files, plain) is not None:
                clean[raw] = True  # the usual site URL, resolved without urlsplit
                continue
            value = html.unescape(raw) if "&" in raw else raw
            if not _problem(page, None, value):
                if raw[:1] == "/" or is_absolute(raw):  # the same file from every page
                    clean[raw] = True
                elif raw[:1] != "#":  # resolves the same from every page of the folder
                    clean[(folder, raw)] = True
                continue
            if by_value is None:
                by_value = _elements_by_value(page.root)
            for element in by_value.get(value, ()):
                problem = _problem(page, element, value)
                if problem and element.get(PROOFER_IGNORE) is None and not page.skipped(element):
                    severity = ERROR if problem.startswith(LEAVES) else WARNING
                    yield self.finding(page, page.line_of_tag(element), problem, severity)


def _elsewhere(raw, own):
    """True for a URL as written that no check resolves, known without parsing it: another
    scheme (mailto:, tel:...) or a plain absolute URL on another host (share intents, profiles:
    unique to each page, so no cache would spare their parsing). own is the site's origin with
    a slash ('https://host/'), or None when unknown (then no absolute URL is in the site)."""
    if raw.startswith(OTHER_SCHEMES):
        return True
    if not raw.startswith(("https://", "http://")) or not PLAIN_ABSOLUTE.match(raw):
        return False  # relative, or a host spelled so that only urlsplit can say
    if own is None:
        return True
    base = own[:-1]  # https://host: the site's own URLs go on with /, ? or # (or end there)
    return not (raw.startswith(base) and raw[len(base) : len(base) + 1] in ("", "/", "?", "#"))


def _plain_site_path(raw, own, prefix):
    """The site file a plain absolute URL of this site names ('https://host/posts/a.html':
    lower-case host, no port, query, fragment, escape, entity or dot segment), or None for any
    other URL, which takes the general way (urls.site_path gives the same answer for these)."""
    if own is None or not raw.startswith(own) or not PLAIN_PATH.fullmatch(raw, len(own)):
        return None
    path = "/" + raw[len(own) :]
    if "/." in path:
        return None  # a dot segment (or a dot file): resolved the general way
    if prefix:
        if not path.startswith(prefix + "/"):
            return None
        path = path[len(prefix) :]
    path = path[1:]
    return path + "index.html" if path == "" or path.endswith("/") else path


def _values(text):
    """Every href= and src= value written in the page's source."""
    hrefs, srcs = HREF.findall(text), SRC.findall(text)
    if len(hrefs) == text.count("href=") and len(srcs) == text.count("src="):
        return hrefs + srcs  # each one double-quoted, as generators write them
    # a value in other quotes or none (or 'href=' inside a value): read every spelling
    return [a or b or c for a, b, c in ANY_SPELLING.findall(text)]


def _elements_by_value(root):
    """{URL: [elements that link to or load it]}."""
    found = {}
    for element in root.iter(*ATTRIBUTES):
        value = element.get(ATTRIBUTES[element.tag])
        if value:
            found.setdefault(value, []).append(element)
    return found


def _problem(page, element, url):
    """What is wrong with one element's URL ('' when it resolves); element None: as a link's."""
    base, _, fragment = url.strip().partition("#")
    if base:
        problem, found = _target(page, element, base)
    else:
        problem, found = "", page.rel
    if fragment and not problem and found and (element is None or element.tag in ("a", "area")):
        return _fragment_problem(page, url.strip(), fragment, found)
    return problem


def _target(page, element, url):
    """(message or '', the site file url names or None) for a URL without its fragment."""
    problem = _leaves_prefix(url, page.prefix)
    if problem is not None:
        return problem, None
    if not _worth_checking(element, url):
        return "", None
    path = page.resolve(url)
    if path is None:
        return "", None  # on another site: not fetched
    found = _existing(page.site.files, path)
    if found is None:
        return f"{url} does not resolve to a file in the site ({path})", None
    return "", found


def _fragment_problem(page, url, fragment, found):
    """A message when the #fragment names no element of the page found ('' when it does)."""
    if fragment in FREE_FRAGMENTS or fragment.startswith((":~:", "!")):
        return ""  # the top of the page, text fragments, hash-bang routes
    if not found.endswith((".html", ".htm")):
        return ""  # a PDF's #page=2 and the like
    if found == page.rel:
        if f'id="{fragment}"' in page.text:  # the usual spelling, found without a tree walk
            return ""
        if HAS_ID(page.root, f=fragment) or HAS_ID(page.root, f=unquote(fragment)):
            return ""
        return f"{url}: no element with id {fragment!r} in this page"
    ids = page.site.files.ids(found)
    if fragment in ids or unquote(fragment) in ids:
        return ""
    return f"{url}: no element with id {fragment!r} in {found}"


def _worth_checking(element, url):
    """False for URLs no checker resolves: other schemes, '#', <link rel=canonical> and such."""
    head = url.strip()[:11].lower()
    if not head or head == "#" or head.startswith(OTHER_SCHEMES):
        return False
    if element is not None and element.tag == "link":
        rels = set((element.get("rel") or "").lower().split())
        return not rels or not rels <= NOT_RESOURCES
    return True


def _leaves_prefix(url, prefix):
    """A message when a root-relative URL climbs out of the site's base path, else None."""
    if not prefix or url[:1] != "/" or url[1:2] == "/":
        return None
    path = url.split("#", 1)[0].split("?", 1)[0]
    if path == prefix or path.startswith(prefix + "/"):
        return None
    return (
        f"{LEAVES}{url} leaves the site's base path {prefix}/: published, it points outside "
        f"the site; write {prefix}{path} or a URL relative to this page"
    )


def _existing(files, path):
    """The site file path names (itself, path.html or path/index.html), or None."""
    if files.exists(path):
        return path
    if "." not in path.rsplit("/", 1)[-1]:  # /about served as about.html or about/index.html
        for candidate in (path + ".html", path + "/index.html"):
            if files.exists(candidate):
                return candidate
    return None
