#!/usr/bin/env python3
"""Draw the overview picture of a map file (default: the theatre map).

    python tools/render_map.py                       # docs/map-overview.png
    python tools/render_map.py --out /tmp/map.png --width 1600
"""
from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
# Draw off-screen: no window is ever opened.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

DEFAULT_MAP = os.path.join(ROOT, "scenarios", "maps", "theatre.yaml")
DEFAULT_OUT = os.path.join(ROOT, "docs", "map-overview.png")
FONT = os.path.join(ROOT, "assets", "fonts", "DejaVuSans-Bold.ttf")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Render a map file to a PNG overview.")
    ap.add_argument("--map", default=DEFAULT_MAP, help="map file (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="PNG to write (default: %(default)s)")
    ap.add_argument("--width", type=int, default=1200, help="width in pixels (default: 1200)")
    args = ap.parse_args(argv)
    if not 200 <= args.width <= 8000:
        ap.error("--width must be between 200 and 8000")
    from game.scenario.mapfile import load_map
    from game.scenario.yamlsrc import InputError
    from game.ui.overview import save_overview
    try:
        hm = load_map(args.map)
    except InputError as exc:
        print(f"render_map: the map does not load:\n{exc}", file=sys.stderr)
        return 2
    font = FONT if os.path.exists(FONT) else None
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    try:
        w, h = save_overview(hm, args.out, args.width, font)
    except Exception as exc:  # pygame raises its own error type for unwritable files
        print(f"render_map: cannot write {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {os.path.relpath(args.out)} ({w}x{h}, {os.path.getsize(args.out) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
