"""The share data of one article or page: which networks, where, and the exact link targets.

`share_block(content, settings)` merges the site settings with the page's front matter
(`share: off`, `share: on`, or `share: linkedin, mastodon`) in one place and returns a
ShareBlock the partial template only has to draw.
"""

import logging
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pelican.plugins.townsquare.drafts import is_draft
from pelican.plugins.townsquare.where import line_in_file

from .networks import BY_NAME, Share

logger = logging.getLogger(__name__)

OFF = ("off", "no", "false", "none")
ON = ("on", "yes", "true")


@dataclass(frozen=True)
class Link:
    """One network link as the template draws it."""

    name: str
    label: str
    href: str
    external: bool
    no_recipient: bool = False  # drawn with data-proofer-ignore (networks.Network)


@dataclass(frozen=True)
class ShareBlock:
    """Everything partials/share.html needs for one content object."""

    enabled: bool
    position: str = "after"
    title: str = ""
    canonical: str = ""
    url: str = ""
    links: tuple = ()
    copy_url: str = ""
    webshare_url: str = ""
    networks: tuple = ()
    picker: str = ""
    #: Path (no origin) of share-icons.svg plus '#': a <use href> is same-origin anyway.
    icon_base: str = ""
    #: Shares whose Mastodon picker page the generator must write.
    pickers: tuple = ()

    @property
    def copy_value(self):
        """copy_url as the copy button names it: '' when it is the canonical URL, which
        share.js reads from the page's <link rel=canonical> (no second copy in the markup)."""
        return "" if self.copy_url == self.canonical else self.copy_url

    @property
    def webshare_value(self):
        """webshare_url as the Share button names it ('' when it is the canonical URL)."""
        return "" if self.webshare_url == self.canonical else self.webshare_url

    @property
    def sprite_slot(self):
        """The include slot ("before"/"after") that links the stylesheet and script (once)."""
        return "after" if self.position == "after" else "before"


def icon_base(settings):
    """'/<site path>/<THEME_STATIC_DIR>/townsquare/share-icons.svg#' for <use href>."""
    root = urlsplit(settings["SITEURL"]).path.rstrip("/")
    return f"{root}/{settings['THEME_STATIC_DIR'].strip('/')}/townsquare/share-icons.svg#"


def canonical_url(content, settings):
    """Front matter `canonical` if set, else SITEURL/url (the project's canonical contract)."""
    explicit = str(content.metadata.get("canonical", "")).strip()
    if explicit:
        return explicit
    return f"{settings['SITEURL'].rstrip('/')}/{content.url}"


def with_utm(url, utm, network):
    """Append the UTM parameters (with `{network}` filled in) to url, keeping its own query."""
    if not utm:
        return url
    parts = urlsplit(url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in utm]
    params += [(k, v.replace("{network}", network)) for k, v in utm.items()]
    return urlunsplit(parts._replace(query=urlencode(params)))


def chosen_networks(content, settings):
    """The networks for content: the site list, or the front matter override; () when off."""
    default = tuple(BY_NAME[name] for name in settings["SHARE_NETWORKS"])
    raw = content.metadata.get("share")
    if raw is None:
        return default
    value = ", ".join(raw) if isinstance(raw, list | tuple) else str(raw)
    value = value.strip().lower()
    if value in OFF:
        return ()
    if value in ON or not value:
        return default
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        path = getattr(content, "source_path", "?")
        logger.error(
            "share: %s:%d: front matter 'share: %s' names unknown network(s) %s; "
            "use off, on, or a comma list of: %s",
            path,
            line_in_file(path, "^share:"),
            raw,
            ", ".join(unknown),
            ", ".join(BY_NAME),
        )
        return default
    return tuple(dict.fromkeys(BY_NAME[n] for n in names))


def share_block(content, settings, is_page=False):
    """Build the ShareBlock for an article or page."""
    networks = chosen_networks(content, settings)
    # A draft is a preview for its author: nothing on it is meant to be passed around.
    draft = is_draft(content)
    if draft or not networks or (is_page and not settings["SHARE_ON_PAGES"]):
        return ShareBlock(enabled=False)
    canonical = canonical_url(content, settings)
    utm = settings["SHARE_UTM"]
    title = str(getattr(content, "title", ""))
    picker = f"{settings['SITEURL'].rstrip('/')}/{settings['SHARE_MASTODON_PATH'].strip('/')}/"
    shares = {n.name: Share(with_utm(canonical, utm, n.name), title, "", picker) for n in networks}
    links = tuple(
        Link(n.name, n.label, n.url(shares[n.name]), n.external, n.no_recipient) for n in networks
    )
    return ShareBlock(
        enabled=True,
        # Pages draw their share controls once, after the text.
        position="after" if is_page else settings["SHARE_POSITION"],
        title=title,
        canonical=canonical,
        url=with_utm(canonical, utm, "share"),
        links=links,
        copy_url=with_utm(canonical, utm, "copy") if settings["SHARE_COPY_LINK"] else "",
        webshare_url=with_utm(canonical, utm, "webshare") if settings["SHARE_WEB_SHARE"] else "",
        networks=networks,
        picker=picker,
        icon_base=icon_base(settings),
        pickers=(shares["mastodon"],) if "mastodon" in shares else (),
    )
