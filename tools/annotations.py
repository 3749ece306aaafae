"""Turn audit findings into GitHub workflow commands, so they show as annotations on a PR.

Reads the audit's JSON report (findings with path, line, rule, severity, message) when the
built site could be audited; when the build itself refused (safebuild keeps no output), reads
the error list from the `make publish` log instead. Prints `::error file=...,line=...::...`.
"""

import argparse
import json
import sys
from pathlib import Path

LEVELS = {"error": "error", "warning": "warning"}


def _escape(text, *, prop=False):
    """Escape a value for a workflow command (data, or a property when prop is True)."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _findings(report):
    """Return the list of finding dicts from a JSON report (a list, or {'findings': [...]})."""
    data = json.loads(report)
    return data.get("findings", []) if isinstance(data, dict) else data


def from_json(report, output_dir="output"):
    """Yield one workflow command per finding in a JSON audit report."""
    for finding in _findings(report):
        level = LEVELS.get(finding.get("severity"), "notice")
        path = f"{output_dir}/{finding.get('path', '')}"
        where = f"file={_escape(path, prop=True)}"
        if finding.get("line"):
            where += f",line={int(finding['line'])}"
        title = _escape(f"audit: {finding.get('rule', '')}", prop=True)
        yield f"::{level} {where},title={title}::{_escape(finding.get('message', ''))}"


def from_log(log):
    """Yield one error command per '  - message' line of a refused build's log."""
    for line in log.splitlines():
        if line.startswith("  - "):
            yield f"::error title=make publish refused::{_escape(line[4:])}"


def main(argv=None):
    """Print annotations for whichever of the report and the log exist; always exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="the audit's JSON report")
    parser.add_argument("--log", type=Path, help="the `make publish` log")
    parser.add_argument("--output-dir", default="output")
    args = parser.parse_args(argv)
    lines = []
    if args.json and args.json.is_file() and args.json.read_text(encoding="utf-8").strip():
        lines = list(from_json(args.json.read_text(encoding="utf-8"), args.output_dir))
    elif args.log and args.log.is_file():
        lines = list(from_log(args.log.read_text(encoding="utf-8")))
    for line in lines:
        print(line)
    print(f"annotations: {len(lines)} finding(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
