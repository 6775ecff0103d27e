"""The overview picture draws the whole map off-screen."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from game.scenario.mapfile import load_map  # noqa: E402
from game.ui.overview import render_overview, to_palette  # noqa: E402
from game.ui.palette import TERRAIN_RGB  # noqa: E402
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAP_PATH = os.path.join(ROOT, "scenarios", "maps", "theatre.yaml")
FONT = os.path.join(ROOT, "assets", "fonts", "DejaVuSans-Bold.ttf")


def test_overview_is_drawn_at_the_requested_width():
    hm = load_map(MAP_PATH)
    surface = render_overview(hm, 600, FONT)
    w, h = surface.get_size()
    assert w == 600 and 350 < h < 500
    # The top-middle of the map is the Black Sea: sea-coloured.
    sea = TERRAIN_RGB[0].tolist()
    px = surface.get_at((w * 38 // 86, h * 8 // 71))
    assert sum(abs(a - b) for a, b in zip(px[:3], sea)) < 60
    small = to_palette(surface)
    assert small.get_bitsize() == 8 and small.get_size() == (w, h)


def test_the_shipped_font_exists():
    assert os.path.exists(FONT)
