"""The list of posts a build published, for `townsquare syndicate` (written to the cache).

The command runs after the deploy, in the same job as the build: it reads this file instead of
reading the content again, so it posts exactly what was published, at its published address.
"""

import json
import os
import re
import tempfile

from markupsafe import Markup

NAME = "posts.json"


def _plain(value):
    text = Markup(str(value or "")).striptags() if value else ""
    return re.sub(r"\s+", " ", text).strip()


def entry(content, siteurl):
    """What syndication needs to know of one published post."""
    metadata = content.metadata
    return {
        "source": os.path.abspath(content.source_path),
        "url": f"{siteurl}/{content.url}",
        "title": _plain(getattr(content, "title", "")),
        "summary": _plain(getattr(content, "summary", "")),
        "image": getattr(content, "social_image_url", None) or "",
        "date": content.date.isoformat() if getattr(content, "date", None) else "",
        "syndicate": str(metadata.get("syndicate", "yes")).strip().lower(),
        "mastodon": str(metadata.get("mastodon") or ""),
        "bluesky": str(metadata.get("bluesky") or ""),
    }


def write(folder, entries):
    """Write the manifest into folder (a temporary file renamed, never half a file)."""
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".json", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"posts": entries}, out, ensure_ascii=False, indent=1)
    os.replace(temporary, os.path.join(folder, NAME))


def read(folder):
    """The posts of the last build's manifest in folder (OSError/ValueError when unreadable)."""
    with open(os.path.join(folder, NAME), encoding="utf-8") as handle:
        return json.load(handle)["posts"]
