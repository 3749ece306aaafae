"""Your blog's settings (local builds: `make site`, `make serve`). README: "Make it yours"."""

from pelican.themes import townsquare

# -- Make it yours ---------------------------------------------------------------------------
# Everything below in this section is the sample blog's identity (fictional people, example
# addresses). Replace it with yours: `make publish` refuses placeholder addresses such as
# *.example hosts, example.org e-mail and the sample's handles.
SITENAME = "Townsquare"
SITESUBTITLE = "Leaders who write to start conversations, not to broadcast."
AUTHOR = "Amara Okafor"
# A square PNG or JPEG in content/images/: the header, social cards and the publisher logo.
SITELOGO = "images/townsquare-logo.png"
# The colour of links, buttons and panels, light and dark (adjusted if it would be unreadable).
BRAND_COLOR = "#0f766e"
# The short introduction at the top of the home page; None uses the bio of AUTHOR below.
HOME_INTRO = None
# Where "Reply by email" goes when a post's author has no "email" below.
COMMENTS_REPLY_EMAIL = "hello@example.org"
# Who writes here: the author box, rel=me / sameAs, twitter:creator, fediverse:creator and the
# per-author "Reply by email" address. Keyed by the author's slug (lower case, dashes).
AUTHORS_BIO = {
    "amara-okafor": {
        "name": "Amara Okafor",
        "bio": "CEO. Writes about leading in the open and answering the hard questions first.",
        "role": "Chief executive",
        # A drawn placeholder portrait made for this sample: put your own photo here.
        "photo": "images/amara-okafor.png",
        "twitter": "@amara_example",
        "email": "amara@example.org",
        "fediverse": "@amara@mastodon.example",
        "links": {
            "mastodon": "https://mastodon.example/@amara",
            "linkedin": "https://www.linkedin.example/in/amara-okafor",
            "bluesky": "https://bsky.example/profile/amara.example.org",
        },
    },
    "lukas-brandt": {
        "name": "Lukas Brandt",
        "bio": "Head of community. Believes a forum thread is worth ten press releases.",
        "fediverse": "@lukas@social.example",
        "email": "lukas@example.org",
        "links": {"mastodon": "https://social.example/@lukas"},
    },
}
# Follow links in the subscribe block: (name, URL) pairs.
SOCIAL = (
    ("Mastodon", "https://mastodon.example/@amara"),
    ("LinkedIn", "https://www.linkedin.example/in/amara-okafor"),
    ("Bluesky", "https://bsky.example/profile/amara.example"),
)
# The site's X handle and the publisher (Organization or Person) in JSON-LD.
SOCIAL_TWITTER_SITE = "@townsquare_ex"
SOCIAL_PUBLISHER = {
    "type": "Organization",
    "same_as": ["https://mastodon.example/@townsquare"],
}
# The image used when a page has none of its own (and for its alt text).
SOCIAL_DEFAULT_IMAGE = "images/community-square.png"
SOCIAL_DEFAULT_IMAGE_ALT = "Abstract illustration of speech bubbles above a town square."

# -- Site ------------------------------------------------------------------------------------
SITEURL = "http://127.0.0.1:8000"
# Absolute URLs even locally, so every link and metadata value is testable as published.
RELATIVE_URLS = False

PATH = "content"
OUTPUT_PATH = "output"
THEME = townsquare.path()  # the kit's theme (installed with the kit)
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "en"
LOCALE = ("en_US.UTF-8", "C.UTF-8", "")
DEFAULT_DATE_FORMAT = "%-d %B %Y"

ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
ARTICLE_URL = "posts/{slug}.html"
ARTICLE_SAVE_AS = "posts/{slug}.html"
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
DRAFT_URL = "drafts/{slug}.html"
DRAFT_SAVE_AS = "drafts/{slug}.html"
DEFAULT_PAGINATION = 5
DELETE_OUTPUT_DIRECTORY = True
# Pelican's caches and the audit's findings cache live with the social cards, out of git.
CACHE_PATH = ".cache/pelican"
SLUGIFY_SOURCE = "basename"
TYPOGRIFY = False

# Pelican's own feeds are replaced by the feeds plugin (feedgen).
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# The kit's plugins (installed with the kit as Pelican namespace plugins). safebuild stages the
# build and swaps output/ only when nothing failed (and the audit passed).
PLUGINS = [
    "pelican.plugins.townsquare_safebuild",
    "pelican.plugins.townsquare_social",
    "pelican.plugins.townsquare_share",
    "pelican.plugins.townsquare_comments",
    "pelican.plugins.townsquare_feeds",
    "pelican.plugins.townsquare_brand",
    "pelican.plugins.townsquare_readnext",
    "pelican.plugins.townsquare_replies",
    "pelican.plugins.townsquare_preview",
    "pelican.plugins.townsquare_audit",
]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}


# Comments (every setting is listed in README.md). No provider: every post ends with "Reply by
# email" and the Mastodon / LinkedIn links its front matter names. Set COMMENTS_PROVIDER to
# embed one (giscus, utterances, disqus, isso, remark42, cusdis, mastodon).
COMMENTS_PROVIDER = None
