"""home-page: the site has a home page, so its address shows something."""

from .base import SiteRule


class HomePage(SiteRule):
    """index.html exists at the top of the site folder."""

    id = "home-page"
    description = "the site has a home page (index.html at its top)"
    hint = "build the home page (Pelican writes index.html from the theme's index.html template)"

    def check_site(self, site):
        if not site.has_home:
            yield self.site_finding(
                site.shown("index.html"),
                "the site has no home page: index.html is missing, so its address shows an "
                "error or a file listing",
            )
