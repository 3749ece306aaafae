"""Pelican's own feed settings, taken over: the plugin writes the feeds the blog already publishes.

Pelican writes feeds by default (FEED_ALL_ATOM is ``feeds/all.atom.xml``) and real publishconf.py
files add FEED_RSS, CATEGORY_FEED_ATOM, TAG_FEED_ATOM ... Subscribers hold those URLs, so the
plugin's own feed of the same posts, in that format, is written at that path (with Pelican's
entry ids) instead of under FEEDS_PATH; a feed the plugin has no kind for (per language, or a
kind switched off) is written there as well. Pelican writes none itself: one writer per file,
nothing refused. The settings stay as they are, so a theme's own feed links keep working.
"""

from collections import defaultdict
from dataclasses import replace

from .formats import BY_NAME
from .plan import Feed, FeedPlan, newest_first

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
    """(key of the plugin's own feed or None, slug, name, home path, posts) per feed Pelican
    would write for kind."""
    articles = list(context.get("articles", ()))
    if kind in ("all", "all-languages"):
        posts = _with_translations(articles) if kind == "all-languages" else articles
        # FEED_ALL_* holds translations too: the same feed as the plugin's only without them.
        same = len(posts) == len(articles)
        return [(("all", "all") if same else None, "all", None, "", posts)]
    if kind == "lang":
        by_lang = defaultdict(list)
        for article in _with_translations(articles):
            by_lang[article.lang].append(article)
        return [(None, lang, lang, "", posts) for lang, posts in by_lang.items()]
    items = context.get(GROUPS[kind], ())
    return [((kind, i.slug), i.slug, i.name, i.url, posts) for i, posts in items]


def adopt(plan, settings, context):
    """The plan with every path Pelican's feed settings name taken over (first setting wins)."""
    feeds, extras, taken = dict(plan.feeds), [], set()
    sitename, siteurl = settings.get("SITENAME", ""), plan.site.siteurl
    for name, kind, fmt_name in PELICAN_FEEDS:
        pattern = settings.get(name)
        for key, slug, label, home, posts in _groups(kind, context) if pattern else ():
            path = str(pattern).format(slug=slug, lang=slug).lstrip("/")
            if path in taken:
                continue
            taken.add(path)
            own = feeds.get(key)
            if own and fmt_name not in dict(own.paths):
                feeds[key] = replace(own, paths=(*own.paths, (fmt_name, path)))
                continue
            # No feed of the plugin's to move there (or it already moved, as with FEED_ATOM and
            # FEED_ALL_ATOM both set): the same posts are written at this path too.
            title = f"{sitename} — {kind}: {label}" if label else sitename
            articles = newest_first(posts, settings["FEEDS_LIMIT"])
            home_url = f"{siteurl}/{home}"
            paths = ((fmt_name, path),)
            extras.append(
                Feed(kind, slug, label or sitename, title, home_url, articles, (), paths)
            )
    return FeedPlan(plan.site, plan.formats, feeds.values(), extras)


def every_file(plan):
    """{output path: (Feed, format)}: each feed in each format, and where Pelican's were."""
    files = {}
    for feeds, formats in ((plan.feeds.values(), plan.formats), (plan.extras, ())):
        for feed in feeds:
            adopted = tuple(BY_NAME[name] for name, _ in feed.paths)
            for fmt in (*formats, *(f for f in adopted if f not in formats)):
                files.setdefault(feed.path(fmt, plan.site.folder), (feed, fmt))
    return files
