"""`townsquare clean [DIR ...]`: delete built sites and the build's leftovers beside them.

`make clean` calls it, so `make clean OUTPUT=content` meets the same guard as a build with
`-o content` (guard.removal_problems): only a folder a build wrote (or an empty one) is
deleted, never one that is or holds a repository, the home folder or the current folder.
"""

import argparse
import os
import shutil
import sys

from .guard import MARKER, removal_problems, swap_paths, unmarked_fix

EXIT_OK, EXIT_PROBLEMS = 0, 1


def parser(prog):
    """The command's argument parser."""
    command = argparse.ArgumentParser(
        prog=prog,
        description="Delete a built site (an output folder a build wrote) and the build's "
        "staging and lock files beside it. A folder no build wrote is refused, not deleted.",
        epilog="exit status: 0 deleted (or nothing to delete), 1 a folder was refused",
    )
    command.add_argument("folders", nargs="*", default=["output"], metavar="DIR")
    return command


def main(argv, prog="townsquare clean"):
    """Delete each DIR the guard allows; return the exit status."""
    args = parser(prog).parse_args(argv)
    cwd = os.getcwd()
    around = [(f"the current folder ({cwd})", cwd, ("is", "contains"))]
    status = EXIT_OK
    for folder in args.folders:
        staging, old, lock = swap_paths(folder)
        for path in (folder, staging, old):
            if not os.path.lexists(path):
                continue
            problems = [] if os.path.islink(path) else removal_problems(path, around=around)
            if problems:
                print(_refusal(path, problems), file=sys.stderr)
                status = EXIT_PROBLEMS
            elif not _delete(path, prog):
                status = EXIT_PROBLEMS
        if os.path.isfile(lock) and not os.path.islink(lock) and os.stat(lock).st_nlink == 1:
            os.unlink(lock)
    return status


def _refusal(path, problems):
    fix = f"; {unmarked_fix(path)}" if any(MARKER in p for p in problems) else ""
    return (
        f"townsquare clean: refusing to delete {path}: it " + "; it ".join(problems) + " — fix: "
        "name the output folder a build wrote (make clean OUTPUT=output)" + fix + "; nothing "
        "was deleted"
    )


def _delete(path, prog):
    """Delete path (a link: only the link); False with a message when that failed."""
    try:
        if os.path.islink(path) or not os.path.isdir(path):
            os.unlink(path)
        else:
            shutil.rmtree(path)
    except OSError as exc:
        print(f"{prog}: could not delete {path}: {exc.strerror} ({exc.filename})", file=sys.stderr)
        return False
    return True
