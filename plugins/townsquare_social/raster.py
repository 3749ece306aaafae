"""Can an image file be a link preview's og:image? Its size and type, or the real reason not.

Browsers show more than link-preview crawlers do: an SVG diagram, an AVIF photo, a PNG whose
ancillary chunk (tEXt, iTXt...) carries a wrong checksum, as some drawing tools export them.
None of these stops a build: the page shows them, and og:image falls back to the next
candidate (the drawn card, the default image). PNG chunks are read here, without Pillow,
because Pillow refuses a whole file for a bad ancillary checksum.
"""

import io
import struct
import zlib

from PIL import Image

from pelican.plugins.townsquare.files import read_regular

#: What link previews show: Pillow format name -> MIME type.
PREVIEW_FORMATS = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
PREVIEW_NAMES = "PNG, JPEG, WebP or GIF"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
VECTOR_SUFFIXES = (".svg", ".svgz")


class NotPreviewable(ValueError):
    """The image exists (browsers may show it) but cannot be og:image; str() says why."""


def probe(path):
    """(width, height, MIME type) of an image a link preview can show; NotPreviewable if not.

    A missing file raises FileNotFoundError (the caller names the path and the fix).
    """
    data = read_regular(path)  # never a FIFO or a device; a sane size
    head = data[:512].lstrip().lower()
    if b"<svg" in head or head.startswith(b"<?xml") or str(path).lower().endswith(VECTOR_SUFFIXES):
        raise NotPreviewable(f"is an SVG drawing; link previews need {PREVIEW_NAMES}")
    if data.startswith(PNG_SIGNATURE):
        return _not_a_bomb(_png_size(data))
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, size = image.format, image.size
    except (OSError, SyntaxError, ValueError) as error:
        raise NotPreviewable(f"is not an image Pillow can read ({error})") from None
    if kind not in PREVIEW_FORMATS:
        raise NotPreviewable(f"is {kind}; link previews need {PREVIEW_NAMES}")
    return (*size, PREVIEW_FORMATS[kind])


def _not_a_bomb(found):
    """found, unless its pixels are more than Pillow would decode (read from the PNG header, so
    Pillow's own check at open never ran): Image.DecompressionBombError, as Pillow raises it."""
    width, height = found[0], found[1]
    if width * height > Image.MAX_IMAGE_PIXELS * 2:
        raise Image.DecompressionBombError(f"{width}x{height} pixels")
    return found


def check_url(url):
    """Raise NotPreviewable for an external image URL whose name says it is a vector drawing."""
    if url.split("?", 1)[0].split("#", 1)[0].lower().endswith(VECTOR_SUFFIXES):
        raise NotPreviewable(f"is an SVG drawing; link previews need {PREVIEW_NAMES}")


def _png_size(data):
    """IHDR's size, after checking every chunk's checksum (critical and ancillary alike)."""
    width = height = 0
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        body = data[offset + 8 : offset + 8 + length]
        stored = data[offset + 8 + length : offset + 12 + length]
        name = kind.decode("latin-1")
        if len(stored) < 4:
            raise NotPreviewable(f"is a truncated PNG (it ends inside its {name} chunk)")
        if zlib.crc32(body, zlib.crc32(kind)) != struct.unpack(">I", stored)[0]:
            if kind[:1].islower():  # ancillary: browsers skip it, crawlers and Pillow do not
                raise NotPreviewable(
                    f"is a PNG whose {name} chunk has a wrong checksum (some drawing tools "
                    "export it so); browsers show it, but Pillow and link-preview crawlers "
                    "refuse it — re-save it with any image editor to use it as a preview"
                )
            raise NotPreviewable(f"is a corrupt PNG (its {name} chunk fails its checksum)")
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        if kind == b"IEND":
            return width, height, "image/png"
        offset += 12 + length
    raise NotPreviewable("is a truncated PNG (no IEND chunk)")
