"""Rebuild a blog after every change: each failed build reported, the next one after a change.

Pelican's own autoreload loop starts the next build at once when one raises (47 rebuilds in
25 s after one mistake) and reports it as a warning, which Pelican's log filter shows only the
first time: the same mistake made again later printed nothing. Here a build either succeeds or
prints what failed, every time, and then the loop waits for the next saved change.
"""

import fnmatch
import logging
import os
import sys
import time

from pelican import Pelican
from pelican.log import LimitFilter
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.utils import wait_for_changes

#: What is watched while the settings file cannot be read (a typo in it): it, and content/.
FALLBACK_WATCH = {"PATH": "content", "THEME": "", "STATIC_PATHS": [], "IGNORE_FILES": []}


def watchable(settings):
    """settings for wait_for_changes with only the STATIC_PATHS that exist (Pelican warns
    'Unable to watch path' on every rebuild for each missing one, e.g. content/extra)."""
    content = settings.get("PATH") or ""
    static = [
        p for p in settings.get("STATIC_PATHS") or () if os.path.exists(os.path.join(content, p))
    ]
    return {**settings, "STATIC_PATHS": static}


def forget_shown_messages():
    """Let Pelican's log filter show again what an earlier build already showed."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def describe(error):
    """The text a failed build prints: the kit's own message as is, else the error's type too."""
    if type(error).__module__.startswith("pelican.plugins.townsquare"):
        return str(error)
    return f"the build failed: {type(error).__name__}: {error}"


class Rebuilder:
    """Builds one blog (its settings file plus fixed overrides) again after each change."""

    def __init__(self, settings_file, overrides):
        self.settings_file = settings_file
        self.overrides = overrides
        self.watched = dict(FALLBACK_WATCH)
        self.builds = 0
        init_logging(logging.WARNING)

    def build(self):
        """Run one build; True on success, else its problems are printed and False."""
        self.builds += 1
        forget_shown_messages()
        try:
            settings = read_settings(self.settings_file, override=dict(self.overrides))
            self.watched = watchable(settings)
            Pelican(settings).run()
        except Exception as error:
            sys.stdout.flush()
            print(describe(error), file=sys.stderr, flush=True)
            print(
                "Waiting for the next change: fix the problem and save, the page then rebuilds.",
                file=sys.stderr,
                flush=True,
            )
            return False
        return True

    def wait(self):
        """Block until a watched file changes; the changed paths."""
        changes = wait_for_changes(self.settings_file, self.watched)
        return sorted({path for _change, path in changes})

    def forever(self):
        """Build, then rebuild after every change, until interrupted."""
        again = []
        while True:
            started = time.time()
            self.build()
            # The watcher starts after the build: a file saved while it ran would be missed.
            saved = saved_since(started, self.settings_file, self.watched)
            if saved == again:  # the same files once more: the build writes them (a plugin)
                saved = []
            again = saved
            changed = saved or self.wait()
            shown = ", ".join(os.path.relpath(path) for path in changed[:3])
            more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
            print(f"-> Changed: {shown}{more}; rebuilding", flush=True)


def saved_since(moment, settings_file, watched):
    """The watched files (settings file, content, theme, static paths) modified after moment,
    sorted; IGNORE_FILES patterns are left out, as the watcher leaves them."""
    content = watched.get("PATH") or ""
    roots = [settings_file, content, watched.get("THEME") or ""]
    roots += [os.path.join(content, path) for path in watched.get("STATIC_PATHS") or ()]
    ignored = list(watched.get("IGNORE_FILES") or ())
    found = set()
    for root in filter(None, roots):
        for path in _files(os.path.abspath(root)):
            name = os.path.basename(path)
            if any(fnmatch.fnmatch(name, pattern) for pattern in ignored):
                continue
            try:
                if os.stat(path).st_mtime > moment:
                    found.add(path)
            except OSError:  # removed meanwhile
                continue
    return sorted(found)


def _files(root):
    if os.path.isfile(root):
        yield root
        return
    for folder, _folders, names in os.walk(root):
        for name in names:
            yield os.path.join(folder, name)
