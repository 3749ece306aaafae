"""External validity checks: Nu HTML Checker on every page, Lighthouse on three pages.

``python -m tools.check [--dir output] [--setting NAME=VALUE ...] [--skip-lighthouse]``

Without ``--dir`` the sample site is built into a temporary folder with SITEURL set to the
local server the checks use (http://127.0.0.1:<free port>). With ``--dir`` an already built
site is checked and served on ``--port`` (8000, the port pelicanconf.py's SITEURL names).
Lighthouse runs on the home page, an article and a tag page; accessibility, best practices
and SEO must each score 100 (performance is reported). Exit status 0 when everything passes,
1 when a check fails, 2 when a tool is missing or the site cannot be built.
"""

import argparse
import functools
import http.server
import json
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .validators import REQUIRED, ROOT, ToolMissing, lighthouse, vnu


def free_port():
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(output, port, settings_file, extra):
    """Build the sample site into output with SITEURL pointing at the check server."""
    extra = {"SITEURL": f"http://127.0.0.1:{port}", **extra}
    command = [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s",
               str(ROOT / settings_file), "-o", str(output), "-q", "-e",
               *(f"{key}={json.dumps(value)}" for key, value in extra.items())]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise ToolMissing(f"check: building the site failed:\n{(done.stderr or done.stdout)}")


def serve(site, port):
    """Serve site on 127.0.0.1:port from a daemon thread; return the server."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the report readable
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse_pages(site):
    """Site-relative paths of the home page, an article and a tag page (those that exist)."""
    site = Path(site)
    pages = ["index.html"]
    for folder in ("posts", "tag"):
        found = sorted((site / folder).glob("*.html"))
        if found:
            pages.append(found[0].relative_to(site).as_posix())
    return pages


def run_checks(site, port, skip_lighthouse=False):
    """Run vnu and Lighthouse; return (table rows, problems)."""
    rows, problems = [], []
    pages, found = vnu(site)
    failing = {problem.page for problem in found}
    rows.append(("every page (Nu HTML Checker)", f"{len(pages)} pages",
                 f"{len(found)} errors in {len(failing)} pages", not found))  # fmt: skip
    problems += found
    if skip_lighthouse:
        return rows, problems
    server = serve(site, port)
    try:
        for page in lighthouse_pages(site):
            url = f"http://127.0.0.1:{port}/" + ("" if page == "index.html" else page)
            scores, found = lighthouse(url, page)
            shown = ", ".join(f"{name} {scores.get(name)}" for name in scores) or "no scores"
            passed = not found and all(scores.get(name) == 100 for name in REQUIRED)
            rows.append((f"{page} (Lighthouse)", url, shown, passed))
            problems += found
    finally:
        server.shutdown()
        server.server_close()
    return rows, problems


def report(rows, problems, console):
    """Print the results table and every problem; return the exit status."""
    table = Table(title="External validity checks")
    for header in ("check", "input", "result", "status"):
        table.add_column(header)
    for check, target, result, passed in rows:
        table.add_row(check, target, result, "[green]pass[/]" if passed else "[bold red]FAIL[/]")
    console.print(table)
    for problem in problems:
        console.print(f"check: {problem}", markup=False, highlight=False)
    failed = sum(1 for row in rows if not row[3])
    console.print(f"check: {len(rows) - failed} passed, {failed} failed, "
                  f"{len(problems)} problem(s)")  # fmt: skip
    return 1 if failed or problems else 0


def parse_args(argv):
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dir", help="check this built site instead of building the sample")
    parser.add_argument("--port", type=int, help="port to serve --dir on (default 8000)")
    parser.add_argument("--settings-file", default="pelicanconf.py")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="extra setting for the build, JSON value")  # fmt: skip
    parser.add_argument("--skip-lighthouse", action="store_true", help="run vnu only")
    args = parser.parse_args(argv)
    args.extra = {}
    for text in args.setting:
        key, sep, value = text.partition("=")
        if not sep:
            parser.error(f"--setting {text!r}: expected NAME=VALUE")
        try:
            args.extra[key] = json.loads(value)
        except json.JSONDecodeError:
            args.extra[key] = value
    return args


def main(argv=None):
    """CLI entry point."""
    args = parse_args(argv)
    console = Console() if sys.stdout.isatty() else Console(width=160)
    with tempfile.TemporaryDirectory(prefix="townsquare-check-") as temp:
        try:
            if args.dir:
                site, port = Path(args.dir), args.port or 8000
                if not (site / "index.html").is_file():
                    raise ToolMissing(f"check: {site} has no index.html; build it first")
            else:
                site, port = Path(temp) / "output", args.port or free_port()
                build(site, port, args.settings_file, args.extra)
            rows, problems = run_checks(site, port, args.skip_lighthouse)
        except ToolMissing as exc:
            print(exc, file=sys.stderr)
            return 2
    return report(rows, problems, console)


if __name__ == "__main__":
    sys.exit(main())
