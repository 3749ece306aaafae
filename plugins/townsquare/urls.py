"""URL tests the kit's plugins share (one definition, so a fix reaches every setting)."""

import ipaddress
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


def is_loopback_host(host):
    """True for localhost and the 127.0.0.0/8 and ::1 addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_fetchable(url):
    """True when the build may fetch url: https with a host, or plain http on loopback only
    (tests and a self-hoster's staging server); never an address with a user name."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return False
    if not host or parts.username or parts.password:
        return False
    scheme = parts.scheme.lower()
    return scheme == "https" or (scheme == "http" and is_loopback_host(host))
