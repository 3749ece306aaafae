"""The `townsquare` command's entry point (the console script), quick to start for an audit.

The kit's code lives in Pelican's plugin namespace (``pelican.plugins.townsquare*``), and Python
imports a module's parent packages first: any ``import pelican.plugins...`` runs Pelican's own
``pelican/__init__.py``, which loads its generators, readers, Jinja2, docutils and Markdown (about
0.15 s, as long as auditing 300 pages). ``townsquare audit`` needs none of it: the audit reads
built HTML with lxml and the standard library. So for ``audit`` this module imports the kit's
command and audit packages under their usual names but without running their parent packages
(see import_without_parents); every other subcommand, ``python -m pelican.plugins...`` and
Pelican's own plugin discovery import them the ordinary way.
"""

import gc
import importlib
import importlib.util
import os
import sys

#: The packages ``townsquare audit`` runs; neither imports Pelican when loaded.
AUDIT_PACKAGES = ("pelican.plugins.townsquare", "pelican.plugins.townsquare_audit")
PARENT = "pelican.plugins"


def import_without_parents(name):
    """Import the package ``pelican.plugins.<x>`` without executing ``pelican/__init__.py``.

    The package is found where the ordinary import would find it (``pelican/plugins/<x>`` on
    sys.path, or the editable install's finder), registered in sys.modules under its own name
    and executed; its submodules then import by their full names without touching the parents.
    Once Pelican is imported (or the package already is), this is the ordinary import."""
    if "pelican" in sys.modules or name in sys.modules:
        return importlib.import_module(name)
    folders = [os.path.join(entry or os.curdir, *PARENT.split(".")) for entry in sys.path]
    spec = None
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        spec = find(name, folders) if find else None
        if spec is not None:
            break
    if spec is None or spec.loader is None:
        return importlib.import_module(name)  # the ordinary import says what is missing
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def main(argv=None):
    """Run the `townsquare` command (pelican.plugins.townsquare.cli); return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["audit"], ["clean"]):  # clean needs only the first of them
        for name in AUDIT_PACKAGES:
            import_without_parents(name)
    from pelican.plugins.townsquare.cli import main as run

    return run(argv)


def run():
    """The console script: main(), then exit without the interpreter's last garbage collection
    over every object the command made (all of them live until exit anyway; the collection
    costs about 1 % of an audit of 1,000 pages)."""
    status = main()
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(run())
