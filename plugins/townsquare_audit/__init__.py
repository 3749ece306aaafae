"""The interaction audit: every built page must offer ways to share, respond and follow.

Runs after every build (see build.py) and stands alone: ``townsquare audit DIR``. Only
register() touches Pelican, so the audit itself imports without it (townsquare_command.py).
"""


def register():
    """Validate settings at start-up; audit the staged site (safebuild) or the final one."""
    from pelican import signals

    from pelican.plugins.townsquare.signals import audit_page, site_staged

    from .api import on_audit_page
    from .build import on_finalized, on_staged, validate

    signals.initialized.connect(validate)
    site_staged.connect(on_staged)
    audit_page.connect(on_audit_page)
    signals.finalized.connect(on_finalized)
