"""Glue to the interaction audit: findings for one built page, or why there are none.

The preview asks through the ``townsquare.audit_page`` signal (pelican.plugins.townsquare
.signals), which townsquare_audit answers; without the audit plugin the preview says so
instead of failing the build.
"""

import logging

from pelican.plugins.townsquare.signals import audit_page

logger = logging.getLogger(__name__)

UNAVAILABLE = "The interaction audit is not available in this build, so no findings are shown."


def page_findings(path, site_root, settings):
    """Return (findings sorted by line, note); note explains when the audit is unavailable."""
    try:
        answers = [
            found
            for _receiver, found in audit_page.send(
                settings, path=str(path), site_root=str(site_root)
            )
            if found is not None
        ]
    except Exception as exc:  # the preview must never break a local build
        logger.warning("preview: the audit failed on %s: %s", path, exc)
        return [], f"The interaction audit could not check this page: {exc}"
    if not answers:
        return [], UNAVAILABLE
    findings = answers[0]
    return sorted(findings, key=lambda f: (getattr(f, "line", 0) or 0, f.rule)), ""
