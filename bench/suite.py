"""The benchmark suite: every benchmark in one command, written to docs/benchmarks.md.

    python -m bench                     # everything (about ten minutes); rewrites the doc
    python -m bench --quick             # one short repetition of each; prints only
    python -m bench --only games,saves  # some groups (the doc is not rewritten)

Groups, in the order they run: games (whole games and the computer's
turns, which leave a save in the middle of the war), saves, render,
pathfinding (with networkx and scipy beside ours: `pip install -e
'.[bench]'`), startup.  Each runs in a process of its own, so one cannot
disturb another's memory or caches.  The figures go between the markers of
docs/benchmarks.md; the notes written by hand around them are kept.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import ROOT, Row, machine
from bench.report import markdown_peers, markdown_table, print_rows

GROUPS = ("games", "saves", "render", "pathfinding", "startup")
MODULES = {"games": "bench.games", "saves": "bench.saves", "render": "bench.render",
           "pathfinding": "bench.pathfinding", "startup": "bench.startup"}
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def run_group(name: str, quick: bool, scenario: str) -> list[Row]:
    """Run one group in its own process; its rows."""
    cmd = [sys.executable, "-m", MODULES[name], "--json", "--scenario", scenario]
    if quick:
        cmd.append("--quick")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark {name} failed:\n{out.stderr[-4000:]}")
    return [Row.from_dict(d) for d in json.loads(out.stdout.strip().splitlines()[-1])]


def run_all(groups, quick: bool = False, scenario: str = "full_war", echo=print) -> list[Row]:
    rows: list[Row] = []
    for g in groups:
        t = time.perf_counter()
        got = run_group(g, quick, scenario)
        echo(f"# {g}: {time.perf_counter() - t:.0f} s")
        if echo is print:
            print_rows(got)
        rows += got
    return rows


def section(rows: list[Row], info: dict, command: str) -> list[str]:
    """The generated part of docs/benchmarks.md."""
    order = ["Pathfinding", "Rendering", "Computer", "Games", "Start-up", "Saves"]
    rows = sorted(rows, key=lambda r: order.index(r.group) if r.group in order else 99)
    missed = [f"{r.group}: {r.name}" for r in rows if r.met is False]
    out = [BEGIN,
           f"Measured {info['date']} with `{command}`.",
           "",
           f"* Machine: {info['cpu']}; {info['system']}; load average at the start "
           f"{info['load']}",
           f"* Python: {info['python']}; {info['libraries']}",
           "* Times are wall-clock unless a row says CPU; `n` is the number of samples "
           "behind the median and the spread.",
           "",
           *markdown_table(rows),
           ""]
    peers = markdown_peers(rows)
    if peers:
        out += ["Pathfinding beside its peers, on the same graph (medians in ms, with their "
                "spread; a ratio below 1 means ours is faster):", "", *peers, ""]
    out += [("Targets missed: " + "; ".join(missed) + ".") if missed
            else "Every target is met.", END]
    return out


def write_doc(lines: list[str], doc: Path = DOC) -> None:
    """Put the generated lines between the markers, keeping everything else."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    block = "\n".join(lines)
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _old, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = (text or "# Benchmarks\n\n") + "\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="one short repetition of each benchmark, to see that they run")
    p.add_argument("--only", default="", metavar="GROUPS",
                   help=f"comma-separated groups among {', '.join(GROUPS)}")
    p.add_argument("--scenario", default="full_war")
    p.add_argument("--write", action="store_true",
                   help="rewrite docs/benchmarks.md even with --quick or --only")
    p.add_argument("--no-write", action="store_true", help="never rewrite docs/benchmarks.md")
    a = p.parse_args(argv)
    groups = [g for g in a.only.split(",") if g] or list(GROUPS)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        p.error(f"unknown group(s) {', '.join(unknown)}; choose among {', '.join(GROUPS)}")
    info = machine()
    rows = run_all(groups, a.quick, a.scenario)
    write = a.write or not (a.quick or a.only)
    if write and not a.no_write:
        command = "python -m bench" + (" --quick" if a.quick else "") + (
            f" --only {a.only}" if a.only else "")
        write_doc(section(rows, info, command))
        print(f"wrote {DOC.relative_to(ROOT)}")
    missed = [r for r in rows if r.met is False]
    print(f"{len(rows)} figures; targets missed: {len(missed)}")
    return 0


