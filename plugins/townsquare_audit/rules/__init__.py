"""The audit's rules, in report order. Adding a rule is one class in one file and one line here."""

from .accessible_names import AccessibleNames
from .canonical import Canonical
from .comments import Comments
from .escaped_html import EscapedHtml
from .feed_discovery import FeedDiscovery
from .home_page import HomePage
from .html_lang import HtmlLang
from .internal_links import InternalLinks
from .json_ld import JsonLd
from .meta_duplicates import MetaDuplicates
from .noopener import NoOpener
from .og_core import OgCore
from .og_image import OgImage
from .placeholders import Placeholders
from .publish_urls import PublishUrls
from .readable import Readable
from .share_copy import ShareCopy
from .share_links import ShareLinks
from .subscribe import Subscribe
from .text_lengths import TextLengths
from .twitter_card import TwitterCard

RULES = (
    HomePage,
    Readable,
    ShareLinks,
    ShareCopy,
    Comments,
    FeedDiscovery,
    Subscribe,
    OgCore,
    Canonical,
    MetaDuplicates,
    OgImage,
    TwitterCard,
    JsonLd,
    TextLengths,
    HtmlLang,
    AccessibleNames,
    EscapedHtml,
    PublishUrls,
    Placeholders,
    NoOpener,
    InternalLinks,
)
RULE_IDS = tuple(rule.id for rule in RULES)
