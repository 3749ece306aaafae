"""One build at a time per output folder: an exclusive lock held for the build and the swap.

Two builds of one folder (`make site` while `make serve` rebuilds) would stage into the same
folder and each swap in the other's half-written tree. The second build therefore waits for
the first, saying so, and refuses after SAFEBUILD_LOCK_TIMEOUT seconds. We use POSIX record
locks (``lockf``): the kernel drops them when the process dies, even by SIGKILL, and unlike
``flock`` they are not inherited by worker processes a build forks (the audit's pool).
"""

import contextlib
import errno
import logging
import os
import time

from .errors import BuildFailed

try:
    import fcntl
except ImportError:  # not a POSIX system: builds are not serialised there
    fcntl = None

logger = logging.getLogger(__name__)
POLL_SECONDS = 0.2


@contextlib.contextmanager
def exclusive(lock_path, folder, timeout):
    """Hold the build lock of folder (the file lock_path) for the with-block, waiting if needed."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:  # a folder of that name, an immutable file, a read-only folder
        raise BuildFailed(
            f"safebuild: cannot open the build lock {lock_path}: {exc.strerror}; nothing was "
            f"built and {folder} was left as it was — fix: remove {lock_path} (the build makes "
            "it again as a plain file) or make its folder writable"
        ) from exc
    try:
        if not _try_lock(fd):
            _wait(fd, lock_path, folder, timeout)
        with contextlib.suppress(OSError):  # only informs the next waiter; a full disk is fine
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _wait(fd, lock_path, folder, timeout):
    """Poll for the lock until timeout seconds have passed; then refuse with BuildFailed."""
    holder = _holder(fd)
    logger.warning(
        "safebuild: another build of %s is running%s; waiting up to %s s for it to finish "
        "(SAFEBUILD_LOCK_TIMEOUT; lock file %s)",
        folder,
        f" (process {holder})" if holder else "",
        timeout,
        lock_path,
    )
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise BuildFailed(
                f"safebuild: another build of {folder} was still running after {timeout} s "
                f"(SAFEBUILD_LOCK_TIMEOUT; lock file {lock_path}); nothing was built and "
                f"{folder} was left as it was — fix: let the other build finish (or stop it, "
                "e.g. a `make serve` in another terminal) and build again"
            )
        time.sleep(POLL_SECONDS)


def _try_lock(fd):
    """Take the exclusive lock without blocking; False when another process holds it."""
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise
    return True


def _holder(fd):
    """The process id the lock's holder wrote into the lock file, or '' when unknown."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
