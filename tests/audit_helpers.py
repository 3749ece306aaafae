"""Helpers for the audit tests: run the real audit over fixture pages placed in a tiny site."""

import re
import shutil
from pathlib import Path

from pelican.plugins.townsquare_audit.runner import Options, audit_pages

AUDIT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "audit"
#: A complete article page that every rule passes, in both modes (the shared passing case).
COMPLETE_PAGE = AUDIT_FIXTURES / "complete.html"
EXPECT = re.compile(r"<!-- expect\n(.*?)\n-->", re.S)


def rule_fixtures():
    """Every (rule id, fixture path) pair under tests/fixtures/audit/<rule>/."""
    return [
        (path.parent.name, path)
        for path in sorted(AUDIT_FIXTURES.glob("*/*.html"))
        if not path.parent.name.startswith("_")
    ]


def expected(path):
    """The findings a fixture promises, as 'severity|line|message' strings."""
    match = EXPECT.search(path.read_text(encoding="utf-8"))
    return match.group(1).splitlines() if match else []


def audit_fixture(path, rule, tmp_path, publish=None):
    """Place the fixture at posts/<name>.html in a copy of the fixture site and audit it.

    publish: audit in publish mode; None = as the fixture says (<!-- options: publish -->).
    """
    site = tmp_path / "site"
    shutil.copytree(AUDIT_FIXTURES / "_site", site)
    (site / "posts").mkdir()
    shutil.copy(path, site / "posts" / path.name)
    if publish is None:
        publish = "<!-- options: publish -->" in path.read_text(encoding="utf-8")
    options = Options(
        rules=(rule,), publish=publish, base_url="https://example.org", display_root="site"
    )
    [(_rel, _kind, _evidence, findings)] = audit_pages(str(site), [f"posts/{path.name}"], options)
    return findings
