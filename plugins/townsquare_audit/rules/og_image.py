"""og-image: the preview image exists, decodes, is a format platforms accept, and is big enough."""

from ..finding import ERROR, WARNING
from ..kinds import CONTENT_KINDS
from .base import Rule

ACCEPTED = frozenset({"PNG", "JPEG", "WEBP", "GIF"})
MIN_SIZE = (1200, 630)
#: Pixels of height below MIN_SIZE still accepted: 1200x628 is the 1.91:1 card too.
HEIGHT_TOLERANCE = 4
MAX_BYTES = 5 * 1024 * 1024


class OgImage(Rule):
    """og:image resolves (or is external), decodes, is PNG/JPEG/WebP/GIF, >= 1200x630, <= 5 MB."""

    id = "og-image"
    description = (
        "og:image resolves, decodes, is PNG/JPEG/WebP/GIF, at least 1200x630 and at most 5 MB"
    )
    hint = "point og:image at a 1200x630 PNG or JPEG in the site"
    kit_hint = "point og:image at a 1200x630 PNG or JPEG in the site (townsquare_social draws one)"
    kinds = CONTENT_KINDS

    def check(self, page):
        url = page.meta("og:image")
        if not url:
            return  # og-core reports it
        path = page.resolve(url)
        if path is None:
            return  # on another site: not fetched, no network during an audit
        info = page.site.files.image(path)
        for message, severity in _problems(url, info):
            yield self.finding(page, page.line_of(url), message, severity)
        if info is None or info.problem or info.format not in ACCEPTED:
            return
        width, height = info.size
        declared = (page.meta("og:image:width"), page.meta("og:image:height"))
        if all(declared) and declared != (str(width), str(height)):
            yield self.finding(
                page,
                page.line_of('property="og:image:width"'),
                f"og:image:width/height say {declared[0]}x{declared[1]} but the file is "
                f"{width}x{height}",
            )


def _problems(url, info):
    """(message, severity) for what is wrong with the image file itself (info None: missing)."""
    if info is None:
        yield f"og:image {url} does not resolve to a file in the site", ERROR
        return
    if info.problem:
        yield (
            f"og:image {url} is a broken {info.format} file ({info.problem}); "
            "platforms show no preview",
            ERROR,
        )
        return
    if info.format not in ACCEPTED:
        yield f"og:image {url} is {info.format}; platforms need PNG, JPEG, WebP or GIF", ERROR
        return
    if info.bytes > MAX_BYTES:
        yield f"og:image {url} is {info.bytes / 1048576:.1f} MB; the limit is 5 MB", ERROR
    width, height = info.size
    if width < MIN_SIZE[0] or height < MIN_SIZE[1] - HEIGHT_TOLERANCE:
        yield f"og:image {url} is {width}x{height}; 1200x630 or larger is recommended", WARNING
