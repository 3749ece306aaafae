"""What an audit found: every finding, and each page's kind with the evidence for it."""

from collections import Counter
from dataclasses import dataclass, field

OPTED_OUT = "opted out"


@dataclass
class Result:
    """Findings sorted by path and line, and each audited page's kind and evidence."""

    findings: list = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)
    opted_out: int = 0  # pages whose <html>/<body> carries a bare data-audit-ignore
    pages_seen: list = field(default_factory=list)  # [(shown path, kind, [evidence])]
    warnings: list = field(default_factory=list)  # about the run itself (e.g. the cache)

    @property
    def pages(self):
        return sum(self.kinds.values())

    def add(self, path, kind, evidence, findings):
        """Count one page of this kind (or opted out) and keep its findings."""
        if kind == OPTED_OUT:
            self.opted_out += 1
        else:
            self.kinds[kind] += 1
            self.pages_seen.append((path, kind, list(evidence)))
        self.findings.extend(findings)
