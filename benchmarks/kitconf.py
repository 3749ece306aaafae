"""The Townsquare kit as the benchmark builds it: its own settings, not the blog's.

A production build (PUBLISH, audit gate on) of the kit's theme and plugins, shaped like the
fixture blog's publishconf.py (tests/fixtures/blog) so it exercises every feature. Nothing here
reads the repository's pelicanconf.py, publishconf.py or content/: a leader replaces those.
Identities use the reserved ``.test`` names, which the placeholders rule does not refuse (it
refuses ``.example``, ``.invalid`` and example.com/.org/.net), so the publish audit passes.
"""

from pelican.themes import townsquare

AUTHOR = "Amara Okafor"
SITENAME = "Benchmark"
SITEURL = "https://bench.townsquare.test"
RELATIVE_URLS = False
PUBLISH = True
THEME = townsquare.path()
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
SLUGIFY_SOURCE = "basename"
TYPOGRIFY = False

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

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

AUTHORS_BIO = {
    "amara-okafor": {
        "name": "Amara Okafor",
        "bio": "CEO. Writes about leading in the open and answering the hard questions first.",
        "twitter": "@amara_bench",
        "email": "amara@bench.townsquare.test",
        "fediverse": "@amara@social.townsquare.test",
        "links": {"mastodon": "https://social.townsquare.test/@amara"},
    },
    "lukas-brandt": {
        "name": "Lukas Brandt",
        "bio": "Head of community. Believes a forum thread is worth ten press releases.",
        "email": "lukas@bench.townsquare.test",
        "links": {"mastodon": "https://social.townsquare.test/@lukas"},
    },
}

SOCIAL_TWITTER_SITE = "@tsq_bench"
SOCIAL_PUBLISHER = {
    "type": "Organization",
    "name": "Benchmark",
    "logo": "theme/images/townsquare-logo.png",
    "same_as": ["https://social.townsquare.test/@bench"],
}
SOCIAL_CARD_LOGO = "theme/images/townsquare-logo.png"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
SOCIAL = (("Mastodon", "https://social.townsquare.test/@amara"),)
COMMENTS_PROVIDER = None
COMMENTS_REPLY_EMAIL = "hello@bench.townsquare.test"
