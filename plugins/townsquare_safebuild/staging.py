"""Stage Pelican's output next to the real folder, then swap it in only on success.

Pelican writes straight into OUTPUT_PATH, so a build that dies half-way (a template error,
a bad post) would leave readers a broken site. We point Pelican at a staging folder, collect
every ERROR logged during the run, and only when there is none swap the staged site in
(swap.py: atomically, never leaving the output folder missing). The whole build-and-swap holds
a lock (lock.py), so two builds of one folder run one after the other.

The swap must happen after *every* ``finalized`` receiver has written its files (feeds,
previews) and blinker does not order receivers, so instead of listening to ``finalized`` we
wrap the Pelican object's ``run``. Other plugins inspect the finished staged site by
connecting to the ``townsquare.site_staged`` blinker signal (the audit does this); a receiver
returns a list of error messages (or raises :class:`BuildFailed`) to keep the old output.
"""

import collections
import contextlib
import functools
import logging
import os
import sys

from pelican.plugins.townsquare.guard import MARKER
from pelican.plugins.townsquare.signals import site_staged

from . import lock, swap
from .crashes import describe
from .errors import BuildFailed, BuildStopped, failure_message
from .explain import explain
from .fileops import discard
from .guard import check_output_folder
from .loops import symlink_loops
from .settings import DEFAULTS

logger = logging.getLogger(__name__)


#: Loggers whose errors stop a safe build: Pelican's own and the kit's. Pelican loads plugins
#: and sends signals under pelican.plugins._utils / .signals: those are Pelican's too.
PELICAN = "pelican"
OTHER_PLUGINS = "pelican.plugins."
PELICAN_PLUGIN_MACHINERY = (
    "pelican.plugins.townsquare",
    "pelican.plugins._utils",
    "pelican.plugins.signals",
)


def foreign(record):
    """True for an ERROR another plugin logged (not Pelican, not the kit).

    Plain Pelican builds on after those (i18n_subsites logs "Cannot find translations" with a
    traceback and carries on), so adding the kit must not turn them into a failed build."""
    name = record.name or ""
    if name.startswith(PELICAN_PLUGIN_MACHINERY):
        return False
    if name.startswith(OTHER_PLUGINS):
        return True
    return not (name == PELICAN or name.startswith(PELICAN + "."))


class _ErrorCollector(logging.Handler):
    """Remember every ERROR (or worse) record logged while a build runs; other plugins'
    errors are counted apart (foreign) and do not stop it."""

    def __init__(self, content_path):
        super().__init__(level=logging.ERROR)
        self.content_path = content_path
        self.messages = []
        self.foreign = collections.Counter()  # (logger, first line of its message) -> times

    def emit(self, record):
        if foreign(record):
            # A nested build (i18n_subsites runs one per language) saw it first: counted once.
            if not getattr(record, "townsquare_foreign", False):
                record.townsquare_foreign = True
                self.foreign[(record.name, _first_line(record))] += 1
            return
        record.townsquare_collected = True  # console.py: listed once in the failure message
        message = _message(record)
        # Pelican logs "Could not process <file>" from inside its except block but hides the
        # exception unless DEBUG; the exception in flight is the actual problem, so name it.
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        explained = explain(record, exc, self.content_path)
        if explained:
            message = explained
        elif exc is not None and str(exc) not in message:
            message = f"{message}: {type(exc).__name__}: {exc}"
        self.messages.append(message)


def start(pelican):
    """Refuse an unsafe output folder; make this Pelican object build via staging on run()."""
    if getattr(pelican, "_townsquare_staged", False):
        return
    check_output_folder(pelican.settings)
    final = os.path.abspath(pelican.output_path)
    pelican.settings["TOWNSQUARE_FINAL_OUTPUT"] = final
    pelican.run = functools.partial(_staged_run, pelican, pelican.run, final)
    pelican._townsquare_staged = True


def _staged_run(pelican, original_run, final):
    """Run the build into staging; swap on success, otherwise raise and keep final as it was."""
    settings = pelican.settings  # settings.py checked SAFEBUILD_LOCK_TIMEOUT at `initialized`
    timeout = settings.get("SAFEBUILD_LOCK_TIMEOUT", DEFAULTS["SAFEBUILD_LOCK_TIMEOUT"])
    with _os_errors_fail(final):
        target = swap.target_for(final)
    with lock.exclusive(target.lock, final, timeout):
        with _os_errors_fail(final):
            swap.recover(target)
            swap.start_staging(target)
        errors, crash = symlink_loops(settings), None
        if not errors:
            errors, crash = _build(pelican, original_run, target, final)
        if errors:
            discard(target.staging)
            raise BuildFailed(failure_message(final, errors)) from crash
        with _os_errors_fail(final, target.staging, "could not put the new site in place: "):
            swap.publish(
                target,
                retained=settings.get("OUTPUT_RETENTION") or (),
                keep_old=not settings.get("DELETE_OUTPUT_DIRECTORY", True),
            )
    logger.debug("safebuild: published the staged build into %s", final)


@contextlib.contextmanager
def _os_errors_fail(final, staging="", what=""):
    """Turn an OSError of the swap's own steps into BuildFailed (dropping staging, if given)."""
    try:
        yield
    except OSError as exc:
        if staging:
            discard(staging)
        error = f"{what}{describe(exc, staging, final)}"
        raise BuildFailed(failure_message(final, [error])) from exc


def _build(pelican, original_run, target, final):
    """Run Pelican into staging; return (errors that keep final as it was, the crash or None)."""
    collector = _ErrorCollector(pelican.settings.get("PATH", ""))
    root = logging.getLogger()
    root.handlers.insert(0, collector)  # first, so it marks records before they are shown
    # Other plugins read the folder being written from the settings (pelican-seo resolves
    # each page against context["OUTPUT_PATH"]): during the build it names staging too.
    pelican.output_path = pelican.settings["OUTPUT_PATH"] = target.staging
    retention = pelican.output_retention
    # The staging folder's MARKER must outlive Pelican's cleaning of its output folder.
    pelican.output_retention = [*retention, MARKER]
    try:
        original_run()
    except BuildStopped:
        pass  # the check logged its errors; they are in collector.messages
    except Exception as crash:
        # Errors logged before the crash usually explain it (a bad post a later step chokes
        # on), so report them all, the crash last.
        return [*sorted(collector.messages), describe(crash, target.staging, final)], crash
    finally:
        root.removeHandler(collector)
        pelican.output_path = pelican.settings["OUTPUT_PATH"] = final
        pelican.output_retention = retention
        report_foreign(collector.foreign)
    return sorted(collector.messages) or _staged_checks(pelican, target.staging), None


def _message(record):
    """The record's message, stripped; a malformed log call must not hide the real problem."""
    try:
        return record.getMessage().strip()
    except Exception:
        return str(record.msg)


def _first_line(record):
    line = (_message(record).splitlines() or [""])[0]
    return line if len(line) <= 160 else line[:159] + "…"


def report_foreign(counted):
    """Say once that other plugins logged errors and the build went on anyway."""
    if not counted:
        return
    total = sum(counted.values())
    lines = [
        f"  {name}: {message}" + (f" ({times} times)" if times > 1 else "")
        for (name, message), times in sorted(counted.items())
    ]
    logger.warning(
        "safebuild: other plugins logged %d error(s) during the build; plain Pelican builds on "
        "after them, so this build went on too (each is shown above):\n%s",
        total,
        "\n".join(lines),
    )


def _staged_checks(pelican, staging):
    """Ask site_staged receivers (the audit) whether the staged site may go live."""
    errors = []
    try:
        for _receiver, result in site_staged.send(pelican, output_path=staging):
            errors.extend(result or [])
    except BuildFailed as exc:
        errors.append(str(exc))
    return errors
