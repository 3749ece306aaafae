"""Small helpers over lxml trees: a lock-free lazy property, children, text, visibility."""

import re

HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class lazy:
    """functools.cached_property without its lock (Python 3.11 takes an RLock on every first
    access, a measurable share of the audit's time); pages are used by one thread."""

    def __init__(self, function):
        self.function = function
        self.__doc__ = function.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


def child(element, tag):
    """The first child element with this tag, or None (plain iteration: lxml's find() runs
    an ElementPath query in Python)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def hidden(element):
    """True when the element or an ancestor is hidden from sighted readers."""
    node = element
    while node is not None:
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if HIDING_STYLE.search(node.get("style") or ""):
            return True
        node = node.getparent()
    return False


def text_of(element):
    """The element's text, stripped pieces joined by single spaces (bs4's get_text(" ", True))."""
    return " ".join(piece.strip() for piece in element.itertext() if piece.strip())
