"""Stage Pelican's output next to the real folder, then swap atomically-enough on success.

Pelican writes straight into OUTPUT_PATH, so a build that dies half-way (a template error,
a bad post) would leave readers a broken site. We point Pelican at a sibling staging folder,
collect every ERROR logged during the run, and only when there is none rename the staging
folder over the old output. Other plugins can inspect the staged site before the swap by
connecting to the ``townsquare.site_staged`` blinker signal (the audit does this).
"""

import logging
import os
import shutil
import sys

import blinker

logger = logging.getLogger(__name__)

#: Sent with the Pelican object after all files are written, before the swap.
#: Receivers raise :class:`BuildFailed` to keep the previous output.
site_staged = blinker.signal("townsquare.site_staged")


class BuildFailed(Exception):
    """The build produced errors; the previous output was left untouched."""

    exitcode = 1


class _ErrorCollector(logging.Handler):
    """Remember every ERROR (or worse) record logged while a build runs."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def emit(self, record):
        try:
            message = record.getMessage().strip()
        except Exception:  # a malformed log call must not hide the real problem
            message = str(record.msg)
        # Pelican logs "Could not process <file>" from inside its except block but hides the
        # exception unless DEBUG; the exception in flight is the actual problem, so name it.
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if exc is not None and str(exc) not in message:
            message = f"{message}: {type(exc).__name__}: {exc}"
        self.messages.append(message)


_STATE = {}


def _staging_path(output_path):
    """Return the sibling staging folder for output_path."""
    output_path = os.path.abspath(output_path)
    return os.path.join(os.path.dirname(output_path), f".{os.path.basename(output_path)}-staging")


def start(pelican):
    """Redirect the build into a fresh staging folder (called once per Pelican object)."""
    final = os.path.abspath(pelican.output_path)
    staging = _staging_path(final)
    _STATE[id(pelican)] = {"final": final, "staging": staging, "collector": _ErrorCollector()}
    pelican.output_path = staging
    pelican.settings["TOWNSQUARE_FINAL_OUTPUT"] = final


def begin_run(pelican):
    """Reset the error list and clear any staging folder left by an interrupted build."""
    state = _STATE.get(id(pelican))
    if state is None:
        return
    state["collector"].messages.clear()
    root = logging.getLogger()
    if state["collector"] not in root.handlers:
        root.addHandler(state["collector"])
    pelican.output_path = state["staging"]
    if os.path.isdir(state["staging"]):
        shutil.rmtree(state["staging"])


def finish_run(pelican):
    """Swap the staged site into place, or discard it and raise when the build failed."""
    state = _STATE.get(id(pelican))
    if state is None:
        return
    staging, final = state["staging"], state["final"]
    errors = list(state["collector"].messages)
    logging.getLogger().removeHandler(state["collector"])
    if not errors:
        try:
            for _receiver, result in site_staged.send(pelican):
                if result:
                    errors.extend(result)
        except BuildFailed as exc:
            errors.append(str(exc))
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        pelican.output_path = staging
        listed = "\n".join(f"  - {message}" for message in errors)
        raise BuildFailed(
            f"safebuild: the build failed with {len(errors)} error(s); "
            f"{final} was left as it was:\n{listed}"
        )
    _keep_retained(pelican.settings.get("OUTPUT_RETENTION", []), staging, final)
    _swap(staging, final)
    # Pelican prints its summary from output_path; later autoreload runs stage again.
    pelican.output_path = final
    logger.debug("safebuild: published staged build into %s", final)


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
