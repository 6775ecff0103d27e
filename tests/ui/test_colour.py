"""Colour is never the only sign of a side: emblems on counters and cities, and the
high-contrast setting's theme and edges."""
import pygame
import pytest

from game.ui import fonts, map_marks
from game.ui import palette as P


@pytest.fixture(autouse=True)
def font_ready():
    pygame.font.init()
    fonts.reset()
    map_marks.reset()
    yield
    fonts.reset()
    map_marks.reset()


def pixels(surf):
    w, h = surf.get_size()
    return {surf.get_at((x, y))[:3] for x in range(w) for y in range(h) if surf.get_at((x, y))[3]}


def test_each_emblem_draws_a_different_shape():
    from game.scenario.emblems import EMBLEMS
    shapes = set()
    for name in EMBLEMS:
        surf = pygame.Surface((30, 30), pygame.SRCALPHA)
        map_marks.draw_emblem(surf, name, (15, 15), 10, (255, 255, 255))
        mask = pygame.mask.from_surface(surf)
        assert mask.count() > 20, name
        shapes.add(bytes(mask.to_surface().get_view("2").raw))
    assert len(shapes) == len(EMBLEMS)


def test_two_factions_in_one_colour_still_differ_by_their_emblem():
    a = map_marks.counter((120, 120, 120), 5000, 20, "plain", 100, "cross")
    b = map_marks.counter((120, 120, 120), 5000, 20, "plain", 100, "crescent")
    assert a.get_size() == b.get_size()
    assert pygame.image.tobytes(a, "RGBA") != pygame.image.tobytes(b, "RGBA")
    c = map_marks.city_mark("city", (120, 120, 120), 2, 3, False, False, False, 10, "cross")
    d = map_marks.city_mark("city", (120, 120, 120), 2, 3, False, False, False, 10, "ring")
    assert pygame.image.tobytes(c, "RGBA") != pygame.image.tobytes(d, "RGBA")


def test_the_emblem_shows_at_every_scale_and_the_men_clear_it_when_they_fit():
    for s in (8, 14, 24, 40):
        a = map_marks.counter((120, 120, 120), 12500, s, "plain", 100, "cross")
        b = map_marks.counter((120, 120, 120), 12500, s, "plain", 100, "crescent")
        assert pygame.image.tobytes(a, "RGBA") != pygame.image.tobytes(b, "RGBA"), s
    w, h = map_marks.counter_size(40)        # wide counters: emblem beside a short number
    text = fonts.text("5.0k", max(10, min(17, h * 11 // 20)))
    assert text.get_width() + map_marks.emblem_room(h) <= w + 2


def test_high_contrast_edges_counters_in_white():
    plain = map_marks.counter((200, 200, 120), 5000, 20, "plain", 100, "cross")
    strong = map_marks.counter((200, 200, 120), 5000, 20, "plain", 100, "cross", True)
    assert P.PAPER in pixels(strong) and P.PAPER not in pixels(plain)


def test_the_high_contrast_theme_is_white_on_black():
    from game.ui.app import load_theme
    plain, strong = load_theme(), load_theme(True)
    assert plain["defaults"]["colours"]["normal_text"] != "#ffffff"
    assert strong["defaults"]["colours"]["normal_text"] == "#ffffff"
    assert strong["defaults"]["colours"]["dark_bg"] == "#000000"
    assert strong["defaults"]["font"] == plain["defaults"]["font"]


def test_the_map_gives_each_faction_its_emblem(game):
    app, gs = game(high_contrast=True)
    assert gs.map.strong is True
    assert len(set(gs.map.emblems.values())) == len(gs.map.emblems) == len(gs.scn.spec.factions)


def test_an_army_seen_on_the_march_shows_its_emblem():
    from game.ui.playback import ghost
    a, b = ghost((120, 120, 120), 20, "cross"), ghost((120, 120, 120), 20, "ring")
    assert pygame.image.tobytes(a, "RGBA") != pygame.image.tobytes(b, "RGBA")
