"""A finding: one problem on one page, as a plain value the reporter can print."""

from dataclasses import asdict, dataclass

from .pickling import reduce_dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"  # worth knowing, never fails a run (whatever --fail-on says)
SEVERITIES = (ERROR, WARNING, INFO)
#: Severity rank used by --fail-on: a finding fails the run when rank >= threshold rank.
RANK = {INFO: 0, WARNING: 1, ERROR: 2}


@dataclass(frozen=True, order=True)
class Finding:
    """What is wrong where: a page path, a 1-based line, the rule id, severity and message."""

    path: str
    line: int
    rule: str
    severity: str
    message: str
    hint: str = ""

    def as_dict(self):
        """Return the finding as a JSON-ready dict."""
        return asdict(self)

    __reduce__ = reduce_dataclass  # back from worker processes without importing Pelican


def fails(finding, fail_on):
    """Return True when finding is at or above the fail_on threshold (error|warning|never)."""
    if fail_on == "never" or finding.severity == INFO:
        return False
    return RANK[finding.severity] >= RANK[fail_on]
