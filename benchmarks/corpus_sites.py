"""Per-site benchmarks on real-world corpora: the kit's cost (issue 21), the audit's speed (22).

``python -m benchmarks.corpus_sites [--runs 3] [--quick] [--workdir DIR] [--results FILE]``
(also ``python -m benchmarks.run --only corpus``; ``make bench`` runs it after the rest).

Cost: each blog of tests/fixtures/corpus/ on one theme (benchmarks/blogs.py), built by
``python -m pelican`` with the kit and without it: warm builds (an unmeasured build first fills
the social-card cache; the output is removed before each measured run), CPU time of the process
tree, median of the runs, plain and kit interleaved. Speed: ``townsquare audit DIR`` (default
jobs, and ``--jobs 1``) vs html-proofer on each generator site of tests/generator_sites.py and on
each blog's kit output, interleaved likewise; then each tool's start-up (an empty folder, a
one-page folder). Prints both tables and writes benchmarks/CORPUS.md.
"""

import argparse
import functools
import shutil
import sys
import tempfile
from pathlib import Path

from . import blogs, corpus_report, report, sites
from .measure import CommandFailed, interleaved, measure

RESULTS = Path(__file__).resolve().parent / "CORPUS.md"
COST_TARGET, SPEED_TARGET, AUDIT_MB = 1.3, 20.0, 200
PROOFER = ("htmlproofer", "--disable-external", "--check-opengraph")
ONE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One page</title></head>
<body><main><h1>One page</h1><p>The start-up of each tool, and one page.</p></main></body></html>
"""


class Runner:
    """Measures the two sections in one work folder; remembers the commands run."""

    def __init__(self, work, runs):
        self.work, self.runs, self.commands = Path(work), runs, {}
        self.example = ""  # the first kit build's settings file, shown in CORPUS.md

    def once(self, label, command, before=None, **options):
        """A function measuring command once (before() first, untimed); the command recorded."""
        self.commands.setdefault(label, report.shown(command))

        def run():
            if before:
                before()
            return measure(command, **options)

        return run

    def cost(self):
        """Issue 21: a row per corpus blog, and {label: the kit's output} for the audit."""
        rows, outputs = [], {}
        for theme, blog in blogs.pairs():
            print(f"bench: {blog} on {theme}, kit vs plain ...", flush=True)
            env, builds, variants = blogs.environment(theme), {}, {}
            for kit in (False, True):
                variant = blogs.variant(self.work / "blogs", theme, blog, kit)
                variant.clean()
                measure(variant.command(), cwd=variant.work, env=env)  # unmeasured: fills caches
                builds[variant.name] = self.once(
                    f"{variant.name} build of a corpus blog", variant.command(), cwd=variant.work,
                    env=env, before=functools.partial(variant.clean, cache=False),
                )  # fmt: skip
                variants[variant.name] = variant
            self.example = self.example or variants["kit"].settings_file.read_text("utf-8")
            found = interleaved(self.runs, builds)
            kit, plain = found["kit"], found["plain"]
            ratio = kit.cpu / plain.cpu
            files = " / ".join(str(html_files(variants[n].output)) for n in ("kit", "plain"))
            rows.append(report.Line((f"{blog} ({theme})", files, f"{kit.cpu:.2f}",
                        f"{plain.cpu:.2f}", f"{ratio:.2f}x",
                        f"{kit.seconds:.2f} / {plain.seconds:.2f}",
                        f"{kit.peak_mb:.0f} / {plain.peak_mb:.0f}", f"<= {COST_TARGET}x"),
                        ratio <= COST_TARGET))  # fmt: skip
            outputs[f"pelican: {blog} ({theme}, kit)"] = variants["kit"].output
        return rows, outputs

    def generator_sites(self):
        """{name: built folder} of tests/generator_sites.py's sites (Hugo, MkDocs, ABlog...)."""
        generators = blogs.helper("generator_sites")
        folder = self.work / "generators"
        folder.mkdir(parents=True, exist_ok=True)
        built = {}
        for name in generators.SITES:
            print(f"bench: building generator site {name} ...", flush=True)
            built[name] = generators.build(name, folder)
        return built

    def startup_sites(self):
        """{label: folder}: an empty folder and a one-page folder (each tool's start-up)."""
        empty, one = self.work / "startup-empty", self.work / "startup-one-page"
        empty.mkdir(parents=True, exist_ok=True)
        one.mkdir(parents=True, exist_ok=True)
        (one / "index.html").write_text(ONE_PAGE, encoding="utf-8")
        return {"start-up: empty folder": empty, "start-up: one page": one}

    def speed(self, targets, judged=True):
        """Issue 22: a row per {label: folder}, audit (default jobs, --jobs 1) vs html-proofer."""
        audit = [*sites.townsquare_command(), "audit"]
        # The audit exits 1 on findings and 2 on a folder without pages (the empty one).
        ok = (0, 1) if judged else (0, 1, 2)
        rows = []
        for label, folder in targets.items():
            print(f"bench: audit vs html-proofer on {label} ...", flush=True)
            found = interleaved(self.runs, {
                "audit": self.once("townsquare audit (default jobs)", [*audit, folder],
                                   cwd=self.work, ok=ok),
                "jobs 1": self.once("townsquare audit --jobs 1", [*audit, folder, "--jobs", "1"],
                                    cwd=self.work, ok=ok),
                "proofer": self.once("html-proofer 3.19", [PROOFER[0], folder, *PROOFER[1:]],
                                     cwd=self.work, ok=(0, 1)),
            })  # fmt: skip
            rows.append(speed_row(label, folder, found, judged))
        return rows


def speed_row(label, folder, found, judged):
    """One row of the speed table (judged: the site rows; start-up rows are reported)."""
    theirs, ours, one = found["proofer"], found["audit"], found["jobs 1"]
    ratios = (theirs.cpu / ours.cpu, theirs.cpu / one.cpu)
    peak = max(ours.peak_mb, one.peak_mb)
    met = min(ratios) >= SPEED_TARGET and peak < AUDIT_MB if judged else None
    target = f">= {SPEED_TARGET:.0f}x, < {AUDIT_MB} MB" if judged else "-"
    return report.Line((label, str(html_files(folder)), f"{ours.cpu:.2f}", f"{one.cpu:.2f}",
                        f"{theirs.cpu:.2f}", f"{ratios[0]:.1f}x", f"{ratios[1]:.1f}x",
                        f"{ours.seconds:.2f}", f"{peak:.0f}", f"{theirs.peak_mb:.0f}", target),
                       met)  # fmt: skip


def html_files(folder):
    """How many .html files a built site has (what html-proofer checks)."""
    return sum(1 for _ in Path(folder).rglob("*.html"))


def run(work, runs):
    """Both sections in work; returns (cost rows, speed rows, the Runner)."""
    runner = Runner(work, runs)
    cost_rows, outputs = runner.cost()
    targets = {**runner.generator_sites(), **outputs}
    speed_rows = runner.speed(targets) + runner.speed(runner.startup_sites(), judged=False)
    return cost_rows, speed_rows, runner


def parse_args(argv):
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus_sites",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per median (default 3)")
    parser.add_argument("--quick", action="store_true", help="one run, no CORPUS.md")
    parser.add_argument("--workdir", help="keep the builds here (default: a temp dir)")
    parser.add_argument("--results", help=f"write the results here (default {RESULTS}; "
                        "--quick writes only when given)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs: give a positive integer")
    args.runs = 1 if args.quick else args.runs
    return args


def main(argv=None):
    """Run both sections, print the tables, write CORPUS.md; 0 when all ran (targets aside)."""
    args = parse_args(argv)
    if not shutil.which(PROOFER[0]):
        print("bench: htmlproofer not found (apt-get install ruby-html-proofer)", file=sys.stderr)
        return 2
    work = Path(args.workdir or tempfile.mkdtemp(prefix="townsquare-corpus-"))
    facts = report.machine()
    sites.compile_kit(blogs.TESTS / "corpus_helpers.py", Path(__file__).parent)
    try:
        cost_rows, speed_rows, runner = run(work, args.runs)
    except (CommandFailed, RuntimeError) as exc:  # generator_sites.build raises RuntimeError
        print(exc, file=sys.stderr)
        return 1
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    corpus_report.print_tables(cost_rows, speed_rows)
    results = args.results or (None if args.quick else RESULTS)
    if results:
        corpus_report.write(results, facts, cost_rows, speed_rows, args.runs, runner.commands,
                            runner.example)  # fmt: skip
        print(f"bench: wrote {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
