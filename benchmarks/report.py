"""Benchmark rows, the rich table on the terminal and benchmarks/RESULTS.md."""

import datetime
import importlib.metadata
import os
import platform
import shutil
import subprocess
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

HEADERS = ("measurement", "N", "townsquare", "reference", "ratio", "target", "status")


@dataclass(frozen=True)
class Row:
    """One line of the results table; met is True/False, or None when there is no target."""

    measurement: str
    n: str
    ours: str
    reference: str
    ratio: str
    target: str
    met: bool | None

    @property
    def status(self):
        return {True: "met", False: "NOT MET", None: "reported"}[self.met]

    def cells(self):
        return (self.measurement, self.n, self.ours, self.reference, self.ratio, self.target,
                self.status)  # fmt: skip


def cpu_timing(measurement):
    """'1.21 s CPU (0.70 s wall), 96 MB'."""
    return (
        f"{measurement.cpu:.2f} s CPU ({measurement.seconds:.2f} s wall), "
        f"{measurement.peak_mb:.0f} MB"
    )


def timing(measurement):
    """'4.21 s, 96 MB' (with the number of runs when it is a median)."""
    median = f" (median of {measurement.runs})" if measurement.runs > 1 else ""
    return f"{measurement.seconds:.2f} s, {measurement.peak_mb:.0f} MB{median}"


def print_table(rows, console=None):
    """Print the rows as a rich table."""
    table = Table(title="Townsquare benchmarks", show_lines=False)
    for header in HEADERS:
        table.add_column(header, justify="right" if header in ("N", "ratio") else "left")
    colours = {True: "green", False: "bold red", None: "dim"}
    for row in rows:
        cells = list(row.cells())
        cells[-1] = f"[{colours[row.met]}]{row.status}[/]"
        table.add_row(*cells)
    console = console or Console()
    if not console.is_terminal:  # piped or in CI: do not squeeze the table into 80 columns
        console = Console(width=170)
    console.print(table)


def markdown_table(rows):
    """The rows as a GitHub Markdown table."""
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def machine():
    """A dict describing the machine and tool versions, for RESULTS.md."""
    model = platform.processor() or "unknown"
    memory = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(
                (ln.split(":", 1)[1].strip() for ln in handle if ln.startswith("model name")),
                model,
            )
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kb = next(int(ln.split()[1]) for ln in handle if ln.startswith("MemTotal"))
            memory = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    proofer = "not installed"
    if shutil.which("htmlproofer"):
        done = subprocess.run(["htmlproofer", "--version"], capture_output=True, text=True)
        proofer = (done.stdout or done.stderr).strip() or "unknown"
    return {
        "CPU": model,
        "cores (nproc)": str(os.cpu_count()),
        "RAM": memory,
        "load average at start (1/5/15 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Pelican": importlib.metadata.version("pelican"),
        "html-proofer": proofer,
    }


def write_results(path, rows, facts, commands, notes):
    """Write RESULTS.md: date, machine, commands, the table and notes."""
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Benchmark results", "", f"Measured {today} by `python -m benchmarks.run`.", ""]
    lines += ["## Machine", ""] + [f"- {key}: {value}" for key, value in facts.items()]
    lines += ["", "## Results", "", markdown_table(rows), ""]
    lines += ["## Notes", ""] + [f"- {note}" for note in notes]
    lines += ["", "## Commands", "", "Each measured command, as run (paths of the run's work "
              "folder; `$PY` is the project's Python, `$BIN` its scripts' folder):",
              "", "```"]  # fmt: skip
    lines += [f"# {label}\n{command}" for label, command in commands.items()]
    lines += ["```", ""]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
