"""Avatars fetched at build time, made small with Pillow and served from the site itself."""

import hashlib
import io
import logging
import os
from pathlib import Path

from PIL import Image

from .fetch import FetchError, get

logger = logging.getLogger(__name__)

SIZE = 96  # pixels: twice the 48 px the page shows
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096


class AvatarStore:
    """Hands out the site's own URL for a remote avatar (or "" when none can be had)."""

    def __init__(self, cache_dir, output_dir, url_prefix, timeout, online):
        self.cache_dir = Path(cache_dir) / "avatars"
        self.output_dir = Path(output_dir)
        self.url_prefix = url_prefix.rstrip("/")
        self.timeout = timeout
        self.online = online
        self.failed = 0
        self._done = {}

    def local(self, url):
        """The site's URL of url's avatar, fetched (or cached) and written into the output."""
        if not url:
            return ""
        if url not in self._done:
            self._done[url] = self._copy(url)
        return self._done[url]

    def _copy(self, url):
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20] + ".png"
        cached = self.cache_dir / name
        if not cached.is_file() and self.online:
            try:
                self._fetch(url, cached)
            except (FetchError, OSError, ValueError, Image.DecompressionBombError) as error:
                self.failed += 1
                logger.debug("replies: avatar %s not used: %s", url, error)
        if not cached.is_file():
            return ""
        self.output_dir.mkdir(parents=True, exist_ok=True)
        (self.output_dir / name).write_bytes(cached.read_bytes())
        return f"{self.url_prefix}/{name}"

    def _fetch(self, url, cached):
        data = get(url, self.timeout, MAX_BYTES)
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValueError("image too large")
            image = image.convert("RGBA")
            image.thumbnail((SIZE, SIZE))
            square = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
            square.paste(image, ((SIZE - image.width) // 2, (SIZE - image.height) // 2))
            buffer = io.BytesIO()
            square.save(buffer, "PNG", optimize=True)
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".part")
        temporary.write_bytes(buffer.getvalue())
        os.replace(temporary, cached)
