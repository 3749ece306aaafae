"""The fast way to add the kit's pieces to a written page: splice text at exact anchors.

Most themes print ``{{ article.content }}`` verbatim and close their main column with a tag
that can be found, so the page need not be parsed (and re-serialised) as a whole: the theme's
metadata is taken out of its <head> by walking the head's tags (headmeta.py). Whenever an
anchor cannot be found with certainty this returns None and inject.py parses the whole page.
"""

import re

from .headmeta import ATTRS, TOKENS, drop_their_postings, without_theme_metadata

HEAD_START = re.compile(r"<head\b[^>]*>", re.I)
HEAD_END = re.compile(r"</head\s*>", re.I)
BODY_START = re.compile(r"<body\b[^>]*>", re.I)
BODY_END = re.compile(r"</body\s*>", re.I)
CONTENTINFO = re.compile(r"""\srole\s*=\s*["']?contentinfo\b""", re.I)
#: Start tags of the main column, most specific first (as placement.MAIN_MARKS).
MAIN_STARTS = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        rf"<(?P<tag>main)\b{ATTRS}>",
        rf"<(?P<tag>[a-z][\w-]*)\b(?={ATTRS}\srole\s*=\s*[\"']?main\b){ATTRS}>",
        rf"<(?P<tag>[a-z][\w-]*)\b(?={ATTRS}\sid\s*=\s*[\"']?content[\"'\s>]){ATTRS}>",
        rf"<(?P<tag>[a-z][\w-]*)\b(?={ATTRS}\sid\s*=\s*[\"']?main[\"'\s>]){ATTRS}>",
        rf"<(?P<tag>[a-z][\w-]*)\b(?={ATTRS}\sclass\s*=\s*\"(?:[^\"]*\s)?content[\s\"]){ATTRS}>",
        rf"<(?P<tag>[a-z][\w-]*)\b(?={ATTRS}\sid\s*=\s*[\"']?page[\"'\s>]){ATTRS}>",
    )
)


def splice(text, rendered, title, content_html):
    """The page with rendered pieces added, or None when an anchor is not certain.

    rendered maps piece names (meta, feeds, share, comments, subscribe) to HTML; title is the
    <title> text for the meta piece; content_html is the post's body as Pelican rendered it.
    """
    start = HEAD_START.search(text)
    end = HEAD_END.search(text, start.end()) if start else None
    if end is None:
        return None
    body = text[end.end() :]
    if "meta" in rendered:  # the theme's BlogPosting in its body would be a second one
        body = drop_their_postings(body, content_html)
    inserts = []  # (offset in body, html)
    after_body = "\n".join(rendered[p] for p in ("share", "comments") if p in rendered)
    body_end = None
    if after_body:
        tail = (content_html or "").rstrip()[-160:]
        found = body.find(tail) if len(tail) >= 20 else -1
        if found < 0:
            return None
        body_end = found + len(tail)
        inserts.append((body_end, "\n" + after_body))
    if "subscribe" in rendered:
        column_end = main_end(body)
        if column_end is None and body_end is not None:
            # No main column: the subscribe block follows the post's own pieces.
            inserts[-1] = (body_end, inserts[-1][1] + "\n" + rendered["subscribe"])
        elif column_end is None:
            # No main column and no post (a listing): the end of <body>, before the site
            # footer, as placement.end_of_column puts it on the parsed page.
            column_end = body_end_before_footer(body)
            if column_end is None:
                return None
            inserts.append((column_end, rendered["subscribe"] + "\n"))
        else:
            inserts.append((column_end, rendered["subscribe"] + "\n"))
    for offset, html in sorted(inserts, reverse=True):
        body = body[:offset] + html + body[offset:]
    head = _head(text[start.end() : end.start()], rendered, title)
    return text[: start.end()] + head + text[end.start() : end.end()] + body


def _head(inner, rendered, title):
    """The head's inner HTML with the theme's metadata replaced by the kit's."""
    if "meta" not in rendered:
        return inner + rendered.get("feeds", "")
    kept = without_theme_metadata(inner, title)
    return kept.rstrip() + "\n" + rendered["meta"] + rendered.get("feeds", "") + "\n"


def main_end(body):
    """Offset in body where the page's main column ends: before the site footer when the column
    holds one (a <footer> outside any <article>), else at its end tag; None without one."""
    for pattern in MAIN_STARTS:
        start = pattern.search(body)
        if start is not None:
            end = _matching_end(body, start)
            footer = _site_footer(body, start.end(), end) if end is not None else None
            return end if footer is None else footer
    return None


def body_end_before_footer(body):
    """Offset where the <body> element's content ends, before its site footer; None when the
    page has no <body> start tag or more than one </body>."""
    start = BODY_START.search(body)
    ends = [m.start() for m in BODY_END.finditer(body)]
    if start is None or len(ends) != 1 or ends[0] < start.end():
        return None
    footer = _site_footer(body, start.end(), ends[0])
    return ends[0] if footer is None else footer


def _site_footer(text, start, end):
    """Offset of the first <footer> (or role=contentinfo) start tag between start and end
    outside any <article> (placement.site_footer on the parsed page)."""
    articles = 0
    for token in TOKENS.finditer(text, start, end):
        name = (token.group("name") or "").lower()
        if not name or token.group("close"):
            if name == "article":
                articles -= 1
            continue
        if name == "article" and not token.group("self"):
            articles += 1
        elif articles <= 0 and (name == "footer" or CONTENTINFO.search(token.group(0))):
            return token.start()
    return None


def _matching_end(text, start):
    """Offset where the element opened by the start match ends (its end tag), or None."""
    tag, depth = start.group("tag").lower(), 1
    for token in TOKENS.finditer(text, start.end()):
        if token.group("name") is None or token.group("name").lower() != tag:
            continue
        if token.group("close"):
            depth -= 1
            if depth == 0:
                return token.start()
        elif not token.group("self"):
            depth += 1
    return None
