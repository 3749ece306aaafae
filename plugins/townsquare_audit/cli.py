"""Command line: audit any built static site folder (ours or another generator's)."""

import argparse
import os
import sys

from pelican.plugins.townsquare.urls import is_web_url

from .finding import fails
from .kinds import KINDS
from .options import DEFAULT_SAMPLE_HANDLES, Options
from .report import FAIL_ON, FORMATS, render, summary, visible
from .rules import RULE_IDS, RULES
from .runner import AuditInternalError, audit_site
from .settings import report_target_problem, selected_rules
from .site import AuditInputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PROG = "python -m pelican.plugins.townsquare_audit"


def parser(prog=PROG):
    """The argument parser (argparse exits 2 on bad usage, as promised)."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Check every page of a built site for ways to share, respond and follow.",
        epilog="exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage, "
        "unreadable input or an internal error",
    )
    p.add_argument("dir", nargs="?", default="output", help="built site folder (default: output)")
    p.add_argument("--format", choices=FORMATS, default="text", help="report format")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 from this severity")
    p.add_argument("--rules", help="comma-separated rule ids to run (default: all)")
    p.add_argument("--skip", help="comma-separated rule ids not to run")
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip pages matching this glob (repeatable), e.g. 'drafts/*'",
    )
    p.add_argument("--publish", action="store_true", help="also apply publish-only rules")
    p.add_argument("--site-url", default="", help="the site's public base URL, if known")
    p.add_argument(
        "--docs-share",
        action="store_true",
        help="hold docs pages (Sphinx, MkDocs...) to the share rules too (default: not)",
    )
    p.add_argument("--jobs", type=int, default=0, help="worker processes (0 = one per core)")
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="GLOB=KIND",
        help=f"treat pages matching GLOB as KIND ({', '.join(KINDS)}), repeatable",
    )
    p.add_argument(
        "--sample-handle",
        action="append",
        metavar="HANDLE",
        help="a sample handle the placeholders rule refuses (repeatable; default: "
        f"{', '.join(DEFAULT_SAMPLE_HANDLES)})",
    )
    p.add_argument("--output", help="write the report to this file instead of stdout")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    return p


def main(argv=None, prog=PROG):
    """Run the audit; return the exit status (0 clean, 1 findings, 2 usage/input/internal)."""
    args = parser(prog).parse_args(argv)
    if args.list_rules:
        for rule in RULES:
            print(f"{rule.id:18} {rule.description}\n{'':18} fix: {rule.hint}")
        return EXIT_CLEAN
    rules = tuple(r.strip() for r in (args.rules or "").split(",") if r.strip())
    skip = tuple(r.strip() for r in (args.skip or "").split(",") if r.strip())
    unknown = [r for r in rules + skip if r not in RULE_IDS]
    if unknown:
        print(
            f"audit: unknown rule id(s) {', '.join(unknown)}; known: {', '.join(RULE_IDS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.site_url and not is_web_url(args.site_url):
        print(
            f"audit: --site-url {args.site_url!r} is not an absolute http(s) URL; "
            "fix: pass the site's address, e.g. --site-url https://example.org",
            file=sys.stderr,
        )
        return EXIT_USAGE
    overwritten = report_target_problem(args.output, args.dir, "--output")
    if overwritten:
        print(f"audit: {overwritten}", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 0:
        print("audit: --jobs must be 0 (one per core) or a positive number", file=sys.stderr)
        return EXIT_USAGE
    kinds = _kinds(args.kind)
    if isinstance(kinds, str):
        print(kinds, file=sys.stderr)
        return EXIT_USAGE
    handles = DEFAULT_SAMPLE_HANDLES if args.sample_handle is None else args.sample_handle
    options = Options(
        rules=selected_rules(rules, skip),
        ignore=tuple(args.ignore),
        publish=args.publish,
        base_url=args.site_url.rstrip("/"),
        jobs=args.jobs,
        kinds=kinds,
        sample_handles=tuple(handles),
        docs_share=args.docs_share,
    )
    try:
        result = audit_site(args.dir, options)
    except AuditInputError as exc:
        print(visible(str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except AuditInternalError as exc:
        print(f"{visible(str(exc))}\n{REPORT_IT}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: exit 2 with one line, the traceback only on request
        if os.environ.get("TOWNSQUARE_DEBUG"):
            raise
        print(f"audit: internal error: {type(exc).__name__}: {exc}\n{REPORT_IT}", file=sys.stderr)
        return EXIT_USAGE
    for warning in result.warnings:
        print(f"audit: warning: {warning}", file=sys.stderr)
    report = render(result, args.format, args.fail_on)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as exc:
            print(f"audit: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        print(summary(result))
    elif args.format == "text" and sys.stdout.isatty():
        _print_coloured(report)
    else:
        sys.stdout.write(report)
    failed = any(fails(f, args.fail_on) for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


REPORT_IT = "This is a bug in the audit; TOWNSQUARE_DEBUG=1 shows the traceback."


def _kinds(values):
    """((glob, kind), ...) from --kind GLOB=KIND values, or an error message."""
    pairs = []
    for value in values:
        glob, sep, kind = value.rpartition("=")
        if not sep or not glob or kind not in KINDS:
            return (
                f"audit: --kind {value!r}: expected GLOB=KIND with KIND one of {', '.join(KINDS)}"
            )
        pairs.append((glob, kind))
    return tuple(pairs)


def _print_coloured(report):
    """On a terminal, colour severities and rule headings with rich (plain text otherwise)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    for row in report.splitlines():
        text = Text(row)
        text.highlight_regex(r": error: ", "bold red")
        text.highlight_regex(r": warning: ", "yellow")
        text.highlight_regex(r"^[a-z-]+: ", "bold")
        console.print(text)
