"""The subscribe block's data: feed links, follow links from SOCIAL, the newsletter form."""

from dataclasses import dataclass

from .newsletter import Newsletter, newsletter


@dataclass(frozen=True)
class Network:
    """A profile network we recognise: rel="me" tells it (and IndieWeb tools) the link is ours."""

    name: str
    label: str


#: Known networks; SOCIAL names are matched case-insensitively against `name`.
NETWORKS = (
    Network("mastodon", "Mastodon"),
    Network("linkedin", "LinkedIn"),
    Network("bluesky", "Bluesky"),
    Network("github", "GitHub"),
    Network("threads", "Threads"),
    Network("x", "X"),
)
BY_NAME = {network.name: network for network in NETWORKS}


@dataclass(frozen=True)
class FollowLink:
    """One follow link: visible label, URL and rel."""

    label: str
    url: str
    rel: str
    network: str


@dataclass(frozen=True)
class Subscribe:
    """Everything the subscribe partial renders."""

    feeds: tuple
    follow: tuple
    newsletter: Newsletter | None


def follow_links(social):
    """FollowLinks for Pelican's SOCIAL (name, url) pairs, in the order given."""
    links = []
    for entry in social or ():
        name, url = entry[0].strip(), entry[1]
        network = BY_NAME.get(name.lower())
        if network:
            links.append(FollowLink(network.label, url, "me noopener", network.name))
        else:
            links.append(FollowLink(name, url, "noopener", "other"))
    return tuple(links)


def subscribe_block(feed_links, settings):
    """The Subscribe value for the site's main feed links and settings."""
    return Subscribe(
        feeds=feed_links,
        follow=follow_links(settings.get("SOCIAL")),
        newsletter=newsletter(settings.get("FEEDS_NEWSLETTER")),
    )
