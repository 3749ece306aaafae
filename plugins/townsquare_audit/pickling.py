"""Send the audit's objects to worker processes (and findings back) without importing Pelican.

pickle finds a function or class by importing its module with ``__import__``, which imports
the module's top-level package first: for ``pelican.plugins.townsquare_audit.*`` that is
Pelican itself (0.15 s in every process), which ``townsquare audit`` never loads. References
made here are looked up with importlib.import_module instead: the module is loaded already
(workers are forked from the audit), so nothing else is imported.
"""

import importlib
from dataclasses import fields


class _Module:
    """Pickles as importlib.import_module(name)."""

    def __init__(self, name):
        self.name = name

    def __reduce__(self):
        return importlib.import_module, (self.name,)


class ByName:
    """A picklable reference to a module-level function or class of the audit."""

    def __init__(self, target):
        self.module, self.name = target.__module__, target.__qualname__

    def __call__(self, *args, **kwargs):
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)

    def __reduce__(self):
        return getattr, (_Module(self.module), self.name)


def reduce_dataclass(value):
    """__reduce__ for the audit's dataclasses: rebuilt from their fields, class by name."""
    return ByName(type(value)), tuple(getattr(value, f.name) for f in fields(value))
