"""The last good copy of each conversation, so a build without network keeps its replies."""

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .model import Thread


def _key(url):
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


class ThreadCache:
    """Threads stored as JSON files under folder, one per syndicated copy's URL."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def load(self, url):
        """(fetched datetime, Thread) from the cache, or None when absent or unreadable."""
        path = self.folder / f"{_key(url)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fetched = datetime.fromisoformat(data["fetched"])
            return fetched, Thread.from_json(data["thread"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, thread):
        """Store thread as fetched now (written to a temporary file, then renamed)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"fetched": datetime.now(UTC).isoformat(), "thread": thread.to_json()}
        handle, temporary = tempfile.mkstemp(suffix=".json", dir=self.folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(temporary, self.folder / f"{_key(thread.url)}.json")
