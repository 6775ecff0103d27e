"""Where the map is drawn small (the minimap, the new game's picture) each side's cities
and armies carry its emblem, so colour is never the only cue."""
from __future__ import annotations

import itertools

from tests.ui.conftest import pygame, steps


def mask_pixels(surf) -> set:
    m = pygame.mask.from_surface(surf)
    return {(x, y) for x in range(m.get_size()[0]) for y in range(m.get_size()[1])
            if m.get_at((x, y))}


def test_each_emblem_has_its_own_shape_on_the_small_map():
    from game.scenario.emblems import EMBLEMS
    from game.ui.map_marks import mini_mark
    grey = (128, 128, 128)
    for army in (False, True):
        shapes = {}
        for e in EMBLEMS:
            img = mini_mark(e, grey, 3, army)
            if army:     # the emblem on the square: where it is drawn dark
                shapes[e] = {(x, y) for x in range(img.get_width())
                             for y in range(img.get_height()) if img.get_at((x, y))[0] < 200}
            else:
                shapes[e] = mask_pixels(img)
        for a, b in itertools.combinations(EMBLEMS, 2):
            assert len(shapes[a] ^ shapes[b]) >= 4, (a, b, army)


def _patch(surf, centre, r=5):
    rect = pygame.Rect(0, 0, 2 * r + 1, 2 * r + 1)
    rect.center = centre
    return pygame.image.tobytes(surf.subsurface(rect.clip(surf.get_rect())), "RGB")


def test_the_minimap_shows_the_side_by_shape_with_every_colour_alike(game):
    from game.ui.geometry import center
    app, gs = game()
    grey = {f: (128, 128, 128) for f in gs.state.factions}
    gs.map.colors = grey
    mm = gs.minimap
    view = gs.view()
    by_owner = {}
    for c in view.cities.values():
        by_owner.setdefault(c.owner, c)
    assert {"byzantium", "sassanids"} <= set(by_owner)

    def drawn(emblems):
        gs.map.emblems = emblems
        mm._cities = None
        surf = pygame.Surface(app.window.get_size())
        mm.draw(surf, view)
        out = {}
        for f, c in by_owner.items():
            ux, uy = center(c.hex)
            out[f] = _patch(surf, (round(mm.rect.x + ux * mm.k), round(mm.rect.y + uy * mm.k)))
        return out
    real = dict(gs.map.emblems)
    assert real["byzantium"] != real["sassanids"]
    marks = drawn(real)
    assert marks["byzantium"] != marks["sassanids"]         # grey alike, shapes apart
    same = drawn({f: "square" for f in real})
    assert same["byzantium"] != marks["byzantium"] or same["sassanids"] != marks["sassanids"]
    steps(app)


def test_the_new_game_picture_marks_each_side_with_its_emblem(monkeypatch):
    from game.scenario.load import find_scenario, load_scenario
    from game.ui.screens import new_game
    pygame.display.init()
    scn = load_scenario(find_scenario("road_to_ctesiphon"))
    with_emblems = new_game.thumbnail(scn, (300, 200))
    monkeypatch.setattr(new_game, "emblems_of", lambda fs: {f.id: "square" for f in fs})
    without = new_game.thumbnail(scn, (300, 200))
    assert pygame.image.tobytes(with_emblems, "RGB") != pygame.image.tobytes(without, "RGB")
