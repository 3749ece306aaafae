"""The audit's rules, in report order. Adding a rule is one class in one file and one line here."""

from .accessible_names import AccessibleNames
from .canonical import Canonical
from .comments import Comments
from .feed_discovery import FeedDiscovery
from .html_lang import HtmlLang
from .json_ld import JsonLd
from .noopener import NoOpener
from .og_core import OgCore
from .og_image import OgImage
from .publish_urls import PublishUrls
from .share_copy import ShareCopy
from .share_links import ShareLinks
from .subscribe import Subscribe
from .text_lengths import TextLengths
from .twitter_card import TwitterCard

RULES = (
    ShareLinks,
    ShareCopy,
    Comments,
    FeedDiscovery,
    Subscribe,
    OgCore,
    Canonical,
    OgImage,
    TwitterCard,
    JsonLd,
    TextLengths,
    HtmlLang,
    AccessibleNames,
    PublishUrls,
    NoOpener,
)
RULE_IDS = tuple(rule.id for rule in RULES)
