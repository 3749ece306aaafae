"""URL helpers shared by the rules: absoluteness, normalisation for comparison, site paths."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})


def is_absolute(url):
    """True for an absolute http(s) URL."""
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_local(url):
    """True when url points at this machine (localhost, 127.0.0.1, ...)."""
    host = (urlsplit(url or "").hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost")


def origin(url):
    """Return scheme://host[:port] of an absolute URL, lower-cased, default port dropped."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and port != DEFAULT_PORTS.get(parts.scheme):
        host = f"{host}:{port}"
    return f"{parts.scheme.lower()}://{host}"


def normalize(url):
    """Normalise a page URL for comparison: no fragment, no utm_* params, index.html == /."""
    parts = urlsplit(url.strip())
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
    return normalize(a) == normalize(b)


def site_path(url, page_url, site_origin):
    """Return the site-relative file path url names, or None when it is on another site."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        if not site_origin or origin(url) != site_origin:
            return None
        path = parts.path
    elif parts.path.startswith("/"):
        path = parts.path
    else:  # relative to the page itself
        base = urlsplit(page_url).path if page_url else "/"
        path = base.rsplit("/", 1)[0] + "/" + parts.path
    path = path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path
