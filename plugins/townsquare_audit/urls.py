"""URL helpers shared by the rules: absoluteness, normalisation for comparison, site paths.

Every URL comes from a page, so any of them may be malformed (``http://localhost:PORT/``, a bad
IPv6 literal): the helpers treat those as "not a usable URL" instead of raising.
"""

import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
#: An absolute http(s) URL with a plain host name and no port, user or odd character before
#: its path: urlsplit() would find the scheme and host, and never raise, on any such URL.
PLAIN_ABSOLUTE = re.compile(r"https?://[a-z0-9.-]+(?:[/?#]|\Z)")
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})


@lru_cache(maxsize=8192)  # the same URLs (navigation, feeds, the site's) recur on every page
def split(url):
    """urlsplit(url), or None when the URL is malformed (bad IPv6 literal, bad port...)."""
    try:
        parts = urlsplit((url or "").strip())
        parts.port  # noqa: B018 - raises ValueError for a non-numeric or out-of-range port
    except ValueError:
        return None
    return parts


def is_absolute(url):
    """True for a well-formed absolute http(s) URL."""
    if url and PLAIN_ABSOLUTE.match(url):
        return True  # what urlsplit would say, without it (pages' own URLs never repeat)
    parts = split(url)
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)


def host(url):
    """The lower-cased host name of url ('' when there is none or the URL is malformed)."""
    parts = split(url)
    return (parts.hostname or "").lower() if parts else ""


def is_local(url):
    """True when url points at this machine (localhost, 127.0.0.1, ...)."""
    name = host(url)
    return name in LOCAL_HOSTS or name.endswith(".localhost")


@lru_cache(maxsize=8192)
def origin(url):
    """Return scheme://host[:port] of an absolute URL, lower-cased, default port dropped."""
    parts = split(url)
    if parts is None:
        return ""
    name = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(parts.scheme.lower()):
        name = f"{name}:{parts.port}"
    return f"{parts.scheme.lower()}://{name}"


def base_path(url):
    """The path of a site's base URL without its trailing slash: '/blog', or ''."""
    parts = split(url)
    return parts.path.rstrip("/") if parts else ""


@lru_cache(maxsize=8192)
def normalize(url):
    """Normalise a page URL for comparison: no fragment, no utm_* params, index.html == /."""
    parts = split(url)
    if parts is None:
        return url.strip()
    path = parts.path or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith("utm_")
    ]
    base = origin(url) if parts.scheme else ""
    return base + urlunsplit(("", "", path, urlencode(query), ""))


def same_page(a, b):
    """True when two URLs name the same page once normalised."""
    return a == b or normalize(a) == normalize(b)


def remove_dot_segments(path):
    """Resolve '.' and '..' in an absolute URL path as browsers do (never above '/')."""
    out = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if path.endswith(("/.", "/..")):
        out.append("")
    return "/" + "/".join(out)


def site_path(url, page_rel, site_origin, prefix=""):
    """Return the site-relative file path url names, or None when it is not in this site.

    page_rel is the page's path in the site folder (relative URLs resolve against it); prefix
    is the site's base path ('/blog' for https://host/blog), stripped from the URL's path. A
    URL's '..' segments never climb above the site's root, and percent-escapes are decoded
    before that, so no URL names a file outside the site folder.
    """
    fixed, path = _fixed_path(url, site_origin, prefix)
    if fixed:
        return path
    parts = split(url)
    if not parts.path:
        return page_rel  # "", "?x" or "#x": this very page
    return _in_site(f"{prefix}/{page_rel}".rsplit("/", 1)[0] + "/" + parts.path, prefix)


@lru_cache(maxsize=8192)  # feeds, images, navigation: the same URLs on every page
def _fixed_path(url, site_origin, prefix):
    """(True, site_path()) for a URL that names the same file from every page (absolute or
    root-relative; not in the site or malformed: None), else (False, None)."""
    parts = split(url)
    if parts is None or (parts.scheme and parts.scheme.lower() not in ("http", "https")):
        return True, None
    if not (parts.netloc or parts.path.startswith("/")):
        return False, None
    if parts.netloc:
        if not site_origin or origin(url) != site_origin:
            return True, None
        path = parts.path or "/"
    else:
        path = parts.path
    return True, _in_site(path, prefix)


def _in_site(path, prefix):
    """The site-relative file path of an absolute URL path (None when outside the site)."""
    path = remove_dot_segments(unquote(path))
    if prefix:
        if path != prefix and not path.startswith(prefix + "/"):
            return None  # another site on the same host (e.g. another project's pages)
        path = path[len(prefix) :] or "/"
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path
