"""Run the rules over every page of a built site, on all cores for big sites."""

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from .page import Page, SiteInfo
from .rules import RULES
from .site import FileIndex, find_pages, read_page

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


def audit_site(root, options=Options()):
    """Audit every page under root and return a Result."""
    rels = find_pages(root, options.ignore)
    jobs = options.jobs or os.cpu_count() or 1
    result = Result()
    if jobs == 1 or len(rels) < PARALLEL_FROM:
        chunks = [audit_pages(root, rels, options)]
    else:
        size = max(25, len(rels) // (jobs * 4))
        batches = [rels[i : i + size] for i in range(0, len(rels), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunks = list(
                pool.map(audit_pages, [root] * len(batches), batches, [options] * len(batches))
            )
    for findings, kinds in chunks:
        result.findings.extend(findings)
        result.opted_out += kinds.pop(OPTED_OUT, 0)
        result.kinds.update(kinds)
    order = {rule.id: index for index, rule in enumerate(RULES)}
    result.findings.sort(key=lambda f: (f.path, f.line, order.get(f.rule, 99), f.message))
    return result


def audit_pages(root, rels, options):
    """Audit some pages of one site; return (findings, Counter of kinds). Runs in workers."""
    site = SiteInfo(
        root=root, base_url=options.base_url, publish=options.publish, files=FileIndex(root)
    )
    rules = [rule() for rule in RULES if not options.rules or rule.id in options.rules]
    shown = options.display_root or root
    findings, kinds = [], Counter()
    for rel in rels:
        page = Page(path=os.path.join(shown, rel), rel=rel, text=read_page(root, rel), site=site)
        if page.ignores_everything:
            kinds[OPTED_OUT] += 1  # utility pages (share picker, previews): nothing to check
            continue
        kinds[page.kind] += 1
        for rule in rules:
            if rule.applies_to(page):
                findings.extend(rule.check(page))
    return findings, kinds


def audit_file(path, site_root, options=Options()):
    """Audit one built page (e.g. for a preview); return its findings."""
    rel = os.path.relpath(path, site_root).replace(os.sep, "/")
    return audit_pages(site_root, [rel], options)[0]
