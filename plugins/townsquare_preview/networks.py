"""The platforms a post is previewed for, and how each one cuts a link card down.

Platforms clamp card text by lines in their own layout, not by a published character count
(X is the exception: its card docs give 70 characters for a title and 200 for a
description). The limits below are character approximations of those clamps at a typical
desktop width, so a title that fits here fits there; they are documented in docs/preview.md.
"""

from dataclasses import dataclass

ELLIPSIS = "\u2026"


def truncate(text, limit):
    """Cut text to at most limit characters, at a word boundary when one is near, with '…'."""
    text = " ".join((text or "").split())
    if limit is None or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # Platforms break at words when they can; fall back to a hard cut for one long word.
    if text[limit - 1] != " " and space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\u2013\u2014\u00b7|") + ELLIPSIS


@dataclass(frozen=True)
class Card:
    """A link card as one platform would draw it; every text is already truncated."""

    network: str
    label: str
    layout: str  # "large" (image above text) or "small" (thumbnail beside text)
    title: str
    description: str  # "" when the platform does not show one
    image: str
    image_alt: str
    domain: str
    limits: str  # a sentence for the reader: what this platform cuts, and where


class Network:
    """Base class: a platform with its clamps; subclasses set the class attributes."""

    name = ""
    label = ""
    title_limit = 70
    description_limit = None  # None: the platform shows no description on link cards
    uppercase_domain = False

    def layout(self, meta):
        """Return 'large' or 'small' for this page's metadata."""
        return "large"

    def fields(self, meta):
        """Return (title, description, image, image_alt) this platform reads from meta."""
        return meta.og_title, meta.og_description, meta.og_image, meta.og_image_alt

    def card(self, meta):
        """Build this platform's Card from a page's SharedMeta."""
        title, description, image, image_alt = self.fields(meta)
        layout = self.layout(meta)
        shown = self.description_limit if self.shows_description(layout) else None
        domain = meta.domain.upper() if self.uppercase_domain else meta.domain
        return Card(
            network=self.name,
            label=self.label,
            layout=layout,
            title=truncate(title, self.title_limit),
            description=truncate(description, shown) if shown else "",
            image=image,
            image_alt=image_alt,
            domain=domain,
            limits=self.limits_text(shown),
        )

    def shows_description(self, layout):
        """Whether a description is drawn for this layout."""
        return self.description_limit is not None

    def limits_text(self, shown):
        """Describe the clamps applied to this card, for the preview page."""
        text = f"Title cut at {self.title_limit} characters"
        if shown:
            return f"{text}; description cut at {shown}."
        return f"{text}; no description is shown."


class LinkedIn(Network):
    """LinkedIn feed: big image, two-line title, domain; the description is not shown."""

    name, label = "linkedin", "LinkedIn"
    title_limit = 70


class X(Network):
    """X: twitter:* tags first, then Open Graph; large image cards show no description."""

    name, label = "x", "X"
    title_limit = 70
    description_limit = 200

    def fields(self, meta):
        return (
            meta.twitter_title or meta.og_title,
            meta.twitter_description or meta.og_description,
            meta.twitter_image or meta.og_image,
            meta.twitter_image_alt or meta.og_image_alt,
        )

    def layout(self, meta):
        return "small" if meta.twitter_card == "summary" else "large"

    def shows_description(self, layout):
        return layout == "small"


class Facebook(Network):
    """Facebook feed: upper-case domain, two-line title, one-line description."""

    name, label = "facebook", "Facebook"
    title_limit = 88
    description_limit = 110
    uppercase_domain = True


class Mastodon(Network):
    """Mastodon web: one-line title and two-line description under the image."""

    name, label = "mastodon", "Mastodon"
    title_limit = 60
    description_limit = 150


class Bluesky(Network):
    """Bluesky: title up to three lines, description two, domain underneath."""

    name, label = "bluesky", "Bluesky"
    title_limit = 100
    description_limit = 150


NETWORKS = (LinkedIn(), X(), Facebook(), Mastodon(), Bluesky())
NETWORK_NAMES = tuple(network.name for network in NETWORKS)


def cards_for(meta, names):
    """Return the Cards for the named networks, in the order given."""
    by_name = {network.name: network for network in NETWORKS}
    return [by_name[name].card(meta) for name in names]
