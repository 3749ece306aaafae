"""Stage Pelican's output next to the real folder, then swap it in only on success.

Pelican writes straight into OUTPUT_PATH, so a build that dies half-way (a template error,
a bad post) would leave readers a broken site. We point Pelican at a sibling staging folder,
collect every ERROR logged during the run, and only when there is none rename the staging
folder over the old output.

The swap must happen after *every* ``finalized`` receiver has written its files (feeds,
previews) and blinker does not order receivers, so instead of listening to ``finalized`` we
wrap the Pelican object's ``run``. Other plugins inspect the finished staged site by
connecting to the ``townsquare.site_staged`` blinker signal (the audit does this); a receiver
returns a list of error messages (or raises :class:`BuildFailed`) to keep the old output.
"""

import functools
import logging
import os
import shutil
import sys

from pelican.plugins.townsquare.signals import site_staged

from .explain import explain

logger = logging.getLogger(__name__)


class BuildFailed(Exception):
    """The build produced errors; the previous output was left untouched."""

    exitcode = 1


class _ErrorCollector(logging.Handler):
    """Remember every ERROR (or worse) record logged while a build runs."""

    def __init__(self, content_path):
        super().__init__(level=logging.ERROR)
        self.content_path = content_path
        self.messages = []

    def emit(self, record):
        try:
            message = record.getMessage().strip()
        except Exception:  # a malformed log call must not hide the real problem
            message = str(record.msg)
        # Pelican logs "Could not process <file>" from inside its except block but hides the
        # exception unless DEBUG; the exception in flight is the actual problem, so name it.
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        explained = explain(record, exc, self.content_path)
        if explained:
            message = explained
        elif exc is not None and str(exc) not in message:
            message = f"{message}: {type(exc).__name__}: {exc}"
        self.messages.append(message)


def staging_path(output_path):
    """Return the sibling staging folder used for output_path."""
    output_path = os.path.abspath(output_path)
    return os.path.join(os.path.dirname(output_path), f".{os.path.basename(output_path)}-staging")


def start(pelican):
    """Make this Pelican object build into a staging folder on every run()."""
    if getattr(pelican, "_townsquare_staged", False):
        return
    final = os.path.abspath(pelican.output_path)
    pelican.settings["TOWNSQUARE_FINAL_OUTPUT"] = final
    pelican.run = functools.partial(_staged_run, pelican, pelican.run, final)
    pelican._townsquare_staged = True


def _staged_run(pelican, original_run, final):
    """Run the build into staging; swap on success, otherwise raise and keep final as it was."""
    staging = staging_path(final)
    if os.path.isdir(staging):  # left by an interrupted build
        shutil.rmtree(staging)
    pelican.output_path = staging
    collector = _ErrorCollector(pelican.settings.get("PATH", ""))
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        original_run()
    except Exception as crash:
        shutil.rmtree(staging, ignore_errors=True)
        if not collector.messages:
            raise
        # Errors logged before the crash usually explain it (a bad post a later step chokes
        # on), so report them all rather than only the last traceback.
        errors = [*collector.messages, f"{type(crash).__name__}: {crash}"]
        raise BuildFailed(_failure_message(final, errors)) from crash
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
        pelican.output_path = final
    errors = list(collector.messages)
    if not errors:
        errors = _staged_checks(pelican, staging)
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(_failure_message(final, errors))
    _keep_retained(pelican.settings.get("OUTPUT_RETENTION", []), staging, final)
    _swap(staging, final)
    logger.debug("safebuild: published the staged build into %s", final)


def _failure_message(final, errors):
    """The one message a failed build raises: every error, and that final was kept."""
    listed = "\n".join(f"  - {message}" for message in errors)
    return (
        f"safebuild: the build failed with {len(errors)} error(s); "
        f"{final} was left as it was:\n{listed}"
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


def _swap(staging, final):
    """Replace final with staging, keeping final intact until the new tree is in place."""
    if not os.path.isdir(staging):
        os.makedirs(staging)
    old = f"{final}.old"
    if os.path.isdir(old):
        shutil.rmtree(old)
    if os.path.isdir(final):
        os.rename(final, old)
    os.rename(staging, final)
    if os.path.isdir(old):
        shutil.rmtree(old)


def _keep_retained(names, staging, final):
    """Carry OUTPUT_RETENTION entries (e.g. a .git folder) from the old output into the new."""
    for name in names:
        old, new = os.path.join(final, name), os.path.join(staging, name)
        if os.path.exists(old) and not os.path.exists(new):
            shutil.move(old, new)
