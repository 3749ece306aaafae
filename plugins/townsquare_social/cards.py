"""Social card cache: a card is named by a hash of everything that shapes it, drawn only once.

The cache folder lives outside the output (default ``.cache/social-cards``); the build copies a
cached card into ``<output>/<SOCIAL_CARD_PATH>/<hash>.png``. Next to each card the cache keeps
the sha256 of its bytes (``<hash>.png.sha256``): a cached file that no longer matches (a disk
that filled up, a copy cut short) is drawn again instead of being published broken. Because the
file name is the hash, a changed title also changes the image URL, which makes social networks
fetch the new card.
"""

import functools
import hashlib
import io
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, features

from pelican.plugins.townsquare.untracked import cache_folder

from .geometry import HEIGHT, WIDTH

logger = logging.getLogger(__name__)

#: Bump when draw.py changes how a card looks, so every cached card is redrawn once.
CARD_VERSION = 4
BUNDLED_FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class CardSpec:
    """Everything drawn on one card."""

    title: str
    site_name: str
    byline: str
    colours: dict
    font: str
    font_bold: str
    logo: str = ""
    title_font: str = ""  # the title's font ('' = font_bold)
    photo: str = ""  # the author's photo file, drawn round
    role: str = ""  # the author's role, under the byline


def _file_digest(path, _memo={}):  # noqa: B006 - deliberate per-process memo of font hashes
    """sha256 of a file's bytes, remembered per path and mtime (fonts are large)."""
    stat = os.stat(path)
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _memo:
        _memo[key] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return _memo[key]


@functools.lru_cache(maxsize=1)
def _raqm():
    """Whether Pillow shapes text with libraqm (asked once: a feature check per card cost
    more than the rest of the card's key)."""
    return bool(features.check("raqm"))


def card_key(spec):
    """Return the sha256 of a card's inputs: text, colours, font and logo bytes, size, code."""
    inputs = asdict(spec)
    inputs["font"] = _file_digest(spec.font)
    inputs["font_bold"] = _file_digest(spec.font_bold)
    for name in ("logo", "title_font", "photo"):
        inputs[name] = _file_digest(getattr(spec, name)) if getattr(spec, name) else ""
    inputs["size"] = [WIDTH, HEIGHT]
    inputs["version"] = CARD_VERSION
    # Right-to-left text shapes differently with and without libraqm.
    inputs["raqm"] = _raqm()
    blob = json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _digest_file(cached):
    return cached.with_name(cached.name + ".sha256")


def _write_digest(cached, data):
    """Store the sha256 of a card's bytes next to it (written before the card itself)."""
    _digest_file(cached).write_text(hashlib.sha256(data).hexdigest() + "\n", encoding="ascii")


def _decodes(data):
    """True when data is a whole PNG of the card's size (for caches written before digests)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return image.format == "PNG" and image.size == (WIDTH, HEIGHT)
    except (OSError, SyntaxError, ValueError):
        return False


def _verified(cached):
    """The bytes of a cached card when they are intact, else None (so the card is redrawn)."""
    try:
        data = cached.read_bytes()
    except OSError:
        return None
    try:
        stored = _digest_file(cached).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        stored = None
    if stored == hashlib.sha256(data).hexdigest():
        return data
    if stored is None and _decodes(data):
        _write_digest(cached, data)
        return data
    logger.warning("social: cached card %s is damaged; drawing it again", cached)
    return None


class CardMaker:
    """Per build: hand out card URLs, drawing on cache misses and copying cached files."""

    def __init__(self, cache_dir, output_dir, url_prefix):
        self.cache_dir = Path(cache_dir)
        self.output_dir = Path(output_dir)
        self.url_prefix = url_prefix.rstrip("/")
        self.drawn = 0
        self.reused = 0
        self._done = {}

    def card(self, spec):
        """Return the absolute URL of the card for spec, making sure the file is in the output."""
        key = card_key(spec)
        if key in self._done:
            return self._done[key]
        name = f"{key[:20]}.png"
        cached = self.cache_dir / name
        data = _verified(cached)
        if data is not None:
            self.reused += 1
        else:
            data = self._draw_into_cache(spec, cached)
            self.drawn += 1
        self.output_dir.mkdir(parents=True, exist_ok=True)
        (self.output_dir / name).write_bytes(data)
        self._done[key] = f"{self.url_prefix}/{name}"
        return self._done[key]

    def _draw_into_cache(self, spec, cached):
        # Draw into a temporary file and rename: an interrupted build never leaves half a PNG
        # in the cache that a later build would trust.
        cache_folder(self.cache_dir)
        handle, temporary = tempfile.mkstemp(suffix=".png", dir=self.cache_dir)
        os.close(handle)
        try:
            from .draw import draw_card  # Pillow's drawing modules: only for a new card

            draw_card(spec, temporary)
            data = Path(temporary).read_bytes()
            _write_digest(cached, data)
            os.replace(temporary, cached)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return data

    def report(self):
        """Log how many cards were drawn and how many came from the cache."""
        if self.drawn or self.reused:
            logger.info(
                "social: %d social card(s) drawn, %d reused from %s",
                self.drawn,
                self.reused,
                self.cache_dir,
            )
