"""Refuse an output folder whose replacement would delete the blog's own files.

A safe build replaces the whole output folder with the new site. Pelican only skips its own
cleaning when the output holds the content; the swap would still delete it. So before anything
is written we refuse an output folder that is, holds or sits inside the content, theme or
plugins folders, one that is or holds the folder of the settings file or the current folder,
and whatever the kit's one guard (pelican.plugins.townsquare.guard) refuses: a repository, a
home folder, a folder no build wrote.
"""

import os
import sys

from pelican.plugins.townsquare.guard import MARKER, removal_problems, unmarked_fix

#: How the output may not relate to a source folder, and to the settings' folder or cwd
#: (inside them is where output/ usually lives).
SOURCE = ("is", "is inside", "contains")
WORKING = ("is", "contains")
PLUGINS_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class OutputRefused(Exception):
    """OUTPUT_PATH points at (or around) the blog's own files; nothing was changed."""

    exitcode = 1


def check_output_folder(settings):
    """Raise OutputRefused naming every reason the output folder may not be replaced."""
    output = settings["OUTPUT_PATH"]
    retained = settings.get("OUTPUT_RETENTION") or ()
    around = [(name, folder, SOURCE) for name, folder in _source_folders(settings)]
    around += [(name, folder, WORKING) for name, folder in _working_folders()]
    # A build that keeps every old file (DELETE_OUTPUT_DIRECTORY = False) deletes nothing.
    deletes = settings.get("DELETE_OUTPUT_DIRECTORY", True)
    problems = removal_problems(output, retained, around, need_mark=deletes)
    if problems:
        unmarked = any(MARKER in problem for problem in problems)
        raise OutputRefused(
            f"safebuild: refusing to build into {output}: it "
            + "; it ".join(problems)
            + ". A build replaces everything in its output folder, so building there would "
            'delete those files — fix: build into a folder of its own (OUTPUT_PATH = "output" '
            "in the settings file, or -o output)"
            + (f"; {unmarked_fix(output)}" if unmarked else "")
            + "; nothing was changed"
        )


def _source_folders(settings):
    """(name, folder) for each folder holding the blog's sources or the kit's code."""
    yield f"the content folder (PATH = {settings['PATH']})", settings["PATH"]
    if os.path.isdir(settings.get("THEME") or ""):
        yield f"the theme folder (THEME = {settings['THEME']})", settings["THEME"]
    for folder in settings.get("PLUGIN_PATHS") or ():
        yield f"a plugins folder (PLUGIN_PATHS: {folder})", folder
    yield f"the kit's plugins folder ({PLUGINS_FOLDER})", PLUGINS_FOLDER


def _working_folders():
    """(name, folder) for the folder of the settings file (when Pelican's CLI runs) and cwd."""
    settings_file = _cli_settings_file()
    if settings_file:
        folder = os.path.dirname(settings_file)
        yield f"the folder holding the settings file ({folder})", folder
    yield f"the current folder ({os.getcwd()})", os.getcwd()


def _cli_settings_file():
    """The settings file given to Pelican's command line (-s), or its default; else None."""
    argv0 = sys.argv[0] if sys.argv else ""
    if os.path.basename(argv0) != "pelican" and not argv0.endswith(f"pelican{os.sep}__main__.py"):
        return None
    from pelican import DEFAULT_CONFIG_NAME, parse_arguments

    try:
        path = parse_arguments(sys.argv[1:]).settings
    except SystemExit:  # not arguments Pelican understands: not Pelican's command line
        return None
    path = path or (DEFAULT_CONFIG_NAME if os.path.isfile(DEFAULT_CONFIG_NAME) else None)
    return os.path.abspath(path) if path else None
