"""SocialMeta for listing pages (home, paginated index, tag, category, author, archives ...).

Computed from the template context Pelican passes when it writes the page: the ``tag`` /
``category`` / ``author`` object, else ``page_name`` (the direct template: index, archives ...),
plus ``output_file`` and ``articles_page``.
"""

import os
from dataclasses import replace

from . import jsonld
from .model import SocialMeta, document_title, handles

# template_name -> (title, description, (crumb name, crumb URL setting, default URL) or None);
# {name} is the tag/category/author, {site} the site name.
KINDS = {
    "tag": ("Tag: {name}", "Posts tagged “{name}” on {site}.", ("Tags", "TAGS_URL", "tags.html")),
    "category": (
        "Category: {name}",
        "Posts about {name} on {site}.",
        ("Topics", "CATEGORIES_URL", "categories.html"),
    ),
    "author": (
        "Author: {name}",
        "Posts by {name} on {site}.",
        ("Authors", "AUTHORS_URL", "authors.html"),
    ),
    "archives": ("Archive", "Every post on {site}, newest first.", None),
    "tags": ("Tags", "Every tag used on {site}.", None),
    "categories": ("Topics", "The topics {site} writes about.", None),
    "authors": ("Authors", "The people who write {site}.", None),
}


def canonical_for(siteurl, output_file):
    """SITEURL + '/' + output_file; the index page is SITEURL + '/'."""
    if output_file in ("index.html", ""):
        return f"{siteurl}/"
    return f"{siteurl}/{output_file}"


def _titles(site, template, subject, number):
    """Return (title for og:title, title drawn on the card, description, crumb or None)."""
    if template == "index":
        base = site.site_name if number == 1 else "Latest posts"
        description = site.subtitle or f"Latest posts on {site.site_name}."
        # The card already shows the site name, so the home card carries the subtitle instead.
        return base, site.subtitle or base, description, None
    title, description, crumb = KINDS.get(
        template, (template.replace("_", " ").capitalize(), "{site}", None)
    )
    name = str(subject) if subject is not None else ""
    title = title.format(name=name, site=site.site_name)
    description = description.format(name=name, site=site.site_name)
    return title, title, description, crumb


def direct_templates(settings):
    """Map the page_name Pelican gives each direct template (index, archives ...) to its name."""
    names = {}
    for template in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if save_as:
            names[os.path.splitext(save_as)[0]] = template
    return names


def listing_meta(site, context):
    """Compute the SocialMeta of a listing page from its template context.

    Returns None for pages that are not listings we know (pages other plugins render with the
    theme, such as share helpers): they keep their own title and carry no social metadata.
    """
    template = next((k for k in ("tag", "category", "author") if context.get(k) is not None), None)
    template = template or site.direct_templates.get(context.get("page_name"))
    if template is None:
        return None
    page = context.get("articles_page")
    number = page.number if page is not None else 1
    subject = context.get(template) if template in ("tag", "category", "author") else None
    title, card_title, description, crumb = _titles(site, template, subject, number)
    profiles = []
    if template == "author" and subject is not None:
        profiles = [site.profile(subject)]
        description = site.bio(subject) or description
    if number > 1:
        title = f"{title}, page {number}"
    canonical = canonical_for(site.siteurl, context.get("output_file", ""))
    twitter, fediverse, rel_me = handles(profiles, site.fediverse_creator)
    is_home = template == "index" and number == 1
    if is_home:
        rel_me = tuple(site.publisher_info["same_as"])
    meta = SocialMeta(
        kind="home" if is_home else "listing",
        title=title,
        document_title=document_title(title, site.site_name),
        description=site.cut(description),
        canonical=canonical,
        site_name=site.site_name,
        locale=site.locale,
        image=site.card_image(card_title, "" if card_title == site.subtitle else site.subtitle)
        or site.default_image(),
        twitter_site=site.twitter_site,
        twitter_creator=twitter,
        fediverse_creators=fediverse,
        rel_me=rel_me,
    )
    return _with_json_ld(site, meta, is_home, crumb)


def _with_json_ld(site, meta, is_home, crumb):
    publisher = site.publisher_node()
    if is_home:
        blocks = (jsonld.website(meta, publisher, site.language), jsonld.standalone(publisher))
        return replace(meta, json_ld=tuple(jsonld.dump(b) for b in blocks))
    page = jsonld.web_page(meta, "CollectionPage", f"{site.siteurl}/", site.language)
    trail = [(site.site_name, f"{site.siteurl}/")]
    if crumb is not None:
        name, setting, default = crumb
        trail.append((name, f"{site.siteurl}/{site.settings.get(setting) or default}"))
    trail.append((meta.title, meta.canonical))
    blocks = (page, jsonld.breadcrumbs(trail))
    return replace(meta, json_ld=tuple(jsonld.dump(b) for b in blocks))
