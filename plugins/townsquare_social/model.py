"""SocialMeta: every social metadata value of one built page, computed once in Python.

Templates (partials/meta.html) only print these values; Jinja's autoescape handles attributes
and the JSON-LD blocks arrive already serialised by jsonld.dump.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SocialMeta:
    """The social metadata of one page; og:title, twitter:title and JSON-LD agree by design."""

    kind: str  # article, page, home, listing, 404 (the theme's page kinds)
    title: str  # og:title / twitter:title / JSON-LD headline or name
    document_title: str  # <title>
    description: str
    canonical: str  # absolute; '' for the 404 page, which has no address of its own
    site_name: str
    locale: str
    image: object = None  # images.SocialImage or None
    twitter_site: str = ""
    twitter_creator: str = ""
    fediverse_creators: tuple = ()
    rel_me: tuple = ()
    published: str = ""  # article:published_time, ISO 8601 with offset
    modified: str = ""
    section: str = ""
    tags: tuple = ()
    author_urls: tuple = ()  # article:author
    robots: str = ""  # <meta name="robots">: "noindex" for drafts (local previews only)
    json_ld: tuple = field(default=(), compare=False)  # markupsafe.Markup blocks

    @property
    def og_type(self):
        """Open Graph type: 'article' for posts, 'website' for everything else."""
        return "article" if self.kind == "article" else "website"

    @property
    def twitter_card(self):
        """summary_large_image when there is an image to show, else summary."""
        return "summary_large_image" if self.image is not None else "summary"


def document_title(title, site_name):
    """The <title> text: the page's own title followed by the site name (just the site name
    when they are the same)."""
    return site_name if title == site_name else f"{title} · {site_name}"


def handles(profiles, site_fediverse=""):
    """Return (twitter_creator, fediverse_creators, rel_me) for the people behind a page."""
    twitter = next((p.twitter for p in profiles if p.twitter), "")
    fediverse = tuple(dict.fromkeys(p.fediverse for p in profiles if p.fediverse))
    if not fediverse and site_fediverse:
        fediverse = (site_fediverse,)
    rel_me = tuple(dict.fromkeys(link for p in profiles for link in p.links))
    return twitter, fediverse, rel_me
