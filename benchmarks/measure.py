"""Run a command as a child process and measure its wall time, CPU time and peak memory.

CPU time is user + system time of the child and every descendant it waited for, from
``os.wait4`` (Linux accounts a reaped child's time to its parent: a process pool's workers
are included). It is the fair comparison between a tool using all cores and one using one.

Peak memory is the larger of two readings:

* ``ru_maxrss`` of the child from ``os.wait4`` (the kernel's exact peak of the single largest
  process in the child's tree; unlike ``getrusage(RUSAGE_CHILDREN)`` it is per child, so an
  earlier big run does not leak into a later small one);
* the sum of resident memory of the whole process tree, sampled every 50 ms from ``/proc``
  (what a multi-process tool such as the audit with ``--jobs 0`` really holds at once).
"""

import os
import shlex
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

SAMPLE_EVERY = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class CommandFailed(Exception):
    """A measured command exited with an unexpected status; the message has its stderr tail."""


@dataclass(frozen=True)
class Measurement:
    """One run (or the median of several): seconds, peak resident bytes, runs taken."""

    seconds: float
    peak_bytes: int
    runs: int = 1
    cpu: float = 0.0  # user + system seconds of the process tree

    @property
    def peak_mb(self):
        return self.peak_bytes / 2**20


def tree_rss(root_pid):
    """Resident bytes of root_pid and all its descendants (0 when /proc is unavailable)."""
    children = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                stat = handle.read()
        except OSError:  # the process ended while we looked
            continue
        # The command name may contain spaces and parentheses; fields resume after the last ")".
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(pid, ()))
    return total


class _Sampler(threading.Thread):
    """Poll the tree's resident memory until stopped; remember the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak = pid, 0
        self._done = threading.Event()

    def run(self):
        while not self._done.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._done.wait(SAMPLE_EVERY)

    def stop(self):
        self._done.set()
        self.join()


def measure(command, cwd=None, env=None, ok=(0,)):
    """Run command (a list); return a Measurement or raise CommandFailed."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        sampler = _Sampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)  # we reaped it, tell Popen
        if proc.returncode not in ok:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-3000:]
            raise CommandFailed(
                f"bench: `{shlex.join(map(str, command))}` exited with {proc.returncode}:\n{tail}"
            )
    # ru_maxrss is in kilobytes on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(seconds, max(usage.ru_maxrss * 1024, sampler.peak), cpu=cpu)


def median_of(runs, once):
    """Call once() runs times; return the run with the median time (peak = max of all runs)."""
    results = sorted((once() for _ in range(runs)), key=lambda m: m.seconds)
    middle = statistics.median_low([m.seconds for m in results])
    chosen = next(m for m in results if m.seconds == middle)
    return Measurement(chosen.seconds, max(m.peak_bytes for m in results), runs, chosen.cpu)
