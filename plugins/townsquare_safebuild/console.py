"""Print a failed build's errors for people and CI logs: once, one per line, no traceback.

Pelican's command line logs through rich, which wraps every message into a column beside the
log level (80 characters wide in CI, where there is no terminal) and prints the traceback of
the exception that ended the build: a path split in two cannot be copied from a CI log. So:

- the kit's own errors (exceptions defined in a ``pelican.plugins.townsquare*`` module: a failed
  build, a bad setting) are written to stderr exactly as they are, one error per line;
- the ERROR records a staged build collects are not shown as they happen, because the final
  message lists each of them once, explained;
- the kit's warnings go to stderr as one plain ``WARNING: ...`` line each.

With Pelican's ``-D``/``--debug`` or ``TOWNSQUARE_DEBUG=1`` errors keep Pelican's own output,
traceback included.
"""

import logging
import os
import sys

from rich.logging import RichHandler

DEBUG_ENV = "TOWNSQUARE_DEBUG"
KIT_MODULES = "pelican.plugins.townsquare"


def install():
    """Route the kit's errors around Pelican's console log (safe to call for every build)."""
    cli = logging.getLogger("pelican")  # the logger Pelican's main() reports exceptions on
    if not any(isinstance(f, _KitErrorsToStderr) for f in cli.filters):
        cli.addFilter(_KitErrorsToStderr())
    for handler in logging.getLogger().handlers:
        shown = isinstance(handler, RichHandler) or type(handler) is logging.StreamHandler
        if shown and not any(isinstance(f, _KitRecordsPlain) for f in handler.filters):
            handler.addFilter(_KitRecordsPlain())


def debugging():
    """True when the leader asked for tracebacks (-D / --debug, or TOWNSQUARE_DEBUG=1)."""
    if os.environ.get(DEBUG_ENV, "").strip() not in ("", "0"):
        return True
    return logging.getLogger("pelican").getEffectiveLevel() <= logging.DEBUG


def kit_error(record):
    """The kit's exception a log record reports (as exc_info or as an argument), or None."""
    candidates = [record.exc_info[1]] if record.exc_info else []
    if isinstance(record.args, tuple):
        candidates += list(record.args)
    for candidate in candidates:
        if isinstance(candidate, Exception) and type(candidate).__module__.startswith(KIT_MODULES):
            return candidate
    return None


class _KitErrorsToStderr(logging.Filter):
    """Write the kit's exception to stderr as plain lines instead of Pelican's log record."""

    def filter(self, record):
        error = kit_error(record)
        if error is None or debugging():
            return True
        _plain(str(error))
        return False


class _KitRecordsPlain(logging.Filter):
    """On the console: hide collected ERROR records, print the kit's warnings unwrapped."""

    def filter(self, record):
        if debugging():
            return True
        if getattr(record, "townsquare_collected", False):
            return False  # the failure message lists it
        if record.name.startswith(KIT_MODULES) and record.levelno >= logging.WARNING:
            _plain(f"{record.levelname}: {record.getMessage()}")
            return False
        return True


def _plain(text):
    """Write text to stderr as is, after what is on stdout (keeps a `2>&1` log in order)."""
    sys.stdout.flush()
    print(text, file=sys.stderr, flush=True)
