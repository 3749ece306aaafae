"""Signal handlers: validate settings, register the Jinja global, compute content metadata."""

from jinja2 import pass_context

from pelican.plugins.townsquare.assets import use_plugin_files

from .settings import validate
from .site import SocialSite, site_for


def start(pelican):
    """At ``initialized``: validate SOCIAL_ settings (stops the build) and expose social_meta()."""
    settings = pelican.settings
    # OUTPUT_PATH is the final folder; pelican.output_path may already be a staging folder.
    validate(settings, (settings.get("OUTPUT_PATH"), pelican.output_path))
    use_plugin_files(settings, __file__)
    site = SocialSite(settings)
    # Generators read JINJA_GLOBALS when they build their Jinja environment, after this signal.
    social_meta = _SocialMetaGlobal(site)
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "social_meta": social_meta}


class _SocialMetaGlobal:
    """The Jinja global ``social_meta()``: the SocialMeta of the page being rendered.

    A small class rather than a closure because Pelican's content cache (CACHE_CONTENT) pickles
    the settings that tags and authors keep, JINJA_GLOBALS included; a pickled copy is never
    called (templates use the live settings), so it is reduced to a harmless name.
    """

    # Ask Jinja to pass the template context, as @pass_context does for functions.
    jinja_pass_arg = pass_context(lambda context: None).jinja_pass_arg

    def __init__(self, site):
        self.site = site

    def __call__(self, context):
        return self.site.for_template(context)

    def __reduce__(self):
        return (str, ("social_meta",))


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
