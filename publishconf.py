"""Production settings: pelicanconf.py plus the public SITEURL; refuses a localhost URL."""

import os
import sys

# Pelican loads this file by path, so its folder is not importable by default.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

PLACEHOLDER_SITEURL = "https://blog.example.com"

SITEURL = os.environ.get("SITEURL", PLACEHOLDER_SITEURL).strip().rstrip("/")
RELATIVE_URLS = False
PUBLISH = True
DELETE_OUTPUT_DIRECTORY = True


def _check_siteurl(url):
    """Return an error message when url cannot be a public site address, else None."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not url:
        return "SITEURL is empty"
    if parts.scheme not in ("http", "https") or not host:
        return f"SITEURL {url!r} is not an absolute http(s) URL"
    if host in ("localhost", "127.0.0.1", "0.0.0.0", "::1") or host.endswith(".localhost"):
        return f"SITEURL {url!r} points at this machine"
    return None


_problem = _check_siteurl(SITEURL)
if _problem:
    raise SystemExit(
        f"townsquare: publishconf.py: {_problem}; a published site needs its public address. "
        "Fix: run `SITEURL=https://your.domain make publish` (or set SITEURL in your CI)."
    )
