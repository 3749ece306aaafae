"""Glue to the interaction audit: findings for one built page, or why there are none.

Kept in one place so the audit's API can change without touching the preview. The audit is
expected to offer ``audit_file(path, site_root, settings)`` returning Finding values with
``path``, ``line``, ``rule``, ``severity`` and ``message``; when it cannot be imported the
preview says so instead of failing the build.
"""

import importlib
import logging

logger = logging.getLogger(__name__)

# Pelican imports plugins as top-level packages ("audit"); tests and tools use "plugins.audit".
_CANDIDATES = ("audit.api", "audit", "plugins.audit.api", "plugins.audit")


def _audit_file_function():
    """Return the audit's audit_file callable and '' , or None and the reason it is missing."""
    reasons = []
    for module_name in _CANDIDATES:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            reasons.append(f"{module_name}: {exc}")
            continue
        function = getattr(module, "audit_file", None)
        if callable(function):
            return function, ""
        reasons.append(f"{module_name} has no audit_file()")
    return None, "; ".join(reasons)


def page_findings(path, site_root, settings):
    """Return (findings sorted by line, note); note explains when the audit is unavailable."""
    audit_file, reason = _audit_file_function()
    if audit_file is None:
        logger.debug("preview: audit not available (%s)", reason)
        return (
            [],
            "The interaction audit is not available in this build, so no findings are shown.",
        )
    try:
        findings = list(audit_file(str(path), str(site_root), settings))
    except Exception as exc:  # the preview must never break a local build
        logger.warning("preview: the audit failed on %s: %s", path, exc)
        return [], f"The interaction audit could not check this page: {exc}"
    return sorted(findings, key=lambda f: (getattr(f, "line", 0) or 0, f.rule)), ""
