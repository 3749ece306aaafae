"""Signal handlers: validate settings, register the Jinja global, compute content metadata."""

from jinja2 import pass_context

from .settings import validate
from .site import SocialSite, site_for


def start(pelican):
    """At ``initialized``: validate SOCIAL_ settings (stops the build) and expose social_meta()."""
    settings = pelican.settings
    # OUTPUT_PATH is the final folder; pelican.output_path may already be a staging folder.
    validate(settings, (settings.get("OUTPUT_PATH"), pelican.output_path))
    site = SocialSite(settings)
    # Generators read JINJA_GLOBALS when they build their Jinja environment, after this signal.
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "social_meta": _global(site)}


def _global(site):

    @pass_context
    def social_meta(context):
        """The SocialMeta of the page being rendered."""
        return site.for_template(context)

    return social_meta


def compute_content(generators):
    """At ``all_generators_finalized``: every content is read, so links and images resolve."""
    site = site_for(generators[0].settings)
    if site is not None:
        site.start_build(generators)


def finish(pelican):
    """At ``finalized``: report how many cards were drawn and reused."""
    site = site_for(pelican.settings)
    if site is not None:
        site.finish_build()
