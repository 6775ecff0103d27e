"""Rendering: frame times of the map view at 1280x800 while panning and zooming.

    python -m bench.render [--quick] [--runs N] [--frames N]

The same is measured once more at 200 % in a 2560x1600 window (the same layout at
twice the resolution, four times the pixels, as on a high-density screen) and at
200 % in a 3840x2160 window (a 4K screen: the layout of a 1920x1080 one at twice
the resolution).

Each run is a fresh process (bench/ui_frames.py's `frame_times`): the game
screen on the save the games benchmark left at the busiest round of its
first game (or, without it, the war's first turn), with the fog of war lifted so every
army and city is drawn, under SDL's dummy video driver.  The frames pan
across the map, zoom in and out at the cursor and hover, as fast as they
can (no 60 fps cap); the first second, while the first terrain tiles are
drawn, is reported apart.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import ROOT, Row, Stats  # noqa: E402

GROUP = "Rendering"


# the window and the interface's scale of each case at 200 %
SCALED = (((2560, 1600), 200), ((3840, 2160), 200))


def child(frames: int, save: Path | None, scenario: str,
          scaled: tuple[tuple[int, int], int] = ((1280, 800), 100)) -> dict:
    (w, h), percent = scaled
    cmd = [sys.executable, "-m", "bench.render", "--child", "--frames", str(frames),
           "--scenario", scenario, "--size", f"{w}x{h}", "--scale", str(percent)]
    if save is not None:
        cmd += ["--save", str(save)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYGAME_HIDE_SUPPORT_PROMPT="1",
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"the render child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _save_to_show(scenario: str) -> tuple[Path | None, str]:
    """The games benchmark's save of its busiest round, else of the middle of the war."""
    from bench import games
    from game.session import save
    from game.scenario.load import find_scenario, load_scenario
    scn = load_scenario(find_scenario(scenario))
    for path, what in ((games.BUSY_SAVE, "the busiest round of a game"),
                       (games.MID_SAVE, "the middle of a game")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
            save.load_game(path)    # a save left by an older version is not shown
        except (OSError, ValueError, KeyError, TypeError, save.SaveError):
            continue
        if meta.get("scenario_id") == scn.id:
            return path, f"{what}, {meta.get('date')}"
    return None, "its first turn"


def run(quick: bool = False, scenario: str = "full_war", runs: int = 3,
        frames: int = 1200) -> list[Row]:
    from bench.ui_frames import WARM
    save, shown = (None, "its first turn") if quick else _save_to_show(scenario)
    results = [child(WARM + 10 if quick else frames, save, scenario)
               for _ in range(1 if quick else runs)]
    rest = [t for r in results for t in r["times"][WARM:]]
    cpu = [t for r in results for t in r["cpu"][WARM:]]
    warm = [t for r in results for t in r["times"][:WARM]]
    worst = [max(r["times"][WARM:]) for r in results]
    worst_cpu = [max(r["cpu"][WARM:]) for r in results]
    over = sum(t > 16 for t in rest)
    r0 = results[0]
    where = (f"{r0['scenario']} at {shown}: {r0['armies']} armies shown, fog lifted; "
             f"zoom levels {r0['levels']}")
    rest.sort()
    p99 = rest[min(len(rest) - 1, int(len(rest) * 0.99))]
    rows = [
        Row(GROUP, "frame, panning and zooming", "ms", Stats.of(rest), 4.0,
            note=f"{len(results)} runs of {len(r0['times']) - WARM} frames after the first "
                 f"second, 1280x800; {where}"),
        Row(GROUP, "worst frame of a run", "ms", Stats.of(worst), 16.0, on="high",
            note=f"p99 {p99:.1f} ms; frames over 16 ms: {over} of {len(rest)}"),
        Row(GROUP, "frame, panning and zooming, CPU", "ms", Stats.of(cpu), 4.0,
            note="the CPU time of the game's thread in the same frames (what a busy machine's "
                 "other work does not add)"),
        Row(GROUP, "worst frame of a run, CPU", "ms", Stats.of(worst_cpu), 16.0, on="high",
            note=f"frames over 16 ms of CPU: {sum(t > 16 for t in cpu)} of {len(cpu)}"),
        Row(GROUP, "frame in the first second", "ms", Stats.of(warm),
            note="while the first tiles of the view are drawn; screen ready in "
                 f"{r0['ready_ms']:.0f} ms"),
    ]
    for case in SCALED:
        (bw, bh), percent = case
        big = child(WARM + 10 if quick else frames, save, scenario, case)
        big_rest, big_cpu = big["times"][WARM:], big["cpu"][WARM:]
        times = round(bw * bh / (1280 * 800), 1)
        rows += [
            Row(GROUP, f"frame at {percent} %, {bw}x{bh}", "ms", Stats.of(big_rest), 4.0,
                note=f"1 run of {len(big_rest)} frames: the same script at {percent} % in a "
                     f"window of {times:g} times the pixels; worst {max(big_rest):.1f} ms"),
            Row(GROUP, f"frame at {percent} %, {bw}x{bh}, CPU", "ms", Stats.of(big_cpu), 4.0,
                note=f"worst {max(big_cpu):.1f} ms of CPU; frames over 16 ms of CPU: "
                     f"{sum(t > 16 for t in big_cpu)} of {len(big_cpu)}"),
            Row(GROUP, f"worst frame at {percent} %, {bw}x{bh}, CPU", "ms",
                Stats.of([max(big_cpu)]), 16.0, on="high"),
        ]
    return rows


def main(argv=None) -> int:
    from bench.report import group_parser, show
    p = group_parser(__doc__)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--frames", type=int, default=1200)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--save", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--size", default="1280x800", help=argparse.SUPPRESS)
    p.add_argument("--scale", type=int, default=100, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        from bench.ui_frames import frame_times
        from game.scenario.load import find_scenario
        size = tuple(int(v) for v in a.size.split("x"))
        f = frame_times(find_scenario(a.scenario), a.frames, all_seen=True, save=a.save,
                        size=size, percent=a.scale)
        print(json.dumps({"scenario": f.scenario, "ready_ms": f.ready_ms, "times": f.times,
                          "cpu": f.cpu,
                          "kinds": f.kinds, "tiles": f.tiles, "armies": f.armies,
                          "levels": f.levels}))
        return 0
    return show(run(a.quick, a.scenario, a.runs, a.frames), a.json)


if __name__ == "__main__":
    sys.exit(main())
