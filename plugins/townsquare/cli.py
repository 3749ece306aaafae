"""The `townsquare` command: `new DIR`, `post TITLE`, `audit DIR`, `add [DIR]` (alias `doctor`).

Behaves like its neighbours (pelican-quickstart, mkdocs new, hugo new site): `--help` on every
subcommand, exit status 0 success / 1 the job ran and found problems / 2 bad usage or input,
no traceback for a user's mistake, quiet unless there is something to say.
"""

import argparse
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
COMMANDS = ("new", "post", "audit", "add", "doctor")


def _version():
    from importlib import metadata  # ~20 ms to import: only --help and --version need it

    try:
        return metadata.version("townsquare")
    except metadata.PackageNotFoundError:  # running from a checkout that is not installed
        return "unknown"


def parser():
    """The top-level parser; each subcommand hands its own arguments to its module."""
    top = argparse.ArgumentParser(
        prog="townsquare",
        description="Townsquare, a Pelican blog kit where every page starts a conversation.",
        epilog="exit status: 0 success, 1 problems found, 2 bad usage or input",
    )
    top.add_argument("--version", action="version", version=f"townsquare {_version()}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "new", help="create a new blog repository in DIR", add_help=False
    ).add_argument("rest", nargs=argparse.REMAINDER)
    commands.add_parser(
        "post", help="start a draft post: townsquare post 'My title'", add_help=False
    ).add_argument("rest", nargs=argparse.REMAINDER)
    commands.add_parser(
        "audit", help="check a built site for share, comment and subscribe points", add_help=False
    ).add_argument("rest", nargs=argparse.REMAINDER)
    commands.add_parser(
        "add",
        aliases=["doctor"],
        help="check an existing Pelican site and print the one line that adds the kit",
        add_help=False,
    ).add_argument("rest", nargs=argparse.REMAINDER)
    return top


def main(argv=None):
    """Run one subcommand; return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        top = parser()
        top.parse_args(argv)  # --help, --version and unknown commands exit here
        top.print_help(sys.stderr)
        return EXIT_USAGE
    command, rest = argv[0], argv[1:]
    if command == "new":
        from .scaffold import main as run
    elif command == "post":
        from .newpost import main as run
    elif command in ("add", "doctor"):
        from .doctor import main as run
    else:
        from pelican.plugins.townsquare_audit.cli import main as run
    try:
        return run(rest, prog=f"townsquare {command}")
    except KeyboardInterrupt:
        print(f"townsquare {command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
