"""Every setting a plugin declares is documented in README.md (and the typo check knows it)."""

import importlib
import re

from conftest import ROOT
from pelican.plugins.townsquare_safebuild.typos import setting_names

PLUGINS = (
    "safebuild",
    "social",
    "share",
    "comments",
    "feeds",
    "preview",
    "audit",
    "brand",
    "readnext",
    "replies",
)


def declared():
    names = set()
    for plugin in PLUGINS:
        names |= setting_names(
            importlib.import_module(f"pelican.plugins.townsquare_{plugin}.settings")
        )
    return names


def test_every_plugin_setting_is_in_the_readme():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    readme = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", readme))
    names = declared()
    assert len(names) > 60
    assert sorted(names - documented) == []
