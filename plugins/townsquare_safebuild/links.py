"""Keep a post's root-relative links inside the site when SITEURL has a path.

``[who I am](/about.html)`` works at ``https://example.net`` but at a project address
(``https://user.github.io/blog``) the browser goes to ``https://user.github.io/about.html``,
outside the site. Images are rewritten to ``{static}`` (images.py); links get the SITEURL's
path put in front of them as each post is read, so ``/about.html`` becomes
``/blog/about.html``. A link that already starts with the path, a protocol-relative ``//host``
link and every relative or absolute link are left alone. A leader's own link never loses its
query or fragment.
"""

import re
from html import escape, unescape
from urllib.parse import urlsplit

from .source import checked_path

#: The href of every <a> and <area> in a post's HTML (quoted or bare).
HREF = re.compile(
    r"""(?P<head><(?:a|area)\b[^>]*?\shref\s*=\s*)"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""",
    re.IGNORECASE,
)


def site_path(settings):
    """The path part of SITEURL without its trailing slash ('/blog'), '' for a root site."""
    return urlsplit(settings.get("SITEURL") or "").path.rstrip("/")


def under_site(href, prefix):
    """href with prefix in front when it is root-relative and not under prefix yet, else None."""
    if not href.startswith("/") or href.startswith("//"):
        return None
    if href == prefix or href.startswith((f"{prefix}/", f"{prefix}?", f"{prefix}#")):
        return None
    return prefix + href


def anchor_root_links(content):
    """content_object_init receiver: put SITEURL's path in front of root-relative links."""
    html = getattr(content, "_content", None)
    if checked_path(content) is None or not html or "href" not in html.lower():
        return
    prefix = site_path(content.settings)
    if not prefix:
        return

    def replace(match):
        href = unescape(next(match[g] for g in ("dq", "sq", "bare") if match[g] is not None))
        fixed = under_site(href.strip(), prefix)
        return match[0] if fixed is None else f'{match["head"]}"{escape(fixed)}"'

    content._content = HREF.sub(replace, html)
