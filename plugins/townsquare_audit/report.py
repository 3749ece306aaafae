"""Render an audit Result as text, JSON, JUnit XML or GitHub workflow commands; exit status.

GitHub workflow commands are parsed from the log line by line, so every value is escaped the
way the runner unescapes it (actions/toolkit ``escapeData`` / ``escapeProperty``): ``%``, CR
and LF in data; also ``:`` and ``,`` in properties. A crafted file name (``x\n::error ...``)
therefore stays one annotation's text and cannot start a command of its own.
"""

import json
from collections import Counter

from .finding import ERROR, INFO, WARNING, fails
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
        if counts[INFO]:
            found += f", {counts[INFO]} info"
    skipped = f", {result.opted_out} opted out" if result.opted_out else ""
    return f"audit: {_plural(result.pages, 'page')} audited ({kinds}){skipped}: {found}"


def line(finding):
    """One finding as `path:line: severity: [rule] message — fix: hint`, on one line: control
    characters from the site (a file name with a newline) are shown escaped, never printed, so
    a crafted name cannot forge lines of the report (or CI commands) in a log."""
    path, message = visible(finding.path), visible(finding.message)
    text = f"{path}:{finding.line}: {finding.severity}: [{finding.rule}] {message}"
    return f"{text} — fix: {finding.hint}" if finding.hint else text


def _clean(text):
    """text with undecodable file-name bytes (lone surrogates) written as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def visible(text):
    """text with control characters shown as escapes (\\n, \\x1b...)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in _clean(text))


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
        "infos": counts[INFO],
        "fail_on": fail_on,
        "failed": bool(exit_status(result, fail_on)),
        "findings": [
            {**f.as_dict(), "path": _clean(f.path), "message": _clean(f.message)}
            for f in result.findings
        ],
        "page_kinds": [
            {"path": _clean(path), "kind": kind, "evidence": evidence}
            for path, kind, evidence in result.pages_seen
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _junit(result, fail_on):
    from xml.etree import ElementTree as ET  # only this format needs it

    suite = ET.Element(
        "testsuite",
        name="townsquare-audit",
        tests=str(max(result.pages, len(result.findings))),
        failures=str(sum(1 for f in result.findings if fails(f, fail_on))),
    )
    for finding in result.findings:
        path = visible(finding.path)  # XML 1.0 cannot hold most control characters
        case = ET.SubElement(
            suite,
            "testcase",
            classname=path,
            name=f"[{finding.rule}] {path}:{finding.line}",
            file=path,
            line=str(finding.line),
        )
        tag = "failure" if fails(finding, fail_on) else "skipped"
        element = ET.SubElement(case, tag, message=visible(finding.message), type=finding.rule)
        element.text = line(finding)
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _github(result, fail_on):
    out = []
    for f in result.findings:
        level = _github_level(f, fail_on)
        path, text = _clean(f.path), _clean(f.message)
        where = f"file={escape_property(path)},line={f.line},title={escape_property(f.rule)}"
        message = escape_data(f"{text} — fix: {f.hint}" if f.hint else text)
        out.append(f"::{level} {where}::{message}")
    out.append(escape_data(summary(result)))
    return "\n".join(out) + "\n"


def _github_level(finding, fail_on):
    """error for findings that fail the run (and errors), notice for info, else warning."""
    if finding.severity == INFO:
        return "notice"
    return "error" if fails(finding, fail_on) or finding.severity == ERROR else "warning"


def escape_data(text):
    """Escape a workflow command's message (GitHub: %, CR, LF)."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text):
    """Escape a workflow command property value (GitHub: %, CR, LF, colon, comma)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
