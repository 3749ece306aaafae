"""Every audit rule against its fixtures: one HTML file per scenario, exact messages and lines."""

import re

import pytest
from audit_helpers import COMPLETE_PAGE, audit_fixture, expected, rule_fixtures
from pelican.plugins.townsquare_audit.rules import RULE_IDS, RULES
from pelican.plugins.townsquare_audit.rules.base import SiteRule

FIXTURES = rule_fixtures()
#: Rules about whole sites (their files) are tested in test_audit_faults.py.
PAGE_RULE_IDS = tuple(rule.id for rule in RULES if rule.kinds)


@pytest.mark.parametrize(
    ("rule", "path"), FIXTURES, ids=[f"{rule}/{path.stem}" for rule, path in FIXTURES]
)
def test_rule_fixture(rule, path, tmp_path):
    findings = audit_fixture(path, rule, tmp_path)
    assert [f"{f.severity}|{f.line}|{f.message}" for f in findings] == expected(path)
    assert all(f.rule == rule and f.path == f"site/posts/{path.name}" for f in findings)


@pytest.mark.parametrize("publish", [False, True], ids=["local", "publish"])
@pytest.mark.parametrize("rule", RULE_IDS)
def test_the_complete_page_passes_every_rule(rule, publish, tmp_path):
    assert audit_fixture(COMPLETE_PAGE, rule, tmp_path, publish=publish) == []


def test_every_rule_has_a_failing_fixture():
    # The passing case of every rule is the shared complete page (test above).
    by_rule = {}
    for rule, path in FIXTURES:
        by_rule.setdefault(rule, []).append(bool(expected(path)))
    assert sorted(by_rule) == sorted(PAGE_RULE_IDS)
    assert all(True in outcomes for outcomes in by_rule.values())


def test_rules_are_declared_completely():
    assert len(set(RULE_IDS)) == len(RULES)
    for rule in RULES:
        assert rule.id == rule.id.lower() and " " not in rule.id
        assert rule.description and rule.hint
        assert rule.kinds or issubclass(rule, SiteRule)


def test_a_finding_carries_the_rule_hint(tmp_path):
    path = next(p for r, p in FIXTURES if r == "share-links" and p.stem == "missing")
    (finding,) = audit_fixture(path, "share-links", tmp_path)
    assert finding.hint == (
        'include "townsquare/share.html" (townsquare_share) or add share-intent links'
    )


def test_hints_name_townsquare_templates_only_on_townsquare_pages(tmp_path):
    # The same page without the kit's markers (data-page-kind, data-ts-*) is a foreign site's.
    path = next(p for r, p in FIXTURES if r == "share-links" and p.stem == "missing")
    foreign = tmp_path / "foreign.html"
    markers = re.compile(r' data-(page-kind|ts-[a-z]+)(="[^"]*")?')
    foreign.write_text(markers.sub("", path.read_text(encoding="utf-8")), "utf-8")
    (finding,) = audit_fixture(foreign, "share-links", tmp_path)
    assert finding.hint == (
        "add links to share-intent URLs (LinkedIn, Mastodon, e-mail...) with this page's URL"
    )
    assert "townsquare" not in finding.hint
