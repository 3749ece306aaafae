"""The theme's <head> without the metadata the kit replaces, and its post JSON-LD: text work.

splice.py puts the kit's pieces into a written page without parsing it; the head is rewritten
here by walking its tags (comments and raw-text elements kept whole), so the theme's own bytes
stay as written and no HTML parser has to be loaded for a page whose anchors were found.
placement.py does the same on a parsed page when the anchors were not.
"""

import html
import json
import re

ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
#: Comments, raw-text elements (their text may hold "</div>") and tags, in document order.
TOKENS = re.compile(
    rf"<!--.*?-->|<(?P<raw>script|style|textarea|title)\b(?P<rawattrs>{ATTRS})>.*?</(?P=raw)\s*>"
    rf"|<(?P<close>/?)(?P<name>[a-z][\w-]*)\b(?P<attrs>{ATTRS})(?P<self>/?)>",
    re.I | re.S,
)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
#: Head elements the kit's metadata replaces (a second og:title would conflict with ours).
REPLACED_META = re.compile(r"^(og:|article:|twitter:|fediverse:creator$|description$)", re.I)
LD_JSON = "application/ld+json"


def attributes(text):
    """{name (lower case): value (entities decoded)} of a start tag's attribute text; the
    first of two equal names counts, as in browsers."""
    found = {}
    for match in ATTRIBUTE.finditer(text or ""):
        name = match.group(1).lower()
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(name, html.unescape(value))
    return found


def without_theme_metadata(inner, title):
    """The head's inner HTML without the theme's description, canonical, Open Graph, Twitter
    and JSON-LD tags, its <title> saying title (one <title>; added first when there was none).
    An empty title keeps the theme's."""
    kept, at, titles = [], 0, 0
    for token in TOKENS.finditer(inner):
        replacement = _replacement(token, title, titles)
        if token.group("raw") and token.group("raw").lower() == "title":
            titles += 1
        if replacement is None:
            continue
        start = _line_start(inner, token.start()) if replacement == "" else token.start()
        end = _line_end(inner, token.end()) if replacement == "" else token.end()
        kept += [inner[at:start], replacement]
        at = end
    kept.append(inner[at:])
    text = "".join(kept)
    if title and not titles:
        text = f"<title>{html.escape(title, quote=False)}</title>\n" + text
    return text


def _replacement(token, title, titles_seen):
    """None to keep the token, "" to drop it, or the text it becomes."""
    raw = (token.group("raw") or "").lower()
    if raw == "title":
        if not title:
            return None
        return "" if titles_seen else f"<title>{html.escape(title, quote=False)}</title>"
    if raw == "script":
        return "" if attributes(token.group("rawattrs")).get("type") == LD_JSON else None
    name = (token.group("name") or "").lower()
    if token.group("close") or name not in ("meta", "link"):
        return None
    found = attributes(token.group("attrs"))
    if name == "meta":
        key = found.get("property") or found.get("name") or ""
        return "" if REPLACED_META.match(key) else None
    return "" if "canonical" in found.get("rel", "").split() else None


def _line_start(text, offset):
    """offset moved back over the indentation before it, when only that precedes it."""
    start = offset
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start if start == 0 or text[start - 1] == "\n" else offset


def _line_end(text, offset):
    """offset moved past the line break after it, when only spaces follow on the line."""
    end = offset
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] == "\n":
        return end + 1
    return offset


#: JSON-LD types that describe the post itself: the kit writes the page's one BlogPosting.
POSTING_TYPES = frozenset(
    ("Article", "BlogPosting", "NewsArticle", "TechArticle", "SocialMediaPosting", "Report")
)
LD_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.I | re.S,
)


def is_posting(text):
    """True when a JSON-LD script's text describes a post (a posting type, also in @graph)."""
    try:
        data = json.loads(text)
    except ValueError:
        return False
    items = data if isinstance(data, list) else [data]
    items += [node for item in items if isinstance(item, dict) for node in _graph(item)]
    for item in items:
        kinds = item.get("@type") if isinstance(item, dict) else None
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind in POSTING_TYPES for kind in kinds):
            return True
    return False


def _graph(item):
    graph = item.get("@graph")
    return graph if isinstance(graph, list) else []


def drop_their_postings(text, content_html):
    """text without the theme's own post JSON-LD (the kit's meta piece writes the page's one);
    a script inside the post's own text is the author's and stays."""

    def keep(match):
        whole = match.group(0)
        if whole in (content_html or "") or not is_posting(match.group(1)):
            return whole
        return ""

    return LD_SCRIPT.sub(keep, text)
