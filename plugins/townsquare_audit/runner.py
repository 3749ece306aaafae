"""Run the rules over every page of a built site, on all cores when asked and worth it."""

import fnmatch
import gc
import os
import re
from dataclasses import replace

from .images import FileIndex
from .kinds import DOCS, KINDS, PAGE
from .options import DEFAULTS, Options
from .page import Page, SiteInfo
from .parse import decode, without_utf8_marks
from .pickling import ByName
from .result import OPTED_OUT, Result
from .rules import RULES
from .rules.base import SiteRule
from .rules.readable import Readable
from .site import AuditInputError, read_bytes, scan
from .urls import is_absolute

#: What callers import from here (Options and Result live in options.py and result.py).
__all__ = [
    "AuditInternalError",
    "Options",
    "Result",
    "audit_file",
    "audit_pages",
    "audit_site",
    "home_address",
]

#: A bare data-audit-ignore (or "*"/"all") on <html> or <body>: the page opted out entirely.
WHOLE_PAGE_OPT_OUT = re.compile(
    r"""<(?:html|body)\b[^>]*?\sdata-audit-ignore"""
    r"""(?:\s*=\s*(?:"\s*(?:\*|all)?\s*"|'\s*(?:\*|all)?\s*'|(?:\*|all)(?=[\s/>])))?(?=[\s/>])""",
    re.I,
)

#: Below this many pages a process pool costs more than it saves.
PARALLEL_FROM = 200
#: Pages are parsed this many at a time, then checked: the parser's and the rules' code stay
#: warm in the processor's caches (measured 7-8 % of the audit's CPU time; +5 MB of memory).
BATCH = 32


class AuditInternalError(Exception):
    """A rule failed on a page: a bug in the audit, reported with the page (exit status 2)."""


class _Shown:
    """The site scan as site rules see it, with paths shown like the pages' paths."""

    def __init__(self, found, shown_root):
        self.problems, self.has_home, self._root = found.problems, found.has_home, shown_root

    def shown(self, rel):
        return os.path.join(self._root, rel)


def audit_site(root, options=DEFAULTS, cache_path=None):
    """Audit every page under root and return a Result.

    With cache_path, pages whose bytes (and site) did not change since the last run reuse
    their findings (see cache.py); only the others are parsed.
    """
    found = scan(root, options.ignore)
    if not found.pages and not found.problems:
        raise AuditInputError(f"audit: no HTML pages found in {root}; is this a built site?")
    if not options.base_url:
        options = replace(options, base_url=home_address(root))
    shown = options.display_root or root
    result = Result()
    site_rules = [r() for r in RULES if issubclass(r, SiteRule) and _selected(r, options)]
    for rule in site_rules:
        result.findings.extend(rule.check_site(_Shown(found, shown)))
    cache = None
    if cache_path:  # builds only: the command has no cache, and hashlib is not free to import
        from .cache import FindingsCache, page_key

        cache = FindingsCache(cache_path, root, options)
    keys, todo = {}, []
    for rel in found.pages:
        if cache is not None:
            try:
                keys[rel] = page_key(rel, read_bytes(root, rel))
            except OSError:
                todo.append(rel)
                continue
            hit = cache.get(keys[rel], os.path.join(shown, rel))
            if hit is not None:
                result.add(os.path.join(shown, rel), *hit)
                continue
        todo.append(rel)
    for rel, kind, evidence, findings in _audit_in_parallel(root, todo, options):
        if cache is not None and rel in keys:
            cache.put(keys[rel], kind, evidence, findings)
        result.add(os.path.join(shown, rel), kind, evidence, findings)
    if cache is not None:
        result.warnings.extend(filter(None, [cache.save()]))
    order = {rule.id: index for index, rule in enumerate(RULES)}
    result.findings.sort(key=lambda f: (f.path, f.line, order.get(f.rule, 99), f.message))
    result.pages_seen.sort()
    return result


def home_address(root):
    """The site's public address as its home page states it (canonical, else og:url), or ''.

    Told once, every page resolves its URLs against the same origin and base path, instead of
    each inferring them from its own canonical URL."""
    try:
        data = read_bytes(root, "index.html")
    except OSError:
        return ""
    page = Page(
        "index.html", "index.html", decode(without_utf8_marks(data))[0], SiteInfo(root=root)
    )
    for url in (page.canonical, page.meta("og:url")):
        address = url.split("#")[0].split("?")[0].removesuffix("index.html") if url else ""
        if is_absolute(address) and address.endswith("/"):  # a home page's own address
            return address.rstrip("/")
    return ""


def _selected(rule, options):
    return options.rules is None or rule.id in options.rules


def worker_count(jobs):
    """Worker processes for --jobs / AUDIT_JOBS: 0 is one per core, and more workers than cores
    only add processes (10,000 of them would be a fork storm), so the core count caps it."""
    cores = os.cpu_count() or 1
    return min(jobs or cores, cores)


def _audit_in_parallel(root, rels, options):
    """(rel, kind, evidence, findings) per page, on several cores when there are enough."""
    jobs = worker_count(options.jobs)
    if jobs == 1 or len(rels) < PARALLEL_FROM:
        return audit_pages(root, rels, options)
    from concurrent.futures import ProcessPoolExecutor  # only big sites on several cores

    size = max(25, len(rels) // (jobs * 4))
    batches = [rels[i : i + size] for i in range(0, len(rels), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        work = ByName(audit_pages)  # pickled without importing Pelican (see pickling.py)
        chunks = pool.map(work, [root] * len(batches), batches, [options] * len(batches))
        return [page for chunk in chunks for page in chunk]


def audit_pages(root, rels, options):
    """Audit some pages of one site; return [(rel, kind, evidence, findings)]. Runs in workers.

    The cyclic garbage collector is paused meanwhile: pages hold no reference cycles (lxml
    trees and their proxies are freed by reference counting), and its passes over the
    long-lived objects cost about a tenth of the audit's time."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _audit_pages(root, rels, options)
    finally:
        if paused:
            gc.enable()


def _audit_pages(root, rels, options):
    site = SiteInfo(
        root=root,
        base_url=options.base_url,
        publish=options.publish,
        files=FileIndex(root),
        sample_handles=tuple(options.sample_handles),
        sample_strings=tuple(options.sample_strings),
    )
    rules = [rule() for rule in RULES if _selected(rule, options)]
    by_kind = _by_kind(rules, options.publish, options.docs_share)
    shown = options.display_root or root
    audited, waiting = [], []  # waiting: indexes in audited of parsed pages not yet checked
    for rel in rels:
        audited.append(_read_page(root, rel, os.path.join(shown, rel), site, options))
        if isinstance(audited[-1], Page):
            waiting.append(len(audited) - 1)
            if len(waiting) == BATCH:
                _check_batch(audited, waiting, by_kind)
    _check_batch(audited, waiting, by_kind)
    return audited


def _read_page(root, rel, path, site, options):
    """The parsed Page at rel, or its finished (rel, kind, evidence, findings) entry when it
    cannot be read or opted out."""
    try:
        data = without_utf8_marks(read_bytes(root, rel))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return rel, PAGE, ["unreadable"], [Readable().unreadable(path, reason)]
    try:
        text, problems, utf8 = data.decode("utf-8"), [], data
    except UnicodeDecodeError:
        (text, problems), utf8 = decode(data), None
    if _opted_out_early(text):  # skip parsing utility pages (a third of a big site)
        return rel, OPTED_OUT, [], []
    try:
        page = Page(path, rel, text, site, problems, _kind_override(rel, options.kinds), utf8)
    except Exception as exc:  # a bug, not a page problem: say where, exit 2
        raise AuditInternalError(
            f"audit: internal error reading {path}: {type(exc).__name__}: {exc}"
        ) from exc
    if page.ignores_everything:  # utility pages (share picker, previews): nothing to check
        return rel, OPTED_OUT, [], []
    return page


def _check_batch(audited, waiting, by_kind):
    """Check the parsed pages waiting in audited, replacing each with its finished entry."""
    for index in waiting:
        page = audited[index]
        audited[index] = (page.rel, page.kind, page.evidence, _check(page, by_kind))
    waiting.clear()


def _by_kind(rules, publish, docs_share=False):
    """{kind: [the rules that look at pages of that kind]} for this run: a rule looks at the
    kinds it lists, publish-only rules only in publish mode (opt-outs are checked per page);
    with docs_share, docs pages also get the rules for pages (the share rules)."""
    by_kind = {
        kind: [r for r in rules if kind in r.kinds and (publish or not r.publish_only)]
        for kind in KINDS
    }
    if docs_share:
        by_kind[DOCS] = by_kind[PAGE]
    return by_kind


def _check(page, by_kind):
    """Every applicable rule's findings on page (an empty page: only the readable rule's)."""
    rules = by_kind.get(page.kind, ())
    if page.empty:
        rules = [rule for rule in rules if rule.id == Readable.id]
    findings = []
    opted_out = page.ignored_rules
    for rule in rules:
        if opted_out and page.ignores(rule.id):
            continue
        try:
            findings.extend(rule.check(page))
        except Exception as exc:  # a bug, not a page problem: say where, exit 2
            raise AuditInternalError(
                f"audit: internal error in rule {rule.id} on {page.path}: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
    return findings


def _kind_override(rel, kinds):
    """(kind, evidence) from the first --kind GLOB=KIND matching rel, else None."""
    for pattern, kind in kinds:
        if fnmatch.fnmatch(rel, pattern):
            return kind, [f"--kind {pattern}={kind}"]
    return None


def _opted_out_early(text):
    """True when <html> or <body> opts the whole page out (checked before parsing)."""
    body = text.find("<body")
    end = text.find(">", body) if body != -1 else -1
    if end == -1 or text.find("data-audit-ignore", 0, end) == -1:
        return False
    return WHOLE_PAGE_OPT_OUT.search(text, 0, end + 1) is not None


def audit_file(path, site_root, options=DEFAULTS):
    """Audit one built page (e.g. for a preview); return its findings."""
    rel = os.path.relpath(path, site_root).replace(os.sep, "/")
    return audit_pages(site_root, [rel], options)[0][3]
