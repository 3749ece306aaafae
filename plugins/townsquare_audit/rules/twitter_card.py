"""twitter-card: X and the many apps that read Twitter tags know which card to draw."""

from ..kinds import CONTENT_KINDS
from .base import Rule

CARD_TYPES = frozenset({"summary", "summary_large_image", "app", "player"})


class TwitterCard(Rule):
    """twitter:card is present and valid; a large-image card has an image to show."""

    id = "twitter-card"
    description = "twitter:card is present and valid"
    hint = 'add <meta name="twitter:card" content="summary_large_image"> to <head>'
    kit_hint = 'add <meta name="twitter:card" content="summary_large_image"> (townsquare_social)'
    kinds = CONTENT_KINDS

    def check(self, page):
        card = page.meta("twitter:card")
        if not card:
            yield self.finding(page, page.head_line, "missing twitter:card")
            return
        if card not in CARD_TYPES:
            yield self.finding(page, _line(page), f"twitter:card {card!r} is not a card type")
        elif card == "summary_large_image" and not (
            page.meta("twitter:image") or page.meta("og:image")
        ):
            yield self.finding(
                page, _line(page), "twitter:card is summary_large_image but no image is set"
            )


def _line(page):
    """Line of the twitter:card tag (searched only for a finding: most pages have none)."""
    return page.line_of('name="twitter:card"')
