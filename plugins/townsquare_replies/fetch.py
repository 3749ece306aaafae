"""Fetch JSON and images over HTTP(S) with a timeout and a size limit (standard library only)."""

import json
import os
import urllib.error
import urllib.request

from .sources import allowed_base

#: The most a reply thread's JSON or an avatar may weigh.
MAX_BYTES = 8 * 1024 * 1024
USER_AGENT = "townsquare-replies (+static site build)"


class FetchError(Exception):
    """A request that did not give a usable answer; the message says which and why."""


def offline():
    """True when TOWNSQUARE_OFFLINE asks the build not to use the network."""
    return os.environ.get("TOWNSQUARE_OFFLINE", "").strip().lower() not in ("", "0", "false", "no")


def get(url, timeout, limit=MAX_BYTES):
    """The body of url (bytes); FetchError on a refused address, HTTP error or oversize body."""
    if not allowed_base(url):
        raise FetchError(f"{url}: not an https:// address (http only on loopback)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = response.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url}: {reason}") from None
    if len(body) > limit:
        raise FetchError(f"{url}: larger than {limit // 1024} KiB")
    return body


def get_json(url, timeout):
    """The JSON document at url; FetchError when it is not JSON (bad bytes are replaced)."""
    body = get(url, timeout)
    try:
        return json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        raise FetchError(f"{url}: the answer is not JSON") from None


class _NoRedirectToElsewhere(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address the plugin would fetch itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not allowed_base(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# No proxies from the environment: a build machine's proxy settings should not decide which
# host is asked for a thread (and loopback test servers must be reached directly).
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirectToElsewhere)
