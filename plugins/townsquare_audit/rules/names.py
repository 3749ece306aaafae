"""Accessible names of controls, computed the way assistive technology does (simplified)."""


def accessible_name(page, element):
    """Return the accessible name of a link or button: aria-labelledby, aria-label, content,
    image alt or title — '' when it has none."""
    labelledby = (element.get("aria-labelledby") or "").split()
    if labelledby:
        texts = []
        for ref in labelledby:
            target = page.soup.find(id=ref)
            if target is not None:
                texts.append(target.get_text(" ", strip=True))
            elif f'id="{ref}"' in page.text:
                texts.append(ref)  # the label exists outside what the audit parses
        if " ".join(texts).strip():
            return " ".join(texts).strip()
    label = (element.get("aria-label") or "").strip()
    if label:
        return label
    text = _visible_text(element)
    if text:
        return text
    return (element.get("title") or "").strip()


def _visible_text(element):
    """Text content excluding aria-hidden subtrees, plus alt text of images."""
    parts = []
    for node in element.descendants:
        if getattr(node, "name", None) is None:
            if not any(p.get("aria-hidden") == "true" for p in node.parents if p.name):
                parts.append(str(node))
        elif node.name == "img" and node.get("alt"):
            parts.append(node["alt"])
    return " ".join(" ".join(parts).split())
