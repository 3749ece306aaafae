"""The one guard for every destructive step: which folders the kit may replace or delete.

A build swaps its output folder in, the swap deletes its own leftovers, `townsquare clean`
deletes the output: each asks :func:`removal_problems` first, so one function decides. A folder
is the kit's to delete only when a build wrote it (it holds the MARKER file) or it is empty; a
folder that is or holds a repository, a home folder or a project is never the kit's. The swap's
own folders have names no user folder is taken for (:func:`swap_paths`).
"""

import os

#: Written into every folder a build makes (the output, its staging and swap folders).
MARKER = ".townsquare-build"
MARKER_TEXT = "Written by a Townsquare build: the kit may replace or delete this folder.\n"
#: Version-control folders: an output that is, sits in or holds one is refused.
VCS = (".git", ".hg", ".svn", ".bzr", "_darcs", ".fossil")
#: Hidden configuration folders no published site holds (a home folder, a repository root).
CONFIG = (".github", ".gitlab", ".ssh", ".gnupg", ".aws", ".config", ".kube", ".docker")
CONFIG += (".local", ".vscode", ".idea", ".venv", ".cargo", ".npm")


def swap_paths(folder):
    """(staging, old, lock): where a build of folder stages, parks the old site and locks."""
    parent, name = os.path.split(os.path.realpath(folder))
    stem = os.path.join(parent, f".{name}")
    return f"{stem}.townsquare-staging", f"{stem}.townsquare-old", f"{stem}.lock"


def mark(folder):
    """Record in folder (a folder a build made) that the kit may replace or delete it."""
    path = os.path.join(folder, MARKER)
    if not os.path.islink(path):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(MARKER_TEXT)


#: Files that are a project's sources, never a built site's: a folder holding one at its top is
#: not a generated site (the content folder, a project or a configuration folder).
SOURCES = (".py", ".md", ".markdown", ".rst", ".ipynb", ".toml", ".cfg", ".ini", ".yml")
SOURCES += (".yaml", ".lock", ".txt.in", ".in")
SOURCE_NAMES = ("Makefile", "Gemfile", "package.json", "requirements.txt", "setup.py")


def looks_generated(folder):
    """True when folder looks like a static site a generator wrote (plain Pelican before the
    kit was added, say): web pages at its top and no project or source file beside them."""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    files = [n for n in names if os.path.isfile(os.path.join(folder, n))]
    if not any(n.endswith((".html", ".htm")) for n in files):
        return False
    return not any(n.endswith(SOURCES) or n in SOURCE_NAMES for n in files)


def kit_made(folder):
    """True when a build may replace folder: it is empty, holds the MARKER a build writes (a
    regular file), or is a site a generator wrote before the kit was added (looks_generated):
    adding the kit to a working blog must not stop its build over its existing output."""
    marker = os.path.join(folder, MARKER)
    if os.path.isfile(marker) and not os.path.islink(marker):
        return True
    if not os.path.isdir(folder):
        return False
    return not os.listdir(folder) or looks_generated(folder)


def relation(path, folder):
    """How path relates to folder (both real paths): 'is', 'is inside', 'contains' or None."""
    if path == folder:
        return "is"
    if path.startswith(folder.rstrip(os.sep) + os.sep):
        return "is inside"
    if folder.startswith(path.rstrip(os.sep) + os.sep):
        return "contains"
    return None


def removal_problems(folder, keep=(), around=(), need_mark=True):
    """Why the kit must not replace or delete folder ('it ...' phrases); [] when it may.

    keep: top-level names the step leaves in place (OUTPUT_RETENTION); around: (name, path,
    relations) for folders the step must not touch, e.g. ("the content folder (PATH = x)", x,
    ("is", "is inside", "contains")); need_mark: a folder that is not empty must hold MARKER.
    """
    real = os.path.realpath(folder)
    problems = []
    if os.path.lexists(real) and not os.path.isdir(real):
        problems.append("is a file, not a folder")
    vcs = [part for part in real.split(os.sep) if part in VCS]
    if vcs:
        where = "is" if os.path.basename(real) in VCS else "is inside"
        problems.append(f"{where} a version-control folder ({vcs[-1]})")
    home = os.path.realpath(os.path.expanduser("~"))
    if relation(real, home) in ("is", "contains"):
        problems.append(f"{relation(real, home)} the home folder ({home})")
    for name, path, relations in around:
        found = relation(real, os.path.realpath(path))
        if found in relations:
            problems.append(f"{found} {name}")
    if os.path.isdir(real):
        names = os.listdir(real)
        held = sorted(n for n in names if n in VCS + CONFIG and n not in keep)
        if held:
            problems.append(f"holds {', '.join(held)} (version-control or configuration)")
        # Only worth saying when nothing weightier was found (a build's own folder is marked).
        if need_mark and names and not problems and not kit_made(real):
            problems.append(f"is not empty and no build wrote it (it has no {MARKER} file)")
    return list(dict.fromkeys(problems))


def unmarked_fix(folder):
    """The fix for a folder only the marker keeps from being the kit's (an older build)."""
    return (
        f"if {folder} is an older build (before the kit marked its folders), move it away or "
        f"delete it yourself once (rm -rf {folder}) and build again"
    )


def save_as_problem(value):
    """Why a *_SAVE_AS path (pattern) would write outside the output folder; None if inside."""
    if not isinstance(value, str):
        return None
    path = value.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return "is an absolute path: it would write outside the output folder"
    if ".." in path.split("/"):
        return "climbs out of the output folder with '..'"
    return None


def inside(root, relative):
    """The real path of relative under root, or None when it would leave root."""
    base = os.path.realpath(root)
    path = os.path.realpath(os.path.join(base, relative))
    return path if path.startswith(base + os.sep) else None
