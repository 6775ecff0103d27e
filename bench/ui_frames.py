"""Frame times of the map view at 1280x800, panning and zooming, under the dummy driver.

    python bench/ui_frames.py [SCENARIO.yaml] [--frames N] [--all] [--save SAVE]
                              [--size 3840x2160 --scale 200]

Uses the given scenario, else the first one on the theatre map under
scenarios/, else a generated map of the theatre's size; or a saved game
(--save).  Frames run as the game runs them (tiles drawn by the helper
process, or a thread with --tile-thread) but without the 60 fps cap,
panning, zooming at the cursor and hovering; the first second, while the
first tiles are drawn, is reported apart.  With --all the fog of war is
lifted, so every army and city is on the map.
Prints the median, 95th and 99th percentile and the worst frame, in ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

WARM = 60               # the first second: the first tiles are being drawn


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


def script(frames: int) -> list[tuple[str, object]]:
    """What happens each frame: pan east, zoom in, pan south, pan back, zoom out, hover."""
    out: list[tuple[str, object]] = []
    for i in range(frames):
        phase = (i // 100) % 6
        if phase == 0:
            out.append(("pan", (9, 0)))
        elif phase == 1:
            out.append(("zoom", 1 if i % 25 == 0 else 0))
        elif phase == 2:
            out.append(("pan", (0, 7)))
        elif phase == 3:
            out.append(("pan", (-8, -5)))
        elif phase == 4:
            out.append(("zoom", -1 if i % 25 == 0 else 0))
        else:
            out.append(("hover", (i % 50, i % 30)))
    return out


@dataclass
class Frames:
    scenario: str
    size: tuple[int, int]
    ready_ms: float                          # the game screen made
    times: list[float]                       # ms per frame, in order (wall clock)
    cpu: list[float]                         # the CPU time of this process per frame, ms
    kinds: list[str]                         # what each frame did
    tiles: int                               # terrain tiles drawn
    armies: int                              # armies on the map
    levels: list[int] = field(default_factory=list)   # zoom levels visited
    why: list[dict] = field(default_factory=list)     # with why=True: what each frame did

    @property
    def rest(self) -> list[float]:
        return self.times[WARM:]


class SteadyPainter:
    """In place of the helper process (a diagnostic, `--tiles`): the tiles asked for are
    painted between frames, outside the frame's time, so what a frame does no longer
    depends on how busy the machine is.  "sync": every tile asked for by the end of a
    frame is finished before the next (an idle machine's tile process at its fastest);
    "none": none ever is (a starved one); "all": every tile the game wants is finished
    before the next frame, not only the two it asked for (a helper that is never behind)."""
    SLOTS = 2

    def __init__(self, tiles, deliver: bool, everything: bool = False):
        self.tiles, self.deliver, self.everything = tiles, deliver, everything
        self.asked: list = []
        self.done: list = []

    def ask(self, key) -> None:
        self.asked.append(key)

    def between_frames(self) -> None:
        if not self.deliver:
            return
        import pygame
        from game.ui.camera import LEVELS
        from game.ui import map_tiles
        from game.ui.map_tiles import TILE, paint
        t = self.tiles
        if self.everything:
            with t._cond:
                more = [k for k in t._wanted if k not in t.cache and k not in t._inflight]
                t._wanted = []
            for k in more:
                t._inflight[k] = True
            self.asked += more
        for key in self.asked:
            li, tx, ty = key
            surf = paint(t.raster, t.features, LEVELS[li], tx * TILE, ty * TILE, TILE, TILE)
            idx = map_tiles.hex_index(t.raster, key) if hasattr(map_tiles, "hex_index") \
                else None                # (the code before the helper sent them)
            self.done.append((key, pygame.image.tobytes(surf, "RGB"), idx))
        self.asked = []

    def finished(self) -> list:
        import pygame
        from game.ui.map_tiles import TILE
        out = []
        for key, data, idx in self.done:     # as the real one: a copy out of shared memory
            img = pygame.image.frombuffer(data, (TILE, TILE), "RGB")
            surf = pygame.Surface((TILE, TILE))
            surf.blit(img, (0, 0))
            out.append((key, surf) if idx is None else (key, surf, idx.copy()))
        self.done = []
        return out

    def close(self) -> None:
        pass


def _phases(app, gs, spent: dict) -> None:
    """Wrap the parts of a frame so that each one's CPU time adds up in `spent`."""
    def timed(obj, name, label):
        inner = getattr(obj, name)

        def wrapper(*a, **k):
            c0 = time.thread_time()
            try:
                return inner(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + (time.thread_time() - c0) * 1000
        setattr(obj, name, wrapper)
    m = gs.map
    timed(m.tiles, "keep_fresh", "tiles")
    timed(m._kept, "update", "ground")
    timed(m._kept, "blit", "blit")
    timed(m, "_scene_for", "scene")
    timed(m, "_draw_marks", "marks")
    timed(m, "_idle", "idle")
    timed(m, "draw", "map")
    if gs.minimap is not None:
        timed(gs.minimap, "draw", "minimap")
    if gs.hud is not None:
        timed(gs.hud, "draw_background", "hud")
    timed(app.manager, "update", "gui_update")
    timed(app.manager, "draw_ui", "gui_draw")
    timed(gs, "update", "screen_update")
    timed(gs, "draw_over", "draw_over")


def frame_times(path: Path | None = None, frames: int = 1200, *, tile_thread: bool = False,
                no_thread: bool = False, all_seen: bool = False, save: Path | None = None,
                size: tuple[int, int] = (1280, 800), percent: int = 100,
                tiles: str = "process", why: bool = False) -> Frames:
    """Run the game screen on a scenario (or a save) for `frames` frames of the script, in
    a window of `size` with the interface at `percent` (game.ui.scale).  `tiles`: "process"
    (the game's own helper process), or "sync"/"none" (SteadyPainter).  With `why`, each
    frame's record says what it did and where its CPU time went."""
    tmp = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tmp
    os.environ["XDG_DATA_HOME"] = tmp
    import pygame
    from game.scenario.load import load_scenario
    from game.session import seats
    from game.ui.app import App
    from game.ui.screens.game_screen import GameScreen
    from game.ui.settings import Settings
    app = App(size, settings=Settings(edge_scroll=False, ui_scale=percent),
              threaded=not no_thread)
    t0 = time.perf_counter()
    if save is not None:
        from game.session.save import load_game
        loaded = load_game(save)
        scn = loaded.state.scenario
        if all_seen:
            scn.spec.fog = False
        gs = GameScreen.loaded(app, loaded)
    else:
        scn = load_scenario(pick_scenario(str(path) if path else None))
        if all_seen:
            scn.spec.fog = False
        gs = GameScreen.new(app, scn, 1, seats.default_sides(scn))
    # the busiest round may be the war's last: stay on the map, not the victory screen
    gs.over_wait = float("inf")
    if tile_thread:
        gs.map.tiles._use_process = False
    steady = None
    if tiles != "process":
        steady = gs.map.tiles._painter = SteadyPainter(gs.map.tiles, tiles != "none",
                                                       tiles == "all")
    app.switch(gs)
    ready = (time.perf_counter() - t0) * 1000
    for _ in range(40):                 # close the opening briefing and any news
        if steady is not None:
            steady.between_frames()
        app.step(1 / 60)
        if getattr(gs, "playback", None) is not None:      # the news: skip it
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                                 unicode="\x1b", scancode=0))
        elif gs.dialogs:                # a press and a release: one press acts once
            for t in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(t, key=pygame.K_RETURN, mod=0,
                                                     unicode="\r", scancode=0))
    if gs.modal():
        raise RuntimeError("a dialog is still open over the map")
    cam = gs.map.camera
    mid = cam.viewport.center
    spent: dict = {}
    if why:
        _phases(app, gs, spent)
    records: list[dict] = []
    if why:
        import gc
        gc_start = {}

        def on_gc(phase, info):
            if phase == "start":
                gc_start[0] = time.thread_time()
            else:
                label = f"gc{info['generation']}"
                spent[label] = spent.get(label, 0.0) + (time.thread_time() - gc_start[0]) * 1000
        gc.callbacks.append(on_gc)
    times, cpu, kinds, levels = [], [], [], set()
    for kind, arg in script(frames):
        if kind == "pan":
            cam.pan(*arg)
        elif kind == "zoom" and arg:
            pos = (mid[0] + 80, mid[1] - 40)
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                                 buttons=(0, 0, 0)))
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=arg, flipped=False))
        elif kind == "hover":
            dx, dy = arg
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION,
                                                 pos=(mid[0] + dx * 6, mid[1] + dy * 5),
                                                 rel=(6, 5), buttons=(0, 0, 0)))
        if steady is not None:
            steady.between_frames()
        m = gs.map
        before = (m.tiles.drawn_tiles, m.tiles.scalings, cam.level, m._scene)
        spent.clear()
        start, c0 = time.perf_counter(), time.thread_time()
        app.step(1 / 60)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        kinds.append(kind if kind != "zoom" or arg else "still")
        levels.add(cam.level)
        if why:
            records.append({
                "laid": m.tiles.drawn_tiles - before[0], "scaled": m.tiles.scalings - before[1],
                "zoomed": cam.level != before[2], "new_scene": m._scene is not before[3],
                "painted": m._kept.painted, "whole": m.redrawn is None,
                "dirty": 0 if m.redrawn is None else sum(r.w * r.h for r in m.redrawn),
                "prov": len(m._kept.prov), "dressed": m._dressed_now,
                "borders": m._borders_made,
                "ms": {k: round(v, 2) for k, v in spent.items()}})
    out = Frames(scn.id, size, ready, times, cpu, kinds, gs.map.tiles.drawn_tiles,
                 len(gs.view().armies), sorted(levels), records)
    gs.leave()
    pygame.quit()
    return out


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("--frames", type=int, default=1200)
    ap.add_argument("--save", type=Path, help="a saved game to show instead of a scenario")
    ap.add_argument("--all", action="store_true", help="lift the fog: every army on the map")
    ap.add_argument("--verbose", action="store_true", help="times per kind of frame")
    ap.add_argument("--size", default="1280x800", help="the window, WxH (default 1280x800)")
    ap.add_argument("--scale", type=int, default=100,
                    help="the interface's scale in percent (default 100)")
    ap.add_argument("--tile-thread", action="store_true",
                    help="draw tiles in a thread of this process instead of a helper process")
    ap.add_argument("--no-thread", action="store_true",
                    help="draw tiles in the frame that needs them (no worker thread)")
    ap.add_argument("--tiles", choices=("process", "sync", "all", "none"), default="process",
                    help="who hands over finished tiles: the helper process (default), or, "
                         "for figures that do not depend on the machine's load, tiles painted "
                         "between frames: all asked for (sync), all wanted (all) or none (none)")
    ap.add_argument("--why", type=float, default=None, metavar="MS",
                    help="list each frame after the first second over MS ms of CPU: what it "
                         "did and where the time went")
    args = ap.parse_args()
    f = frame_times(Path(args.scenario) if args.scenario else None, args.frames,
                    tile_thread=args.tile_thread, no_thread=args.no_thread,
                    all_seen=args.all, save=args.save,
                    size=tuple(int(v) for v in args.size.lower().split("x")),
                    percent=args.scale, tiles=args.tiles, why=args.why is not None)
    print(f"{f.scenario}: screen ready in {f.ready_ms:.0f} ms; {f.armies} armies shown")
    warm, rest = f.times[:WARM], f.rest
    print(f"first second: median {statistics.median(warm):.2f} ms, worst {max(warm):.2f} ms")
    print(f"then {len(rest)} frames: median {statistics.median(rest):.2f} ms, "
          f"p95 {pct(rest, 0.95):.2f}, p99 {pct(rest, 0.99):.2f}, worst {max(rest):.2f}; "
          f"over 16 ms: {sum(t > 16 for t in rest)}")
    cpu = f.cpu[WARM:]
    print(f"CPU of the game's thread: median {statistics.median(cpu):.2f} ms, "
          f"p95 {pct(cpu, 0.95):.2f}, worst {max(cpu):.2f}; over 16 ms: {sum(t > 16 for t in cpu)}")
    print(f"tiles drawn: {f.tiles}")
    if args.why is not None:
        for i, (c, k, r) in enumerate(zip(f.cpu, f.kinds, f.why)):
            if i >= WARM and c > args.why:
                ms = ", ".join(f"{n} {v:.1f}" for n, v in
                               sorted(r.pop("ms").items(), key=lambda t: -t[1]) if v >= 0.3)
                print(f"  frame {i} {k}: CPU {c:.1f} ms [{ms}] {r}")
    if args.verbose:
        for k in sorted(set(f.kinds)):
            ts = sorted(t for t, kk in zip(f.rest, f.kinds[WARM:]) if kk == k)
            cs = sorted(t for t, kk in zip(cpu, f.kinds[WARM:]) if kk == k)
            if ts:
                print(f"  {k:6s} {len(ts):5d} frames: median {statistics.median(ts):.2f}, "
                      f"worst {ts[-1]:.2f}, over 16 ms {sum(t > 16 for t in ts)}; CPU median "
                      f"{statistics.median(cs):.2f}, worst {cs[-1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
