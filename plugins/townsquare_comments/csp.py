"""The site's Content-Security-Policy, written as a Netlify / Cloudflare Pages `_headers` file.

The theme needs nothing but its own origin (no inline code or styles), so the policy starts
strict and adds exactly: the comment provider's origins (from its class in providers.py),
the newsletter form's action (feeds plugin), the Mastodon servers the share picker's form
submits to (share plugin) and the origins of images that posts load from elsewhere.
"""

import re
from urllib.parse import urlsplit

from .providers import BY_NAME, origin

SELF = "'self'"
#: Directive order in the header (the fixed ones first, then what providers add).
ORDER = (
    "default-src",
    "script-src",
    "style-src",
    "img-src",
    "connect-src",
    "frame-src",
    "form-action",
    "frame-ancestors",
    "base-uri",
    "object-src",
)
_IMG_SRC = re.compile(r"<img\b[^>]*?\ssrc=[\"'](https?://[^\"'\s>]+)", re.I)


def base_policy():
    """The strict policy the theme passes on its own: same origin only, nothing inline."""
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    }


def _add(policy, directive, sources):
    # A directive we add replaces default-src for its kind, so keep 'self' in it.
    values = policy.setdefault(directive, [SELF])
    for source in sources:
        if source not in values:
            values.append(source)


def _loaded(settings, plugin):
    """True when the named Townsquare plugin is in this build's PLUGINS (short or full name)."""
    return any(str(p).rsplit(".", 1)[-1] == plugin for p in settings.get("PLUGINS") or ())


def form_origins(settings):
    """Origins forms on the site submit to: the newsletter and the Mastodon share picker."""
    found = []
    newsletter = settings.get("FEEDS_NEWSLETTER")
    if isinstance(newsletter, dict) and newsletter.get("action"):
        found.append(origin(newsletter["action"]))
    # SHARE_MASTODON_INSTANCES is filled in by townsquare_share when it is loaded.
    if _loaded(settings, "townsquare_share"):
        found += [f"https://{host}" for host in settings.get("SHARE_MASTODON_INSTANCES") or ()]
    return found


def image_origins(contents, siteurl):
    """Origins of <img> sources in the contents' HTML other than the site itself."""
    own = origin(siteurl) if urlsplit(siteurl).scheme else ""
    found = set()
    for content in contents:
        for src in _IMG_SRC.findall(getattr(content, "content", "") or ""):
            if origin(src) != own:
                found.add(origin(src))
    return sorted(found)


def build_policy(settings, contents, posts):
    """The policy as {directive: [sources]} for the site's contents and comment posts."""
    policy = base_policy()
    provider = BY_NAME.get(settings.get("COMMENTS_PROVIDER"))
    if provider is not None:
        for directive, sources in provider.origins(settings, posts).items():
            _add(policy, directive, sources)
    _add(policy, "form-action", form_origins(settings))
    _add(policy, "img-src", image_origins(contents, settings.get("SITEURL", "")))
    return policy


def render_policy(policy):
    """The policy as one header value, directives in a fixed order."""
    names = sorted(policy, key=lambda name: (ORDER.index(name) if name in ORDER else 99, name))
    return "; ".join(f"{name} {' '.join(policy[name])}" for name in names)


def headers_file(policy):
    """The `_headers` text: the policy and a few safe defaults for every path."""
    return (
        "# Written by the comments plugin (plugins/comments/csp.py) on every build.\n"
        "/*\n"
        f"  Content-Security-Policy: {render_policy(policy)}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
    )
