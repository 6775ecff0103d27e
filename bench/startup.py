"""Start-up: `python run.py` to the drawn main menu, and loading the full war.

    python -m bench.startup [--quick] [--scenario ID]

The menu: a fresh Python runs run.py (no command: the main menu) under
SDL's dummy video driver with empty settings; the time is from starting the
process to the end of the first `pygame.display.flip`, the first frame of
the menu, when the process reports and quits.  Loading: `load_scenario`
(read the YAML, read the schema, build the map, check every reference,
compile the events) in a warm interpreter with no cached map, and the whole
`python run.py validate FILE` process from start to exit.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import ROOT, Row, Stats, timed  # noqa: E402

GROUP = "Start-up"

# Run inside the measured process: run.py as `python run.py` runs it, with the first
# flip of the display reporting the menu drawn and ending the process.
MENU_CHILD = """
import os, resource, runpy, sys
import pygame
_flip = pygame.display.flip
def flip():
    _flip()
    r = resource.getrusage(resource.RUSAGE_SELF)
    sys.stdout.write(f"drawn {r.ru_utime + r.ru_stime}\\n")
    sys.stdout.flush()
    os._exit(0)
pygame.display.flip = flip
sys.argv = ["run.py"]
sys.path.insert(0, os.getcwd())
runpy.run_path("run.py", run_name="__main__")
"""


def _env(tmp: str) -> dict:
    return dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                PYGAME_HIDE_SUPPORT_PROMPT="1", XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp,
                PYTHONDONTWRITEBYTECODE="")


def menu_seconds(tmp: str) -> tuple[float, float]:
    """Seconds from starting `python run.py` to its main menu's first frame: wall-clock,
    and the CPU time the process used."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-c", MENU_CHILD], cwd=ROOT, env=_env(tmp),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    took = time.perf_counter() - t
    _out, err = p.communicate(timeout=60)
    if not line.startswith("drawn "):
        raise RuntimeError(f"the menu was never drawn:\n{err[-3000:]}")
    return took, float(line.split()[1])


def validate_seconds(tmp: str, path: Path) -> float:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "run.py", "validate", str(path)], cwd=ROOT,
                         env=_env(tmp), capture_output=True, text=True, check=False)
    took = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"validate failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
    return took


def run(quick: bool = False, scenario: str = "full_war") -> list[Row]:
    from game.scenario import load as scenario_load
    path = scenario_load.find_scenario(scenario)
    reps = 1 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        if not quick:
            menu_seconds(tmp)             # the first run may fill the disk cache
        menu = [menu_seconds(tmp) for _ in range(reps)]
        validate = [validate_seconds(tmp, path) for _ in range(reps)]

    def cold_load():
        scenario_load._map_cache.clear()
        scenario_load.load_scenario(path)
    scenario_load.load_scenario(path)                   # imports done, as in a game that loads it
    load = timed(cold_load, 2 if quick else 15)
    load_cpu = timed(cold_load, 2 if quick else 15, cpu=True)
    return [Row(GROUP, "python run.py to the drawn main menu", "s", Stats.of(m[0] for m in menu),
                1.5, note="a new process each time, dummy video driver, no settings file"),
            Row(GROUP, "python run.py to the drawn main menu, CPU", "s",
                Stats.of(m[1] for m in menu), 1.5, note="the CPU time that process used"),
            Row(GROUP, f"load and validate {scenario}", "ms", Stats.of(load), 300.0,
                note="load_scenario with no cached map, in a running game"),
            Row(GROUP, f"load and validate {scenario}, CPU", "ms", Stats.of(load_cpu), 300.0),
            Row(GROUP, f"python run.py validate {path.name}", "s", Stats.of(validate),
                note="the whole process: start Python, import, load, check, exit")]


def main(argv=None) -> int:
    from bench.report import group_main
    return group_main(run, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
