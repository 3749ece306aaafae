"""Parse a built page with beautifulsoup4 + lxml, keeping only the parts the rules look at.

Pages are mostly prose the rules never read. The filter below keeps <head>, links, buttons,
forms, scripts, iframes and every element that marks an interaction point or hides things,
each with its whole subtree; everything else is dropped at the top level, which keeps the tree
(and memory) small. It does not make parsing much faster: bs4 pays per parser event, kept or
not (measured: 2.96 ms vs 2.98 ms per article page; lxml alone 0.17 ms; see README, "Where the
time goes"). The attributes of <html> and <body> (lang, page-kind markers, opt-outs) are
recorded as the parser streams past them.
"""

import re

from bs4 import BeautifulSoup
from bs4.filter import ElementFilter

KEEP_TAGS = frozenset(
    {"head", "a", "button", "form", "script", "iframe", "template", "noscript", "title"}
)
#: Element ids and classes that comment providers and themes use for their areas.
COMMENT_IDS = frozenset({"comments", "disqus_thread", "isso-thread", "remark42", "cusdis_thread"})
COMMENT_CLASSES = frozenset({"giscus", "utterances", "comments", "comment-area"})
HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class InteractionFilter(ElementFilter):
    """Allow only the subtrees the audit rules need, and remember <html>/<body> attributes."""

    def __init__(self):
        super().__init__()
        self.html_attrs = {}
        self.body_attrs = {}
        self.counts = {"article": 0, "h1": 0}

    def allow_tag_creation(self, nsprefix, name, attrs):
        """Keep a top-level tag when some rule reads it (see the module docstring)."""
        attrs = attrs or {}
        if name in self.counts:
            self.counts[name] += 1
        if name == "html":
            self.html_attrs = dict(attrs)
            return False
        if name == "body":
            self.body_attrs = dict(attrs)
            return False
        if name in KEEP_TAGS:
            return True
        return _marks_something(attrs)

    def allow_string_creation(self, string):
        """Drop top-level text: only text inside kept elements matters."""
        return False


def _marks_something(attrs):
    """True for elements that mark an interaction point or hide what they contain."""
    for key, value in attrs.items():
        if key == "data-ts-kind":  # the theme's page-kind hint wraps the prose: never a reason
            continue
        if key.startswith(("data-ts-", "data-audit-ignore", "aria-hidden")) or key == "hidden":
            return True
        if key == "id" and value in COMMENT_IDS:
            return True
        if key == "class":
            classes = value.split() if isinstance(value, str) else value
            if COMMENT_CLASSES.intersection(classes):
                return True
        if key == "style" and HIDING_STYLE.search(value):
            return True
    return False


def parse(text):
    """Parse HTML text; return (soup, filter) where filter holds html/body attributes."""
    keep = InteractionFilter()
    soup = BeautifulSoup(text, "lxml", parse_only=keep)
    return soup, keep
