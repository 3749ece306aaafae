"""Read a file a leader names (an image, a logo) only when it is a regular file of sane size.

`Image: images/cover.png` may name a FIFO (opening it blocks the build for ever), a device or
a folder; Pillow opens whatever it is given. Every plugin reads such files through here: the
file is opened without blocking, checked with fstat, and read up to a size limit.
"""

import errno
import os
import stat

#: Far above any image a page should carry (a 24-megapixel photo is ~10 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular(path, limit=MAX_FILE_BYTES):
    """The bytes of the regular file at path; OSError (with a plain reason) for anything else."""
    descriptor = os.open(path, _FLAGS)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "is not a regular file (a FIFO, device or folder)")
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"is larger than {limit // (1024 * 1024)} MB")
        chunks, left = [], info.st_size
        while left > 0:
            chunk = os.read(descriptor, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)
