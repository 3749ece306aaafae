"""Run a command as a child process and measure its wall time, CPU time and peak memory.

CPU time is user + system time of the child and every descendant it waited for, from
``os.wait4`` (Linux accounts a reaped child's time to its parent: a process pool's workers
are included). It is the fair comparison between a tool using all cores and one using one.

Peak memory is the larger of two readings:

* ``ru_maxrss`` of the command (the kernel's exact peak of the single largest process in its
  tree), as GNU time reports it: the command runs under ``/usr/bin/time -f %M``. A process
  forked from this one starts with this process's resident memory and keeps that high-water
  mark across ``exec``, so ``ru_maxrss`` of a direct child is never below the benchmark's own
  size (~50 MB: a 20 MB audit read as 51 MB); GNU time (~2 MB) forks the command itself.
  Without GNU time, ``ru_maxrss`` of the direct child from ``os.wait4`` is used, floor and all;
* the sum of resident memory of the whole process tree, sampled every 50 ms from ``/proc``
  (what a multi-process tool such as the audit with ``--jobs 0`` really holds at once).
"""

import os
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

SAMPLE_EVERY = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _gnu_time():
    """The path of GNU time (it has -f and -o), or None."""
    found = shutil.which("time") or "/usr/bin/time"
    try:
        done = subprocess.run([found, "--version"], capture_output=True, text=True)
    except OSError:
        return None
    return found if "GNU" in done.stdout + done.stderr else None


GNU_TIME = _gnu_time()


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
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak:
        launcher = [GNU_TIME, "-f", "%M", "-o", peak.name] if GNU_TIME else []
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*launcher, *command], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
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
        # In kilobytes on Linux; GNU time's last line (after "Command exited with ...").
        kilobytes = int(peak.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime  # GNU time's own share: about 1 ms
    return Measurement(seconds, max(kilobytes * 1024, sampler.peak), cpu=cpu)


def median(results, key="seconds"):
    """The run with the (low) median of key ("seconds" or "cpu"); peak = max of all runs."""
    results = sorted(results, key=lambda m: getattr(m, key))
    chosen = results[(len(results) - 1) // 2]
    peak = max(m.peak_bytes for m in results)
    return Measurement(chosen.seconds, peak, len(results), chosen.cpu)


def median_of(runs, once, key="seconds"):
    """Call once() runs times; return the median run by key (peak = max of all runs)."""
    return median([once() for _ in range(runs)], key)


def interleaved(runs, onces, key="cpu"):
    """{label: median Measurement}: every once() in turn, the round repeated runs times, so
    that a change in the machine's load falls on all of them alike."""
    results = {label: [] for label in onces}
    for _ in range(runs):
        for label, once in onces.items():
            results[label].append(once())
    return {label: median(found, key) for label, found in results.items()}
