"""``article.share_post``: the share links as a plain dict, for themes that already render one.

pelican-share-post set the convention (Flex, Elegant and others draw ``article.share_post``):
network name -> share URL. Every network of the registry is there under its own name, plus
the names that plugin used (``twitter``, ``hacker-news``); Mastodon only when the site shares
on Mastodon, because its link points at a picker page that is only written then.
"""

from .block import canonical_url, with_utm
from .networks import NETWORKS, Share

#: Our name -> the extra key pelican-share-post gives the same link.
ALIASES = {"x": "twitter", "hackernews": "hacker-news"}


def share_post(content, block, settings):
    """The share_post dict for content ({} when sharing is off for it)."""
    if not block.enabled:
        return {}
    canonical = canonical_url(content, settings)
    chosen = {
        network.name: link.href for network, link in zip(block.networks, block.links, strict=True)
    }
    links = {}
    for network in NETWORKS:
        if network.name in chosen:
            links[network.name] = chosen[network.name]
        elif network.name != "mastodon":
            url = with_utm(canonical, settings["SHARE_UTM"], network.name)
            links[network.name] = network.url(Share(url, block.title, "", block.picker))
    for name, alias in ALIASES.items():
        if name in links:
            links[alias] = links[name]
    return links
