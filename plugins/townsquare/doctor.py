"""`townsquare add [DIR]` (alias `townsquare doctor`): what an existing Pelican site needs.

Reads the site's pelicanconf.py (and publishconf.py) the way Pelican does and prints the one line
that loads the kit, then what the kit will do with what the site already has: its PLUGINS, its
theme, its feeds, its comments and reply address, its local and public addresses. Changes
nothing. Exit status: 0 the kit is loaded and nothing needs changing, 1 a line to add or a
problem (printed), 2 bad usage or a settings file Pelican cannot read.
"""

import argparse
import logging
import sys
from pathlib import Path

from .kit import is_local_address
from .parts import FACE, PARTS, short_name

EXIT_OK, EXIT_CHANGE, EXIT_USAGE = 0, 1, 2
CONF, PUBLISHCONF = "pelicanconf.py", "publishconf.py"
#: Markup a theme's templates carry when the theme embeds a comments service itself, and the
#: Pelican setting that switches it on (None: always on).
THEME_EMBEDS = {
    "Disqus": ("disqus.com/embed.js", "DISQUS_SITENAME"),
    "utterances": ("utteranc.es/client.js", None),
    "giscus": ("giscus.app/client.js", None),
    "Isso": ("data-isso", None),
}


class SiteUnreadable(Exception):
    """A settings file Pelican cannot read; the message names it and the cause."""


def _parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Check an existing Pelican site and print the one line that adds Townsquare.",
        epilog="exit status: 0 nothing to change, 1 a line to add or a problem, 2 bad usage",
    )
    parser.add_argument(
        "site", nargs="?", default=".", type=Path, help="the site's folder (default: .)"
    )
    return parser


def read(path):
    """The settings Pelican builds with from the file path (quietly); SiteUnreadable if not."""
    from pelican.settings import read_settings

    for name in ("pelicanconf", "publishconf"):
        sys.modules.pop(name, None)
    logging.disable(logging.WARNING)
    try:
        return read_settings(str(path))
    except Exception as error:  # the site's own code: any error it raises is the site's
        raise SiteUnreadable(f"{path}: Pelican cannot read it: {error}") from error
    finally:
        logging.disable(logging.NOTSET)


def plugins_line(settings):
    """The line to add to load the kit (None when PLUGINS already loads it, or is not set)."""
    plugins = settings.get("PLUGINS")
    if plugins is None or FACE.rsplit(".", 1)[-1] in {short_name(p) for p in plugins}:
        return None
    return (
        'PLUGINS += ("townsquare",)' if isinstance(plugins, tuple) else 'PLUGINS += ["townsquare"]'
    )


def plugin_notes(settings, name):
    """What name's PLUGINS means for the kit."""
    plugins = settings.get("PLUGINS")
    if plugins is None:
        return [
            f"plugins: {name} sets no PLUGINS: Pelican loads every installed plugin, the kit too"
        ]
    listed = [short_name(p) for p in plugins]
    if "townsquare" in listed:
        return [f"plugins: {name} loads townsquare (every part of the kit)"]
    parts = [p for p in listed if p in PARTS]
    notes = [f"plugins: {name} lists {len(listed)} plugin(s) and not townsquare"]
    if parts:
        notes.append(f"plugins: {name} loads part(s) of the kit by name: {', '.join(parts)}")
    return notes


def theme_notes(settings, folder):
    """The theme, and the comments embed its templates carry (when switched on)."""
    theme = Path(settings.get("THEME") or "")
    if theme.name == "townsquare":
        return ["theme: Townsquare's own"]
    shown = (
        theme.relative_to(folder.resolve()) if folder.resolve() in theme.parents else theme.name
    )
    notes = [f"theme: {shown} (the kit adds its share row, reply links and subscribe box)"]
    for template in sorted((theme / "templates").rglob("*.html")):
        text = template.read_text("utf-8", errors="replace")
        for service, (marker, switch) in THEME_EMBEDS.items():
            if marker in text and (switch is None or settings.get(switch)):
                where = template.relative_to(theme)
                notes.append(f"comments: the theme embeds {service} ({where}); it stays")
    return notes


def comment_notes(settings):
    """The kit's comments provider and where 'Reply by email' goes."""
    from pelican.plugins.townsquare_comments.settings import stated_address

    notes = []
    if settings.get("COMMENTS_PROVIDER"):
        notes.append(f"comments: COMMENTS_PROVIDER = {settings['COMMENTS_PROVIDER']!r}")
    address = settings.get("COMMENTS_REPLY_EMAIL") or stated_address(settings)
    if address:
        notes.append(f"comments: 'Reply by email' goes to {address}")
    else:
        notes.append(
            "comments: the settings state no e-mail address, so posts get no 'Reply by email' "
            "link (add an 'email' to AUTHORS_BIO or set COMMENTS_REPLY_EMAIL to offer one)"
        )
    return notes


def feed_notes(settings, name):
    """The Pelican feed settings name sets, which the kit writes at the same paths."""
    from pelican.plugins.townsquare_feeds.adopted import PELICAN_FEEDS

    kept = [f"{key} {settings[key]}" for key, _, _ in PELICAN_FEEDS if settings.get(key)]
    if not kept:
        return []
    return [f"feeds: {name}: the kit writes Pelican's feeds at their paths: " + ", ".join(kept)]


def address_notes(settings, name):
    """What SITEURL in name means: a local build (previews) or a production one."""
    siteurl = (settings.get("SITEURL") or "").strip()
    if name == CONF and not siteurl:
        return [f'address: {name} sets SITEURL = "": local builds use http://127.0.0.1:8000']
    if is_local_address(siteurl):
        if name == PUBLISHCONF:
            return [f"problem: {name} sets no public SITEURL; share previews need the address"]
        return [f"address: {name}: {siteurl} is local: share previews and live reload are on"]
    return [f"address: {name}: {siteurl} is public: a production build (no previews)"]


def examine(folder):
    """(line to add or None, file to add it to, notes) for the site in folder."""
    conf = read(folder / CONF)
    line, target = plugins_line(conf), CONF
    notes = plugin_notes(conf, CONF) + theme_notes(conf, folder) + comment_notes(conf)
    notes += feed_notes(conf, CONF) + address_notes(conf, CONF)
    if (folder / PUBLISHCONF).is_file():
        publish = read(folder / PUBLISHCONF)
        if line is None and plugins_line(publish):
            line, target = plugins_line(publish), PUBLISHCONF
            notes += plugin_notes(publish, PUBLISHCONF)
        notes += feed_notes(publish, PUBLISHCONF) + address_notes(publish, PUBLISHCONF)
    return line, target, notes


def main(argv=None, prog="townsquare add"):
    """Print the line to add and the notes; return the exit status."""
    args = _parser(prog).parse_args(argv)
    if not (args.site / CONF).is_file():
        print(
            f"{prog}: {args.site / CONF}: no such file; run this in a Pelican site's folder "
            "(the one with pelicanconf.py) or name that folder",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        line, target, notes = examine(args.site)
    except SiteUnreadable as error:
        print(f"{prog}: {error}", file=sys.stderr)
        return EXIT_USAGE
    if line:
        print(f"add this line at the end of {target}:\n\n    {line}\n")
    else:
        print("nothing to add: Pelican loads the kit with these settings\n")
    for note in notes:
        print(note)
    return EXIT_CHANGE if line or any(n.startswith("problem:") for n in notes) else EXIT_OK
