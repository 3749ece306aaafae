"""Benchmark the kit against plain Pelican and the audit against html-proofer.

``python -m benchmarks.run [--sizes 100,1000] [--full] [--quick] [--setting KEY=VALUE ...]
[--no-corpus | --only corpus]``

For each corpus size N: (a) plain Pelican build, (b) kit build with a warm social-card cache
and, separately, cold card generation, (c) warm rebuild with one post changed and Pelican's
content cache on, for both. Then (d) our audit vs html-proofer on the largest site and (e) the
page weight of the interaction points on a sample article. Cheap builds (N <= 100) take the
median of three, bigger ones run once; the audit and html-proofer take the median of three at
every size. Prints a table and writes benchmarks/RESULTS.md. Then (f) the per-site benchmarks
on the real-world corpus (benchmarks/corpus_sites.py, written to benchmarks/CORPUS.md): on by
default, off with --quick or --no-corpus; --only corpus runs just them.
"""

import argparse
import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import corpus, corpus_sites, pages, report, sites, weight
from .measure import CommandFailed, measure, median_of

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TARGET_SIZE = 1000  # the build targets are stated at N=1000
BUILD_TARGET, REBUILD_TARGET, AUDIT_SPEEDUP, AUDIT_MB = 1.15, 1.10, 20.0, 200
WEIGHT_BYTES = 4096


class Bench:
    """Holds the options, the rows measured so far and the commands run."""

    def __init__(self, work, extra, runs_small, target_size):
        self.work, self.extra, self.runs_small = Path(work), extra, runs_small
        self.target_size = target_size
        self.rows, self.commands = [], {}

    def timed(self, label, command, runs=1, cwd=None, ok=(0,), before=None):
        """Measure command (median of runs); before() is called ahead of each run, untimed."""
        self.commands.setdefault(label, report.shown(command))

        def once():
            if before:
                before()
            return measure(command, cwd=cwd, ok=ok)

        return median_of(runs, once)

    def builds(self, n):
        """(a), (b), (c) for one corpus size; returns the kit variant (its output is built)."""
        source = corpus.generate(n, self.work / f"corpus-{n}")
        runs = self.runs_small if n <= 100 else 1
        plain = sites.plain(self.work / f"plain-{n}", source)
        kit = sites.kit(self.work / f"kit-{n}", source, self.extra)
        judged = n == self.target_size
        cold = self.timed("kit build, cold social-card cache", kit.command(), runs, kit.work,
                          before=kit.clean)  # fmt: skip
        warm = self.timed("kit build, warm social-card cache", kit.command(), runs, kit.work,
                          before=lambda: kit.clean(cache=False))  # fmt: skip
        base = self.timed("plain Pelican build", plain.command(), runs, plain.work,
                          before=plain.clean)  # fmt: skip
        self.add_ratio("kit build, warm cards", n, warm, base, BUILD_TARGET, judged)
        self.add_ratio("kit build, cold cards", n, cold, base, None, False)
        rebuilt = {}
        for variant in (plain, kit):
            variant.clean()
            measure(variant.command(content_cache=True), cwd=variant.work)  # warm the cache
            rebuilt[variant.name] = self.timed(
                f"{variant.name} warm rebuild, one post changed (content cache on)",
                variant.command(content_cache=True), runs, variant.work,
                before=functools.partial(sites.touch_post, source),
            )  # fmt: skip
        self.add_ratio("warm rebuild, 1 post edited", n, rebuilt["kit"], rebuilt["plain"],
                       REBUILD_TARGET, judged)  # fmt: skip
        return kit

    def add_ratio(self, label, n, ours, reference, target, judged):
        """A row comparing ours with reference (ratio = ours / reference time)."""
        ratio = ours.seconds / reference.seconds
        goal = f"<= {target:.2f}x at N={self.target_size}" if target else "-"
        met = ratio <= target if (target and judged) else None
        self.rows.append(report.Row(label, str(n), report.timing(ours),
                                    "plain " + report.timing(reference), f"{ratio:.2f}x", goal,
                                    met))  # fmt: skip

    def audit(self, n, site):
        """(d) our audit vs html-proofer on the built kit site, ours as users run it
        (`townsquare audit`, what `make audit` runs). CPU time is the comparison: html-proofer
        runs in one process, so ours is judged in one (--jobs 1); the run on both cores
        (--jobs 0) is reported with its CPU and wall time. Every size takes the median of
        runs_small runs of each tool: single runs of the same command varied by up to 25 %."""
        command = [*sites.townsquare_command(), "audit", str(site)]
        runs = self.runs_small
        ours = self.timed("townsquare audit (one process)", [*command, "--jobs", "1"], runs,
                          cwd=sites.ROOT, ok=(0, 1))  # fmt: skip
        both = self.timed("townsquare audit (both cores)", [*command, "--jobs", "0"], runs,
                          cwd=sites.ROOT, ok=(0, 1))  # fmt: skip
        if not shutil.which("htmlproofer"):
            self.rows.append(report.Row("audit vs html-proofer", str(n), report.cpu_timing(ours),
                             "html-proofer not installed", "-", ">= 20x", None))  # fmt: skip
        else:
            theirs = self.timed("html-proofer 3.19", ["htmlproofer", str(site),
                                "--disable-external", "--check-opengraph"], runs,
                                cwd=self.work, ok=(0, 1))  # fmt: skip
            for label, measured, target in (("one process", ours, AUDIT_SPEEDUP),
                                            ("both cores", both, None)):  # fmt: skip
                speedup = theirs.cpu / measured.cpu
                self.rows.append(report.Row(f"audit speed-up, CPU time ({label})", str(n),
                                 report.cpu_timing(measured),
                                 "html-proofer " + report.cpu_timing(theirs), f"{speedup:.1f}x",
                                 f">= {target:.0f}x" if target else "-",
                                 speedup >= target if target else None))  # fmt: skip
        peak = max(ours.peak_mb, both.peak_mb)
        self.rows.append(report.Row("audit peak memory (both cores)", str(n), f"{peak:.0f} MB",
                                    "-", "-", f"< {AUDIT_MB} MB", peak < AUDIT_MB))  # fmt: skip

    def page_sizes(self, site):
        """(d') per-page CPU cost of the audit by page size: ours vs bs4's parse alone."""
        for label, kb, bs4_ms, lxml_ms, audit_ms in pages.measure(site, repeat=15):
            self.rows.append(report.Row(f"audit per page, {label}", f"{kb:.0f} KB",
                             f"{audit_ms:.2f} ms (parse {lxml_ms:.2f} ms + rules)",
                             f"bs4 parse alone {bs4_ms:.2f} ms", f"{bs4_ms / audit_ms:.1f}x",
                             "-", None))  # fmt: skip

    def page_weight(self):
        """(e) interaction HTML+CSS and required JS on an article of the fixture blog."""
        # The fixture blog's posts name sample profiles in front matter: not what is measured.
        extra = {"AUDIT_SKIP": ["placeholders"], **self.extra}
        sample = sites.kit(self.work / "sample", sites.SAMPLE_CONTENT, extra)
        sample.clean()
        self.timed("kit build of the sample site (for page weight)", sample.command(),
                   cwd=sample.work)  # fmt: skip
        page = pick_article(sample.output)
        found = weight.measure_page(sample.output, page)
        shown = f"{found.page}: {', '.join(found.markers) or 'no markers'}"
        self.rows.append(report.Row("interaction HTML+CSS", "-",
                         f"{found.html} + {found.css} = {found.html_css} B "
                         f"({found.gzip} B gzip)", shown, "-", f"<= {WEIGHT_BYTES} B",
                         found.html_css <= WEIGHT_BYTES and bool(found.markers)))  # fmt: skip
        self.rows.append(report.Row("JS required to render", "-",
                         f"{found.js_required} B", f"optional JS loaded: {found.js_optional} B",
                         "-", "0 B", found.js_required == 0 and bool(found.markers)))  # fmt: skip


def pick_article(site):
    """The sample article used for page weight (the first post in file order)."""
    posts = sorted((Path(site) / "posts").glob("*.html"))
    if not posts:
        raise CommandFailed(f"bench: no article found under {site}/posts")
    preferred = Path(site) / "posts" / "listening-tours.html"
    return preferred if preferred in posts else posts[0]


def parse_args(argv):
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes (default 100,1000)")
    parser.add_argument("--full", action="store_true", help="sizes 100,1000,3000")
    parser.add_argument("--quick", action="store_true", help="CI-sized: N=100 only, one run")
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra kit setting, JSON value (e.g. AUDIT_FAIL_ON=never)",
    )
    parser.add_argument("--workdir", help="keep corpora and builds here (default: temp dir)")
    parser.add_argument("--results", help=f"write the results here (default {RESULTS}; "
                        "--quick writes only when given)")  # fmt: skip
    parser.add_argument("--corpus", action=argparse.BooleanOptionalAction,
                        help="the per-site corpus benchmarks, into CORPUS.md (default: on, "
                        "off with --quick)")  # fmt: skip
    parser.add_argument("--only", choices=("corpus",), help="run only these benchmarks")
    args = parser.parse_args(argv)
    if args.corpus is None:
        args.corpus = not args.quick
    sizes = "100" if args.quick else "100,1000,3000" if args.full else args.sizes
    try:
        args.sizes = sorted({int(s) for s in sizes.split(",") if s.strip()})
        args.extra = dict(sites.parse_setting(s) for s in args.setting)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes: give positive integers, e.g. 100,1000")
    return args


def main(argv=None):
    """Run every benchmark, print the table, write RESULTS.md; 0 when all ran (targets aside)."""
    args = parse_args(argv)
    if args.only == "corpus":
        return corpus_sites.main(corpus_argv(args))
    work = Path(args.workdir or tempfile.mkdtemp(prefix="townsquare-bench-"))
    facts = report.machine()
    sites.compile_kit()
    target_size = TARGET_SIZE if TARGET_SIZE in args.sizes else max(args.sizes)
    bench = Bench(work, args.extra, 1 if args.quick else 3, target_size)
    try:
        audited = [n for n in args.sizes if n >= TARGET_SIZE] or [args.sizes[-1]]
        for n in args.sizes:
            print(f"bench: N={n} ...", flush=True)
            kit = bench.builds(n)
            if n in audited:
                print(f"bench: audit vs html-proofer on N={n} ...", flush=True)
                bench.audit(n, kit.output)
        bench.page_sizes(kit.output)
        bench.page_weight()
    except CommandFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report.print_table(bench.rows)
    results = args.results or (None if args.quick else RESULTS)
    if results:
        notes = notes_for(args, target_size)
        report.write_results(results, bench.rows, facts, bench.commands, notes)
        print(f"bench: wrote {results}")
    return corpus_sites.main(corpus_argv(args)) if args.corpus else 0


def corpus_argv(args):
    """corpus_sites' options from ours (its work folder inside ours; --quick: one run)."""
    argv = ["--quick"] if args.quick else []
    return argv + (["--workdir", str(Path(args.workdir) / "corpus")] if args.workdir else [])


def notes_for(args, target_size):
    """The explanatory notes written under the table."""
    extra = ", ".join(f"`{k}={v!r}`" for k, v in args.extra.items()) or "none"
    return [
        f"Sizes: {', '.join(map(str, args.sizes))}; targets are judged at N={target_size}, "
        "other sizes are reported.",
        f"Extra kit settings (`--setting`): {extra}.",
        "Build times are wall-clock seconds of the whole `pelican` process (start-up included); "
        "N <= 100 is the median of 3 runs, larger N one run.",
        "Audit vs html-proofer (N >= 1000, each size): the ratio is of CPU time (user + system "
        "of the process tree, os.wait4), judged with the audit in one process (`--jobs 1`) "
        "like html-proofer; the run on both cores (`--jobs 0`, the default) is reported too. "
        "All three run in the same benchmark run, one after the other, on the same built site, "
        "each the median of 3 runs (--quick: 1): single runs of the same command varied by up "
        "to 25 % on this shared machine. "
        "Ours runs as users run it (`townsquare audit`, what `make audit` runs).",
        "The kit's Python modules are byte-compiled once before anything is measured, as `pip "
        "install` leaves an installed kit (with PYTHONDONTWRITEBYTECODE set, as it is "
        f"{'' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'not '}here, an editable "
        "checkout would compile them again in every process, ~10 ms).",
        "Audit per page: CPU milliseconds (median of 15) of parsing plus every rule on one page, "
        "the kit's article and real-world-sized pages made from it (benchmarks/pages.py: "
        "menus, inline SVG, highlighted code, long prose, comment threads); the reference is "
        "BeautifulSoup (lxml backend) building its tree alone, what the audit paid before.",
        "Peak memory is the larger of the command's ru_maxrss, as GNU time reports it, and the "
        "summed RSS of its process tree sampled every 50 ms (the audit uses all cores). Until "
        "2026-12 it was ru_maxrss of the direct child (os.wait4), which a forked child inherits "
        "from this benchmark's own process: small tools read as the benchmark's ~50 MB.",
        "Cold card generation: the kit's work folder (social-card, audit and Pelican caches) "
        "wiped before the build; warm: the same caches kept, output removed.",
        "Warm rebuild: CACHE_CONTENT and LOAD_CONTENT_CACHE on, one full build to fill the "
        "cache, then one post is edited before each measured build.",
        "Plain Pelican: default theme notmyidea, no plugins, Pelican's default feeds and "
        "pagination; the kit uses its own publish settings (benchmarks/kitconf.py, shaped like "
        "the fixture blog's publishconf.py, never the repository's blog settings): the "
        "production build, audit gate included; local builds add the share-preview pages, an "
        "authoring aid that is never published.",
        "Page weight: outer HTML of [data-ts-share], [data-ts-comments], [data-ts-subscribe], "
        "feed <link>s and the <link>s of the interaction CSS, plus that CSS (the kit's one "
        "interactions.css; share/comments/subscribe/feeds*.css in older builds); JS required "
        "is 0 when all markers are in the served HTML and not hidden.",
        "The machine is shared with other jobs, so single runs carry noise of several percent.",
        "Per-site benchmarks on the real-world corpus (each corpus blog with the kit vs plain "
        "Pelican; the audit vs html-proofer on each generator site): [CORPUS.md](CORPUS.md), "
        "`python -m benchmarks.run --only corpus`.",
    ]


if __name__ == "__main__":
    sys.exit(main())
