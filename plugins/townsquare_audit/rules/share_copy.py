"""share-copy: a copy-link or native share control, for readers who share in chat and e-mail."""

import re

from ..finding import WARNING
from ..kinds import ARTICLE, PAGE
from .base import Rule
from .names import accessible_name

CONTROL_NAME = re.compile(r"\b(copy|share)\b", re.I)


class ShareCopy(Rule):
    """Articles and pages should offer a Copy link or Web Share button."""

    id = "share-copy"
    description = "a copy-link or Web Share control is present"
    hint = "add a Copy link button (Clipboard API) or a Share button (navigator.share)"
    kit_hint = "add a <button data-ts-copy> (Clipboard API) or <button data-ts-webshare> control"
    kinds = (ARTICLE, PAGE)

    def check(self, page):
        for button in page.elements("button"):
            if (
                button.get("data-ts-copy") is not None
                or button.get("data-ts-webshare") is not None
            ):
                return
            if CONTROL_NAME.search(accessible_name(page, button)):
                return
        yield self.finding(
            page,
            page.body_line,
            "no copy-link or share button: readers cannot grab the link in one step",
            WARNING,
        )
