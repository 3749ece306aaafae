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
import stat
import time

from pelican.plugins.townsquare.untracked import exclude_from_git

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
    if not os.path.lexists(lock_path):  # a blog without a .gitignore entry for it
        exclude_from_git(lock_path)
    fd = _open(lock_path, folder)
    try:
        if not _try_lock(fd):
            _wait(fd, lock_path, folder, timeout)
        with contextlib.suppress(OSError):  # only informs the next waiter; a full disk is fine
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _open(lock_path, folder):
    """Open the lock file, refusing anything but a regular file of its own.

    The build writes its process id into the lock, so a link planted there (`ln -s
    pelicanconf.py .output.lock`, or a hard link) would have it overwrite the linked file;
    O_NOFOLLOW refuses a symbolic link, fstat the rest (a folder, a FIFO, a second name)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
    try:
        fd = os.open(lock_path, flags, 0o644)
    except OSError as exc:
        if os.path.islink(lock_path):
            raise _not_a_lock(lock_path, folder, "is a symbolic link") from None
        raise _not_a_lock(lock_path, folder, f"cannot be opened ({exc.strerror})") from None
    info = os.fstat(fd)
    problem = None
    if not stat.S_ISREG(info.st_mode):
        problem = "is not a regular file"
    elif info.st_nlink > 1:
        problem = f"is a second name (hard link) of another file ({info.st_nlink} names)"
    if problem:
        os.close(fd)
        raise _not_a_lock(lock_path, folder, problem)
    return fd


def _not_a_lock(lock_path, folder, problem):
    return BuildFailed(
        f"safebuild: the build lock {lock_path} {problem}; a build writes its process id into "
        f"that file, so it refuses to use it — fix: remove {lock_path} (rm {lock_path}; the "
        f"build creates its own) and build again; nothing was built and {folder} was left as "
        "it was"
    )


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
