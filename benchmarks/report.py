"""Benchmark rows, the rich table on the terminal and benchmarks/RESULTS.md."""

import datetime
import importlib.metadata
import os
import platform
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

HEADERS = ("measurement", "N", "townsquare", "reference", "ratio", "target", "status")
STATUS = {True: "met", False: "NOT MET", None: "reported"}


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
        return STATUS[self.met]

    def cells(self):
        return (self.measurement, self.n, self.ours, self.reference, self.ratio, self.target,
                self.status)  # fmt: skip


@dataclass(frozen=True)
class Line:
    """A row of a table with its own headers: its cells before the status, and met."""

    values: tuple
    met: bool | None

    @property
    def status(self):
        return STATUS[self.met]

    def cells(self):
        return (*self.values, self.status)


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


def shown(command):
    """A command as RESULTS.md shows it: `$PY` for this Python, `$BIN` for its scripts' folder."""
    text = shlex.join(map(str, command)).replace(sys.executable, "$PY")
    return text.replace(str(Path(sys.executable).parent), "$BIN")


def print_table(rows, console=None, headers=HEADERS, title="Townsquare benchmarks"):
    """Print the rows as a rich table (numbers and ratios right-aligned)."""
    table = Table(title=title, show_lines=False)
    for header in headers:
        numeric = header in ("N", "pages") or header.endswith(("ratio", " s", "MB"))
        table.add_column(header, justify="right" if numeric else "left")
    colours = {True: "green", False: "bold red", None: "dim"}
    for row in rows:
        cells = list(row.cells())
        cells[-1] = f"[{colours[row.met]}]{row.status}[/]"
        table.add_row(*cells)
    console = console or Console()
    if not console.is_terminal:  # piped or in CI: do not squeeze the table into 80 columns
        console = Console(width=170)
    console.print(table)


def markdown_table(rows, headers=HEADERS):
    """The rows as a GitHub Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
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
    sections = [("Results", markdown_table(rows))]
    write_document(path, "Benchmark results", "python -m benchmarks.run", facts, sections, notes,
                   commands)  # fmt: skip


def write_document(path, title, program, facts, sections, notes, commands):
    """Write a results file: date, machine, (heading, Markdown) sections, notes, commands."""
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# {title}", "", f"Measured {today} by `{program}`.", ""]
    lines += ["## Machine", ""] + [f"- {key}: {value}" for key, value in facts.items()]
    for heading, body in sections:
        lines += ["", f"## {heading}", "", body, ""]
    lines += ["## Notes", ""] + [f"- {note}" for note in notes]
    lines += ["", "## Commands", "", "Each measured command, as run (paths of the run's work "
              "folder; `$PY` is the project's Python, `$BIN` its scripts' folder):",
              "", "```"]  # fmt: skip
    lines += [f"# {label}\n{command}" for label, command in commands.items()]
    lines += ["```", ""]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
