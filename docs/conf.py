"""Sphinx configuration of Townsquare's documentation (`make docs`; MyST Markdown pages).

Every ``docs/*.md`` page is picked up by the glob in index.md's table of contents, so a new
topic is one new file. The settings reference is generated from the plugins' settings
declarations by ``_ext/settings_reference.py``; ``_ext/page_meta.py`` gives every page the
metadata and social card the kit's own audit asks for.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "Townsquare"
author = "the Townsquare authors"
copyright = "the Townsquare authors"

extensions = ["myst_parser", "settings_reference", "page_meta"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext", "README.md"]
root_doc = "index"

# Headings get anchors, so `[text](page.md#a-heading)` is checked at build time (-W).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = "Townsquare documentation"
html_show_sourcelink = False
html_copy_source = False
# The public address of the docs: the blog's SITEURL plus /docs/ (as the workflows publish it).
html_baseurl = os.environ.get("SITEURL", "http://127.0.0.1:8000").rstrip("/") + "/docs/"
html_theme_options = {"light_css_variables": {"color-brand-primary": "#0f766e"}}
language = "en"
