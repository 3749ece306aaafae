"""Run the rules over every page of a built site, on all cores for big sites."""

import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .cache import FindingsCache, page_key
from .page import Page, SiteInfo
from .rules import RULES
from .site import FileIndex, find_pages, read_bytes, read_page

#: A bare data-audit-ignore (or "*"/"all") on <html> or <body>: the page opted out entirely.
WHOLE_PAGE_OPT_OUT = re.compile(
    r"""<(?:html|body)\b[^>]*?\sdata-audit-ignore"""
    r"""(?:\s*=\s*(?:"\s*(?:\*|all)?\s*"|'\s*(?:\*|all)?\s*'|(?:\*|all)(?=[\s/>])))?(?=[\s/>])""",
    re.I,
)

#: Below this many pages a process pool costs more than it saves.
PARALLEL_FROM = 200


@dataclass(frozen=True)
class Options:
    """How to audit: which rules, which pages to skip, publish mode, site URL, parallelism."""

    rules: tuple = ()  # rule ids; empty = all
    ignore: tuple = ()  # fnmatch globs on site-relative paths
    publish: bool = False
    base_url: str = ""
    jobs: int = 0  # 0 = one per core
    display_root: str = ""  # how the site folder is named in reports (default: as given)


OPTED_OUT = "opted out"


@dataclass
class Result:
    """Findings sorted by path and line, and how many pages of each kind were audited."""

    findings: list = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    opted_out: int = 0  # pages whose <html>/<body> carries a bare data-audit-ignore

    @property
    def pages(self):
        return sum(self.kinds.values())

    def add(self, kind, findings):
        """Count one page of this kind (or opted out) and keep its findings."""
        if kind == OPTED_OUT:
            self.opted_out += 1
        else:
            self.kinds[kind] += 1
        self.findings.extend(findings)


def audit_site(root, options=Options(), cache_path=None):
    """Audit every page under root and return a Result.

    With cache_path, pages whose bytes (and site) did not change since the last run reuse
    their findings (see cache.py); only the others are parsed.
    """
    rels = find_pages(root, options.ignore)
    shown = options.display_root or root
    cache = FindingsCache(cache_path, root, options) if cache_path else None
    result, keys, todo = Result(), {}, []
    for rel in rels:
        if cache is not None:
            keys[rel] = page_key(rel, read_bytes(root, rel))
            hit = cache.get(keys[rel], os.path.join(shown, rel))
            if hit is not None:
                result.add(*hit)
                continue
        todo.append(rel)
    for rel, kind, findings in _audit_in_parallel(root, todo, options):
        if cache is not None:
            cache.put(keys[rel], kind, findings)
        result.add(kind, findings)
    if cache is not None:
        cache.save()
    order = {rule.id: index for index, rule in enumerate(RULES)}
    result.findings.sort(key=lambda f: (f.path, f.line, order.get(f.rule, 99), f.message))
    return result


def _audit_in_parallel(root, rels, options):
    """(rel, kind, findings) for each page, on all cores when there are enough pages."""
    jobs = options.jobs or os.cpu_count() or 1
    if jobs == 1 or len(rels) < PARALLEL_FROM:
        return audit_pages(root, rels, options)
    size = max(25, len(rels) // (jobs * 4))
    batches = [rels[i : i + size] for i in range(0, len(rels), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunks = pool.map(audit_pages, [root] * len(batches), batches, [options] * len(batches))
        return [page for chunk in chunks for page in chunk]


def audit_pages(root, rels, options):
    """Audit some pages of one site; return [(rel, kind, findings)]. Runs in workers."""
    site = SiteInfo(
        root=root, base_url=options.base_url, publish=options.publish, files=FileIndex(root)
    )
    rules = [rule() for rule in RULES if not options.rules or rule.id in options.rules]
    shown = options.display_root or root
    audited = []
    for rel in rels:
        text = read_page(root, rel)
        if _opted_out_early(text):  # skip parsing utility pages (a third of a big site)
            audited.append((rel, OPTED_OUT, []))
            continue
        page = Page(path=os.path.join(shown, rel), rel=rel, text=text, site=site)
        if page.ignores_everything:  # utility pages (share picker, previews): nothing to check
            audited.append((rel, OPTED_OUT, []))
            continue
        findings = [f for rule in rules if rule.applies_to(page) for f in rule.check(page)]
        audited.append((rel, page.kind, findings))
    return audited


def _opted_out_early(text):
    """True when <html> or <body> opts the whole page out (checked before parsing)."""
    body = text.find("<body")
    end = text.find(">", body) if body != -1 else -1
    return end != -1 and WHOLE_PAGE_OPT_OUT.search(text, 0, end + 1) is not None


def audit_file(path, site_root, options=Options()):
    """Audit one built page (e.g. for a preview); return its findings."""
    rel = os.path.relpath(path, site_root).replace(os.sep, "/")
    return audit_pages(site_root, [rel], options)[0][2]
