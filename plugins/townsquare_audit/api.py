"""The audit for other plugins (the share preview): findings for one built page, by signal."""

from .runner import audit_file as _audit_file
from .settings import options_for, resolve


def audit_file(path, site_root, settings=None):
    """Audit the built page at path inside site_root with a Pelican settings dict's AUDIT_*
    (the same options as the build's audit, in one process)."""
    settings = settings or {}
    options = options_for(settings, resolve(settings), jobs=1)
    return _audit_file(path, site_root, options)


def on_audit_page(settings, path, site_root):
    """``townsquare.audit_page`` receiver: the findings of one built page."""
    return audit_file(path, site_root, settings)
