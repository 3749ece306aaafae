"""Where an identity image lives: the content folder, the theme's static folder, or a URL."""

import os
from urllib.parse import urlsplit

from pelican.plugins.townsquare.assets import in_content, in_theme
from pelican.plugins.townsquare.urls import is_web_url

IMAGE_TYPES = {
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


def path_problem(value, settings):
    """Why value cannot be used as an image path (None when it can)."""
    if not isinstance(value, str) or not value.strip():
        return "is not a path or URL"
    if is_web_url(value):
        return None
    if value.startswith("/") or ".." in value.split("/"):
        return "must be relative to the content folder (no leading '/' or '..')"
    if os.path.splitext(value)[1].lower() not in IMAGE_TYPES:
        return f"is not an image ({', '.join(IMAGE_TYPES)})"
    if in_content(value, settings) or in_theme(value, settings):
        return None
    return "no such file in a STATIC_PATHS folder of the content, nor in the theme's static folder"


def mime_of(value):
    """The MIME type browsers need on <link rel=icon> for value's extension."""
    path = urlsplit(value).path if value else ""
    return IMAGE_TYPES.get(os.path.splitext(path)[1].lower(), "image/png")
