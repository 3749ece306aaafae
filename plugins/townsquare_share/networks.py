"""The share networks: one small class per platform, listed once in the NETWORKS registry.

Each network knows its share-intent URL format (looked up in the platforms' own docs), how
long a prefilled post may be (for quote sharing) and a tiny 16x16 stroke icon. Every value
goes through urllib.parse with nothing left "safe", so titles with `&`, `#`, `?`, quotes,
emoji or right-to-left text always decode back to exactly what was put in.
"""

import hashlib
from dataclasses import dataclass
from urllib.parse import quote, urlencode


@dataclass(frozen=True)
class Share:
    """What is being shared: the public URL, the title, and the post text (title by default).

    `picker` is the absolute URL of the folder holding the Mastodon instance-picker pages.
    """

    url: str
    title: str
    text: str = ""
    picker: str = ""

    @property
    def body(self):
        """The text to prefill: the quote when there is one, else the title."""
        return self.text or self.title


def query(**params):
    """Percent-encode params as a query string (spaces as %20, no character left unescaped)."""
    return urlencode(params, quote_via=quote, safe="")


class Network:
    """Base class: subclasses set name, label, icon and implement url(share)."""

    name = ""
    label = ""
    #: SVG path data for a 16x16 viewBox, drawn with a stroke (keeps the sprite tiny).
    icon = ""
    #: Longest prefilled post the platform accepts, or None when it takes no text.
    limit = None
    external = True

    def url(self, share):
        """Return the share-intent URL for share."""
        raise NotImplementedError

    def url_cost(self, url):
        """How many characters of the limit the shared URL uses (most count it in full)."""
        return len(url)

    def text_length(self, text):
        """Length of text as the platform counts it (code points; see X for weighting)."""
        return len(text)


class LinkedIn(Network):
    name, label = "linkedin", "LinkedIn"
    icon = "M2 2h12v12H2zM5 7v5M5 4v1M8 12V7m0 2a2 2 0 0 1 4 0v3"

    def url(self, share):
        # share-offsite takes only the URL; the title comes from the page's Open Graph tags.
        return "https://www.linkedin.com/sharing/share-offsite/?" + query(url=share.url)


class X(Network):
    name, label = "x", "X"
    icon = "M3 2l10 12M13 2L3 14"
    limit = 280

    def url(self, share):
        return "https://x.com/intent/tweet?" + query(text=share.body, url=share.url)

    def url_cost(self, url):
        # X wraps every link in t.co, which always counts as 23 characters (+1 space).
        return 24

    def text_length(self, text):
        # twitter-text weighting: Latin, general punctuation and the like count 1, the rest 2.
        light = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
        return sum(1 if any(a <= ord(c) <= b for a, b in light) else 2 for c in text)


class Facebook(Network):
    name, label = "facebook", "Facebook"
    icon = "M10 2H9a2 2 0 0 0-2 2v10M5 7h5"

    def url(self, share):
        return "https://www.facebook.com/sharer/sharer.php?" + query(u=share.url)


class Mastodon(Network):
    """Mastodon has no central server: the link opens our own instance-picker page."""

    name, label = "mastodon", "Mastodon"
    icon = "M3 12V6a2.5 2.5 0 0 1 5 0v4M8 6a2.5 2.5 0 0 1 5 0v6"
    limit = 500

    def post_text(self, share):
        """The toot: text, a space, then the URL (Mastodon's share page has one field)."""
        return f"{share.body} {share.url}"

    def page_name(self, share):
        """File name of the picker page for share: a short hash of the exact toot text."""
        digest = hashlib.sha256(self.post_text(share).encode("utf-8")).hexdigest()
        return digest[:12] + ".html"

    def url(self, share):
        return share.picker + self.page_name(share)

    def instance_url(self, instance, share):
        """The share URL on one Mastodon server (what the picker page forwards to)."""
        return f"https://{instance}/share?" + query(text=self.post_text(share))


class Bluesky(Network):
    name, label = "bluesky", "Bluesky"
    icon = "M8 8C6 4 3 2 2 3s0 6 6 5c6 1 7-4 6-5s-4 1-6 5"
    limit = 300

    def url(self, share):
        # The compose intent has a single `text` parameter, so the URL goes inside it.
        return "https://bsky.app/intent/compose?" + query(text=f"{share.body} {share.url}")


class Threads(Network):
    name, label = "threads", "Threads"
    icon = "M11 8a3 3 0 1 1-3-3 3 3 0 0 1 3 3v1a2 2 0 0 0 4 0V8a7 7 0 1 0-3 5.7"
    limit = 500

    def url(self, share):
        return "https://www.threads.com/intent/post?" + query(text=share.body, url=share.url)


class Reddit(Network):
    name, label = "reddit", "Reddit"
    icon = "M2 10a6 3.5 0 0 0 12 0 6 3.5 0 0 0-12 0M8 6.5l1-4 3 1"

    def url(self, share):
        return "https://www.reddit.com/submit?" + query(url=share.url, title=share.title)


class HackerNews(Network):
    name, label = "hackernews", "Hacker News"
    icon = "M2 2h12v12H2zM5 4l3 4 3-4M8 8v4"

    def url(self, share):
        return "https://news.ycombinator.com/submitlink?" + query(u=share.url, t=share.title)


class WhatsApp(Network):
    name, label = "whatsapp", "WhatsApp"
    icon = "M3 13.5l1-3a5.5 5.5 0 1 1 2 2z"
    limit = 1000

    def url(self, share):
        return "https://wa.me/?" + query(text=f"{share.body} {share.url}")


class Telegram(Network):
    name, label = "telegram", "Telegram"
    icon = "M1.5 7.5l13-5.5-2.5 12-4.5-4-2 3v-4l7-5"
    limit = 1000

    def url(self, share):
        return "https://t.me/share/url?" + query(url=share.url, text=share.body)


class Email(Network):
    name, label = "email", "Email"
    icon = "M2 4h12v8H2zM2 4l6 5 6-5"
    limit = 2000
    # A mailto: link opens the reader's mail program; a new tab would stay empty.
    external = False

    def url(self, share):
        # The subject already carries the title, so the body is the quote (if any) and the URL.
        body = f"{share.text}\n\n{share.url}" if share.text else share.url
        return "mailto:?" + query(subject=share.title, body=body)


#: Every network the plugin can render; SHARE_NETWORKS picks and orders from these names.
NETWORKS = (
    LinkedIn(),
    X(),
    Facebook(),
    Mastodon(),
    Bluesky(),
    Threads(),
    Reddit(),
    HackerNews(),
    WhatsApp(),
    Telegram(),
    Email(),
)

BY_NAME = {network.name: network for network in NETWORKS}
NAMES = tuple(BY_NAME)
