"""Keep drafts out of publish builds entirely.

Pelican writes drafts to ``DRAFT_SAVE_AS`` in every build, so a production site used to ship
``drafts/<slug>.html`` (with share links, a social card and a Mastodon picker). In a publish
build (``PUBLISH = True``) we empty the generators' draft lists as soon as they are read, so no
later step (pages, cards, share pickers, feeds) ever sees a draft. Local builds keep them for
previewing; the feature plugins give them ``noindex`` and no share or comment controls.
"""

import logging

logger = logging.getLogger(__name__)

ARTICLE_DRAFTS = ("drafts", "drafts_translations")
PAGE_DRAFTS = ("draft_pages", "draft_translations")


def _drop(generator, names):
    if not generator.settings.get("PUBLISH"):
        return
    dropped = 0
    for name in names:
        listed = getattr(generator, name, None)
        if listed:
            dropped += len(listed)
            # In place: the generator's context holds the same list objects.
            del listed[:]
    if dropped:
        logger.info("safebuild: %d draft(s) left out of this publish build", dropped)


def drop_article_drafts(generator):
    """article_generator_finalized receiver: no draft posts in a publish build."""
    _drop(generator, ARTICLE_DRAFTS)


def drop_page_drafts(generator):
    """page_generator_finalized receiver: no draft pages in a publish build."""
    _drop(generator, PAGE_DRAFTS)
