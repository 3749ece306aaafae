"""JSON-LD objects (schema.org) and their safe serialisation into a <script> element."""

import json

from markupsafe import Markup

CONTEXT = "https://schema.org"
# Inside <script> the HTML parser only looks for "</script"; escaping every <, > and & as a
# JSON unicode escape makes any closing tag or comment opener impossible while JSON.parse
# (and every JSON-LD reader) still sees the exact original characters.
_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def dump(data):
    """Serialise data for a JSON-LD <script>: JSON with <, >, & escaped; safe to emit raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_ESCAPES))


def image_object(image):
    """schema.org ImageObject for a SocialImage (size only when known)."""
    if image is None:
        return None
    node = {"@type": "ImageObject", "url": image.url}
    if image.width:
        node.update(width=image.width, height=image.height)
    return node


def person(profile, url):
    """schema.org Person for an author with their page on this site and profile links."""
    node = {"@type": "Person", "name": profile.name, "url": url}
    if profile.links:
        node["sameAs"] = list(profile.links)
    return node


def publisher(info, logo):
    """schema.org Organization or Person that publishes the site."""
    node = {"@type": info["type"], "name": info["name"], "url": info["url"]}
    if logo is not None:
        node["logo" if info["type"] == "Organization" else "image"] = image_object(logo)
    if info.get("same_as"):
        node["sameAs"] = list(info["same_as"])
    return node


def breadcrumbs(trail):
    """schema.org BreadcrumbList from (name, url) pairs, home first."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }


def _with_image(node, image):
    if image is not None:
        node["image"] = image_object(image)
    return node


def blog_posting(meta, authors, publisher_node, in_language):
    """schema.org BlogPosting for an article's SocialMeta."""
    node = {
        "@context": CONTEXT,
        "@type": "BlogPosting",
        "headline": meta.title,
        "description": meta.description,
        "url": meta.canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical},
        "inLanguage": in_language,
        "author": authors,
        "publisher": publisher_node,
    }
    if meta.published:
        node.update(datePublished=meta.published, dateModified=meta.modified)
    if meta.section:
        node["articleSection"] = meta.section
    if meta.tags:
        node["keywords"] = list(meta.tags)
    return _with_image(node, meta.image)


def web_page(meta, page_type, website_url, in_language):
    """schema.org WebPage (or CollectionPage) for a page or listing SocialMeta."""
    node = {
        "@context": CONTEXT,
        "@type": page_type,
        "name": meta.title,
        "description": meta.description,
        "url": meta.canonical,
        "inLanguage": in_language,
        "isPartOf": {"@type": "WebSite", "name": meta.site_name, "url": website_url},
    }
    return _with_image(node, meta.image)


def website(meta, publisher_node, in_language):
    """schema.org WebSite for the home page."""
    node = {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": meta.site_name,
        "description": meta.description,
        "url": meta.canonical,
        "inLanguage": in_language,
        "publisher": publisher_node,
    }
    return _with_image(node, meta.image)


def standalone(node):
    """Give a nested node (the publisher) its own @context to emit it as a top-level block."""
    return {"@context": CONTEXT, **node}
