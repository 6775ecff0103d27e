"""The map renderer at the size of the real theatre (a generated map), and the camera."""
from __future__ import annotations

import numpy as np
import pygame
import pytest

from game import terrain as T
from game.hexgrid import hex_from_offset
from game.ui.camera import LEVELS, Camera
from game.ui.geometry import center, hex_at, map_size_units


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from game.scenario.load import load_scenario
    from tests.ui.synthetic import scenario_yaml
    path = tmp_path_factory.mktemp("big") / "synthetic_big.yaml"
    path.write_text(scenario_yaml())
    return load_scenario(path)


@pytest.fixture(scope="module")
def display():
    pygame.display.init()
    return pygame.display.set_mode((64, 64))


def test_every_hex_centre_gets_its_own_terrain_colour(big):
    """At a hex's centre the pixel is its own terrain's colour (shaded), and water is blue."""
    from game.ui import palette as P
    from game.ui.terrain_raster import TerrainRaster
    hm = big.map
    s = 8
    w, h = (int(v * s) for v in map_size_units(hm.width, hm.height))
    rgb = TerrainRaster(hm).render(s, 0, 0, w, h, grid=False).astype(float)
    for row in range(1, hm.height - 1, 3):
        for col in range(1, hm.width - 1, 2):
            hx = hex_from_offset(col, row)
            x, y = (int(v * s) for v in center(hx))
            t = int(hm.terrain[row, col])
            got = rgb[y, x]
            ratio = got / P.TERRAIN_RGB[t]
            if t in T.WATER_IDS:
                assert got[2] > got[0] + 30, (col, row, got)          # blue
                assert (ratio > 0.8).all() and (ratio < 1.8).all(), (col, row, got)
            else:
                assert not got[2] > got[0] + 30, (col, row, got)
                # relief shading and texture scale the colour, they do not change its hue
                assert ratio.max() / ratio.min() < 1.35, (col, row, t, got)
                assert 0.45 < ratio.mean() < 1.6, (col, row, t, got)


def test_beyond_the_map_is_background(big):
    from game.ui import palette as P
    from game.ui.terrain_raster import TerrainRaster
    rgb = TerrainRaster(big.map).render(8, -200, -200, 100, 100)
    assert (rgb == np.array(P.BACKGROUND, np.uint8)).all()


def test_tiles_cover_the_whole_map_at_the_smallest_zoom(big, display):
    from game.ui.map_tiles import TILE, MapTiles
    tiles = MapTiles(big.map, threaded=False)
    w, h = tiles.level_size(0)
    assert tiles.base.get_size() == (w, h)
    cam = Camera(big.map.width, big.map.height, pygame.Rect(0, 0, 1000, 760))
    assert cam.level == 0                      # the whole theatre fits at the first level
    screen = pygame.Surface((1000, 760))
    tiles.draw(screen, cam)
    nx, ny = tiles.tile_range(0)
    assert tiles.drawn_tiles == nx * ny and len(tiles.cache) == nx * ny
    assert nx * TILE >= w and ny * TILE >= h


def test_a_threaded_view_never_waits_and_fills_in(big, display):
    """Missing tiles are drawn from the whole-map picture until the worker has them."""
    import time
    from game.ui.map_tiles import MapTiles
    tiles = MapTiles(big.map, threaded=True)
    try:
        cam = Camera(big.map.width, big.map.height, pygame.Rect(0, 0, 800, 600))
        cam.zoom(5, (400, 300))
        screen = pygame.Surface((800, 600))
        screen.fill((255, 0, 255))
        tiles.draw(screen, cam)
        assert tiles.drawn_tiles < len(tiles.visible_keys(cam))   # not all drawn in the frame
        arr = pygame.surfarray.array3d(screen)
        assert not ((arr == (255, 0, 255)).all(axis=2)).any()     # yet nothing is left blank
        deadline = time.time() + 20
        while tiles.pending() and time.time() < deadline:
            time.sleep(0.02)
        assert all(k in tiles.cache for k in tiles.visible_keys(cam))
        # the helper sent, with each tile, the hex each of its pixels lies in
        from game.ui.map_tiles import hex_index
        got = [k for k in tiles.visible_keys(cam) if k in tiles.hexes]
        assert got and tiles._painter is not None
        for k in got[:4]:
            assert (tiles.hexes[k] == hex_index(tiles.raster, k)).all()
    finally:
        tiles.close()


def test_a_tile_s_shade_is_the_shade_of_its_pixels_hexes(game):
    """The shade laid over a tile (the owners' colours, the fog) looked up from the hex of
    each pixel is the picture `shade_image` paints for the same place; beyond the map's
    edge, the table's last row."""
    from tests.ui.conftest import steps
    app, gs = game(size=(800, 600))
    steps(app, 3)
    mv = gs.map
    lut = mv.shade_lut(gs.view())
    assert lut is not None
    lut = lut.copy()
    lut[-1] = (1, 2, 3, 4)                       # beyond the map: a colour of its own
    mv._shade_lut = lut
    mv._shade_tiles = {}
    nx, ny = mv.tiles.tile_range(mv.camera.level)
    for key in ((mv.camera.level, 0, 0), (mv.camera.level, nx - 1, ny - 1),
                mv.tiles.visible_keys(mv.camera)[0]):
        s = LEVELS[key[0]]
        want = mv.shade_image(lut, s, key[1] * 256, key[2] * 256, 256, 256)
        assert pygame.image.tobytes(mv._shade_tile(key), "RGBA") == \
            pygame.image.tobytes(want, "RGBA"), key


def test_the_stand_in_is_scaled_once_while_the_view_pans(big, display, monkeypatch):
    """Panning while tiles are missing reuses the stand-in picture (scaled for the view
    and a margin once the view pans) instead of scaling it again each frame; nothing is
    left blank."""
    from game.ui import map_tiles
    tiles = map_tiles.MapTiles(big.map, threaded=True)
    tiles._request = lambda keys: None          # no tile ever arrives: all stand-in
    scaled = []
    real = pygame.transform.scale
    monkeypatch.setattr(map_tiles.pygame.transform, "scale",
                        lambda *a: scaled.append(1) or real(*a))
    try:
        cam = Camera(big.map.width, big.map.height, pygame.Rect(0, 0, 800, 600))
        cam.zoom(5, (400, 300))
        screen = pygame.Surface((800, 600))
        for i in range(20):
            screen.fill((255, 0, 255))
            cam.pan(9, 0)
            assert tiles.draw(screen, cam)                      # tiles are missing
            arr = pygame.surfarray.array3d(screen)
            assert not ((arr == (255, 0, 255)).all(axis=2)).any(), i
        assert len(scaled) == 2         # the view just zoomed, then the view and a margin
    finally:
        tiles.close()


def test_only_what_lies_beyond_the_map_is_filled(big, display):
    from game.ui import palette as P
    from game.ui.map_tiles import MapTiles, outside
    vp = pygame.Rect(10, 20, 500, 400)
    for inner in (pygame.Rect(60, 70, 100, 80), pygame.Rect(0, 0, 300, 900),
                  pygame.Rect(-5, 100, 900, 50), pygame.Rect(600, 0, 10, 10)):
        bands = outside(vp, inner)
        area = sum(b.w * b.h for b in bands)
        covered = inner.clip(vp)
        assert area + covered.w * covered.h == vp.w * vp.h            # no gap, no overlap
        assert all(vp.contains(b) and not b.colliderect(inner) for b in bands)
    tiles = MapTiles(big.map, threaded=False)
    cam = Camera(big.map.width, big.map.height, pygame.Rect(0, 0, 1000, 760))
    cam.pan(-300, -200)                         # the map's corner in the view
    screen = pygame.Surface((1000, 760))
    screen.fill((255, 0, 255))
    tiles.draw(screen, cam)
    arr = pygame.surfarray.array3d(screen)
    assert not ((arr == (255, 0, 255)).all(axis=2)).any()
    ox, oy = cam.world_origin()
    assert ox > 0 and oy > 0
    assert tuple(arr[ox // 2, oy // 2]) == P.BACKGROUND


def test_zoom_keeps_the_point_under_the_cursor():
    cam = Camera(86, 71, pygame.Rect(0, 40, 970, 760))
    at = (300, 500)
    for step in (1, 1, 2, -1, -3):
        before = cam.to_units(*at)
        if cam.zoom(step, at):
            after = cam.to_units(*at)
            if cam.level not in (cam.min_level,):     # clamped views may shift at the edges
                assert after == pytest.approx(before, abs=1e-6)
    assert cam.min_level <= cam.level < len(LEVELS)


def test_camera_stays_on_the_map():
    cam = Camera(86, 71, pygame.Rect(0, 0, 970, 760))
    cam.zoom(4)
    cam.pan(-100000, -100000)
    x0, y0, _, _ = cam.visible_units()
    assert x0 >= -1.01 and y0 >= -1.01
    cam.pan(200000, 200000)
    _, _, x1, y1 = cam.visible_units()
    assert x1 <= cam.units_w + 1.01 and y1 <= cam.units_h + 1.01


def test_hex_picking_round_trips():
    for col in range(0, 30, 3):
        for row in range(0, 20, 2):
            hx = hex_from_offset(col, row)
            assert hex_at(*center(hx)) == hx


def test_frontier_lines_only_between_two_owners(big):
    from game.ui.territory import Territory
    terr = Territory(big, {})
    owners = {c.id: c.owner for c in big.spec.cities}
    lines = terr.border_lines(owners)
    assert lines and {f for f, _ in lines} == {"west", "east"}
    everyone_west = {cid: "west" for cid in owners}
    assert terr.border_lines(everyone_west) == []


def test_fog_hides_the_unseen_and_dims_the_remembered(big, display):
    """With a view that has seen only part of the map, those hexes are drawn darker."""
    from game.session.view import View, known_world
    from game.ui.map_view import FOG_MEMORY, FOG_UNKNOWN, MapView, Overlay
    from game.rules.engine import new_game
    state, _ = new_game(big, 1)
    mv = MapView(big, pygame.Rect(0, 0, 900, 700), threaded=False)
    hm = big.map
    visible = np.zeros((hm.height, hm.width), bool)
    explored = np.zeros((hm.height, hm.width), bool)
    visible[:, : hm.width // 3] = True
    explored[:, : 2 * hm.width // 3] = True
    view = View("west", visible, explored, {}, {}, [], [])
    lut = mv.fog_alpha(view)
    assert lut[0] == 0 and lut[hm.width // 2] == FOG_MEMORY and lut[hm.width - 1] == FOG_UNKNOWN
    screen = pygame.Surface((900, 700))
    view.world = known_world(state, view)
    mv.draw(screen, view, Overlay())
    clear = View(None, np.ones_like(visible), np.ones_like(visible), {}, {}, [], [])
    clear.world = known_world(state, clear)
    plain = pygame.Surface((900, 700))
    mv.draw(plain, clear, Overlay())
    a = pygame.surfarray.array3d(screen).astype(int).sum(axis=2)
    b = pygame.surfarray.array3d(plain).astype(int).sum(axis=2)
    y = 350
    cam = mv.camera
    left = int(cam.to_screen(0.2 * cam.units_w, 0)[0])
    mid = int(cam.to_screen(0.5 * cam.units_w, 0)[0])
    right = int(cam.to_screen(0.85 * cam.units_w, 0)[0])
    assert abs(a[left, y] - b[left, y]) < 5                 # seen now: as it is
    assert a[mid, y] < b[mid, y] - 40                       # remembered: dimmed
    assert a[right, y] < a[mid, y]                          # never seen: darker still


def test_a_still_view_shows_its_kept_ground_and_a_change_draws_it_anew(game):
    """Once the view stays, its ground (terrain, shade, frontiers, reach) is kept and shown
    in one blit; the kept picture is the one a full drawing makes, and a change (the
    owners' colours off, an army selected) draws the ground again."""
    from tests.ui.conftest import key, steps
    app, gs = game()
    vp = gs.map.camera.viewport

    def shot():
        return pygame.image.tobytes(app.window.subsurface(vp), "RGB")
    steps(app, 4)
    assert gs.map._kept.painted == 0      # nothing painted: the kept picture shown
    kept = shot()
    gs.map._kept.forget()                 # a full drawing of the same view
    steps(app)
    assert shot() == kept
    key(app, pygame.K_g)                  # the owners' colours off: another ground
    steps(app, 3)
    gs.toast_time = 0
    steps(app, 3)
    off = shot()
    assert off != kept
    gs.map._kept.forget()
    steps(app)
    assert shot() == off
    army = next(a for a in gs.view().armies.values() if a.faction == "byzantium")
    gs.select_army(army.id)               # its reach is laid on the ground
    steps(app, 3)
    assert shot() != off


def test_a_panned_view_is_the_picture_a_whole_painting_gives(game):
    """Panning paints only the strip the view uncovers into the kept picture of the ground;
    after any pan (small, diagonal, a jump, against the map's edge) the view is pixel for
    pixel what painting the whole view at once gives, with an army's reach laid on it,
    once the tiles laid unshaded at first have been painted again."""
    from tests.ui.conftest import steps
    app, gs = game()
    mv = gs.map
    vp = mv.camera.viewport
    army = next(a for a in gs.view().armies.values() if a.faction == "byzantium")
    gs.select_army(army.id)
    mv.camera.zoom(3, vp.center)
    mv.center_on(army.hex)

    def settle():                         # until no tile is left painted provisionally
        for _ in range(200):
            gs.toast_time = gs.hover_time = 0     # no message, no tooltip
            steps(app)
            if not mv._kept.prov:
                return
        raise AssertionError("tiles stay provisional")

    def shot():
        return pygame.image.tobytes(app.window.subsurface(vp), "RGB")
    settle()
    full = vp.w * vp.h
    strips = 0
    for dx, dy in ((9, 0), (0, 7), (-8, -5), (31, 47), (300, 0), (0, -250), (5000, 3000),
                   (-4000, -4000), (13, -11)):
        before = mv.camera.world_origin()
        mv._dressed.clear()               # the uncovered tiles go unshaded first, then
        mv.camera.pan(dx, dy)             # are painted again shaded, a few a frame
        moved = mv.camera.world_origin() != before
        gs.toast_time = gs.hover_time = 0
        steps(app)
        if not moved:                     # against the map's edge: nothing to paint
            assert mv._kept.painted == 0, (dx, dy)
        elif abs(dx) < 100 and abs(dy) < 100:
            assert 0 < mv._kept.painted < full / 4, (dx, dy)     # a strip, not the view
            strips += 1
        settle()
        panned = shot()
        mv._kept.forget()
        settle()
        assert shot() == panned, (dx, dy)
    assert strips >= 3


def test_a_frame_drawn_only_where_something_moved_is_the_whole_frame(game):
    """While the ground and the scene stay, a frame draws the map again only where a mark
    (the hovered hex, the path and its label) was or is, or where a tooltip, a message or
    a widget was drawn over it; the window is then the very picture a whole drawing of
    the same frame gives."""
    from tests.helpers import cell
    from tests.ui.conftest import click, hex_pos, move_mouse, steps
    app, gs = game()
    mv = gs.map

    def shot():
        return pygame.image.tobytes(app.window, "RGB")

    def check(what):                      # the frame just drawn, after what changed
        partial = mv.redrawn is not None
        fast = shot()
        mv.drawn_over = None              # the same frame again, drawn whole
        gs.draw(app.window)
        app.manager.draw_ui(app.window)
        gs.draw_over(app.window)
        assert mv.redrawn is None
        assert shot() == fast, what
        gs._drawn_frame = app.frame_no - 1     # the next frame follows this one
        return partial
    steps(app, 3)
    partial = 0
    for h in (cell(3, 3), cell(4, 3), cell(4, 4), cell(6, 5)):
        move_mouse(app, hex_pos(gs, h))
        partial += check(("hover", h))
    steps(app, 20)                        # the tooltip comes up
    assert gs._tip_lines
    partial += check("tooltip")
    move_mouse(app, hex_pos(gs, cell(4, 4)))
    partial += check("tooltip moved")
    steps(app)
    partial += check("tooltip still")
    click(app, hex_pos(gs, cell(5, 3)))   # Priscus' army: its reach on the ground
    check("selected")
    for h in (cell(3, 3), cell(4, 4), cell(6, 3)):
        move_mouse(app, hex_pos(gs, h))   # a path and its label
        partial += check(("path", h))
    gs.say("A message over the map")
    steps(app)
    partial += check("toast")
    gs.toast_time = 0
    steps(app)
    partial += check("toast gone")
    assert partial >= 8                   # those frames were drawn in part


def test_a_zoom_s_first_frame_scales_only_the_stand_in_and_ends_as_a_whole_painting(
        game, monkeypatch):
    """While the tiles of a new zoom level are not drawn yet, the zoom's first frame scales
    the stand-in once, straight into the kept picture, and makes no shaded tile (without
    fog); a strip uncovered then is scaled alone, not the view; once the tiles come the
    view is pixel for pixel what painting the whole view at once gives."""
    from game.ui import map_tiles
    from tests.ui.conftest import steps
    app, gs = game(size=(800, 600))
    mv = gs.map
    vp = mv.camera.viewport
    steps(app, 3)
    tiles = mv.tiles
    tiles.threaded, tiles._use_process = True, False      # tiles come only when let
    monkeypatch.setattr(tiles, "_request", lambda keys: None)
    scaled = []
    real = pygame.transform.scale
    monkeypatch.setattr(map_tiles.pygame.transform, "scale",
                        lambda src, size, *dest: scaled.append(size) or real(src, size, *dest))
    level = mv.camera.level
    assert mv.camera.zoom(1, vp.center) or mv.camera.zoom(-1, vp.center)
    assert mv.camera.level != level
    for k in [k for k in tiles.cache if k[0] == mv.camera.level]:
        del tiles.cache[k]                                 # none of its tiles drawn
    gs.toast_time = gs.hover_time = 0
    steps(app)
    assert len(scaled) == 1 and mv._kept.prov              # one scaling; tiles stand in
    if not mv._fogged:
        assert mv._dressed_now == 0
    before = mv.camera.world_origin()
    for dx, dy in ((0, 7), (7, 0), (0, -7), (-7, 0)):
        mv.camera.pan(dx, dy)
        if mv.camera.world_origin() != before:
            break
    assert mv.camera.world_origin() != before
    gs.toast_time = gs.hover_time = 0
    steps(app)
    assert len(scaled) == 2 and scaled[1][0] * scaled[1][1] < vp.w * vp.h / 4   # a strip
    tiles.threaded = False                                 # the tiles come
    for _ in range(200):
        gs.toast_time = gs.hover_time = 0
        steps(app)
        if not mv._kept.prov:
            break
    assert not mv._kept.prov

    def shot():
        return pygame.image.tobytes(app.window.subsurface(vp), "RGB")
    finished = shot()
    mv._kept.forget()
    for _ in range(200):
        gs.toast_time = gs.hover_time = 0
        steps(app)
        if not mv._kept.prov:
            break
    assert shot() == finished


def test_tiles_finished_while_the_view_stays_are_drawn_in_part_as_a_whole_frame(
        game, monkeypatch):
    """While the view stays, a tile painted again in full (it came from the helper, or got
    its shade) is drawn again only where it lies, with the marks over it, not the whole
    view; each such frame is the very picture the whole view drawn from the same ground
    gives, and the ground ends as a whole painting of it."""
    from tests.ui.conftest import steps
    app, gs = game(size=(800, 600))
    mv = gs.map
    vp = mv.camera.viewport
    steps(app, 3)
    tiles = mv.tiles
    tiles.threaded, tiles._use_process = True, False      # tiles come only when let
    monkeypatch.setattr(tiles, "_request", lambda keys: None)
    assert mv.camera.zoom(1, vp.center) or mv.camera.zoom(-1, vp.center)
    for k in [k for k in tiles.cache if k[0] == mv.camera.level]:
        del tiles.cache[k]
    gs.toast_time = gs.hover_time = 0
    steps(app, 2)
    assert mv._kept.prov                                   # the stand-in shows
    tiles.threaded = False                                 # the tiles come

    def shot():
        return pygame.image.tobytes(app.window, "RGB")
    can_finish = mv._can_finish
    partial = 0
    for _ in range(200):
        gs.toast_time = gs.hover_time = 0
        before = len(mv._kept.prov)
        steps(app)
        if mv.redrawn is not None and len(mv._kept.prov) < before:
            partial += 1
            assert sum(r.w * r.h for r in mv.redrawn) < vp.w * vp.h / 2
            fast = shot()
            mv._can_finish = lambda key: False     # the same ground, shown whole
            mv.drawn_over = None
            gs.draw(app.window)
            app.manager.draw_ui(app.window)
            gs.draw_over(app.window)
            mv._can_finish = can_finish
            assert mv.redrawn is None
            assert shot() == fast, partial
            gs._drawn_frame = app.frame_no - 1     # the next frame follows this one
        if not mv._kept.prov:
            break
    assert not mv._kept.prov
    assert partial >= 3
    finished = pygame.image.tobytes(app.window.subsurface(vp), "RGB")
    mv._kept.forget()
    for _ in range(200):
        gs.toast_time = gs.hover_time = 0
        steps(app)
        if not mv._kept.prov:
            break
    assert pygame.image.tobytes(app.window.subsurface(vp), "RGB") == finished
