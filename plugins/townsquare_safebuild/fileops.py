"""File-system steps of a safe swap: atomic exchange, merging kept files, forgiving deletion."""

import contextlib
import ctypes
import errno
import functools
import os
import re
import shutil
import stat
import sys

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: errno values meaning "this kernel or file system cannot exchange", not "this swap failed".
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


@functools.cache
def _renameat2():
    """libc's renameat2 (Linux, glibc 2.28+), or None where it does not exist."""
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def exchange(first, second):
    """Atomically swap two existing paths; False when the system cannot (then nothing moved)."""
    func = _renameat2()
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), first, None, second)


def is_mount_point(path):
    """True when path is a mount point (also a bind mount within one file system)."""
    if os.path.ismount(path):
        return True
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as table:
            points = {_unescape(line.split()[4]) for line in table if len(line.split()) > 4}
    except OSError:  # not Linux: os.path.ismount is all we have
        return False
    return os.path.realpath(path) in points


def _unescape(field):
    """Undo mountinfo's octal escapes (a space is written \\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def merge(old, new):
    """Give new every file of old it lacks, as hard links (copies across file systems).

    Files the build wrote win; old is left exactly as it was, so a swap that fails after this
    step loses nothing.
    """
    if os.path.isdir(old) and not os.path.islink(old):
        if not os.path.lexists(new):
            shutil.copytree(old, new, symlinks=True, copy_function=_link_or_copy)
        elif os.path.isdir(new) and not os.path.islink(new):
            for entry in os.scandir(old):
                merge(entry.path, os.path.join(new, entry.name))
    elif not os.path.lexists(new):
        _link_or_copy(old, new)


def _link_or_copy(source, target):
    """Hard-link source at target, or copy it when linking is not possible."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def discard(path):
    """Delete path (a tree we are done with); return an OSError naming the first file that
    could not be deleted, or None.

    A read-only folder in the tree (a `chmod -R a-w`, a copied read-only asset) is made
    writable first: it is our own file, and leaving it would fail every later build.
    """
    if not os.path.lexists(path):
        return None
    if os.path.islink(path) or not os.path.isdir(path):
        try:
            os.unlink(path)
        except OSError as exc:
            return exc
        return None
    if _rmtree(path):
        _make_writable(path)
        failures = _rmtree(path)
        if failures:
            where, exc = failures[0]
            return OSError(getattr(exc, "errno", None), getattr(exc, "strerror", str(exc)), where)
    return None


def _rmtree(path):
    """Delete as much of the tree at path as possible; return [(path, exception)] that failed."""
    failures = []
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=lambda _func, where, exc: failures.append((where, exc)))
    else:
        shutil.rmtree(path, onerror=lambda _func, where, info: failures.append((where, info[1])))
    return failures


def _make_writable(folder):
    """Give the owner rwx on folder and every folder below it (errors ignored)."""
    with contextlib.suppress(OSError):
        os.chmod(folder, stat.S_IMODE(os.lstat(folder).st_mode) | stat.S_IRWXU)
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _make_writable(entry.path)
