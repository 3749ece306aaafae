"""Say in one line why a build stopped, naming the folders the leader knows, not our staging one.

An exception that ends a build is reported as one item of the build's error list. A full disk,
a file we may not write or a template error each get a message that says what to do; anything
else keeps its type and text, with how to see the traceback.
"""

import errno
import os

from pelican.writers import FileOverwriteFailedError

DEBUG_HINT = "(for the traceback, build again with -D or TOWNSQUARE_DEBUG=1)"
FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def describe(exc, staging, final):
    """One line for the exception that stopped a build of final (staged in staging)."""
    text = _describe(exc, final)
    return text.replace(staging, final) if staging else text


def _describe(exc, final):
    if isinstance(exc, OSError) and exc.errno in FULL:
        where = f" while writing {exc.filename}" if exc.filename else ""
        return (
            f"the disk holding {final} is full ({exc.strerror}{where}) — fix: free some space "
            f"on it (`df -h {os.path.dirname(final)}` shows how much is left) and build again"
        )
    if isinstance(exc, OSError) and exc.errno in DENIED and exc.filename:
        return (
            f"{exc.filename}: {exc.strerror} — fix: make it writable for you, or build into "
            "another folder"
        )
    if isinstance(exc, FileOverwriteFailedError):
        return (
            f"{exc} — fix: two pages would be written to that file; give one of them another "
            "Slug: (or *_SAVE_AS setting)"
        )
    filename, lineno = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if type(exc).__module__.startswith("jinja2") and filename:
        return f"{filename}:{lineno}: template error: {getattr(exc, 'message', exc)}"
    return f"{type(exc).__name__}: {exc} {DEBUG_HINT}"
