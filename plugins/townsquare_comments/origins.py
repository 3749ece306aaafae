"""Origins and CSP sources, parsed and rebuilt so that no input can add to the policy.

Every address that ends up in `_headers` goes through `parse_origin`: the value is split into
scheme, host and port, each part is checked on its own (scheme from a short list, host as
DNS labels, IPv4 or a bracketed IPv6 address, port as a number) and the origin is written
back from those parts alone. Whatever else the input held (a path, `;`, a space, a newline,
a quote) is either dropped with the path or refused, never copied into the header.
"""

import ipaddress
import re
from urllib.parse import urlsplit

#: Characters never allowed anywhere in an address we accept (controls, spaces, CSP and
#: header delimiters, quotes, markup).
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029;,'\"<>\\`{}|^]")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
#: CSP keywords and scheme sources a user may add in COMMENTS_CSP_EXTRA.
KEYWORDS = ("'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'")
SCHEME_SOURCES = ("data:", "blob:", "https:")
_HASH = re.compile(r"'sha(?:256|384|512)-[A-Za-z0-9+/]{22,86}={0,2}'")


class OriginError(ValueError):
    """An address that is not a plain scheme://host[:port] origin (the message says why)."""


def _host(raw, wildcard):
    """The host of an origin in the form CSP expects, or OriginError."""
    if raw.startswith("["):
        try:
            address = ipaddress.IPv6Address(raw[1:-1] if raw.endswith("]") else "x")
        except ValueError:
            raise OriginError(f"{raw!r} is not an IPv6 address") from None
        if address.scope_id:
            raise OriginError(f"{raw!r} has a zone index; write the address only")
        return f"[{address.compressed}]"
    star = wildcard and raw.startswith("*.")
    name = raw[2:] if star else raw
    try:
        ascii_name = name.encode("idna").decode("ascii").lower().removesuffix(".")
    except UnicodeError:
        raise OriginError(f"host {raw!r} is not a valid domain name") from None
    labels = ascii_name.split(".")
    if not all(_LABEL.fullmatch(label) for label in labels) or len(ascii_name) > 253:
        raise OriginError(f"host {raw!r} is not a valid domain name")
    if labels[-1].isdigit():
        try:
            ascii_name = str(ipaddress.IPv4Address(ascii_name))
        except ValueError:
            raise OriginError(f"host {raw!r} is not a valid IPv4 address") from None
    if star and _too_wide(labels):
        raise OriginError(
            f"wildcard {raw!r} covers every site under a top-level or public domain; "
            "list the origins you need, like https://cdn.example.com"
        )
    return ("*." if star else "") + ascii_name


#: Second-level labels that registries sell names under (co.uk, com.au, org.br ...).
_PUBLIC_SECOND_LEVEL = frozenset(("ac", "co", "com", "edu", "gov", "ne", "net", "or", "org"))


def _too_wide(labels):
    """True when *.<labels> would match any registered name: *.com, *.co.uk, *.github.io-like
    single labels; a wildcard needs a domain someone owns under it."""
    if len(labels) < 2:
        return True
    return len(labels) == 2 and len(labels[1]) == 2 and labels[0] in _PUBLIC_SECOND_LEVEL


def split_url(value, schemes=("https", "http"), wildcard=False):
    """(origin, path) of an absolute URL, the origin rebuilt from its parts; or OriginError."""
    if not isinstance(value, str):
        raise OriginError(f"must be text, not {type(value).__name__}")
    bad = _FORBIDDEN.search(value)
    if bad:
        raise OriginError(
            f"contains {bad.group()!r} — write a plain URL like https://host.example"
        )
    try:
        parts = urlsplit(value)
    except ValueError as error:
        raise OriginError(str(error)) from None
    scheme = parts.scheme.lower()
    if scheme not in schemes or not value[len(scheme) :].startswith("://"):
        raise OriginError(f"must start with {' or '.join(s + '://' for s in schemes)}")
    if "?" in value or "#" in value:
        raise OriginError("must not have a ?query or #fragment")
    netloc = parts.netloc
    if "@" in netloc:
        raise OriginError("must not contain a user name or password (no '@')")
    if netloc.startswith("["):
        end = netloc.find("]") + 1
        host, rest = netloc[:end], netloc[end:]
    else:
        host, colon, port = netloc.partition(":")
        rest = colon + port
    port = rest.removeprefix(":")
    if rest and (rest[0] != ":" or not port.isdigit() or not 0 < int(port) < 65536):
        raise OriginError(f"port {port!r} is not a number from 1 to 65535")
    if not host:
        raise OriginError("has no host")
    origin = f"{scheme}://{_host(host, wildcard)}" + (f":{int(port)}" if port else "")
    return origin, parts.path


def parse_origin(value, schemes=("https", "http"), wildcard=False):
    """The origin scheme://host[:port] of an absolute http(s) URL, or OriginError."""
    return split_url(value, schemes, wildcard)[0]


def origin_of_address(value, schemes=("https", "http")):
    """The origin of an address that may carry a ?query or #fragment (a form's action, an
    image's src): only the origin goes into a policy. OriginError as parse_origin."""
    return parse_origin(value.split("?", 1)[0].split("#", 1)[0], schemes)


def parse_source(value):
    """A CSP source a user may list: an origin, a keyword, a scheme source or a hash."""
    if not isinstance(value, str):
        raise OriginError(f"must be text, not {type(value).__name__}")
    if value in KEYWORDS or value in SCHEME_SOURCES or _HASH.fullmatch(value):
        return value
    if "://" not in value:
        raise OriginError(
            f"is not an origin like https://cdn.example, a keyword ({', '.join(KEYWORDS)}), "
            f"{', '.join(SCHEME_SOURCES)} or a 'sha256-...' hash"
        )
    origin, path = split_url(value, wildcard=True)
    if path not in ("", "/"):
        raise OriginError(f"has a path ({path!r}) — list the origin only, like {origin}")
    return origin
