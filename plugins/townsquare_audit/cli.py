"""Command line: audit any built static site folder (ours or another generator's)."""

import argparse
import sys

from .finding import fails
from .report import FAIL_ON, FORMATS, render, summary
from .rules import RULE_IDS, RULES
from .runner import Options, audit_site
from .site import AuditInputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def parser(prog="townsquare audit"):
    """The argument parser (argparse exits 2 on bad usage, as promised)."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Check every page of a built site for ways to share, respond and follow.",
        epilog="exit status: 0 clean, 1 findings at or above --fail-on, 2 bad usage or input",
    )
    p.add_argument("dir", nargs="?", default="output", help="built site folder (default: output)")
    p.add_argument("--format", choices=FORMATS, default="text", help="report format")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 from this severity")
    p.add_argument("--rules", help="comma-separated rule ids to run (default: all)")
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip pages matching this glob (repeatable), e.g. 'drafts/*'",
    )
    p.add_argument("--publish", action="store_true", help="also apply publish-only rules")
    p.add_argument("--site-url", default="", help="the site's public base URL, if known")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (0 = one per core)")
    p.add_argument("--output", help="write the report to this file instead of stdout")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    return p


def main(argv=None, prog="townsquare audit"):
    """Run the audit; return the exit status."""
    args = parser(prog).parse_args(argv)
    if args.list_rules:
        for rule in RULES:
            print(f"{rule.id:18} {rule.description}\n{'':18} fix: {rule.hint}")
        return EXIT_CLEAN
    rules = tuple(r.strip() for r in (args.rules or "").split(",") if r.strip())
    unknown = [r for r in rules if r not in RULE_IDS]
    if unknown:
        print(
            f"audit: unknown rule id(s) {', '.join(unknown)}; known: {', '.join(RULE_IDS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.jobs < 0:
        print("audit: --jobs must be 0 (one per core) or a positive number", file=sys.stderr)
        return EXIT_USAGE
    options = Options(
        rules=rules,
        ignore=tuple(args.ignore),
        publish=args.publish,
        base_url=args.site_url.rstrip("/"),
        jobs=args.jobs,
    )
    try:
        result = audit_site(args.dir, options)
    except AuditInputError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    report = render(result, args.format, args.fail_on)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(report)
        print(summary(result))
    elif args.format == "text" and sys.stdout.isatty():
        _print_coloured(report)
    else:
        sys.stdout.write(report)
    failed = any(fails(f, args.fail_on) for f in result.findings)
    return EXIT_FINDINGS if failed else EXIT_CLEAN


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
