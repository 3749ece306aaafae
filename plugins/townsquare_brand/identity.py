"""What the theme draws for the site's identity: logo, favicon, palette file, avatars, intro."""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from pelican.plugins.townsquare.assets import identity_url

from .assets import mime_of

MONOGRAM = "monogram.svg"
PALETTE = "palette.css"


@dataclass(frozen=True)
class Avatar:
    """An author's picture: a photo URL, or initials drawn by the theme when there is none."""

    name: str
    photo: str | None
    initials: str


#: How the author box names a profile link (AUTHORS_BIO[slug]["links"] keys); others: Title case.
NETWORK_NAMES = {
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "github": "GitHub",
    "gitlab": "GitLab",
    "x": "X",
    "twitter": "X",
    "youtube": "YouTube",
}


@dataclass(frozen=True)
class Follow:
    """One "Follow NAME on NETWORK" link of the author box."""

    network: str  # the links key, lower case (also the share sprite's symbol id)
    label: str  # "Follow Amara on LinkedIn"
    url: str


@dataclass(frozen=True)
class Person:
    """What the author box shows besides the picture: a role line and follow links."""

    role: str = ""
    follows: tuple = ()


@dataclass(frozen=True)
class Brand:
    """The `brand` template variable (see docs/brand.md)."""

    color: str
    css_url: str
    logo: str | None
    favicon: str
    favicon_type: str
    intro: str
    photos: dict  # author name -> photo URL
    people: dict = None  # author name -> Person

    def avatar(self, author):
        """The Avatar of an author (a Pelican Author or a name)."""
        name = str(author)
        return Avatar(name, self.photos.get(name), initials(name))

    def person(self, author):
        """The Person (role, follow links) of an author; an empty one when not in AUTHORS_BIO."""
        return (self.people or {}).get(str(author)) or Person()


def _network_name(key):
    return NETWORK_NAMES.get(key.lower(), key.title())


def person_of(entry):
    """The Person of one AUTHORS_BIO entry: its role and its links as labelled follow links."""
    first = str(entry.get("name") or "").split(" ")[0]
    links = entry.get("links") if isinstance(entry.get("links"), dict) else {}
    follows = tuple(
        Follow(key.lower(), f"Follow {first} on {_network_name(key)}", url)
        for key, url in links.items()
    )
    return Person(str(entry.get("role") or "").strip(), follows)


def initials(name):
    """Up to two capital letters: first and last word ('Amara Okafor' -> 'AO')."""
    words = [w for w in str(name).replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    picked = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return picked.upper()


def main_bio(settings):
    """The AUTHORS_BIO entry of AUTHOR (matched by name, then by slug), or {}."""
    bios = settings.get("AUTHORS_BIO") or {}
    author = str(settings.get("AUTHOR") or "")
    for slug, entry in bios.items():
        if entry.get("name") == author or slug == author.lower().replace(" ", "-"):
            return entry
    return {}


def intro_text(settings):
    """HOME_INTRO, else the main author's bio; '' when HOME_INTRO is False."""
    value = settings.get("HOME_INTRO")
    if value is False:
        return ""
    return (value or main_bio(settings).get("bio") or "").strip()


def monogram_svg(letter, background, foreground):
    """A 32x32 rounded-square icon with one letter (the favicon when none is configured)."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="7" fill="{background}"/>'
        f'<text x="16" y="22.5" font-family="system-ui,sans-serif" font-size="19" '
        f'font-weight="700" text-anchor="middle" fill="{foreground}">{escape(letter)}</text>'
        "</svg>\n"
    )


def make_brand(settings, static_base):
    """The Brand for validated settings; static_base is the kit's static folder URL."""
    logo = identity_url(settings.get("SITELOGO"), settings)
    favicon = identity_url(settings.get("FAVICON"), settings) or logo
    photos, people = {}, {}
    for entry in (settings.get("AUTHORS_BIO") or {}).values():
        if entry.get("photo") and entry.get("name"):
            photos[entry["name"]] = identity_url(entry["photo"], settings)
        if entry.get("name"):
            people[entry["name"]] = person_of(entry)
    return Brand(
        color=settings["BRAND_COLOR"],
        css_url=f"{static_base}/{PALETTE}",
        logo=logo,
        favicon=favicon or f"{static_base}/{MONOGRAM}",
        favicon_type=mime_of(favicon) if favicon else "image/svg+xml",
        intro=intro_text(settings),
        photos=photos,
        people=people,
    )
