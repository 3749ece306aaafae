"""Find symbolic links in the content folder that lead back into themselves.

Pelican follows folder links while it looks for posts, so `content/posts/loop -> ..` makes it
read every post again under `loop/posts/loop/...` until the path is too long: a hundred errors
about posts that are fine. We walk the same folders first and report each looping link once.
"""

import errno
import fnmatch
import os


def symlink_loops(settings):
    """One error message per symbolic link under the content folders that loops."""
    content = os.path.realpath(settings["PATH"])
    roots = {
        os.path.normpath(os.path.join(content, sub))
        for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS")
        for sub in settings.get(key) or ()
    }
    found = {}
    for root in sorted(roots):
        if os.path.isdir(root):
            _walk(root, [os.path.realpath(root)], settings.get("IGNORE_FILES") or (), found)
    return [_message(link, target, content) for link, target in sorted(found.items())]


def _walk(folder, chain, ignores, found):
    """Descend like Pelican (following links); chain holds the real paths walked through."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if any(fnmatch.fnmatch(entry.name, pattern) for pattern in ignores):
            continue
        if entry.is_symlink():
            link = os.path.join(chain[-1], entry.name)  # where the link really lives
            try:
                target = os.path.realpath(entry.path, strict=True)
            except OSError:  # a link loop that never reaches a file (a -> b -> a), or dangling
                if _loops_on_itself(entry.path):
                    found.setdefault(link, None)
                continue
            if not os.path.isdir(target):
                continue
            if target in chain or chain[-1].startswith(target.rstrip(os.sep) + os.sep):
                found.setdefault(link, target)
                continue
            _walk(entry.path, [*chain, target], ignores, found)
        elif entry.is_dir():
            _walk(entry.path, [*chain, os.path.join(chain[-1], entry.name)], ignores, found)


def _loops_on_itself(path):
    """True when resolving the link at path fails because links point at each other."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _message(link, target, content):
    """The error for one looping link, with paths shown inside the content folder."""
    if target is None:
        return (
            f"{link}: a symbolic link that leads back to itself through other links — fix: "
            f"delete it (rm {link}) or point it at a real file"
        )
    return (
        f"{link}: a symbolic link to {target}, a folder that holds the link itself, so reading "
        f"{content} would never end — fix: delete the link (rm {link}) or point it at a folder "
        "that does not contain it"
    )
