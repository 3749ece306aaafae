"""Put a staged build in place of the output folder without ever leaving that folder missing.

- Usually the build is staged in a sibling folder (``.output.townsquare-staging``) and one
  atomic exchange (Linux ``renameat2(RENAME_EXCHANGE)``) swaps the two. Where that call is
  missing we rename ``output`` to ``.output.townsquare-old`` and the staging folder into place;
  if the process dies in between, the next build puts the old site back before anything else.
- Those folders' names are the kit's own (guard.swap_paths) and each holds the guard's MARKER
  file: a folder in their place that no build made stops the build; it is never deleted.
- A folder that cannot itself be renamed (a mount point such as a container volume, or one in
  a parent we may not write to) is updated in place: the build is staged inside it
  (``.townsquare-staging``) and each top-level entry is exchanged on its own, so every entry is
  whole at every moment, and OUTPUT_RETENTION entries are never moved.
- A symlinked output folder is resolved first: its target is updated, the link stays.
"""

import contextlib
import logging
import os
import time
from dataclasses import dataclass

from pelican.plugins.townsquare.guard import MARKER, kit_made, mark, swap_paths

from .errors import BuildFailed
from .fileops import discard, exchange, is_mount_point, merge

logger = logging.getLogger(__name__)
STAGING = ".townsquare-staging"
TRASH = ".townsquare-old"
LOCK = ".townsquare.lock"
INTERNAL = frozenset({STAGING, TRASH, LOCK})


@dataclass(frozen=True)
class Target:
    """Where a build of one output folder is staged, locked and swapped."""

    folder: str  # the real output folder (symlinks resolved)
    staging: str
    lock: str
    in_place: bool  # the folder itself cannot be renamed: swap its entries instead

    @property
    def old(self):
        """Where the previous site waits while the fallback swap renames folders."""
        return swap_paths(self.folder)[1]

    @property
    def trash(self):
        """Where an in-place swap moves replaced entries until they are deleted."""
        return os.path.join(self.folder, TRASH)


def target_for(output_path):
    """Decide how to build output_path safely, creating the folders that must exist."""
    folder = os.path.realpath(output_path)
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    writable = os.access(parent, os.W_OK)
    staging, _old, lock = swap_paths(folder)
    lock = lock if writable else os.path.join(folder, LOCK)
    if is_mount_point(folder) or not writable:
        os.makedirs(folder, exist_ok=True)
        return Target(folder, os.path.join(folder, STAGING), lock, True)
    return Target(folder, staging, lock, False)


def start_staging(target):
    """Create the (empty) staging folder, holding the MARKER (Pelican must retain it)."""
    os.makedirs(target.staging, exist_ok=True)
    mark(target.staging)


def recover(target):
    """Undo what an interrupted build left behind (call with the build lock held)."""
    leftovers = (target.staging, target.trash if target.in_place else target.old)
    for leftover in leftovers:
        _refuse_foreign(leftover, target.folder)
    if not target.in_place and not os.path.lexists(target.folder) and os.path.isdir(target.old):
        os.rename(target.old, target.folder)
        logger.warning(
            "safebuild: put back %s from %s (an earlier build stopped while swapping)",
            target.folder,
            target.old,
        )
    for leftover in leftovers:
        _clear(leftover)


def _refuse_foreign(path, folder):
    """Stop the build when a folder no build made sits where the swap keeps its own."""
    if not os.path.lexists(path) or (os.path.isdir(path) and kit_made(path)):
        return
    if os.path.isdir(path) and not os.path.islink(path):
        what = f"a folder no build made (it has no {MARKER} file)"
    else:
        what = "not a folder a build made (a file or a link)"
    raise BuildFailed(
        f"safebuild: {path} is in the way: a build of {folder} keeps its staged or previous "
        f"site there, and this is {what}, so it was left as it is — fix: move it away (or "
        "delete it if it is not yours), then build again; nothing was changed"
    )


def publish(target, retained=(), keep_old=False):
    """Swap the staged build in; keep OUTPUT_RETENTION entries (every old file with keep_old)."""
    if target.in_place:
        _publish_in_place(target, set(retained), keep_old)
        return
    folder, staging = target.folder, target.staging
    if os.path.isdir(folder):
        names = set(os.listdir(folder)) - INTERNAL if keep_old else retained
        for name in names:
            if os.path.lexists(os.path.join(folder, name)):
                merge(os.path.join(folder, name), os.path.join(staging, name))
    if not os.path.lexists(folder):
        os.rename(staging, folder)
    elif exchange(staging, folder):
        _forget(staging, folder)  # the staging folder now holds the previous site
    else:
        mark(folder)  # what recover() may put back if the process dies between the renames
        os.rename(folder, target.old)
        try:
            os.rename(staging, folder)
        except OSError:
            os.rename(target.old, folder)
            raise
        _forget(target.old, folder)


def _publish_in_place(target, retained, keep_old):
    """Exchange each top-level entry of the staged build into the folder that must stay put."""
    folder, staging, trash = target.folder, target.staging, target.trash
    built = set(os.listdir(staging))
    for name in set(os.listdir(folder)) - INTERNAL:
        if keep_old or (name in retained and name in built):
            merge(os.path.join(folder, name), os.path.join(staging, name))
    built = set(os.listdir(staging))
    os.mkdir(trash)
    for name in sorted(built):
        new, live, old = (os.path.join(place, name) for place in (staging, folder, trash))
        if not os.path.lexists(live):
            os.rename(new, live)
        elif exchange(new, live):
            os.rename(new, old)
        else:
            os.rename(live, old)
            os.rename(new, live)
    for name in set(os.listdir(folder)) - built - INTERNAL - retained:
        os.rename(os.path.join(folder, name), os.path.join(trash, name))
    _forget(staging, folder)
    _forget(trash, folder)


def _forget(path, folder):
    """Delete a previous site after a successful swap; a failure is only a warning."""
    error = discard(path)
    if error:
        _remark(path)  # what is left stays recognisably the kit's, for the next build to clear
        logger.warning(
            "safebuild: the new site is in %s, but the previous one in %s could not be deleted "
            "(%s) — delete it yourself, e.g. chmod -R u+w %s && rm -rf %s",
            folder,
            path,
            _reason(error),
            path,
            path,
        )


def _remark(path):
    """Put the MARKER back into a kit folder that could only partly be deleted."""
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            mark(path)


def _clear(path):
    """Delete a leftover of an earlier build; move it aside when it cannot be deleted."""
    error = discard(path)
    if error is None:
        return
    aside = f"{path}.undeletable-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    os.rename(path, aside)
    logger.warning(
        "safebuild: %s, left by an earlier build, could not be deleted (%s); moved it to %s — "
        "delete it yourself",
        path,
        _reason(error),
        aside,
    )


def _reason(error):
    """'<strerror>: <path>' for an OSError."""
    return f"{error.strerror}: {error.filename}" if error.filename else str(error)
