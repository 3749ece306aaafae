"""Pelican's own feed settings must never write a file this plugin writes.

Pelican writes feeds too (FEED_ALL_ATOM defaults to ``feeds/all.atom.xml``, the same file as
this plugin's site feed). Both would write it and the last one would win in silence, so each
clash is reported naming both settings, and the plugin leaves the file to Pelican.
"""

#: Pelican's feed settings, and which of its objects a {slug} / {lang} stands for.
PELICAN_FEEDS = (
    ("FEED_ATOM", None),
    ("FEED_RSS", None),
    ("FEED_ALL_ATOM", None),
    ("FEED_ALL_RSS", None),
    ("CATEGORY_FEED_ATOM", "categories"),
    ("CATEGORY_FEED_RSS", "categories"),
    ("AUTHOR_FEED_ATOM", "authors"),
    ("AUTHOR_FEED_RSS", "authors"),
    ("TAG_FEED_ATOM", "tags"),
    ("TAG_FEED_RSS", "tags"),
    ("TRANSLATION_FEED_ATOM", "lang"),
    ("TRANSLATION_FEED_RSS", "lang"),
)


def pelican_feed_files(settings, context):
    """{output path: Pelican setting} for every feed Pelican itself will write."""
    files = {}
    for name, over in PELICAN_FEEDS:
        pattern = settings.get(name)
        if not pattern:
            continue
        if over is None:
            files[pattern.lstrip("/")] = name
        elif over == "lang":
            languages = {getattr(a, "lang", None) for a in context.get("articles", ())}
            for lang in filter(None, languages):
                files[pattern.format(lang=lang).lstrip("/")] = name
        else:
            for item, _articles in context.get(over, ()):
                files[pattern.format(slug=item.slug).lstrip("/")] = name
    return files


def conflicts(plan, settings, context):
    """{path: message} for every file both Pelican and this plugin would write."""
    theirs = pelican_feed_files(settings, context)
    found = {}
    for feed in plan.feeds.values():
        for fmt in plan.formats:
            path = feed.path(fmt, plan.site.folder)
            if path in theirs:
                found[path] = (
                    f"Setting '{theirs[path]}': Pelican's own feed and the feeds plugin's "
                    f"{fmt.label} feed ({feed.kind}) both write {path}; fix: set "
                    f"{theirs[path]} = None (the plugin writes Atom, RSS and JSON feeds) or "
                    "move the plugin's feeds with FEEDS_PATH"
                )
    return found
