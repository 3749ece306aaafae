"""The site's Content-Security-Policy, written as a Netlify / Cloudflare Pages `_headers` file.

Townsquare's theme needs nothing but its own origin (no inline code or styles), so the policy
starts strict and adds exactly: the comment provider's sources (from its class in
providers.py), the newsletter form's action (FEEDS_NEWSLETTER), the Mastodon servers the share
picker submits to (SHARE_MASTODON_INSTANCES), the origins of images that posts load from
elsewhere, and the sources the user lists in COMMENTS_CSP_EXTRA. Every origin is parsed and
rebuilt by origins.py, and `render_policy` refuses any source that is not a plain token.

A policy is written only when it can be known to fit the theme: the theme is Townsquare's own,
or the user declared what their theme needs with COMMENTS_CSP_EXTRA (even `{}`).
"""

import html
import os
import re

from pelican.plugins.townsquare.escaping import kit_theme_path

from .origins import OriginError, origin_of_address, parse_origin, parse_source

SELF = "'self'"
#: Directive order in the header (the fixed ones first, then what providers add).
ORDER = (
    "default-src",
    "script-src",
    "style-src",
    "img-src",
    "font-src",
    "media-src",
    "connect-src",
    "frame-src",
    "worker-src",
    "manifest-src",
    "form-action",
    "frame-ancestors",
    "base-uri",
    "object-src",
)
#: Directives COMMENTS_CSP_EXTRA may add sources to (not the ones that protect the site itself).
EXTRA_DIRECTIVES = ORDER[1:11]
_WEB = re.compile(r"https?://", re.I)
_IMG_SRC = re.compile(r"<img\b[^>]*?\ssrc=[\"'](https?://[^\"'\s>]+)", re.I)
#: What a rendered source may look like: a quoted keyword or hash, a scheme, an origin.
_TOKEN = re.compile(
    r"'[a-z-]+'|'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}'|[a-z]+:"
    r"|https?://(?:\*\.)?(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?"
)


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


def extra_problems(value):
    """Why a COMMENTS_CSP_EXTRA value is refused, or None."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return "must be None or a dict of directive -> list of sources"
    problems = []
    for directive, sources in value.items():
        if directive not in EXTRA_DIRECTIVES:
            problems.append(f"{directive!r} is not one of {', '.join(EXTRA_DIRECTIVES)}")
        elif not isinstance(sources, list | tuple):
            problems.append(f"{directive!r} must list its sources, like ['https://cdn.example']")
        else:
            for source in sources:
                try:
                    parse_source(source)
                except OriginError as error:
                    problems.append(f"{directive!r} source {source!r} {error}")
    return "; ".join(problems) or None


def policy_fits(settings):
    """True when the policy is known to fit: Townsquare's theme, or COMMENTS_CSP_EXTRA set."""
    if settings.get("COMMENTS_CSP_EXTRA") is not None:
        return True
    kit = kit_theme_path()
    theme = settings.get("THEME") or ""
    return bool(kit) and os.path.realpath(theme) == os.path.realpath(kit)


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
    # FEEDS_NEWSLETTER's form is drawn (and its action checked) by townsquare_feeds.
    newsletter = (
        settings.get("FEEDS_NEWSLETTER") if _loaded(settings, "townsquare_feeds") else None
    )
    # The feeds plugin resolves each provider's endpoint into FEEDS_NEWSLETTER_ACTION.
    action = settings.get("FEEDS_NEWSLETTER_ACTION") if newsletter else None
    if not action and isinstance(newsletter, dict):
        action = newsletter.get("action")
    if action:
        # form-action takes an origin; a query (Mailchimp's ?u=...&id=...) is not part of it.
        found.append(origin_of_address(action))
    # SHARE_MASTODON_INSTANCES is filled in by townsquare_share when it is loaded.
    if _loaded(settings, "townsquare_share"):
        hosts = settings.get("SHARE_MASTODON_INSTANCES") or ()
        found += [parse_origin(f"https://{host}", ("https",)) for host in hosts]
    return found


def image_origins(contents, settings, refuse):
    """Origins of the images pages load from elsewhere: <img> sources in the contents' HTML,
    each content's cover (Image: / its social image) and the site's logo, favicon and author
    photos (SITELOGO, FAVICON, AUTHORS_BIO photo) given as URLs.

    refuse(content, url, reason) is called for an address whose origin cannot be rebuilt
    (content is None for a setting)."""
    try:
        own = parse_origin(settings.get("SITEURL", ""))
    except OriginError:
        own = ""
    found = set()
    for content, url in _image_addresses(contents, settings):
        try:
            origin = origin_of_address(url)
        except OriginError as error:
            refuse(content, url, str(error))
            continue
        if origin != own:
            found.add(origin)
    return sorted(found)


def _image_addresses(contents, settings):
    """(content or None, absolute http(s) URL) of every image the kit's pages show."""
    for content in contents:
        for raw in _IMG_SRC.findall(getattr(content, "content", "") or ""):
            yield content, html.unescape(raw)
        for name in ("image", "social_image_url"):
            value = getattr(content, name, None)
            if isinstance(value, str) and _WEB.match(value.strip()):
                yield content, value.strip()
    photos = [e.get("photo") for e in (settings.get("AUTHORS_BIO") or {}).values()]
    for value in (settings.get("SITELOGO"), settings.get("FAVICON"), *photos):
        if isinstance(value, str) and _WEB.match(value.strip()):
            yield None, value.strip()


def build_policy(settings, provider_sources, images):
    """The policy as {directive: [sources]}: base, provider, forms, images, the user's extras."""
    policy = base_policy()
    for directive, sources in provider_sources.items():
        _add(policy, directive, sources)
    _add(policy, "form-action", form_origins(settings))
    _add(policy, "img-src", images)
    for directive, sources in (settings.get("COMMENTS_CSP_EXTRA") or {}).items():
        _add(policy, directive, [parse_source(source) for source in sources])
    return policy


def render_policy(policy):
    """The policy as one header value, directives in a fixed order; refuses any odd source."""
    names = sorted(policy, key=lambda name: (ORDER.index(name) if name in ORDER else 99, name))
    for name in names:
        odd = [s for s in policy[name] if not _TOKEN.fullmatch(s)]
        if name not in ORDER or odd:
            raise ValueError(f"comments: refusing to write {name} {odd!r} into _headers")
    return "; ".join(f"{name} {' '.join(policy[name])}" for name in names)


def headers_file(policy):
    """The `_headers` text: the policy (when there is one) and headers safe with any theme."""
    lines = ["# Written by the comments plugin (townsquare_comments/csp.py) on every build.", "/*"]
    if policy is not None:
        lines.append(f"  Content-Security-Policy: {render_policy(policy)}")
    lines += [
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
    ]
    return "\n".join(lines) + "\n"
