"""URL tests the kit's plugins share (one definition, so a fix reaches every setting)."""

from urllib.parse import urlsplit


def is_web_url(value):
    """True when value is an absolute http(s) URL with a host (the scheme in any letter case)."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a malformed IPv6 host
        return False
