"""Every template the kit ships renders with autoescape on, whatever the theme's settings.

Pelican builds its Jinja environment from JINJA_ENVIRONMENT, where autoescape is off unless a
blog turns it on. Forcing it on would break foreign themes that print HTML without ``|safe``,
so the decision is made per template: a template read from one of the kit's folders (its
theme, its plugins' partials) is compiled with autoescape on; every other template keeps the
environment's own choice. Escaping is then a property of the kit's templates, not of the
``{% autoescape %}`` blocks someone remembered to write.
"""

import importlib.util
import os

import jinja2


def kit_theme_path():
    """The folder of Townsquare's own theme (pelican.themes.townsquare), or None."""
    spec = importlib.util.find_spec("pelican.themes.townsquare")
    return os.path.dirname(spec.origin) if spec and spec.origin else None


def is_kit_theme(settings):
    """True when the build's THEME is Townsquare's own theme (compared by folder)."""
    theme, kit = settings.get("THEME"), kit_theme_path()
    return bool(theme and kit) and os.path.realpath(theme) == os.path.realpath(kit)


def kit_folders(template_paths):
    """The kit's template folders: its plugins' (template_paths) and its theme's."""
    theme = kit_theme_path()
    folders = [*template_paths, *([os.path.join(theme, "templates")] if theme else [])]
    return tuple(os.path.realpath(folder) + os.sep for folder in folders)


def escape_kit_templates(env, template_paths):
    """Make env compile every template found in the kit's folders with autoescape on."""
    folders = kit_folders(template_paths)
    current = env.autoescape
    if getattr(current, "townsquare_folders", None) == folders:
        return
    original = getattr(current, "townsquare_original", current)

    kit_names = {}  # template name -> read from the kit's folders (the loader reads the file)

    def decide(name):
        if name is not None:
            if name not in kit_names:
                kit_names[name] = _from(env, name, folders)
            if kit_names[name]:
                return True
        return original(name) if callable(original) else original

    decide.townsquare_folders = folders
    decide.townsquare_original = original
    env.autoescape = decide


def _from(env, name, folders):
    """True when the file env loads for the template name lies in one of folders."""
    try:
        filename = env.loader.get_source(env, name)[1]
    except jinja2.TemplateNotFound:
        return False
    return bool(filename) and os.path.realpath(filename).startswith(folders)
