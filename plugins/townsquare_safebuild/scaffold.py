"""Refuse to publish the prompts `make post` writes into a new draft.

`make post` (plugins/townsquare/newpost.py) fills a draft with three writing prompts and an
empty ``Summary:``. Left in place, the first prompt becomes the description every share card
shows. A publish build (``PUBLISH``) stops on them; a local build only warns, so a draft in
progress still previews.
"""

import logging

from pelican.plugins.townsquare.newpost import PROMPTS

from .source import checked_path, read_source

logger = logging.getLogger(__name__)


def scaffold_problems(source):
    """Messages for every prompt paragraph left in the body and an empty Summary line."""
    problems = []
    summary = source.field("summary")
    if summary is not None and not summary.value:
        problems.append(
            f"{source.path}:{summary.line}: 'Summary:' is empty, so the first paragraph is what "
            "people see when the post is shared — fix: write one sentence after 'Summary:' "
            "(or delete the line)"
        )
    for number, line in enumerate(source.lines[source.body_start :], source.body_start + 1):
        if line.strip() in PROMPTS:
            problems.append(
                f"{source.path}:{number}: the writing prompt '{line.strip()}' from `make post` is "
                "still in the post — fix: replace it with your own text"
            )
    return problems


def check_scaffold(content):
    """content_object_init receiver: error (publish builds) or warn about leftover prompts."""
    path = checked_path(content, drafts=False)
    if path is None:
        return
    level = logging.ERROR if content.settings.get("PUBLISH") else logging.WARNING
    for problem in scaffold_problems(read_source(path)):
        logger.log(level, "%s", problem)
