"""The map's tooltip stays over the map: it never covers the side panel."""
import pygame
import pytest

from game.ui import fonts, notes


@pytest.fixture(autouse=True)
def font_ready():
    pygame.font.init()
    fonts.reset()
    yield
    fonts.reset()


LINES = ["Syria, plain", "Costs 2 movement to enter"]


def drawn_columns(surf):
    w, h = surf.get_size()
    return [x for x in range(w) if any(surf.get_at((x, y)) != (0, 0, 0, 255) for y in range(h))]


@pytest.mark.parametrize("mouse", [(950, 300), (960, 780), (700, 790), (5, 5)])
def test_a_tooltip_near_the_panel_stays_inside_the_map(mouse):
    surf = pygame.Surface((1280, 800))
    surf.fill((0, 0, 0))
    map_area = pygame.Rect(0, 44, 970, 756)
    notes.tooltip(surf, LINES, mouse, map_area)
    cols = drawn_columns(surf)
    assert cols, "nothing drawn"
    assert max(cols) < map_area.right
    rows = [y for y in range(800) if any(surf.get_at((x, y)) != (0, 0, 0, 255)
                                        for x in range(0, 1280, 3))]
    assert min(rows) >= map_area.top and max(rows) < map_area.bottom


def test_without_bounds_the_tooltip_may_use_the_whole_window():
    surf = pygame.Surface((1280, 800))
    surf.fill((0, 0, 0))
    notes.tooltip(surf, LINES, (950, 300))
    assert max(drawn_columns(surf)) >= 970


def test_the_play_screen_keeps_its_map_tooltip_off_the_side_panel(game, monkeypatch):
    from tests.helpers import cell
    from tests.ui.conftest import move_mouse, steps
    app, gs = game()
    calls = []
    real = notes.tooltip
    monkeypatch.setattr(notes, "tooltip",
                        lambda surf, lines, at, bounds=None: (calls.append((lines, bounds)),
                                                              real(surf, lines, at, bounds)))
    move_mouse(app, hex_pos_of(gs, cell(5, 3)))         # Priscus at Ancyra
    steps(app, 20)                                      # past the tooltip's delay
    assert calls, "no tooltip drawn"
    lines, bounds = calls[-1]
    assert bounds == gs.map.camera.viewport
    assert gs.hud is None or not bounds.colliderect(gs.hud.panel_rect)


def hex_pos_of(gs, h):
    x, y = gs.map.screen_of(h)
    return int(x), int(y)
