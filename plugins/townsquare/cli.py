"""The `townsquare` command: new, post, serve, clean, audit, syndicate, add (see COMMANDS).

Behaves like its neighbours (pelican-quickstart, mkdocs new, hugo new site): `--help` on every
subcommand, exit status 0 success / 1 the job ran and found problems / 2 bad usage or input,
no traceback for a user's mistake, quiet unless there is something to say.
"""

import argparse
import importlib
import sys

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

#: subcommand -> (module whose main(argv, prog) runs it, one line of help). Each module is
#: imported only when its subcommand runs, so `townsquare audit` starts without Pelican.
COMMANDS = {
    "new": ("pelican.plugins.townsquare.scaffold", "create a new blog repository in DIR"),
    "post": ("pelican.plugins.townsquare.newpost", "start a draft post: townsquare post 'Title'"),
    "serve": (
        "pelican.plugins.townsquare.serve",
        "serve the blog and rebuild on every change (make serve)",
    ),
    "clean": (
        "pelican.plugins.townsquare.clean",
        "delete a built site (only a folder a build wrote)",
    ),
    "audit": (
        "pelican.plugins.townsquare_audit.cli",
        "check a built site for share, comment and subscribe points",
    ),
    "syndicate": (
        "pelican.plugins.townsquare_replies.syndicate",
        "post new posts to Mastodon and Bluesky, once",
    ),
    "add": (
        "pelican.plugins.townsquare.doctor",
        "check an existing Pelican site and print the one line that adds the kit",
    ),
    "doctor": ("pelican.plugins.townsquare.doctor", "the same as add"),
}


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
    for name, (_module, summary) in COMMANDS.items():
        commands.add_parser(name, help=summary, add_help=False).add_argument(
            "rest", nargs=argparse.REMAINDER
        )
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
    run = importlib.import_module(COMMANDS[command][0]).main
    try:
        return run(rest, prog=f"townsquare {command}")
    except KeyboardInterrupt:
        print(f"townsquare {command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
