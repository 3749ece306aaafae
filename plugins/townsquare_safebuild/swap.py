"""Put a staged build in place of the output folder without ever leaving that folder missing.

- Usually the build is staged in a sibling folder (``.output-staging``) and one atomic
  exchange (Linux ``renameat2(RENAME_EXCHANGE)``) swaps the two. Where that call is missing we
  rename ``output`` to ``output.old`` and the staging folder into place; if the process dies in
  between, the next build puts ``output.old`` back before anything else.
- A folder that cannot itself be renamed (a mount point such as a container volume, or one in
  a parent we may not write to) is updated in place: the build is staged inside it
  (``.townsquare-staging``) and each top-level entry is exchanged on its own, so every entry is
  whole at every moment, and OUTPUT_RETENTION entries are never moved.
- A symlinked output folder is resolved first: its target is updated, the link stays.
"""

import logging
import os
import time
from dataclasses import dataclass

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
        return f"{self.folder}.old"

    @property
    def trash(self):
        """Where an in-place swap moves replaced entries until they are deleted."""
        return os.path.join(self.folder, TRASH)


def target_for(output_path):
    """Decide how to build output_path safely, creating the folders that must exist."""
    folder = os.path.realpath(output_path)
    parent, name = os.path.split(folder)
    os.makedirs(parent, exist_ok=True)
    writable = os.access(parent, os.W_OK)
    lock = os.path.join(parent, f".{name}.lock") if writable else os.path.join(folder, LOCK)
    if is_mount_point(folder) or not writable:
        os.makedirs(folder, exist_ok=True)
        return Target(folder, os.path.join(folder, STAGING), lock, True)
    return Target(folder, os.path.join(parent, f".{name}-staging"), lock, False)


def recover(target):
    """Undo what an interrupted build left behind (call with the build lock held)."""
    if not target.in_place and not os.path.lexists(target.folder) and os.path.isdir(target.old):
        os.rename(target.old, target.folder)
        logger.warning(
            "safebuild: put back %s from %s (an earlier build stopped while swapping)",
            target.folder,
            target.old,
        )
    for leftover in (target.staging, target.trash if target.in_place else target.old):
        _clear(leftover)


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
        logger.warning(
            "safebuild: the new site is in %s, but the previous one in %s could not be deleted "
            "(%s) — delete it yourself, e.g. chmod -R u+w %s && rm -rf %s",
            folder,
            path,
            _reason(error),
            path,
            path,
        )


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
