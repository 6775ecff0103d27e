"""Frame times of the map view at 1280x800, panning and zooming, under the dummy driver.

    python bench/ui_frames.py [SCENARIO.yaml] [--frames N]

Uses the given scenario, else the first one on the theatre map under
scenarios/, else a generated map of the theatre's size.  Frames run as the
game runs them (tiles drawn by the helper process, or a thread with
--tile-thread) but without the 60 fps cap, panning, zooming at the cursor
and hovering; the first second, while the first tiles are drawn, is
reported apart.
Prints the median, 95th and 99th percentile and the worst frame, in ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def pick_scenario(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    from game.scenario.load import scenario_files
    for f in scenario_files():
        if "maps/theatre.yaml" in f.read_text(encoding="utf-8", errors="replace"):
            return f
    from tests.ui.synthetic import scenario_yaml
    tmp = Path(tempfile.mkdtemp()) / "synthetic_big.yaml"
    tmp.write_text(scenario_yaml())
    return tmp


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("--frames", type=int, default=1200)
    ap.add_argument("--verbose", action="store_true", help="times per kind of frame")
    ap.add_argument("--tile-thread", action="store_true",
                    help="draw tiles in a thread of this process instead of a helper process")
    ap.add_argument("--no-thread", action="store_true",
                    help="draw tiles in the frame that needs them (no worker thread)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tmp
    os.environ["XDG_DATA_HOME"] = tmp
    import pygame
    from game.scenario.load import load_scenario
    from game.ui import sides as S
    from game.ui.app import App
    from game.ui.screens.game_screen import GameScreen
    from game.ui.settings import Settings
    path = pick_scenario(args.scenario)
    scn = load_scenario(path)
    app = App((1280, 800), settings=Settings(edge_scroll=False), threaded=not args.no_thread)
    t0 = time.perf_counter()
    gs = GameScreen.new(app, scn, 1, S.default_sides(scn))
    if args.tile_thread:
        gs.map.tiles._use_process = False
    app.switch(gs)
    print(f"{scn.id} ({scn.map.width}x{scn.map.height}): screen ready in "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    for _ in range(20):                 # close the opening briefing
        app.step(1 / 60)
        if gs.dialogs:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                                 unicode="\r", scancode=0))
    assert not gs.modal(), "a dialog is still open"
    cam = gs.map.camera
    mid = cam.viewport.center
    script = []
    for i in range(args.frames):
        phase = (i // 100) % 6
        if phase == 0:
            script.append(("pan", (9, 0)))
        elif phase == 1:
            script.append(("zoom", 1 if i % 25 == 0 else 0))
        elif phase == 2:
            script.append(("pan", (0, 7)))
        elif phase == 3:
            script.append(("pan", (-8, -5)))
        elif phase == 4:
            script.append(("zoom", -1 if i % 25 == 0 else 0))
        else:
            script.append(("hover", (mid[0] + (i % 50) * 6, mid[1] + (i % 30) * 5)))
    times = []
    kinds = []
    for kind, arg in script:
        if kind == "pan":
            cam.pan(*arg)
        elif kind == "zoom" and arg:
            pos = (mid[0] + 80, mid[1] - 40)
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                                 buttons=(0, 0, 0)))
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=arg, flipped=False))
        elif kind == "hover":
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=arg, rel=(6, 5),
                                                 buttons=(0, 0, 0)))
        start = time.perf_counter()
        app.step(1 / 60)
        times.append((time.perf_counter() - start) * 1000)
        kinds.append(kind if kind != "zoom" or arg else "still")
    warm = times[:60]
    rest = sorted(times[60:])

    def pct(p):
        return rest[min(len(rest) - 1, int(len(rest) * p))]
    print(f"first second: median {statistics.median(warm):.2f} ms, worst {max(warm):.2f} ms")
    print(f"then {len(rest)} frames: median {statistics.median(rest):.2f} ms, p95 {pct(0.95):.2f}, "
          f"p99 {pct(0.99):.2f}, worst {rest[-1]:.2f}; over 16 ms: "
          f"{sum(t > 16 for t in rest)}")
    print(f"tiles drawn: {gs.map.tiles.drawn_tiles}")
    if args.verbose:
        for k in sorted(set(kinds)):
            ts = sorted(t for t, kk in zip(times[60:], kinds[60:]) if kk == k)
            if ts:
                print(f"  {k:6s} {len(ts):5d} frames: median {statistics.median(ts):.2f}, "
                      f"worst {ts[-1]:.2f}, over 16 ms {sum(t > 16 for t in ts)}")
    gs.leave()
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
