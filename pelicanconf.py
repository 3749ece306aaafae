"""Local settings: build the sample blog into output/ with absolute URLs on 127.0.0.1."""

from pelican.themes import townsquare

AUTHOR = "Amara Okafor"
SITENAME = "Townsquare"
SITESUBTITLE = "Leaders who write to start conversations, not to broadcast."
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
    "pelican.plugins.townsquare_preview",
    "pelican.plugins.townsquare_audit",
]

# Who writes here; used by the author box and the social plugins.
AUTHORS_BIO = {
    "amara-okafor": {
        "name": "Amara Okafor",
        "bio": "CEO. Writes about leading in the open and answering the hard questions first.",
        # Fictional sample profiles: replace with your own (social plugin: rel=me, sameAs,
        # twitter:creator, fediverse:creator).
        "twitter": "@amara_example",
        # Where "Reply by email" under her posts goes (plugins/comments).
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

# Make it yours (plugins/brand; README "Make it yours"): the brand colour drives the palette in
# light and dark mode (adjusted when it would make text unreadable), the logo sits in the header
# and becomes the favicon. HOME_INTRO = None uses the main author's bio on the home page.
BRAND_COLOR = "#0f766e"
SITELOGO = "images/townsquare-logo.png"
HOME_INTRO = None

# Social metadata and card images (plugins/social; every setting is listed in README.md).
SOCIAL_TWITTER_SITE = "@townsquare_ex"
SOCIAL_PUBLISHER = {
    "type": "Organization",
    "name": "Townsquare",
    "logo": "theme/images/townsquare-logo.png",
    "same_as": ["https://mastodon.example/@townsquare"],
}
SOCIAL_CARD_LOGO = "theme/images/townsquare-logo.png"
SOCIAL_DEFAULT_IMAGE = "images/community-square.png"
SOCIAL_DEFAULT_IMAGE_ALT = "Abstract illustration of speech bubbles above a town square."

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Autoescape everything user-written; templates mark rendered Markdown with `| safe` explicitly.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Follow links in the subscribe block (Pelican's standard SOCIAL setting; fictional profiles).
SOCIAL = (
    ("Mastodon", "https://mastodon.example/@amara"),
    ("LinkedIn", "https://www.linkedin.example/in/amara-okafor"),
    ("Bluesky", "https://bsky.example/profile/amara.example"),
)

# Comments (plugins/comments; every setting is listed in README.md). No provider: every post
# ends with "Reply by email" (the author's AUTHORS_BIO email, else this address) and the
# Mastodon / LinkedIn links its front matter names. Set COMMENTS_PROVIDER to embed one.
COMMENTS_PROVIDER = None
COMMENTS_REPLY_EMAIL = "hello@example.org"
