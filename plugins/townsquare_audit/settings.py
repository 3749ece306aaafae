"""The audit's settings: declared once, validated once at `initialized`, all problems together."""

import os
from dataclasses import replace
from pathlib import Path

from .kinds import KINDS
from .options import DEFAULT_SAMPLE_HANDLES, DEFAULT_SAMPLE_STRINGS, Options
from .report import FAIL_ON
from .rules import RULE_IDS

#: Front matter keys this plugin reads (the theme prints audit_ignore as a meta tag).
FRONT_MATTER = ("audit_ignore",)
DEFAULTS = {
    "AUDIT_ENABLED": True,
    "AUDIT_RULES": None,  # None = every rule; else a list of rule ids
    "AUDIT_SKIP": [],  # rule ids not to run (after AUDIT_RULES)
    "AUDIT_KINDS": {},  # {glob: kind}: the kind of matching pages, whatever they show
    "AUDIT_SAMPLE_HANDLES": list(DEFAULT_SAMPLE_HANDLES),  # refused in publish builds
    # The sample's words, refused in publish builds unless SITENAME/SITESUBTITLE still say them.
    "AUDIT_SAMPLE_STRINGS": list(DEFAULT_SAMPLE_STRINGS),
    "AUDIT_IGNORE": ["drafts/*", "preview/*"],  # fnmatch globs on paths inside the output
    "AUDIT_FAIL_ON": "error",
    "AUDIT_REPORT": None,  # also write the report to these files: .json, .xml (JUnit), else text
    "AUDIT_JOBS": 0,  # 0 = one process per core
    "AUDIT_CACHE": True,  # reuse unchanged pages' findings between builds (in CACHE_PATH)
    "AUDIT_PUBLISH": None,  # None = follow PUBLISH (publishconf.py sets it)
    "AUDIT_DOCS_SHARE": False,  # hold docs pages (Sphinx, MkDocs...) to the share rules too
}


class AuditSettingsError(Exception):
    """One or more AUDIT_* settings are invalid; the message lists them all."""

    exitcode = 1


def resolve(settings):
    """Return the AUDIT_* settings with defaults filled in; raise AuditSettingsError if invalid."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    problems = []
    if not isinstance(values["AUDIT_ENABLED"], bool):
        problems.append(_bad("AUDIT_ENABLED", values["AUDIT_ENABLED"], "True or False"))
    rules = values["AUDIT_RULES"]
    if rules is not None:
        if isinstance(rules, str) or not all(isinstance(r, str) for r in rules):
            problems.append(_bad("AUDIT_RULES", rules, "None or a list of rule ids"))
        else:
            unknown = [r for r in rules if r not in RULE_IDS]
            if unknown:
                problems.append(_bad("AUDIT_RULES", unknown, "rule ids: " + ", ".join(RULE_IDS)))
    for name in ("AUDIT_SKIP", "AUDIT_SAMPLE_HANDLES", "AUDIT_SAMPLE_STRINGS"):
        listed = values[name]
        if isinstance(listed, str) or not all(isinstance(r, str) for r in listed or []):
            problems.append(_bad(name, listed, "a list of strings"))
    unknown = [r for r in values["AUDIT_SKIP"] or [] if isinstance(r, str) and r not in RULE_IDS]
    if unknown:
        problems.append(_bad("AUDIT_SKIP", unknown, "rule ids: " + ", ".join(RULE_IDS)))
    kinds = values["AUDIT_KINDS"]
    if not isinstance(kinds, dict) or not all(
        isinstance(glob, str) and kind in KINDS for glob, kind in kinds.items()
    ):
        problems.append(_bad("AUDIT_KINDS", kinds, "{glob: kind} with kinds " + ", ".join(KINDS)))
    ignore = values["AUDIT_IGNORE"]
    if isinstance(ignore, str) or not all(isinstance(g, str) for g in ignore or []):
        problems.append(_bad("AUDIT_IGNORE", ignore, "a list of glob patterns, e.g. ['drafts/*']"))
    if values["AUDIT_FAIL_ON"] not in FAIL_ON:
        problems.append(_bad("AUDIT_FAIL_ON", values["AUDIT_FAIL_ON"], ", ".join(FAIL_ON)))
    report = values["AUDIT_REPORT"]
    reports = [report] if isinstance(report, str | os.PathLike) else report
    if report is not None and not (
        isinstance(reports, list | tuple)
        and all(isinstance(r, str | os.PathLike) for r in reports)
    ):
        problems.append(_bad("AUDIT_REPORT", report, "None, a file path or a list of paths"))
    else:
        for path in reports or ():
            for folder in (settings.get("OUTPUT_PATH"), settings.get("PATH")):
                problem = report_target_problem(path, folder, "AUDIT_REPORT")
                if problem:
                    problems.append(problem)
                    break
    jobs = values["AUDIT_JOBS"]
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        problems.append(_bad("AUDIT_JOBS", jobs, "0 (one per core) or a positive integer"))
    for name in ("AUDIT_CACHE", "AUDIT_DOCS_SHARE"):
        if not isinstance(values[name], bool):
            problems.append(_bad(name, values[name], "True or False"))
    if values["AUDIT_PUBLISH"] not in (None, True, False):
        problems.append(_bad("AUDIT_PUBLISH", values["AUDIT_PUBLISH"], "None, True or False"))
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise AuditSettingsError(f"audit: {len(problems)} setting problem(s):\n{listed}")
    return values


#: Files a report must never replace: a blog's sources, settings and pages.
SOURCE_SUFFIXES = frozenset(
    (".md", ".markdown", ".mdown", ".rst", ".ipynb", ".py", ".html", ".htm", ".j2", ".css")
)


def report_target_problem(path, site, name):
    """Why writing a report to path would overwrite something of the blog (None when it would
    not): path is inside site (the audited folder, or the content folder), or is an existing
    source, settings or page file."""
    if not path:
        return None
    target = Path(path).resolve()
    inside = site and (target == Path(site).resolve() or Path(site).resolve() in target.parents)
    source = target.suffix.lower() in SOURCE_SUFFIXES and target.exists()
    if not inside and not source:
        return None
    what = f"inside {site}" if inside else "an existing source or page file"
    return (
        f"{name} {str(path)!r} is {what}: the report would overwrite it or be published "
        "with the site; fix: write the report elsewhere, e.g. audit-report.json"
    )


def selected_rules(rules, skip):
    """The rule ids to run: AUDIT_RULES (None = all) minus AUDIT_SKIP, as Options wants them."""
    chosen = list(rules or RULE_IDS)
    return tuple(r for r in chosen if r not in set(skip or ()))


def options_for(settings, values, **overrides):
    """The Options of an audit run by a build (or its preview) with these resolved values."""
    publish = values["AUDIT_PUBLISH"]
    options = Options(
        rules=selected_rules(values["AUDIT_RULES"], values["AUDIT_SKIP"]),
        ignore=tuple(values["AUDIT_IGNORE"] or ()),
        publish=bool(settings.get("PUBLISH", False)) if publish is None else publish,
        base_url=settings.get("SITEURL", ""),
        jobs=values["AUDIT_JOBS"],
        kinds=tuple(values["AUDIT_KINDS"].items()),
        sample_handles=tuple(values["AUDIT_SAMPLE_HANDLES"]),
        docs_share=values["AUDIT_DOCS_SHARE"],
        sample_strings=sample_strings(settings, values["AUDIT_SAMPLE_STRINGS"]),
    )
    return replace(options, **overrides)


def sample_strings(settings, strings):
    """The sample strings this site does not use as its own name or subtitle."""
    own = f"{settings.get('SITENAME') or ''}\n{settings.get('SITESUBTITLE') or ''}".casefold()
    return tuple(s for s in strings or () if s.strip() and s.casefold() not in own)


def _bad(name, value, allowed):
    return f"Setting '{name}': received {value!r}; allowed: {allowed}"
