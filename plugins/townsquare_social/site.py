"""One SocialSite per Pelican object: site-wide values, per-build image finder and card maker.

The signal handlers in __init__.py find the SocialSite of a build through its settings dict.
"""

import logging
import os
from pathlib import Path

from . import jsonld
from .cards import BUNDLED_FONTS, CardMaker, CardSpec
from .content import content_meta
from .geometry import HEIGHT, WIDTH
from .images import ImageFinder, SocialImage
from .listings import direct_templates, listing_meta
from .model import document_title
from .profiles import is_web_url, profile_for
from .raster import NotPreviewable
from .settings import OG_LOCALE, site_logo
from .text import cut, plain

logger = logging.getLogger(__name__)

CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)
_SITES = {}  # id(settings) -> (settings, SocialSite); the settings are kept so ids stay unique


def site_for(settings):
    """Return the SocialSite registered for a settings dict, or None."""
    entry = _SITES.get(id(settings))
    return entry[1] if entry and entry[0] is settings else None


def _locale(settings):
    """SOCIAL_LOCALE, else the first LOCALE entry that looks like en_US, else DEFAULT_LANG."""
    if settings["SOCIAL_LOCALE"]:
        return settings["SOCIAL_LOCALE"]
    locales = settings.get("LOCALE") or ()
    for entry in (locales,) if isinstance(locales, str) else locales:
        candidate = entry.split(".")[0]
        if OG_LOCALE.match(candidate):
            return candidate
    return settings.get("DEFAULT_LANG", "en")


class SocialSite:
    """Site-wide social values plus the per-build helpers (image finder, card maker)."""

    def __init__(self, settings):
        self.settings = settings
        self.siteurl = settings.get("SITEURL", "").rstrip("/")
        self.site_name = settings.get("SITENAME", "")
        self.subtitle = plain(settings.get("SITESUBTITLE") or "")
        self.language = settings.get("DEFAULT_LANG", "en")
        self.locale = _locale(settings)
        self.limit = settings["SOCIAL_DESCRIPTION_LENGTH"]
        self.twitter_site = settings["SOCIAL_TWITTER_SITE"]
        self.fediverse_creator = settings["SOCIAL_FEDIVERSE_CREATOR"]
        declared = settings["SOCIAL_PUBLISHER"]
        self.publisher_info = {
            "type": declared.get("type", "Organization"),
            "name": declared.get("name") or self.site_name,
            "url": declared.get("url") or f"{self.siteurl}/",
            # The site's logo (SITELOGO) is the publisher's unless SOCIAL_PUBLISHER names one.
            "logo": declared.get("logo", site_logo(settings)),
            "same_as": list(declared.get("same_as", [])),
        }
        self.direct_templates = direct_templates(settings)
        self.finder = None
        self.cards = None
        self._logo = None
        self._listings = {}
        _SITES[id(settings)] = (settings, self)

    # -- per build -----------------------------------------------------------------------
    def start_build(self, generators):
        """Prepare the finder and card maker, then compute SocialMeta for every content."""
        context = generators[0].context
        self._listings = {}
        if not is_web_url(self.siteurl):
            # Checked here rather than at `initialized`, so a publish build's SITEURL check
            # (share plugin) speaks first; this still fails the build through safebuild. (An
            # empty SITEURL with RELATIVE_URLS = True has the local address by now: kit.py.)
            logger.error(
                "social: SITEURL %r is not an absolute http(s) URL; Open Graph, canonical and "
                "JSON-LD values must be absolute. Fix: set SITEURL in your settings file",
                self.settings.get("SITEURL"),
            )
        self.finder = ImageFinder(
            self.siteurl,
            context["static_content"],
            Path(self.settings["THEME"]) / "static",
            self.settings.get("THEME_STATIC_DIR", "theme"),
        )
        self.cards = None
        self._logo = None
        if self.settings["SOCIAL_CARDS"]:
            self.cards = self._card_maker(generators[0].output_path)
            self._check_default_image()
        for content in self._contents(generators):
            content.social = content_meta(self, content)
            image = content.social.image
            content.social_image_url = image.url if image else None
            content.social_image_size = (
                (image.width, image.height) if image and image.width else None
            )

    def _check_default_image(self):
        """With cards on, pages draw a card instead of SOCIAL_DEFAULT_IMAGE, so a missing one
        would go unnoticed until cards are turned off: say so once per build."""
        reference = self.settings["SOCIAL_DEFAULT_IMAGE"]
        if reference and self.finder.resolve(reference, self.site_name) is None:
            logger.warning(
                "social: SOCIAL_DEFAULT_IMAGE %r is neither a static file of the content nor of "
                "the theme; pages show their drawn cards instead — fix: correct the path (or "
                "set SOCIAL_DEFAULT_IMAGE = '')",
                reference,
            )

    def _card_maker(self, output_path):
        cache = Path(self.settings["SOCIAL_CARD_CACHE"]).resolve()
        folder = self.settings["SOCIAL_CARD_PATH"].strip("/")
        return CardMaker(cache, Path(output_path) / folder, f"{self.siteurl}/{folder}")

    def _contents(self, generators):
        seen = set()
        for generator in generators:
            for name in CONTENT_LISTS:
                for content in getattr(generator, name, None) or ():
                    if id(content) not in seen and hasattr(content, "metadata"):
                        seen.add(id(content))
                        yield content

    def finish_build(self):
        """Log the card statistics of the build that just ended."""
        if self.cards is not None:
            self.cards.report()

    # -- used by content.py and listings.py -----------------------------------------------
    def cut(self, text):
        """Cut a description to SOCIAL_DESCRIPTION_LENGTH."""
        return cut(text, self.limit)

    def profile(self, author):
        """The Profile of a Pelican Author object."""
        return profile_for(self.settings.get("AUTHORS_BIO"), author.slug, author.name)

    def bio(self, author):
        """The author's bio text from AUTHORS_BIO ('' when none)."""
        return plain(self._bio_entry(author).get("bio", ""))

    def author_url(self, author):
        """Absolute URL of an author's page on this site."""
        return f"{self.siteurl}/{author.url}"

    def card_image(self, title, byline, authors=()):
        """A generated social card for title, or None when cards are off.

        A post by one author listed in AUTHORS_BIO gets that author's photo and role."""
        if self.cards is None:
            return None
        entry = self._bio_entry(authors[0]) if len(authors) == 1 else {}
        spec = CardSpec(
            title=title,
            site_name=self.site_name,
            byline=byline,
            colours=dict(self.settings["SOCIAL_CARD_COLORS"]),
            font=self._font("SOCIAL_CARD_FONT", "DejaVuSans.ttf"),
            font_bold=str(BUNDLED_FONTS / "DejaVuSans-Bold.ttf"),
            logo=self._logo_file(),
            # The title is set in the shipped open serif unless the site names its own font.
            title_font=self._font("SOCIAL_CARD_FONT_BOLD", "LiberationSerif-Bold.ttf"),
            photo=self._photo_file(entry.get("photo")),
            role=plain(str(entry.get("role") or "")),
        )
        url = self.cards.card(spec)
        alt = document_title(title, self.site_name)
        return SocialImage(url=url, alt=alt, width=WIDTH, height=HEIGHT, mime="image/png")

    def _bio_entry(self, author):
        entry = (self.settings.get("AUTHORS_BIO") or {}).get(author.slug)
        return entry if isinstance(entry, dict) else {}

    def _photo_file(self, reference):
        """The local file of an AUTHORS_BIO photo ('' for none, a URL elsewhere, or a GIF)."""
        found = self.finder.locate(reference) if isinstance(reference, str) else None
        if found is None or found[1].suffix.lower() not in (".png", ".jpg", ".jpeg", ".webp"):
            return ""
        return os.fspath(found[1])

    def default_image(self):
        """SOCIAL_DEFAULT_IMAGE as a SocialImage, or None."""
        reference = self.settings["SOCIAL_DEFAULT_IMAGE"]
        if not reference:
            return None
        alt = self.settings["SOCIAL_DEFAULT_IMAGE_ALT"] or self.site_name
        try:
            found = self.finder.resolve(reference, alt)
        except NotPreviewable as why:
            logger.warning("social: SOCIAL_DEFAULT_IMAGE %r %s; pages go without", reference, why)
            return None
        if found is None:
            logger.error(
                "social: SOCIAL_DEFAULT_IMAGE %r is neither a static file of the content nor of "
                "the theme",
                reference,
            )
        return found

    def publisher_node(self):
        """The JSON-LD publisher (Organization or Person), with its logo when configured."""
        logo_ref = self.publisher_info["logo"]
        try:
            logo = self.finder.resolve(logo_ref, self.publisher_info["name"]) if logo_ref else None
        except NotPreviewable:
            logo = None  # an SVG logo: the publisher goes without one (search engines want raster)
        return jsonld.publisher(self.publisher_info, logo)

    def _font(self, name, bundled):
        return self.settings[name] or str(BUNDLED_FONTS / bundled)

    def _logo_file(self):
        # Looked up once per build: a missing logo is one error, not one per card.
        if self._logo is None:
            self._logo = self._find_logo()
        return self._logo

    def _find_logo(self):
        reference = self.settings["SOCIAL_CARD_LOGO"]
        found = self.finder.locate(reference) if reference else None
        if reference and found is None:
            logger.error(
                "social: SOCIAL_CARD_LOGO %r is neither a static file of the content nor of "
                "the theme",
                reference,
            )
        if found is None:
            return ""
        try:
            self.finder.probe(found[1])
        except NotPreviewable as why:
            logger.warning(
                "social: SOCIAL_CARD_LOGO %r %s; cards are drawn without it", reference, why
            )
            return ""
        except OSError:
            return ""  # reported by the lookup of the same file elsewhere
        return os.fspath(found[1])

    # -- used by the theme ----------------------------------------------------------------
    def for_template(self, context):
        """The SocialMeta of the page being rendered (Jinja global ``social_meta()``)."""
        for key in ("article", "page"):
            content = context.get(key)
            if content is not None and hasattr(content, "metadata"):
                social = getattr(content, "social", None)
                return social if social is not None else content_meta(self, content)
        # base.html asks for the title and partials/meta.html for the rest: compute once.
        key = context.get("output_file")
        if key not in self._listings:
            self._listings[key] = listing_meta(self, context)
        return self._listings[key]
