"""What every benchmark shares: timing, a summary of the samples, the machine.

A benchmark is measured with `time.perf_counter` (wall clock) and, where the
machine may be busy with other work, also with `time.process_time` (CPU time
of this process, which other programs disturb far less).  `Stats` holds the
median, the spread (fastest and slowest) and the number of samples; a row of
the report (`Row`) pairs one Stats with its target.
"""
from __future__ import annotations

import dataclasses
import datetime
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Stats:
    """Samples of one measurement, in the unit of its row (ms, s, MB, ...)."""
    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, samples) -> "Stats":
        xs = list(samples)
        if not xs:
            raise ValueError("no samples")
        return cls(statistics.median(xs), min(xs), max(xs), len(xs))

    @classmethod
    def one(cls, value: float) -> "Stats":
        return cls(value, value, value, 1)

    def scaled(self, k: float) -> "Stats":
        return Stats(self.median * k, self.low * k, self.high * k, self.n)


@dataclass
class Row:
    """One line of the report: what was measured, its figures and its target.

    `target` is the bound the figure should stay under (in the row's unit),
    `on` says which figure the target applies to: "median" or "high" (the worst).
    """
    group: str
    name: str
    unit: str
    stats: Stats
    target: float | None = None
    on: str = "median"
    note: str = ""
    peers: dict[str, Stats] = field(default_factory=dict)    # peer name -> its figures
    peer_target: dict[str, float] = field(default_factory=dict)  # peer -> max ratio ours/peer

    @property
    def figure(self) -> float:
        return self.stats.high if self.on == "high" else self.stats.median

    @property
    def met(self) -> bool | None:
        """Whether the row meets its targets (None when it has none)."""
        checks = []
        if self.target is not None:
            checks.append(self.figure < self.target)
        for peer, limit in self.peer_target.items():
            if peer in self.peers:
                checks.append(self.ratio(peer) <= limit)
        return all(checks) if checks else None

    def ratio(self, peer: str) -> float:
        """Our median over the peer's median (below 1: we are faster)."""
        return self.stats.median / self.peers[peer].median

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["stats"] = dataclasses.astuple(self.stats)
        d["peers"] = {p: dataclasses.astuple(s) for p, s in self.peers.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Row":
        d = dict(d)
        d["stats"] = Stats(*d["stats"])
        d["peers"] = {p: Stats(*s) for p, s in d.get("peers", {}).items()}
        return cls(**d)


def timed(fn, reps: int, *, cpu: bool = False, warmup: int = 0) -> list[float]:
    """Milliseconds per call of fn(), `reps` times (after `warmup` untimed calls)."""
    clock = time.process_time if cpu else time.perf_counter
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        t = clock()
        fn()
        out.append((clock() - t) * 1000.0)
    return out


def machine() -> dict[str, str]:
    """The machine, system and Python a run was measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(fh.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        load = "?"
    import numpy
    import pygame
    return {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": f"{cpu}, {os.cpu_count()} cores" + (f", {mem} RAM" if mem else ""),
        "system": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "libraries": f"numpy {numpy.__version__}, pygame-ce {pygame.version.ver}",
        "load": load,
        "executable": sys.executable,
    }
