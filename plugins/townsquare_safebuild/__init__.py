"""Safe builds: write into a staging folder and swap it into place only when nothing failed.

Also the checks of what a leader writes, as each post is read: control characters, front matter
typos and dates, leftover `make post` prompts, images that point at no file, unsafe summary
HTML, suspicious titles and dates, root-relative links at a SITEURL with a path; and no drafts
in publish builds. Before a build: an output folder that would swallow the sources, a symlink
loop in content/; during it: two sources for one output file; at the end: one plain list of
every error (console.py).
"""

from pelican import signals

from . import console
from .collisions import check_output_paths
from .drafts import drop_article_drafts, drop_page_drafts
from .errors import BuildFailed
from .frontmatter import check_front_matter
from .hygiene import check_source_text
from .images import check_images
from .links import anchor_root_links
from .oddities import check_oddities
from .scaffold import check_scaffold
from .settings import check_site_settings
from .staging import site_staged, start
from .summaries import clean_summary
from .typos import check_setting_names

__all__ = ["BuildFailed", "register", "site_staged"]

CONTENT_CHECKS = (
    check_source_text,
    check_front_matter,
    check_scaffold,
    check_images,
    anchor_root_links,
    clean_summary,
    check_oddities,
)


def register():
    """Wrap every Pelican object's run() so it builds into a staging folder; refuse typos."""
    console.install()
    signals.initialized.connect(start)
    signals.initialized.connect(check_site_settings)
    signals.initialized.connect(check_setting_names)
    for check in CONTENT_CHECKS:
        signals.content_object_init.connect(check)
    signals.article_generator_finalized.connect(drop_article_drafts)
    signals.page_generator_finalized.connect(drop_page_drafts)
    signals.all_generators_finalized.connect(check_output_paths)
