"""The share networks: one small class per platform, listed once in the NETWORKS registry.

Each network knows its share-intent URL format (looked up in the platforms' own docs), how
long a prefilled post may be (for quote sharing) and its mark as 24x24 SVG path data (Simple
Icons, CC0; LinkedIn and email drawn here: see ICONS.md). Every value
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
    #: SVG path data for a 24x24 viewBox, filled with the text colour (see ICONS.md).
    icon = ""
    #: Longest prefilled post the platform accepts, or None when it takes no text.
    limit = None
    external = True
    #: The link names no address (mailto:?subject=...): RFC 6068 allows it, but html-proofer
    #: fails it ("contains no email address"), so it carries data-proofer-ignore.
    no_recipient = False

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
    # Drawn for Townsquare (Simple Icons no longer has LinkedIn): "in" on a rounded square.
    icon = (
        "M3 0h18a3 3 0 0 1 3 3v18a3 3 0 0 1-3 3H3a3 3 0 0 1-3-3V3a3 3 0 0 1 3-3zm2.4 9.2V"
        "20h3.4V9.2zm1.7-5.3a1.95 1.95 0 1 0 0 3.9 1.95 1.95 0 0 0 0-3.9zM10.6 9.2V20H14v"
        "-5.6c0-1.6.6-2.7 2-2.7 1.3 0 1.7 1 1.7 2.6V20h3.4v-6.5c0-3-1.5-4.6-3.9-4.6-1.6 0"
        "-2.6.8-3.2 1.6V9.2z"
    )

    def url(self, share):
        # share-offsite takes only the URL; the title comes from the page's Open Graph tags.
        return "https://www.linkedin.com/sharing/share-offsite/?" + query(url=share.url)


class X(Network):
    name, label = "x", "X"
    icon = (
        "M14.234 10.162 22.977 0h-2.072l-7.591 8.824L7.251 0H.258l9.168 13.343L.258 24H2."
        "33l8.016-9.318L16.749 24h6.993zm-2.837 3.299-.929-1.329L3.076 1.56h3.182l5.965 8"
        ".532.929 1.329 7.754 11.09h-3.182z"
    )
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
    icon = (
        "M9.101 23.691v-7.98H6.627v-3.667h2.474v-1.58c0-4.085 1.848-5.978 5.858-5.978.401"
        " 0 .955.042 1.468.103a8.68 8.68 0 0 1 1.141.195v3.325a8.623 8.623 0 0 0-.653-.03"
        "6 26.805 26.805 0 0 0-.733-.009c-.707 0-1.259.096-1.675.309a1.686 1.686 0 0 0-.6"
        "79.622c-.258.42-.374.995-.374 1.752v1.297h3.919l-.386 2.103-.287 1.564h-3.246v8."
        "245C19.396 23.238 24 18.179 24 12.044c0-6.627-5.373-12-12-12s-12 5.373-12 12c0 5"
        ".628 3.874 10.35 9.101 11.647Z"
    )

    def url(self, share):
        return "https://www.facebook.com/sharer/sharer.php?" + query(u=share.url)


class Mastodon(Network):
    """Mastodon has no central server: the link opens our own instance-picker page."""

    name, label = "mastodon", "Mastodon"
    icon = (
        "M23.268 5.313c-.35-2.578-2.617-4.61-5.304-5.004C17.51.242 15.792 0 11.813 0h-.03"
        "c-3.98 0-4.835.242-5.288.309C3.882.692 1.496 2.518.917 5.127.64 6.412.61 7.837.6"
        "61 9.143c.074 1.874.088 3.745.26 5.611.118 1.24.325 2.47.62 3.68.55 2.237 2.777 "
        "4.098 4.96 4.857 2.336.792 4.849.923 7.256.38.265-.061.527-.132.786-.213.585-.18"
        "4 1.27-.39 1.774-.753a.057.057 0 0 0 .023-.043v-1.809a.052.052 0 0 0-.02-.041.05"
        "3.053 0 0 0-.046-.01 20.282 20.282 0 0 1-4.709.545c-2.73 0-3.463-1.284-3.674-1.8"
        "18a5.593 5.593 0 0 1-.319-1.433.053.053 0 0 1 .066-.054c1.517.363 3.072.546 4.63"
        "2.546.376 0 .75 0 1.125-.01 1.57-.044 3.224-.124 4.768-.422.038-.008.077-.015.11"
        "-.024 2.435-.464 4.753-1.92 4.989-5.604.008-.145.03-1.52.03-1.67.002-.512.167-3."
        "63-.024-5.545zm-3.748 9.195h-2.561V8.29c0-1.309-.55-1.976-1.67-1.976-1.23 0-1.84"
        "6.79-1.846 2.35v3.403h-2.546V8.663c0-1.56-.617-2.35-1.848-2.35-1.112 0-1.668.668"
        "-1.67 1.977v6.218H4.822V8.102c0-1.31.337-2.35 1.011-3.12.696-.77 1.608-1.164 2.7"
        "4-1.164 1.311 0 2.302.5 2.962 1.498l.638 1.06.638-1.06c.66-.999 1.65-1.498 2.96-"
        "1.498 1.13 0 2.043.395 2.74 1.164.675.77 1.012 1.81 1.012 3.12z"
    )
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
    icon = (
        "M5.202 2.857C7.954 4.922 10.913 9.11 12 11.358c1.087-2.247 4.046-6.436 6.798-8.5"
        "01C20.783 1.366 24 .213 24 3.883c0 .732-.42 6.156-.667 7.037-.856 3.061-3.978 3."
        "842-6.755 3.37 4.854.826 6.089 3.562 3.422 6.299-5.065 5.196-7.28-1.304-7.847-2."
        "97-.104-.305-.152-.448-.153-.327 0-.121-.05.022-.153.327-.568 1.666-2.782 8.166-"
        "7.847 2.97-2.667-2.737-1.432-5.473 3.422-6.3-2.777.473-5.899-.308-6.755-3.369C.4"
        "2 10.04 0 4.615 0 3.883c0-3.67 3.217-2.517 5.202-1.026"
    )
    limit = 300

    def url(self, share):
        # The compose intent has a single `text` parameter, so the URL goes inside it.
        return "https://bsky.app/intent/compose?" + query(text=f"{share.body} {share.url}")


class Threads(Network):
    name, label = "threads", "Threads"
    icon = (
        "M18.263 11.097c-.03-3.486-1.92-5.586-5.111-5.586-2.13 0-3.922.963-4.863 2.499l2."
        "062 1.438c.535-.843 1.272-1.543 2.628-1.543 1.528 0 2.318.85 2.544 2.431a15 15 0"
        " 0 0-2.236-.173c-4.125 0-6.068 1.867-6.068 4.336s1.943 3.99 4.804 3.99c3.139 0 5"
        ".013-2.115 5.781-4.735.798.361 1.348 1.204 1.348 2.47 0 3.387-3.907 5.232-7.22 5"
        ".232-4.885 0-8.077-3.207-8.077-8.424 0-6.392 4.223-10.487 9.9-10.487 3.808 0 5.6"
        "9 1.671 6.97 3.914l2.108-1.475C21.44 2.078 18.331 0 13.663 0 6.227 0 1.168 5.277"
        " 1.168 12.934c0 7 4.953 11.066 10.856 11.066 4.878 0 9.809-2.846 9.809-7.716 0-2"
        ".545-1.46-4.231-3.569-5.187m-6.33 4.855c-1.077 0-2.026-.512-2.026-1.453 0-1.483 "
        "1.822-1.934 3.606-1.934.678 0 1.34.045 1.927.173-.422 1.927-1.671 3.215-3.508 3."
        "214Z"
    )
    limit = 500

    def url(self, share):
        return "https://www.threads.com/intent/post?" + query(text=share.body, url=share.url)


class Reddit(Network):
    name, label = "reddit", "Reddit"
    icon = (
        "M12 0C5.373 0 0 5.373 0 12c0 3.314 1.343 6.314 3.515 8.485l-2.286 2.286C.775 23."
        "225 1.097 24 1.738 24H12c6.627 0 12-5.373 12-12S18.627 0 12 0Zm4.388 3.199c1.104"
        " 0 1.999.895 1.999 1.999 0 1.105-.895 2-1.999 2-.946 0-1.739-.657-1.947-1.539v.0"
        "02c-1.147.162-2.032 1.15-2.032 2.341v.007c1.776.067 3.4.567 4.686 1.363.473-.363"
        " 1.064-.58 1.707-.58 1.547 0 2.802 1.254 2.802 2.802 0 1.117-.655 2.081-1.601 2."
        "531-.088 3.256-3.637 5.876-7.997 5.876-4.361 0-7.905-2.617-7.998-5.87-.954-.447-"
        "1.614-1.415-1.614-2.538 0-1.548 1.255-2.802 2.803-2.802.645 0 1.239.218 1.712.58"
        "5 1.275-.79 2.881-1.291 4.64-1.365v-.01c0-1.663 1.263-3.034 2.88-3.207.188-.911."
        "993-1.595 1.959-1.595Zm-8.085 8.376c-.784 0-1.459.78-1.506 1.797-.047 1.016.64 1"
        ".429 1.426 1.429.786 0 1.371-.369 1.418-1.385.047-1.017-.553-1.841-1.338-1.841Zm"
        "7.406 0c-.786 0-1.385.824-1.338 1.841.047 1.017.634 1.385 1.418 1.385.785 0 1.47"
        "3-.413 1.426-1.429-.046-1.017-.721-1.797-1.506-1.797Zm-3.703 4.013c-.974 0-1.907"
        ".048-2.77.135-.147.015-.241.168-.183.305.483 1.154 1.622 1.964 2.953 1.964 1.33 "
        "0 2.47-.81 2.953-1.964.057-.137-.037-.29-.184-.305-.863-.087-1.795-.135-2.769-.1"
        "35Z"
    )

    def url(self, share):
        return "https://www.reddit.com/submit?" + query(url=share.url, title=share.title)


class HackerNews(Network):
    name, label = "hackernews", "Hacker News"
    icon = (
        "M0 24V0h24v24H0zM6.951 5.896l4.112 7.708v5.064h1.583v-4.972l4.148-7.799h-1.749l-"
        "2.457 4.875c-.372.745-.688 1.434-.688 1.434s-.297-.708-.651-1.434L8.831 5.896h-1"
        ".88z"
    )

    def url(self, share):
        return "https://news.ycombinator.com/submitlink?" + query(u=share.url, t=share.title)


class WhatsApp(Network):
    name, label = "whatsapp", "WhatsApp"
    icon = (
        "M17.472 14.382c-.297-.149-1.758-.867-2.03-.967-.273-.099-.471-.148-.67.15-.197.2"
        "97-.767.966-.94 1.164-.173.199-.347.223-.644.075-.297-.15-1.255-.463-2.39-1.475-"
        ".883-.788-1.48-1.761-1.653-2.059-.173-.297-.018-.458.13-.606.134-.133.298-.347.4"
        "46-.52.149-.174.198-.298.298-.497.099-.198.05-.371-.025-.52-.075-.149-.669-1.612"
        "-.916-2.207-.242-.579-.487-.5-.669-.51-.173-.008-.371-.01-.57-.01-.198 0-.52.074"
        "-.792.372-.272.297-1.04 1.016-1.04 2.479 0 1.462 1.065 2.875 1.213 3.074.149.198"
        " 2.096 3.2 5.077 4.487.709.306 1.262.489 1.694.625.712.227 1.36.195 1.871.118.57"
        "1-.085 1.758-.719 2.006-1.413.248-.694.248-1.289.173-1.413-.074-.124-.272-.198-."
        "57-.347m-5.421 7.403h-.004a9.87 9.87 0 01-5.031-1.378l-.361-.214-3.741.982.998-3"
        ".648-.235-.374a9.86 9.86 0 01-1.51-5.26c.001-5.45 4.436-9.884 9.888-9.884 2.64 0"
        " 5.122 1.03 6.988 2.898a9.825 9.825 0 012.893 6.994c-.003 5.45-4.437 9.884-9.885"
        " 9.884m8.413-18.297A11.815 11.815 0 0012.05 0C5.495 0 .16 5.335.157 11.892c0 2.0"
        "96.547 4.142 1.588 5.945L.057 24l6.305-1.654a11.882 11.882 0 005.683 1.448h.005c"
        "6.554 0 11.89-5.335 11.893-11.893a11.821 11.821 0 00-3.48-8.413Z"
    )
    limit = 1000

    def url(self, share):
        return "https://wa.me/?" + query(text=f"{share.body} {share.url}")


class Telegram(Network):
    name, label = "telegram", "Telegram"
    icon = (
        "M11.944 0A12 12 0 0 0 0 12a12 12 0 0 0 12 12 12 12 0 0 0 12-12A12 12 0 0 0 12 0a"
        "12 12 0 0 0-.056 0zm4.962 7.224c.1-.002.321.023.465.14a.506.506 0 0 1 .171.325c."
        "016.093.036.306.02.472-.18 1.898-.962 6.502-1.36 8.627-.168.9-.499 1.201-.82 1.2"
        "3-.696.065-1.225-.46-1.9-.902-1.056-.693-1.653-1.124-2.678-1.8-1.185-.78-.417-1."
        "21.258-1.91.177-.184 3.247-2.977 3.307-3.23.007-.032.014-.15-.056-.212s-.174-.04"
        "1-.249-.024c-.106.024-1.793 1.14-5.061 3.345-.48.33-.913.49-1.302.48-.428-.008-1"
        ".252-.241-1.865-.44-.752-.245-1.349-.374-1.297-.789.027-.216.325-.437.893-.663 3"
        ".498-1.524 5.83-2.529 6.998-3.014 3.332-1.386 4.025-1.627 4.476-1.635z"
    )
    limit = 1000

    def url(self, share):
        return "https://t.me/share/url?" + query(url=share.url, text=share.body)


class Email(Network):
    name, label = "email", "Email"
    # Drawn for Townsquare: an envelope.
    icon = (
        "M2 4h20a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H2a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 3v.4l1"
        "0 6.2 10-6.2V7L12 13.2z"
    )
    limit = 2000
    # A mailto: link opens the reader's mail program; a new tab would stay empty.
    external = False
    no_recipient = True  # the reader picks the recipient in their mail program

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


#: Glyphs of the two buttons (drawn for Townsquare): a chain link, and a box with an arrow out.
BUTTON_ICONS = {
    "copy": (
        "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM13"
        " 6.3l1.8-1.8a4.5 4.5 0 0 1 6.4 6.4l-3 3a4.5 4.5 0 0 1-6 .3l1.4-1.5a2.5 2.5 0 0 0"
        " 3.2-.2l3-3a2.5 2.5 0 0 0-3.6-3.6L14.4 7.7zM11 17.7l-1.8 1.8a4.5 4.5 0 0 1-6.4-6"
        ".4l3-3a4.5 4.5 0 0 1 6-.3l-1.4 1.5a2.5 2.5 0 0 0-3.2.2l-3 3a2.5 2.5 0 0 0 3.6 3."
        "6l1.8-1.8z"
    ),
    "webshare": (
        "M12 1.6l5 5-1.4 1.4L13 5.4V15h-2V5.4L8.4 8 7 6.6zM4 10h4v2H6v8h12v-8h-2v-2h4v12H4z"
    ),
}


def sprite():
    """The SVG sprite of every network's mark and the button glyphs (share-icons.svg)."""
    icons = [(network.name, network.icon) for network in NETWORKS] + list(BUTTON_ICONS.items())
    symbols = "".join(
        f'<symbol id="{name}" viewBox="0 0 24 24"><path d="{path}"/></symbol>'
        for name, path in icons
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'
