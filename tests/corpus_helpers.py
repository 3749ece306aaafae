"""The real-world corpus: public Pelican themes from PyPI and blog configurations in their shape.

Each blog under tests/fixtures/corpus/ is a pelicanconf.py + publishconf.py written the way
public Pelican blogs write them (their PLUGINS list with ``PLUGINS += ["townsquare"]`` as the
one added line) and a few posts. THEMES says, for each theme, what its own README tells a blog
to add to pelicanconf.py to use it (its path, its plugins and Jinja settings). A pair is built
once per test session with the blog's publishconf.py, exactly as ``pelican content -s
publishconf.py`` run in the blog's folder would, into a temporary folder.
"""

import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from conftest import FIXTURES, ROOT, reset_plugin_signals
from pelican import Pelican
from pelican.settings import read_settings

CORPUS = FIXTURES / "corpus"
SASS = ROOT / "node_modules" / ".bin" / "sass"
#: Seconds spent building each pair this session (the test module reports the total).
BUILD_SECONDS = {}


def _builtin(theme):
    """The folder of one of Pelican's own themes."""
    import pelican

    return str(Path(pelican.__file__).parent / "themes" / theme)


def _breaking_spaces(value):
    return value.replace("\u00a0", " ")


def _date_filter(value, fmt="%Y/%m/%d %H:%M"):
    return value.strftime(fmt)


def _theme_settings(name):
    """(theme folder, plugins before the kit, extra settings) as the theme's README says."""
    if name in ("notmyidea", "simple"):
        return _builtin(name), [], {}
    if name == "reflex":
        from pelican.themes import reflex

        return reflex.path(), [], {"CC_LICENSE": None}  # its templates read it unguarded
    if name == "bulrush":
        import bulrush

        return (
            bulrush.PATH,
            ["webassets"],
            {
                "JINJA_ENVIRONMENT": bulrush.ENVIRONMENT,
                "JINJA_FILTERS": bulrush.FILTERS,
            },
        )
    if name == "shiori":
        import pelican_shiori

        config = (*pelican_shiori.asset_config(), ("SASS_BIN", str(SASS)))
        return pelican_shiori.path(), ["webassets"], {"ASSET_CONFIG": config}
    if name == "jwk":
        import jwk_theme

        return jwk_theme.THEME_PATH, [], {}
    if name == "smallweb":
        from pelican.themes import smallweb

        return smallweb.path(), [], {}
    if name == "themeless":
        import pelican.themes.themeless as themeless

        return str(Path(themeless.__path__[0])), [], {}
    if name == "seafoam":
        from pelican.plugins import seafoam

        return seafoam.get_path(), ["seafoam"], {}
    if name == "engineering":
        from pelican_engineering_theme import get_theme_path

        return str(get_theme_path()), [], {}
    if name == "minchindotca":
        from minchin.pelican.themes import minchindotca

        filters = {
            "datetimefilter": _date_filter,
            "article_date": lambda value: value.strftime("%A, %B %-d, %Y"),
            "breaking_spaces": _breaking_spaces,
        }
        settings = {"BOOTSTRAP_THEME": "minchindotca", "JINJA_FILTERS": filters}
        return minchindotca.get_path(), ["minchin.pelican.plugins.image_process"], settings
    raise KeyError(name)


#: The corpus's themes: Pelican's own two, and every Pelican theme on PyPI that builds with
#: Pelican 4.12 (docs/corpus.md lists the ones that cannot, and why).
THEMES = (
    "notmyidea",
    "simple",
    "reflex",
    "bulrush",
    "shiori",
    "jwk",
    "smallweb",
    "themeless",
    "seafoam",
    "engineering",
    "minchindotca",
)
BLOGS = ("datanotes", "homelab", "trailnotes", "kernel-diary", "weeknotes", "opensource-log")
#: theme x blog pairs: every blog on notmyidea, every other theme with one blog.
PAIRS = (
    *(("notmyidea", blog) for blog in BLOGS),
    ("simple", "homelab"),
    ("reflex", "datanotes"),
    ("bulrush", "trailnotes"),
    ("shiori", "datanotes"),
    ("jwk", "kernel-diary"),
    ("smallweb", "opensource-log"),
    ("themeless", "datanotes"),
    ("seafoam", "kernel-diary"),
    ("engineering", "opensource-log"),
    ("minchindotca", "homelab"),
)
#: Each blog's public address (its publishconf.py) and its posts' URL paths.
SITEURLS = {
    "datanotes": "https://notes.kestrel-data.net",
    "homelab": "https://rackandroll.dev",
    "trailnotes": "https://trailnotes.se",
    "kernel-diary": "https://therrera.cl",
    "weeknotes": "https://samokonkwo.co.uk",
    "opensource-log": "https://tidyframe.dev",
}
POSTS = {
    "datanotes": (
        "blog/2023/02/bayes-by-hand/",
        "blog/2023/03/beta-binomial/",
        "blog/2023/04/pandas-groupby-pitfalls/",
    ),
    "homelab": (
        "2022/vlans-at-home.html",
        "2023/proxmox-backup.html",
        "2023/ups-shutdown.html",
        "2023/pihole-unbound.html",
    ),
    "trailnotes": ("kungsleden-day-one.html", "packing-list.html", "kebnekaise-weather.html"),
    "kernel-diary": ("eevdf-notes.html", "sched-setattr.html", "reading-group.html"),
    "weeknotes": ("weeknotes/week-41/", "weeknotes/week-42/", "weeknotes/week-43/"),
    "opensource-log": ("blog/release-2-0.html", "blog/why-arrow.html", "blog/triage-rota.html"),
}
#: The first words of each blog's first post (POSTS[blog][0]): its column is found by them.
FIRST_WORDS = {
    "datanotes": "Before reaching for a probabilistic programming library",
    "homelab": "The smart plugs, the kids' tablets",
    "trailnotes": "The bus from Kiruna dropped us",
    "kernel-diary": "Linux 6.6 replaced CFS with EEVDF.",
    "weeknotes": "The billing database move slipped",
    "opensource-log": "After fourteen months, 2.0 is on PyPI.",
}
#: Posts whose front matter names a raster cover: URL path -> the image's file name.
COVERS = {
    ("datanotes", "blog/2023/04/pandas-groupby-pitfalls/"): "groupby-cover.png",
    ("homelab", "2023/proxmox-backup.html"): "rack-cover.png",
    ("trailnotes", "kungsleden-day-one.html"): "ridge-header.jpg",
    ("trailnotes", "packing-list.html"): "lake.jpg",
    ("kernel-diary", "eevdf-notes.html"): "scheduler-og.png",
    ("opensource-log", "blog/release-2-0.html"): "release-banner.png",
}


def output_file(site, path):
    """The file a post's URL path is served from."""
    return site / (path + "index.html" if path.endswith("/") else path)


@contextmanager
def _in_folder(folder):
    """Run in the blog's folder with its pelicanconf importable, as `pelican` run there is."""
    before = Path.cwd()
    os.chdir(folder)
    sys.modules.pop("pelicanconf", None)  # another blog's, imported by its publishconf.py
    # `pelican` has no pelicanconf.py of its own on sys.path; this test process has the
    # repository's, which the blog's `sys.path.append(os.curdir)` would come after.
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("pelicanconf", None)
        os.chdir(before)


def blog_settings(blog, theme, output):
    """The blog's publishconf.py settings with theme's README lines and output redirected."""
    folder = CORPUS / blog
    path, theme_plugins, extra = _theme_settings(theme)
    with _in_folder(folder):
        settings = read_settings(
            str(folder / "publishconf.py"),
            override={
                "OUTPUT_PATH": str(output),
                "CACHE_PATH": str(output.parent / "cache"),
                "LOAD_CONTENT_CACHE": False,
            },
        )
    plugins = list(settings["PLUGINS"])
    # The theme's plugins go where its README puts them: in the blog's list, before the kit.
    at = plugins.index("townsquare")
    settings["PLUGINS"] = plugins[:at] + theme_plugins + plugins[at:]
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(settings.get(key), dict):
            value = _merged(settings[key], value)
        settings[key] = value
    settings["THEME"] = path
    return settings


def _merged(ours, theirs):
    merged = dict(ours)
    for key, value in theirs.items():
        if isinstance(value, list) and isinstance(merged.get(key), list):
            value = merged[key] + [item for item in value if item not in merged[key]]
        merged[key] = value
    return merged


def build_pair(theme, blog, folder):
    """Build blog with theme into folder/output, in the blog's folder; returns the output."""
    output = folder / "output"
    settings = blog_settings(blog, theme, output)
    started = time.perf_counter()
    before = Path.cwd()
    os.chdir(folder)  # pelican-seo writes its seo_report.html into the working folder
    try:
        reset_plugin_signals()
        Pelican(settings).run()
    finally:
        os.chdir(before)
        BUILD_SECONDS[(theme, blog)] = time.perf_counter() - started
    return output


def have_sass():
    """True when dart-sass (npm, package.json) is installed for shiori's stylesheet."""
    return SASS.exists() or bool(shutil.which("sass"))
