"""Keep what the kit writes beside a blog's sources out of git, in any blog.

A blog made by ``townsquare new`` has a .gitignore for the build lock and the caches; an
existing site (pelican-quickstart's, a theme's demo) does not, and was left with an untracked
``.output.lock`` and ``cache/`` after its first build. So:

- a cache folder the kit creates gets a ``.gitignore`` of ``*`` (as pytest and ruff do with
  theirs): git skips the folder wherever it is;
- a build lock, which sits next to the output folder, is listed in the repository's
  ``info/exclude`` (git's own per-clone ignore list, never committed) when the kit creates it.

Only the standard library: ``townsquare audit`` imports this without Pelican.
"""

import contextlib
import os
from pathlib import Path

IGNORE_ALL = "# Written by Townsquare: this folder is a cache; nothing in it belongs in git.\n*\n"


def cache_folder(path):
    """Create the folder path (with parents); the top folder this creates ignores itself."""
    path = Path(path)
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    path.mkdir(parents=True, exist_ok=True)
    if missing:
        with contextlib.suppress(OSError):  # a read-only parent: the cache still works
            (missing[-1] / ".gitignore").write_text(IGNORE_ALL, encoding="utf-8")
    return path


def _git_dirs(folder):
    """(work tree, folder holding info/exclude) of the repository around folder, or None."""
    for top in (folder, *folder.parents):
        marker = top / ".git"
        if marker.is_dir():
            return top, marker
        if marker.is_file():  # a worktree or submodule: "gitdir: <path>"
            text = marker.read_text(encoding="utf-8").strip()
            gitdir = (top / text.removeprefix("gitdir:").strip()).resolve()
            common = gitdir / "commondir"
            if common.is_file():  # worktrees share the main repository's info/exclude
                gitdir = (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
            return top, gitdir
    return None


def exclude_from_git(path):
    """List the file path in its repository's info/exclude (when it sits in a git work tree)."""
    path = Path(os.path.abspath(path))
    with contextlib.suppress(OSError, UnicodeDecodeError):
        found = _git_dirs(path.parent)
        if found is None:
            return
        top, gitdir = found
        pattern = "/" + path.relative_to(top).as_posix()
        exclude = gitdir / "info" / "exclude"
        listed = exclude.read_text(encoding="utf-8").splitlines() if exclude.is_file() else []
        if pattern not in listed:
            exclude.parent.mkdir(parents=True, exist_ok=True)
            with exclude.open("a", encoding="utf-8") as handle:
                ending = "" if not listed or exclude.read_bytes().endswith(b"\n") else "\n"
                handle.write(f"{ending}{pattern}\n")
