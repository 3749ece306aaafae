"""The guest-content fixture blog (tests/fixtures/guest-content): a blog the kit was added to.

Its images are made here, not committed: JPEG covers, an SVG diagram, WebP/AVIF/GIF photos and
a PNG whose ancillary tEXt chunk has a wrong CRC (as draw.io exports can: browsers show it,
Pillow refuses it).
"""

import runpy
import shutil
import struct
import sys
import zlib

from conftest import FIXTURES, run_build
from PIL import Image

GUEST = FIXTURES / "guest-content"
PUBLIC = "https://harbour.example.net"
#: The fixture's PLUGINS: its local reST role plugin first, then the kit's plugins.
PLUGINS = runpy.run_path(str(GUEST / "pelicanconf.py"))["PLUGINS"]
COVERS = ("harbour-default", "tide-cover", "mooring-cover", "winter-cover", "preview-card")
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
    '<rect x="20" y="80" width="360" height="40" fill="#8899aa"/></svg>\n'
)


def png_with_bad_text_crc(path):
    """Write a PNG whose tEXt chunk carries a wrong CRC (the image data itself is intact)."""
    Image.new("RGB", (320, 160), "#335577").save(path, "PNG")
    data = path.read_bytes()
    payload = b"mxfile\x00<diagram>berths</diagram>"
    chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload
    crc = zlib.crc32(b"tEXt" + payload) ^ 0xFFFFFFFF  # deliberately wrong
    end = data.index(b"IEND") - 4
    path.write_bytes(data[:end] + chunk + struct.pack(">I", crc) + data[end:])


def make_images(folder):
    """Every image the fixture's posts and theme name, in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in COVERS:
        Image.new("RGB", (1200, 630), "#4a6f8a").save(folder / f"{name}.jpg", "JPEG")
    (folder / "pontoons.svg").write_text(SVG, encoding="utf-8")
    png_with_bad_text_crc(folder / "berths-drawio.png")
    photo = Image.new("RGB", (640, 360), "#c08040")
    photo.save(folder / "slipway.webp", "WEBP")
    photo.save(folder / "slipway.avif", "AVIF")
    photo.save(folder / "crane.gif", "GIF")


def guest_copy(root):
    """A writable copy of the fixture blog under root, its images made; returns its folder."""
    blog = root / "guest-blog"
    shutil.copytree(GUEST, blog)
    make_images(blog / "content" / "images")
    return blog


def build_guest(blog, output=None, **settings):
    """Build the copy at blog with its own pelicanconf.py (plus settings); returns the output."""
    paths = {
        "PATH": str(blog / "content"),
        "THEME": str(blog / "theme"),
        "PLUGIN_PATHS": [str(blog / "plugins")],
    }
    # Pelican registers a settings file in sys.modules under its name: put back whichever
    # "pelicanconf" was there, or other tests' publishconf.py would import this blog's.
    previous = sys.modules.get("pelicanconf")
    try:
        return run_build(
            output or blog / "output", blog / "pelicanconf.py", **{**paths, **settings}
        )
    finally:
        if previous is None:
            sys.modules.pop("pelicanconf", None)
        else:
            sys.modules["pelicanconf"] = previous


def with_plugins(*others):
    """The fixture's PLUGINS with others (e.g. PyPI plugins) loaded before the kit's."""
    return [PLUGINS[0], *others, *PLUGINS[1:]]
