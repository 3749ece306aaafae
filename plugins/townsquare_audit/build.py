"""Run the audit as part of every Pelican build and stop the build when it fails.

With the safebuild plugin the audit inspects the staged site before it replaces output/
(so a failing publish never goes live); without it, the audit runs at `finalized`.
"""

import logging
import os
import sys

from . import settings as audit_settings
from .finding import fails
from .report import line, render, summary
from .runner import audit_site

logger = logging.getLogger(__name__)
SHOWN_IN_ERROR = 3


class AuditFailed(Exception):
    """The built site has findings at or above AUDIT_FAIL_ON."""

    exitcode = 1


def validate(pelican):
    """At `initialized`: check the AUDIT_* settings (all problems in one error)."""
    pelican.townsquare_audit = audit_settings.resolve(pelican.settings)


def on_staged(pelican, output_path=None):
    """safebuild's site_staged receiver: return error messages when the audit fails."""
    return _run(pelican, output_path or pelican.output_path)


def on_finalized(pelican):
    """`finalized` receiver for builds without safebuild: raise when the audit fails."""
    if "TOWNSQUARE_FINAL_OUTPUT" in pelican.settings:
        return  # safebuild runs us on the staged site instead
    errors = _run(pelican, pelican.output_path)
    if errors:
        raise AuditFailed("\n".join(errors))


def _run(pelican, output_path):
    values = getattr(pelican, "townsquare_audit", None) or audit_settings.resolve(pelican.settings)
    if not values["AUDIT_ENABLED"]:
        return []
    final = pelican.settings.get("TOWNSQUARE_FINAL_OUTPUT", output_path)
    options = audit_settings.options_for(pelican.settings, values, display_root=_shown(final))
    cache = None
    if values["AUDIT_CACHE"] and pelican.settings.get("CACHE_PATH"):
        cache = os.path.join(pelican.settings["CACHE_PATH"], "townsquare-audit.json")
    result = audit_site(output_path, options, cache)
    for warning in result.warnings:
        logger.warning("audit: %s", warning)
    fail_on = values["AUDIT_FAIL_ON"]
    reports = values["AUDIT_REPORT"] or []
    for report in [reports] if isinstance(reports, str | os.PathLike) else reports:
        _write_report(report, result, fail_on)
    # The report is the reporter's output, not a log record: printed as is, never re-wrapped.
    print(render(result, "text", fail_on) if result.findings else summary(result), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true" and result.findings:
        # In a GitHub Actions job these lines become annotations on the commit or pull
        # request (the publish workflow needs no step of its own for them).
        print(render(result, "github", fail_on), end="")
    failing = [f for f in result.findings if fails(f, fail_on)]
    if not failing:
        return []
    shown = [f"    {line(f)}" for f in failing[:SHOWN_IN_ERROR]]
    if len(failing) > SHOWN_IN_ERROR:
        shown.append(f"    ... and {len(failing) - SHOWN_IN_ERROR} more (see the report above)")
    head = f"audit: {len(failing)} finding(s) at or above AUDIT_FAIL_ON={fail_on!r}:"
    return ["\n".join([head, *shown])]


def _shown(path):
    """Show the output folder relative to the working directory when it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _write_report(path, result, fail_on):
    fmt = (
        "json"
        if str(path).endswith(".json")
        else "junit"
        if str(path).endswith(".xml")
        else "text"
    )
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render(result, fmt, fail_on))
    except OSError as exc:
        raise AuditFailed(
            f"audit: cannot write AUDIT_REPORT {str(path)!r}: {exc.strerror or exc}; fix: "
            "point AUDIT_REPORT at a file in a folder you can write to"
        ) from exc
