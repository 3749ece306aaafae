"""Refuse two source files that would be written to the same output file.

Two posts with the same slug (a copied post, a reused `Slug:`) make Pelican warn, then crash
half-way through writing with a message about our staging folder. We look at every post, page
and static file once the generators know their output paths, and stop the build with one error
per clash naming every source file involved.
"""

import logging
import os
from collections import defaultdict

from pelican.contents import Content

from .errors import BuildStopped

logger = logging.getLogger(__name__)


def check_output_paths(generators):
    """all_generators_finalized receiver: log each clash as an ERROR, then stop the build."""
    writers = defaultdict(set)
    for content in _contents(generators):
        if content.save_as and content.source_path:
            writers[os.path.normpath(content.save_as)].add(content.source_path)
    clashes = {path: sources for path, sources in writers.items() if len(sources) > 1}
    for path, sources in sorted(clashes.items()):
        logger.error(
            "safebuild: %s would be written by %d source files: %s — fix: give each its own "
            "Slug: (or rename the file)",
            path,
            len(sources),
            ", ".join(sorted(sources)),
        )
    if clashes:
        raise BuildStopped(f"{len(clashes)} output file(s) with more than one source")


def _contents(generators):
    """Every Content object (post, page, draft, translation, static file) the generators hold."""
    seen = set()
    for generator in generators:
        for value in vars(generator).values():
            if not isinstance(value, list | tuple):
                continue
            for item in value:
                if isinstance(item, Content) and id(item) not in seen:
                    seen.add(id(item))
                    yield item
