"""SocialMeta for one article or page, with front matter overrides and the fallback chains.

Front matter keys (same names as the Open Graph concepts): ``og_title``, ``og_description``,
``image``, ``image_alt``, ``canonical``. The author's chosen image stays the og:image: a cover
the front matter names under any of the keys themes and plugins use (COVER_KEYS, and the keys
the theme prints as its og:image: themecovers.py), else the first image of the post, else the
theme's site-wide cover (THEME_COVER_SETTINGS, or the setting it prints); the drawn
card is the fallback. ``description`` (read by many themes and pelican-seo) stands in for
``og_description``.
"""

import logging
from dataclasses import replace

from pelican.contents import Article

from pelican.plugins.townsquare.drafts import is_draft
from pelican.plugins.townsquare.where import at_key

from . import jsonld
from .model import SocialMeta, document_title, handles
from .profiles import is_web_url
from .raster import NotPreviewable
from .text import cut, first_paragraph, plain
from .themecovers import cover_names

logger = logging.getLogger(__name__)


def kind_of(content):
    """The theme's page kind for a content object: article, 404 or page."""
    if isinstance(content, Article):
        return "article"
    return "404" if getattr(content, "template", "") == "404" else "page"


def describe(content, limit):
    """og_description (or description), else the Summary metadata, else the first paragraph;
    cut to limit."""
    meta = content.metadata
    chosen = str(meta.get("og_description") or meta.get("description") or "").strip()
    text = chosen or plain(meta.get("summary") or "")
    return cut(text or first_paragraph(content.content), limit)


def pick_image(site, content, title):
    """The cover the front matter names, else the first image in the content, else the
    theme's cover, else a card, else the default image."""
    alt = str(content.metadata.get("image_alt") or "").strip() or title
    keys, settings = cover_names(site.settings.get("THEME"))
    for key in keys:
        found = _named_image(site, content, key, alt)
        if found is not None:
            return found
    found = site.finder.first_in(content.content, content.source_path)
    if found is not None:
        return found if found.alt else replace(found, alt=title)
    for name in settings:
        value = site.settings.get(name)
        reference = value.strip() if isinstance(value, str) else ""  # not a map of images
        found = _resolve(site, reference, alt, f"{name} {reference!r}") if reference else None
        if found is not None:
            return found
    authors = tuple(getattr(content, "authors", None) or ())
    byline = ", ".join(a.name for a in authors)
    return site.card_image(title, byline or site.subtitle, authors) or site.default_image()


def _named_image(site, content, key, alt):
    """The SocialImage of a front matter image key (None when absent or unusable)."""
    reference = str(content.metadata.get(key) or "").strip()
    if not reference:
        return None
    where = f"{at_key(content, key)}: {key.capitalize()} {reference!r}"
    found = _resolve(site, reference, alt, where)
    if found is None and not site.finder.locate(reference):
        logger.error(
            "social: %s is neither a static file of the content nor of the theme nor an "
            "http(s) URL — fix: use a path inside the content folder such as "
            "'images/photo.png' (the file must exist) or a full https:// URL",
            where,
        )
    return found


def _resolve(site, reference, alt, where):
    """finder.resolve, with an image link previews cannot show reported once and skipped."""
    try:
        return site.finder.resolve(reference, alt, where)
    except NotPreviewable as why:
        logger.warning("social: %s %s; the page's og:image uses the next choice", where, why)
        return None


def canonical_of(site, content):
    """Front matter canonical (for cross-posted articles), else SITEURL/url."""
    declared = str(content.metadata.get("canonical") or "").strip()
    if declared and not is_web_url(declared):
        logger.error(
            "social: %s: canonical %r is not an absolute http(s) URL",
            at_key(content, "canonical"),
            declared,
        )
    return declared if is_web_url(declared) else f"{site.siteurl}/{content.url}"


def content_meta(site, content):
    """Compute the SocialMeta of an article or page."""
    kind = kind_of(content)
    title = str(content.metadata.get("og_title") or "").strip() or str(content.title).strip()
    authors = tuple(getattr(content, "authors", ()) or ())
    profiles = [site.profile(a) for a in authors] if kind == "article" else []
    twitter, fediverse, rel_me = handles(profiles, site.fediverse_creator)
    meta = SocialMeta(
        kind=kind,
        title=title,
        document_title=document_title(title, site.site_name),
        description=describe(content, site.limit),
        canonical="" if kind == "404" else canonical_of(site, content),
        site_name=site.site_name,
        locale=site.locale,
        image=pick_image(site, content, title),
        twitter_site=site.twitter_site,
        twitter_creator=twitter,
        fediverse_creators=fediverse,
        rel_me=rel_me,
        # Drafts are built for local previews only (safebuild drops them from publish builds).
        robots="noindex" if is_draft(content) else "",
    )
    if kind == "article":
        date = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or date
        meta = replace(
            meta,
            published=date.isoformat() if date else "",
            modified=modified.isoformat() if modified else "",
            section=str(getattr(content, "category", "") or ""),
            tags=tuple(str(t) for t in getattr(content, "tags", ()) or ()),
            author_urls=tuple(site.author_url(a) for a in authors),
        )
    return replace(meta, json_ld=_json_ld(site, content, meta, authors, profiles))


def _json_ld(site, content, meta, authors, profiles):
    if meta.kind == "404":
        return ()
    language = getattr(content, "lang", None) or site.language
    local_url = f"{site.siteurl}/{content.url}"
    home = (site.site_name, f"{site.siteurl}/")
    if meta.kind == "article":
        people = [
            jsonld.person(p, site.author_url(a)) for p, a in zip(profiles, authors, strict=True)
        ]
        main = jsonld.blog_posting(meta, people, site.publisher_node(), language)
        category = getattr(content, "category", None)
        trail = [home]
        if category is not None:
            trail.append((str(category), f"{site.siteurl}/{category.url}"))
    else:
        main = jsonld.web_page(meta, "WebPage", f"{site.siteurl}/", language)
        trail = [home]
    trail.append((meta.title, local_url))
    return (jsonld.dump(main), jsonld.dump(jsonld.breadcrumbs(trail)))
