"""Pelican's own feed settings, taken over: the plugin writes the feeds the blog already publishes.

Pelican writes feeds by default (FEED_ALL_ATOM is ``feeds/all.atom.xml``) and real publishconf.py
files add FEED_RSS, CATEGORY_FEED_ATOM, TAG_FEED_ATOM ... Subscribers hold those URLs, so this
plugin writes a feed at every path they name (same path, same entry ids as Pelican's), in the
format the setting names, and Pelican writes none itself: one writer per file, nothing refused.
The settings stay as they are, so a theme's own feed links keep pointing at them.
"""

from collections import defaultdict
from dataclasses import replace

from .formats import BY_NAME
from .plan import Feed, newest_first

#: Pelican's feed settings: (setting, which posts, format).
PELICAN_FEEDS = (
    ("FEED_ATOM", "all", "atom"),
    ("FEED_RSS", "all", "rss"),
    ("FEED_ALL_ATOM", "all-languages", "atom"),
    ("FEED_ALL_RSS", "all-languages", "rss"),
    ("CATEGORY_FEED_ATOM", "category", "atom"),
    ("CATEGORY_FEED_RSS", "category", "rss"),
    ("AUTHOR_FEED_ATOM", "author", "atom"),
    ("AUTHOR_FEED_RSS", "author", "rss"),
    ("TAG_FEED_ATOM", "tag", "atom"),
    ("TAG_FEED_RSS", "tag", "rss"),
    ("TRANSLATION_FEED_ATOM", "lang", "atom"),
    ("TRANSLATION_FEED_RSS", "lang", "rss"),
)
#: The context key listing each kind's (item, articles) pairs.
GROUPS = {"category": "categories", "author": "authors", "tag": "tags"}


def skip_pelican_feeds(generator):
    """article_generator_init: Pelican's articles generator writes no feed (this plugin does).

    Pelican has no setting for "write no feeds but keep the names": its generate_feeds() reads
    the same settings the theme's links read, so the one method is replaced on this instance."""
    generator.generate_feeds = lambda writer: None


def _with_translations(articles):
    return list(articles) + [t for a in articles for t in getattr(a, "translations", ())]


def _groups(kind, context):
    """(slug, name, home path, articles) for every feed of one kind Pelican would write."""
    articles = list(context.get("articles", ()))
    if kind == "all":
        return [("all", None, "", articles)]
    if kind == "all-languages":
        return [("all", None, "", _with_translations(articles))]
    if kind == "lang":
        by_lang = defaultdict(list)
        for article in _with_translations(articles):
            by_lang[article.lang].append(article)
        return [(lang, lang, "", posts) for lang, posts in by_lang.items()]
    return [(i.slug, i.name, i.url, posts) for i, posts in context.get(GROUPS[kind], ())]


def adopted_feeds(plan, settings, context):
    """{output path: (Feed, format)} for every feed Pelican's settings name (first one wins)."""
    sitename, siteurl = settings.get("SITENAME", ""), plan.site.siteurl
    limit = settings.get("FEED_MAX_ITEMS")
    files = {}
    for name, kind, fmt_name in PELICAN_FEEDS:
        pattern = settings.get(name)
        if not pattern:
            continue
        for slug, label, home, posts in _groups(kind, context):
            path = str(pattern).format(slug=slug, lang=slug).lstrip("/")
            title = f"{sitename} — {kind}: {label}" if label else sitename
            feed = Feed(kind, slug, label or sitename, title, f"{siteurl}/{home}", ())
            feed = replace(feed, articles=newest_first(posts, limit), save_as=path, ids="pelican")
            files.setdefault(path, (feed, BY_NAME[fmt_name]))
    return files


def every_file(plan, settings, context):
    """{output path: (Feed, format)}: the plugin's own feeds, then Pelican's paths over them."""
    files = {
        feed.path(fmt, plan.site.folder): (feed, fmt)
        for feed in plan.feeds.values()
        for fmt in plan.formats
    }
    files.update(adopted_feeds(plan, settings, context))
    return files
