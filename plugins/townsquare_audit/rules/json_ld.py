"""json-ld: structured data parses, and agrees with Open Graph on title and URL."""

from ..finding import WARNING
from ..jsonld import iter_nodes, types_of
from ..kinds import ARTICLE, ARTICLE_TYPES, CONTENT_KINDS
from ..urls import same_page
from .base import Rule

PAGE_TYPES = frozenset({"WebPage", "WebSite", "CollectionPage", "AboutPage", "ProfilePage"})


class JsonLd(Rule):
    """Every JSON-LD block parses; articles have one; its headline and url match og:."""

    id = "json-ld"
    description = "JSON-LD parses and agrees with Open Graph on title and URL"
    hint = "emit JSON-LD (serialised as JSON) with the same title and URL as the og: tags"
    kit_hint = (
        "emit JSON-LD with json.dumps (townsquare_social) using the same title and URL as og:"
    )
    kinds = CONTENT_KINDS

    def check(self, page):
        blocks = page.json_ld
        for block in blocks:
            if block.error:
                text = block.text.strip()
                line = page.line_of(text[:40]) if text else page.line_of_tag(block.script)
                yield self.finding(page, line, f"JSON-LD does not parse: {block.error}")
        nodes = (node for block in blocks if not block.error for node in iter_nodes(block.data))
        main = _main_node(nodes, page.kind)
        if main is None:
            if page.kind == ARTICLE and not blocks:
                yield self.finding(
                    page,
                    page.head_line,
                    "no JSON-LD BlogPosting: search engines see no article",
                    WARNING,
                )
            return
        yield from self._agreement(page, main)

    def _agreement(self, page, node):
        og_title, og_url = page.meta("og:title"), page.meta("og:url")
        title = node.get("headline") or node.get("name")
        if og_title and isinstance(title, str) and title.strip() != og_title:
            yield self.finding(
                page,
                page.line_of("application/ld+json"),
                f"JSON-LD title {title!r} differs from og:title {og_title!r}",
            )
        url = _node_url(node)
        if og_url and url and not same_page(url, og_url):
            yield self.finding(
                page,
                page.line_of("application/ld+json"),
                f"JSON-LD url {url} differs from og:url {og_url}",
            )


def _main_node(nodes, kind):
    """The node describing this page: an article type on articles, a page type elsewhere."""
    wanted = ARTICLE_TYPES if kind == ARTICLE else PAGE_TYPES
    for node in nodes:
        if types_of(node) & wanted:
            return node
    return None


def _node_url(node):
    """The node's URL: url, else mainEntityOfPage (string or @id)."""
    url = node.get("url")
    if isinstance(url, str):
        return url
    main = node.get("mainEntityOfPage")
    if isinstance(main, dict):
        main = main.get("@id") or main.get("url")
    return main if isinstance(main, str) else None
