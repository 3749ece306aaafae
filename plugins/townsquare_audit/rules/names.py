"""Accessible names of controls, computed the way assistive technology does (simplified)."""

from lxml import etree

BY_ID = etree.XPath("//*[@id=$ref]")


def accessible_name(page, element):
    """Return the accessible name of a link or button: aria-labelledby, aria-label, content,
    image alt or title — '' when it has none."""
    labelledby = (element.get("aria-labelledby") or "").split()
    if labelledby:
        texts = []
        for ref in labelledby:
            found = BY_ID(page.root, ref=ref)
            if found:
                texts.append(" ".join("".join(found[0].itertext()).split()))
        if " ".join(texts).strip():
            return " ".join(texts).strip()
    label = (element.get("aria-label") or "").strip()
    if label:
        return label
    text = element.text  # each read of .text builds a new string: read it once
    if text and not text.isspace() and not len(element):  # plain text: the usual
        return " ".join(text.split())
    text = visible_text(element)
    if text:
        return text
    return (element.get("title") or "").strip()


def has_own_text(element):
    """True when the element's own text (before or between its children) is not blank: its
    accessible name then cannot be empty, since visible_text() always includes that text."""
    text = element.text  # each read of .text (or .tail) builds a new string: read it once
    if text and not text.isspace():
        return True
    for child in element:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def visible_text(element):
    """Text content excluding aria-hidden subtrees, plus alt text of images.

    Recursive: libxml2 never builds a tree deeper than 256 levels (see parse.py)."""
    parts = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.get("aria-hidden") != "true":
                if child.tag == "img" and child.get("alt"):
                    parts.append(child.get("alt"))
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join(" ".join(parts).split())
