"""Which feeds the site has, where they live, and which ones each page should point to."""

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from pelican.plugins.townsquare.assets import site_path

from .absolute import is_absolute
from .entries import make_entry
from .formats import BY_NAME

#: Feed kinds after the main one: (kind, context key, switch setting, label in titles).
KINDS = (
    ("category", "categories", "FEEDS_PER_CATEGORY", "category"),
    ("tag", "tags", "FEEDS_PER_TAG", "tag"),
    ("author", "authors", "FEEDS_PER_AUTHOR", "author"),
)


@dataclass(frozen=True)
class Feed:
    """One feed (in every configured format): the posts of the site, a category, tag or author."""

    kind: str
    slug: str
    name: str
    title: str
    home_url: str
    articles: tuple  # newest first, limited
    entries: tuple = ()  # filled at write time, once other plugins have annotated the articles
    #: ((format name, path), ...): where a Pelican feed setting has this feed published in a
    #: format (adopted.py); it is written there, with Pelican's entry ids, instead of FEEDS_PATH.
    paths: tuple = ()

    def path(self, fmt, folder):
        """Output path of this feed in fmt, e.g. 'feeds/tag/trust.atom.xml'."""
        adopted = dict(self.paths).get(fmt.name)
        if adopted:
            return adopted
        stem = "all" if self.kind == "all" else f"{self.kind}/{self.slug}"
        return f"{folder}/{stem}{fmt.extension}"

    def ids(self, fmt):
        """Entry ids in fmt: "pelican" (Pelican's tag: URIs, which the readers of a feed Pelican
        used to write already know) at an adopted path, else "url" (the canonical URL)."""
        return "pelican" if fmt.name in dict(self.paths) else "url"


@dataclass(frozen=True)
class FeedLink:
    """A link to one feed document: what templates render in <link> and the subscribe block."""

    href: str
    type: str
    title: str
    text: str
    format: str


@dataclass(frozen=True)
class Site:
    """Site-wide values every format needs."""

    siteurl: str
    folder: str
    language: str
    subtitle: str | None
    icon: str | None
    logo: str | None
    full_content: bool
    xsl_url: str | None
    build_time: datetime

    def feed_url(self, feed, fmt):
        """Absolute URL of feed in fmt."""
        return f"{self.siteurl}/{feed.path(fmt, self.folder)}"


def _absolute(siteurl, value):
    if not value or is_absolute(value):
        return value
    return f"{siteurl}/{value.lstrip('/')}"


def _identity(settings, name):
    """The site-relative path (or URL) of the identity image setting name, or None."""
    value = settings.get(name) or None
    return site_path(value, settings) if value and not is_absolute(value) else value


def make_site(settings):
    """The Site value for settings (already validated)."""
    siteurl = settings["SITEURL"]
    folder = settings["FEEDS_PATH"].strip("/")
    return Site(
        siteurl=siteurl,
        folder=folder,
        language=settings.get("DEFAULT_LANG", "en"),
        subtitle=settings.get("SITESUBTITLE"),
        # The site's FAVICON and SITELOGO (in the content or the theme) unless the feeds name
        # their own (relative to SITEURL).
        icon=_absolute(siteurl, settings["FEEDS_ICON"] or _identity(settings, "FAVICON")),
        logo=_absolute(siteurl, settings["FEEDS_LOGO"] or _identity(settings, "SITELOGO")),
        full_content=settings["FEEDS_CONTENT"] == "full",
        xsl_url=f"{siteurl}/{folder}/feed.xsl" if settings["FEEDS_XSL"] else None,
        build_time=datetime.now(UTC).replace(microsecond=0),
    )


class FeedPlan:
    """All feeds of one build, and the links pages should carry (exposed to templates)."""

    def __init__(self, site, formats, feeds, extras=()):
        self.site = site
        self.formats = formats
        self.feeds = {(feed.kind, feed.slug): feed for feed in feeds}
        self.main = self.feeds.get(("all", "all"))
        #: Feeds written only at the paths Pelican's settings name (no kit feed of their kind).
        self.extras = tuple(extras)

    def links(self, feed):
        """FeedLinks of feed in every configured format (empty if feed is None)."""
        if feed is None:
            return ()
        return tuple(
            FeedLink(
                self.site.feed_url(feed, fmt),
                fmt.mime,
                f"{feed.title} ({fmt.label})",
                fmt.link_text,
                fmt.name,
            )
            for fmt in self.formats
        )

    def feed_for(self, kind, item):
        """The feed of a Category, Tag or Author object, or None when it has none."""
        slug = getattr(item, "slug", None)
        return self.feeds.get((kind, slug)) if slug else None

    def head_links(self, page_kind, tag=None, category=None, author=None):
        """Autodiscovery links, most specific first on tag/category/author pages."""
        main = self.links(self.main)
        if page_kind == "article":
            # Article pages: the site feed first, then the post's category feed.
            return main + self.links(self.feed_for("category", category))
        for kind, item in (("tag", tag), ("category", category), ("author", author)):
            if item is not None:
                return self.links(self.feed_for(kind, item)) + main
        return main


def newest_first(articles, limit):
    """Articles newest first, at most limit of them (all for None or 0)."""
    ordered = sorted(articles, key=lambda article: article.date, reverse=True)
    return tuple(ordered[:limit] if limit else ordered)


def with_entries(feeds, settings, output_path):
    """Feeds with their entries built (each article once, however many feeds it is in)."""
    cache = {}

    def entry(article):
        if id(article) not in cache:
            cache[id(article)] = make_entry(article, settings, output_path)
        return cache[id(article)]

    return tuple(replace(feed, entries=tuple(map(entry, feed.articles))) for feed in feeds)


def build_plan(context, settings):
    """Compute every feed from the articles generator's context (drafts are never in it)."""
    site = make_site(settings)
    formats = tuple(BY_NAME[name] for name in settings["FEEDS_FORMATS"])
    limit = settings["FEEDS_LIMIT"]
    sitename = settings.get("SITENAME", "")
    feeds = [
        Feed(
            "all",
            "all",
            sitename,
            sitename,
            f"{site.siteurl}/",
            newest_first(context.get("articles", ()), limit),
        )
    ]
    for kind, key, switch, label in KINDS:
        if not settings[switch]:
            continue
        for item, articles in context.get(key, ()):
            feeds.append(
                Feed(
                    kind,
                    item.slug,
                    item.name,
                    f"{sitename} — {label}: {item.name}",
                    f"{site.siteurl}/{item.url}",
                    newest_first(articles, limit),
                )
            )
    return FeedPlan(site, formats, feeds)
