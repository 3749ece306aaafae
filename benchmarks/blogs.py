"""The real-world corpus blogs (tests/fixtures/corpus/) built by `python -m pelican`, kit vs plain.

Each build gets a settings file in its own work folder that reads the blog's publishconf.py as
``pelican -s publishconf.py`` run in the blog's folder does (the blog's pelicanconf.py is found
first on sys.path), then changes what tests/corpus_helpers.py's ``blog_settings()`` changes: the
theme's README lines (its ``_theme_settings()``, the one place they are written) and the cache.
Kit: the blog's ``"townsquare"`` line stays, under the kit's full module name
``pelican.plugins.townsquare`` (the editable install is invisible to Pelican's namespace
discovery; the full name imports the same modules, and plain builds never import the kit).
Plain: the line is removed. Pelican runs with the work folder as its working directory, as
``build_pair()`` does: cwd-relative files (the card cache, pelican-seo's report) land there.
"""

import importlib.util
import os
import sys
import types
from pathlib import Path

from . import sites

TESTS = sites.ROOT / "tests"
KIT = "pelican.plugins.townsquare"
#: Themes whose stylesheet is compiled by dart-sass (npm): its folder goes on PATH.
SASS_THEMES = ("shiori",)

SETTINGS = '''"""{blog} on {theme}, {name}: the blog's publishconf.py (see benchmarks/blogs.py)."""
import sys

sys.path.insert(0, {folder!r})  # the blog's pelicanconf.py, as `pelican` run in its folder
from publishconf import *  # noqa: F403

sys.path.append({root!r})
from benchmarks.blogs import adapt  # noqa: E402

globals().update(adapt(globals(), {theme!r}, kit={kit!r}))
'''


def helper(name):
    """A module of tests/ (corpus_helpers, generator_sites), loaded without the tests' conftest.

    conftest imports pytest; corpus_helpers takes ROOT, FIXTURES and reset_plugin_signals from
    it. A stand-in gives the two paths while it loads, so a measured build never pays for
    pytest's import (reset_plugin_signals is used by build_pair() only, never called here)."""
    if name in sys.modules:
        return sys.modules[name]
    stand_in = "conftest" not in sys.modules
    if stand_in:
        conftest = types.ModuleType("conftest")
        conftest.ROOT, conftest.FIXTURES = sites.ROOT, TESTS / "fixtures"
        conftest.reset_plugin_signals = None
        sys.modules["conftest"] = conftest
    try:
        spec = importlib.util.spec_from_file_location(name, TESTS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        if stand_in:
            del sys.modules["conftest"]
    sys.modules[name] = module
    return module


def adapt(settings, theme, kit):
    """The settings blog_settings() changes, from the blog's own (a settings module's globals)."""
    helpers = helper("corpus_helpers")
    path, theme_plugins, extra = helpers._theme_settings(theme)
    plugins = list(settings["PLUGINS"])
    at = plugins.index("townsquare")
    # The theme's plugins go where its README puts them: in the blog's list, before the kit.
    plugins[at : at + 1] = [*theme_plugins, *([KIT] if kit else [])]
    changed = {"PLUGINS": plugins, "THEME": path, "LOAD_CONTENT_CACHE": False}
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(settings.get(key), dict):
            value = helpers._merged(settings[key], value)
        changed[key] = value
    return changed


def pairs():
    """(theme, blog) per blog: its first theme in PAIRS other than notmyidea, else notmyidea."""
    helpers = helper("corpus_helpers")
    chosen = {}
    for theme, blog in helpers.PAIRS:
        if theme != "notmyidea":
            chosen.setdefault(blog, theme)
    return [(chosen.get(blog, "notmyidea"), blog) for blog in helpers.BLOGS]


def variant(work, theme, blog, kit):
    """A sites.Variant building blog on theme, with the kit or without it (plain)."""
    helpers = helper("corpus_helpers")
    folder = helpers.CORPUS / blog
    name = "kit" if kit else "plain"
    # Every corpus blog's PATH is 'content': given on the command line, it is absolute.
    built = sites.Variant(name, Path(work) / f"{blog}-{name}", folder / "content")
    built.work.mkdir(parents=True, exist_ok=True)
    text = SETTINGS.format(blog=blog, theme=theme, name=name, folder=str(folder),
                           root=str(sites.ROOT), kit=kit)  # fmt: skip
    built.settings_file.write_text(text, encoding="utf-8")
    return built


def environment(theme):
    """The environment a build runs in: dart-sass on PATH for the themes that need it."""
    env = dict(os.environ)
    if theme in SASS_THEMES:
        sass = str(helper("corpus_helpers").SASS.parent)
        env["PATH"] = sass + os.pathsep + env.get("PATH", "")
    return env
