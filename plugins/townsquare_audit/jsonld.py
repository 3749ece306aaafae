"""Read a page's JSON-LD blocks once: parsed data or the reason it does not parse, and nodes.

JSON-LD comes from the page, so it may be anything: invalid JSON, nesting deep enough to
exhaust the parser's recursion, or an ``@type`` that is an object. Nothing here raises.
"""

import json
from typing import NamedTuple

MAX_NODES = 10_000  # a page describing more nodes than this is not worth reading further


class Block(NamedTuple):
    """One <script type=application/ld+json>: its element, text, data, or the parse error."""

    script: object
    text: str
    data: object = None
    error: str = ""


def read_blocks(page):
    """Every JSON-LD block of the page (outside data-audit-ignore subtrees)."""
    blocks = []
    if "application/ld+json" not in page.text:
        return blocks
    for script in page.elements("script"):
        if script.get("type") != "application/ld+json":
            continue
        text = script.text or ""
        try:
            blocks.append(Block(script, text, json.loads(text)))
        except ValueError as exc:
            blocks.append(Block(script, text, error=str(exc)))
        except RecursionError:
            blocks.append(Block(script, text, error="it nests too deeply to read"))
    return blocks


def iter_nodes(data):
    """Yield every JSON-LD node (dict) in data, depth first: the top-level nodes, @graph and
    the nodes nested in properties (publisher, blogPost...). Iterative: no recursion limit."""
    stack, seen = [data], 0
    while stack and seen < MAX_NODES:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            seen += 1
            yield item
            stack.extend(
                reversed([value for value in item.values() if isinstance(value, list | dict)])
            )


def types_of(node):
    """The node's @type values that are strings (an object or number is ignored)."""
    kind = node.get("@type")
    values = kind if isinstance(kind, list) else [kind]
    return {value for value in values if isinstance(value, str)}
