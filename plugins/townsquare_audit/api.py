"""The audit for other plugins (the share preview): findings for one built page, by signal."""

from .options import Options
from .runner import audit_file as _audit_file
from .settings import selected_rules


def audit_file(path, site_root, settings=None):
    """Audit the built page at path inside site_root with a Pelican settings dict's AUDIT_*."""
    settings = settings or {}
    publish = settings.get("AUDIT_PUBLISH")
    options = Options(
        rules=selected_rules(settings.get("AUDIT_RULES"), settings.get("AUDIT_SKIP")),
        publish=bool(settings.get("PUBLISH", False)) if publish is None else publish,
        base_url=settings.get("SITEURL", ""),
        jobs=1,
    )
    return _audit_file(path, site_root, options)


def on_audit_page(settings, path, site_root):
    """``townsquare.audit_page`` receiver: the findings of one built page."""
    return audit_file(path, site_root, settings)
