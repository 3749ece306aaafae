"""Production settings: pelicanconf.py plus the public SITEURL; refuses a localhost URL."""

import os
import sys

# Pelican loads this file by path, so its folder is not importable by default.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

# The public address comes from the environment (`SITEURL=https://your.domain make publish`,
# or the CI's Pages address). The kit refuses an empty or local one, naming SITEURL.
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
RELATIVE_URLS = False
PUBLISH = True
DELETE_OUTPUT_DIRECTORY = True
