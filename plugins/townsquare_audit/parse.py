"""Parse a built page with lxml (libxml2's HTML parser), straight into the tree the rules read.

Measured per page (CPU, median; docs/benchmarks.md): BeautifulSoup on the lxml
backend costs 3.1 ms on a 16 KB article and 82 ms on a 300 KB page; lxml alone 0.2 ms and
4.4 ms. bs4 pays Python code per parser event, lxml builds the tree in C. The audit therefore
reads lxml's tree directly; beautifulsoup4 stays where it serves best, rewriting HTML in the
build. Comments and processing instructions are dropped while parsing: no rule reads them.

libxml2 refuses to nest elements deeper than 256 levels (a resource limit against hostile
pages); a page that hits it is parsed up to that point and reported, never a crash.
"""

import codecs
import re
from dataclasses import dataclass, field

from lxml import etree

COMMENT_IDS = frozenset({"comments", "disqus_thread", "isso-thread", "remark42", "cusdis_thread"})
COMMENT_CLASSES = frozenset({"giscus", "utterances", "comments", "comment-area"})
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.I)
UTF16_MARKS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
MAX_DEPTH = 256  # libxml2's default limit (XML_PARSE_HUGE lifts it; we do not)


@dataclass
class Parsed:
    """A parsed page: the <html> element (None when empty) and what went wrong reading it."""

    root: object
    problems: list = field(default_factory=list)  # [(line, message)]


def _parser(**encoding):
    return etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, collect_ids=False, **encoding
    )


PARSER = _parser()
PARSER_UTF8 = _parser(encoding="utf-8")


def without_utf8_marks(data):
    """Page bytes without the UTF-8 byte order marks they start with.

    A theme whose templates each start with a mark (saved by a Windows editor) writes two of
    them when one template extends another. Browsers take the first as the encoding and read
    the second as text, yet still give <html> its lang and the page its <title>; libxml2
    drops the <html> attributes and moves <title> into <body>. Reading the page without the
    marks gives the tree browsers end up with."""
    start = 0
    while data.startswith(codecs.BOM_UTF8, start):
        start += len(codecs.BOM_UTF8)
    return data[start:] if start else data


def decode(data):
    """Page bytes as text, and a [(line, message)] problem when they are not valid UTF-8.

    A page starting with a UTF-16 byte order mark, or declaring another charset in a <meta>,
    is decoded with it, as browsers do (the mark wins over the meta, as in browsers).
    """
    for mark, codec in UTF16_MARKS:
        if data.startswith(mark):
            return data[len(mark) :].decode(codec, "replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        declared = DECLARED_CHARSET.search(data, 0, 2048)
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
            try:
                return data.decode(declared.group(1).decode("ascii"), "replace"), []
            except LookupError:
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"the page is not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}): "
            "readers see replacement characters"
        )
        return data.decode("utf-8", "replace"), [(line, message)]


def parse(text, utf8=None):
    """Parse HTML text; return Parsed (root None when there is no markup at all).

    utf8: the same page as valid UTF-8 bytes, when it is; libxml2 then reads the bytes as they
    are, instead of lxml encoding the text back to UTF-8 first (about 5 % of the parse)."""
    if not text or text.isspace():  # text.strip() would copy the whole page to find out
        return Parsed(None)
    if utf8 is not None:
        parser, source = PARSER_UTF8, utf8
    else:
        parser, source = PARSER, XML_DECLARATION.sub("", text, count=1)
    try:
        root = etree.fromstring(source, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return Parsed(None)
    problems = []
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            problems.append(
                (
                    entry.line,
                    f"elements nest more than {MAX_DEPTH} levels deep: parsers (and the audit) "
                    "stop reading the page there",
                )
            )
            break
    if root is None or not isinstance(root.tag, str):
        return Parsed(None, problems)
    return Parsed(root, problems)
