"""A readable map and feedback, driven by real pygame events under the dummy driver:
the territory tint (G), the stack marker, counters that never cover each other,
mute (M), the casualty report, the help page (H) and Tab to armies that can strike."""
from __future__ import annotations

import pygame

from tests.helpers import cell
from tests.ui.conftest import battle_by_ancyra, click, click_element, hex_pos, key, steps


def test_g_turns_the_owners_colours_on_and_off(game):
    app, gs = game()
    steps(app, 3)
    land = gs.scn.map.index(cell(4, 4))                # Byzantine land west of Ancyra
    assert gs.map.tint and app.settings.territory_tint
    lut = gs.map.shade_lut(gs.view())
    assert lut is not None and lut[land, 3] > 0
    assert tuple(lut[land, :3]) == gs.map.colors["byzantium"]
    before = app.window.copy()
    key(app, pygame.K_g)
    assert not gs.map.tint and not app.settings.territory_tint
    assert "off" in gs.toast_text
    lut = gs.map.shade_lut(gs.view())
    assert lut is None or lut[land, 3] == 0
    x, y = hex_pos(gs, cell(4, 4))
    x += 12                                            # beside the hex's centre
    assert before.get_at((x, y)) != app.window.get_at((x, y))
    key(app, pygame.K_g)
    assert gs.map.tint and app.settings.territory_tint
    assert app.error_dialog is None


def test_a_stack_shows_its_count_and_counters_never_cover_each_other(game):
    def prepare(st):
        st.armies["byz_guard"].hex = cell(5, 3)        # with Priscus at Ancyra: a stack
        st.armies["per_raid"].hex = cell(6, 2)         # a neighbour up and to the right
        st.armies["per_main"].hex = cell(6, 3)         # and one to the east
    app, gs = game(prepare=prepare)
    steps(app, 3)
    assert gs.map._scene.badges == {cell(5, 3): 2}
    cam = gs.map.camera
    for level in range(cam.min_level, 8):
        while cam.level < level:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PLUS, mod=0,
                                                 unicode="+", scancode=0))
            steps(app, 2)
        rects = list(gs.map._scene.stacks.values())
        assert len(rects) == 3
        for i, a in enumerate(rects):
            for b in rects[i + 1:]:
                assert not a.colliderect(b), f"counters overlap at hex size {cam.s}"
    assert app.error_dialog is None


def test_a_besieged_city_shows_the_besiegers_counter_beside_the_defenders(game):
    """Persian raiders besieging Ancyra, where Priscus' army holds out: both counters show,
    the defenders' above the city's mark and the besiegers' below it, neither covering
    the other, at every zoom; the hex is picked at either counter."""
    from game.rules.state import Siege

    def prepare(st):
        st.armies["per_raid"].hex = cell(5, 3)         # the besiegers, on Ancyra's hex
        st.cities["ancyra"].siege = Siege("sassanids", 1, 3)
    app, gs = game(prepare=prepare)
    steps(app, 3)
    mv = gs.map
    view = gs.view()
    assert {view.armies["per_raid"].hex, view.armies["byz_field"].hex} == {cell(5, 3)}
    cam = mv.camera
    for level in range(cam.min_level, 8):
        while cam.level < level:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PLUS, mod=0,
                                                 unicode="+", scancode=0))
            steps(app, 2)
        s = cam.s
        ux, uy = mv.screen_of(cell(5, 3))
        ox, oy = cam.world_origin()
        x, y = ux - ox, uy - oy                         # the hex's centre, world pixels
        boxes = mv._scene.counters[cell(5, 3)]
        assert len(boxes) == 2, f"two counters at Ancyra at hex size {s}"
        assert not boxes[0].colliderect(boxes[1]), f"they overlap at hex size {s}"
        for box in boxes:                               # each one's picture is drawn there
            assert any(pygame.Rect(xy, img.get_size()).contains(box)
                       for img, xy in mv._scene.items), s
        top, low = sorted(boxes, key=lambda r: r.y)
        assert top.centery < y < low.centery            # one above the mark, one below
        assert mv._scene.stacks[cell(5, 3)] == top      # the defenders' is the hex's top
        for box in boxes:
            assert mv.pick(box.move(ox, oy).center) == cell(5, 3)
    assert app.error_dialog is None


def test_names_stay_on_the_map_away_from_its_right_edge(game):
    game()
    from game.ui import fonts
    from game.ui.map_view import MapView
    bounds = pygame.Rect(0, 0, 400, 300)
    img = fonts.text("Theodosiopolis", 14, (0, 0, 0))
    items: list = []
    MapView._place_labels(items, [(10, img, 395, 150, 6)], [], bounds)
    assert len(items) == 1
    _, (x, y) = items[0]
    assert bounds.contains(pygame.Rect((x, y), img.get_size()))


def test_v_mutes_and_the_sounds_say_what_happened(game):
    app, gs = game()
    assert not app.settings.muted
    key(app, pygame.K_v)
    assert app.settings.muted and "Sound off" in gs.toast_text
    click(app, hex_pos(gs, cell(5, 3)))                # Priscus at Ancyra
    click(app, hex_pos(gs, cell(4, 3)))                # one hex west
    assert gs.session.orders[-1].kind == "move"
    assert app.sounds.heard[-1] == ("march", False)     # muted: not heard
    key(app, pygame.K_v)
    assert not app.settings.muted
    click(app, hex_pos(gs, cell(4, 4)))
    assert app.sounds.heard[-1] == ("march", True)
    assert app.sounds._sounds == {}                     # the dummy driver: nothing loaded


def test_a_battle_ends_with_a_casualty_report(game):
    app, gs = battle_by_ancyra(game)
    assert gs.session.orders[-1].kind == "attack"
    dlg = gs.dialogs[-1]
    assert getattr(dlg, "is_casualties", False)
    text = dlg.text.html_text
    assert "attacked with 30,000 men and lost" in text
    assert "Sassanid Persia stood with 2,000 men and lost" in text
    assert app.sounds.heard[-1][0] == "battle"
    click_element(app, next(iter(dlg.value_of)))
    assert not gs.modal()


def test_h_opens_the_page_on_supply_morale_and_weariness(game):
    app, gs = game()
    key(app, pygame.K_h)
    dlg = gs.dialogs[-1]
    assert getattr(dlg, "is_concepts", False)
    text = dlg.text.html_text
    rules = gs.state.scenario.rules
    assert f"within {rules['supply_range']} movement points" in text
    assert "Morale" in text and "War-weariness" in text
    key(app, pygame.K_h)
    assert not gs.modal()


def test_tab_stops_at_an_army_that_can_still_strike(game):
    def prepare(st):
        st.armies["per_raid"].hex = cell(6, 3)         # next to Ancyra
        st.armies["byz_field"].moves = 0               # marched, but may still attack
        st.armies["byz_field"].may_strike = True
        st.armies["byz_guard"].moves = 0               # spent, and no enemy near
    app, gs = game(prepare=prepare)
    key(app, pygame.K_TAB)
    assert gs.overlay.selected_army == "byz_field"
    key(app, pygame.K_TAB)
    assert gs.overlay.selected_army == "byz_field"     # the only one
    click(app, hex_pos(gs, cell(6, 3)))                # it attacks: now it is spent
    steps(app, 3)
    while gs.modal():
        click_element(app, next(iter(gs.dialogs[-1].value_of)))
    key(app, pygame.K_TAB)
    assert gs.toast_text == "Every army has moved and struck"


def test_a_city_name_boxed_in_by_counters_is_placed_a_step_further_out():
    """A besieged city's mark has the defenders' counter above it and the besiegers'
    below, each wider than the mark: its name goes just below the besiegers' counter
    rather than being left off (it was, before)."""
    from game.ui.map_view import MapView
    x, y, gap = 500, 300, 8
    img = pygame.Surface((120, 20))
    taken = [pygame.Rect(470, 272, 60, 18),         # the defenders' counter, above
             pygame.Rect(470, 310, 60, 18),         # the besiegers', below
             pygame.Rect(532, 280, 60, 30),         # another army next door, right
             pygame.Rect(380, 280, 85, 30)]         # and one on the left
    items: list = []
    MapView._place_labels(items, [(5, img, x, y, gap)], taken,
                          pygame.Rect(0, 0, 1000, 1000))
    assert len(items) == 1
    rect = pygame.Rect(items[0][1], img.get_size())
    assert rect.inflate(-2, -4).collidelist(taken) < 0
    assert rect.top == y + gap + 20                  # one line below the usual place
    # with room at the usual place, nothing moves
    items = []
    MapView._place_labels(items, [(5, img, x, y, gap)], [], pygame.Rect(0, 0, 1000, 1000))
    assert items[0][1] == (440, y + gap)
