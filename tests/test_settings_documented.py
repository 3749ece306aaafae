"""Every setting a plugin declares is explained in docs/ (and the typo check knows it).

The generated reference (docs/settings.md, built from the declarations) is checked against a
real docs build in test_docs.py; here the hand-written explanations are checked: each declared
setting is described on a topic page, not only listed by the generator.
"""

import importlib
import importlib.util
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
DOCS = ROOT / "docs"


def declared():
    """Every setting name the plugins declare, as the settings-typo check sees them."""
    names = set()
    for plugin in PLUGINS:
        names |= setting_names(
            importlib.import_module(f"pelican.plugins.townsquare_{plugin}.settings")
        )
    return names


def reference_extension():
    """The docs' settings_reference extension, imported from docs/_ext."""
    path = DOCS / "_ext" / "settings_reference.py"
    spec = importlib.util.spec_from_file_location("settings_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_plugin_setting_is_explained_on_a_topic_page():
    pages = [p for p in DOCS.glob("*.md") if p.name != "settings.md"]
    documented = set()
    for page in pages:
        documented |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", page.read_text(encoding="utf-8")))
    names = declared()
    assert len(names) > 60
    assert sorted(names - documented) == []


def test_the_reference_reads_every_plugin_and_links_its_topic_page():
    extension = reference_extension()
    assert extension.plugin_names() == sorted(f"townsquare_{p}" for p in PLUGINS)
    assert sorted(extension.TOPICS) == extension.plugin_names()
    for page, _title in extension.TOPICS.values():
        assert (DOCS / f"{page}.md").is_file(), page
    generated = {
        row.name for plugin in extension.plugin_names() for row in extension.plugin_rows(plugin)
    }
    assert generated == declared()


def test_the_reference_shows_declared_defaults_and_allowed_values():
    extension = reference_extension()
    rows = {row.name: row for row in extension.plugin_rows("townsquare_share")}
    assert rows["SHARE_POSITION"] == extension.Row(
        "SHARE_POSITION", "'after'", "'after' | 'before' | 'both'"
    )
    comments = {row.name: row for row in extension.plugin_rows("townsquare_comments")}
    assert comments["COMMENTS_GISCUS_REPO_ID"] == extension.Row(
        "COMMENTS_GISCUS_REPO_ID", "none", "required when COMMENTS_PROVIDER = 'giscus'"
    )
    assert comments["COMMENTS_CUSDIS_HOST"].default == "'https://cusdis.com'"
