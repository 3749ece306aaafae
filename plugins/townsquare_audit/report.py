"""Render an audit Result as text, JSON, JUnit XML or GitHub workflow commands; exit status."""

import json
from collections import Counter
from xml.etree import ElementTree as ET

from .finding import ERROR, WARNING, fails
from .rules import RULES

FORMATS = ("text", "json", "junit", "github")
FAIL_ON = ("error", "warning", "never")
RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}
DESCRIPTIONS = {rule.id: rule.description for rule in RULES}


def exit_status(result, fail_on):
    """0 when no finding reaches the fail_on threshold, else 1."""
    return 1 if any(fails(f, fail_on) for f in result.findings) else 0


def summary(result):
    """One line: how many pages of which kinds, and how many errors and warnings."""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.kinds.items()))
    counts = Counter(f.severity for f in result.findings)
    if not result.findings:
        found = "no findings"
    else:
        found = f"{_plural(counts[ERROR], 'error')}, {_plural(counts[WARNING], 'warning')}"
    skipped = f", {result.opted_out} opted out" if result.opted_out else ""
    return f"audit: {_plural(result.pages, 'page')} audited ({kinds}){skipped}: {found}"


def line(finding):
    """One finding as `path:line: severity: [rule] message — fix: hint`."""
    text = f"{finding.path}:{finding.line}: {finding.severity}: [{finding.rule}] {finding.message}"
    return f"{text} — fix: {finding.hint}" if finding.hint else text


def render(result, fmt="text", fail_on="error"):
    """Return the report in fmt (text, json, junit or github)."""
    return {"text": _text, "json": _json, "junit": _junit, "github": _github}[fmt](result, fail_on)


def _text(result, fail_on):
    out = []
    by_rule = sorted(result.findings, key=lambda f: (RULE_ORDER.get(f.rule, 99), f.path, f.line))
    current = None
    for finding in by_rule:
        if finding.rule != current:
            current = finding.rule
            out.append(f"{current}: {DESCRIPTIONS.get(current, '')}")
        out.append(f"  {line(finding)}")
    out.append(summary(result))
    return "\n".join(out) + "\n"


def _json(result, fail_on):
    counts = Counter(f.severity for f in result.findings)
    data = {
        "pages": result.pages,
        "kinds": dict(sorted(result.kinds.items())),
        "opted_out": result.opted_out,
        "errors": counts[ERROR],
        "warnings": counts[WARNING],
        "fail_on": fail_on,
        "failed": bool(exit_status(result, fail_on)),
        "findings": [f.as_dict() for f in result.findings],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _junit(result, fail_on):
    suite = ET.Element(
        "testsuite",
        name="townsquare-audit",
        tests=str(max(result.pages, len(result.findings))),
        failures=str(sum(1 for f in result.findings if fails(f, fail_on))),
    )
    for finding in result.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=finding.path,
            name=f"[{finding.rule}] {finding.path}:{finding.line}",
            file=finding.path,
            line=str(finding.line),
        )
        tag = "failure" if fails(finding, fail_on) else "skipped"
        element = ET.SubElement(case, tag, message=finding.message, type=finding.rule)
        element.text = line(finding)
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _github(result, fail_on):
    out = []
    for f in result.findings:
        level = "error" if fails(f, fail_on) or f.severity == ERROR else "warning"
        message = f"{f.message} — fix: {f.hint}".replace("%", "%25").replace("\n", "%0A")
        out.append(f"::{level} file={f.path},line={f.line},title={f.rule}::{message}")
    out.append(summary(result))
    return "\n".join(out) + "\n"


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
