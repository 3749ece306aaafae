"""Turn audit findings into GitHub workflow commands, so they show as annotations on a PR.

Reads the audit's JSON report (findings with path, line, rule, severity, message) when the
built site could be audited; when the build itself refused (safebuild keeps no output), reads
the `make publish` log instead. That log holds the audit's text report, one finding per line
(``path:line: severity: [rule] message — fix: hint``, printed unwrapped), and then Pelican's
own error, wrapped into a narrow column by its log handler; the report lines are what is read,
and the wrapped copies of the same findings are recognised and skipped. Other build errors
(``- message`` items) become one error each. Every value is escaped as GitHub's runner
unescapes it, so no text from the site can start a command of its own.
"""

import argparse
import json
import re
import sys
from pathlib import Path

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
#: One finding of the audit's text report (report.line()), possibly indented.
FINDING = re.compile(
    r"^\s*(?P<path>\S[^\n]*?):(?P<line>\d+): (?P<severity>error|warning|info): "
    r"\[(?P<rule>[a-z0-9-]+)\] (?P<message>.*?)(?: — fix: (?P<hint>.*))?\s*$"
)
ITEM = re.compile(r"^\s*- (?P<message>\S.*?)\s*$")


def _escape(text, *, prop=False):
    """Escape a value for a workflow command (data, or a property when prop is True)."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _command(level, path, line, rule, message):
    """One workflow command for a finding."""
    where = f"file={_escape(path, prop=True)}"
    if line:
        where += f",line={int(line)}"
    title = _escape(f"audit: {rule}", prop=True)
    return f"::{level} {where},title={title}::{_escape(message)}"


def _findings(report):
    """Return the list of finding dicts from a JSON report (a list, or {'findings': [...]})."""
    data = json.loads(report)
    return data.get("findings", []) if isinstance(data, dict) else data


def _in_output(path, output_dir):
    """The finding's path as the repository sees it (the audit already shows DIR/...)."""
    path = str(path)
    if not output_dir or path.startswith(("/", f"{output_dir}/")) or path == output_dir:
        return path
    return f"{output_dir}/{path}"


def from_json(report, output_dir="output"):
    """Yield one workflow command per finding in a JSON audit report."""
    for finding in _findings(report):
        level = LEVELS.get(finding.get("severity"), "notice")
        path = _in_output(finding.get("path", ""), output_dir)
        yield _command(level, path, finding.get("line"), finding.get("rule", ""),
                       finding.get("message", ""))  # fmt: skip


def from_log(log):
    """Yield one command per audit finding and per other build error in a refused build's log."""
    seen = {}
    for raw in log.splitlines():
        found = FINDING.match(raw)
        if found:
            key = (found["path"], found["line"], found["rule"])
            message = found["message"]
            if any(old.startswith(message) for old in seen.get(key, [])):
                continue  # a copy of a finding already read (Pelican's wrapped error)
            seen.setdefault(key, []).append(message)
            level = LEVELS[found["severity"]]
            yield _command(level, found["path"], found["line"], found["rule"], message)
            continue
        item = ITEM.match(raw)
        if item and not item["message"].startswith("audit:") and raw.startswith("  - "):
            yield f"::error title=make publish refused::{_escape(item['message'])}"


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
        lines = list(from_log(args.log.read_text(encoding="utf-8", errors="replace")))
    for line in lines:
        print(line)
    print(f"annotations: {len(lines)} finding(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
