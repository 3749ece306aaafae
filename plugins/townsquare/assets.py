"""Give Pelican a plugin's own templates and static files, whatever the theme.

Each Townsquare plugin ships its partials in ``<plugin>/templates/townsquare/`` and its CSS and
JavaScript in ``<plugin>/static/townsquare/``. Registering them here makes
``{% include "townsquare/share.html" %}`` work in any theme and publishes the files under
``<THEME_STATIC_DIR>/townsquare/`` through Pelican's own static copying.
"""

import os

import jinja2

from .escaping import escape_kit_templates
from .urls import is_web_url

#: Where the kit's static files end up, relative to THEME_STATIC_DIR.
STATIC_FOLDER = "townsquare"
#: Settings key listing the template folders of the kit's loaded plugins (set here only).
TEMPLATE_PATHS = "TOWNSQUARE_TEMPLATE_PATHS"


def use_plugin_files(settings, plugin_file):
    """Register the templates/ and static/ folders next to plugin_file (a module path).

    Call at ``initialized``. Templates are searched *after* the theme's (see extend_loader), so
    a theme may ship its own ``templates/townsquare/share.html`` to restyle a partial; the
    static folder's contents are copied into THEME_STATIC_DIR by Pelican.
    """
    folder = os.path.dirname(os.path.abspath(plugin_file))
    templates = os.path.join(folder, "templates")
    static = os.path.join(folder, "static")
    paths = list(settings.get(TEMPLATE_PATHS) or [])
    if os.path.isdir(templates) and templates not in paths:
        settings[TEMPLATE_PATHS] = [*paths, templates]
    statics = list(settings.get("THEME_STATIC_PATHS") or [])
    # Pelican joins these onto the theme folder; an absolute path stays as it is.
    if os.path.isdir(static) and static not in statics:
        settings["THEME_STATIC_PATHS"] = [*statics, static]


def extend_loader(generator):
    """generator_init receiver: look templates up in the kit's folders after the theme's, and
    compile every template of the kit with autoescape on (escaping.py)."""
    paths = list(generator.settings.get(TEMPLATE_PATHS) or [])
    env = getattr(generator, "env", None)
    if env is None:
        return
    if paths and getattr(env, "_townsquare_paths", None) != paths:
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FileSystemLoader(paths)])
        env._townsquare_paths = paths
    escape_kit_templates(env, paths)


def static_url(settings, name):
    """Absolute URL of one of the kit's static files, e.g. static_url(settings, 'share.js')."""
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    folder = (settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    return f"{siteurl}/{folder}/{STATIC_FOLDER}/{name}"


def write_static(output_path, settings, name, text):
    """Write a file the build generates into the kit's static folder of the output
    (<THEME_STATIC_DIR>/townsquare/name, the file static_url(settings, name) names)."""
    folder = os.path.join(output_path, (settings.get("THEME_STATIC_DIR") or "theme").strip("/"))
    folder = os.path.join(folder, STATIC_FOLDER)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
        handle.write(text)


# -- the site's identity images (SITELOGO, FAVICON, author photos) ----------------------------
def in_content(value, settings):
    """True when value is a file under PATH inside one of STATIC_PATHS (Pelican copies it)."""
    path = os.path.join(settings.get("PATH") or "", value)
    statics = [s.strip("/") for s in settings.get("STATIC_PATHS") or ()]
    inside = any(s in ("", ".") or value == s or value.startswith(s + "/") for s in statics)
    return os.path.isfile(path) and inside


def in_theme(value, settings):
    """True when value is a file in the theme's static folder."""
    return os.path.isfile(os.path.join(settings.get("THEME") or "", "static", value))


def site_path(value, settings):
    """Where an identity image path lands in the output: a static file of the content where it
    is, a file of the theme's static folder under THEME_STATIC_DIR."""
    if in_content(value, settings) or not in_theme(value, settings):
        return value
    return f"{(settings.get('THEME_STATIC_DIR') or 'theme').strip('/')}/{value}"


def identity_url(value, settings):
    """Absolute URL of an identity image path or http(s) URL (None and '' give None)."""
    if not value or is_web_url(value):
        return value or None
    return f"{(settings.get('SITEURL') or '').rstrip('/')}/{site_path(value, settings)}"
