"""What the player reads and sees, as a new player found it (issue 18): texts that wrap
cleanly, places named in plain words, allies' deeds and storms in the reports, a tooltip
that follows the map when it zooms, a softer territory tint, and a march preview that
leaves the army's number readable."""
from __future__ import annotations

from pathlib import Path

import pygame

from game.rules import engine
from game.rules.orders import Besiege
from game.rules.report import Event
from game.scenario.load import load_scenario
from game.session.view import observe
from game.ui import dialogs
from tests.helpers import cell
from tests.ui.conftest import click, hex_pos, key, move_mouse, steps

ROOT = Path(__file__).resolve().parents[2]


def road():
    return load_scenario(ROOT / "scenarios" / "road_to_ctesiphon.yaml")


# --- wrapping -----------------------------------------------------------------------

def test_prose_joins_the_lines_of_a_block_and_keeps_its_paragraphs():
    text = "One line\nand the next.  Two spaces.\n\nA new   paragraph\n"
    assert dialogs.prose(text) == "One line and the next. Two spaces.\n\nA new paragraph"


def test_an_event_text_wraps_without_a_line_starting_with_a_space(game):
    app, gs = game()
    tiflis = next(e.spec for e in road().events if e.spec.id == "evt_627_tiflis")
    assert "  Forty" in tiflis.text                    # the file has two spaces there
    dlg = dialogs.event_dialog(gs.manager, gs.size, tiflis.title, "June 627", tiflis.text,
                               None, None, False)
    steps(app, 2)
    html = dlg.text.html_text
    assert "  " not in html and "embraced. Forty thousand" in html


def test_the_briefing_runs_as_paragraphs_not_as_the_file_broke_its_lines(game):
    app, gs = game(dismiss_briefing=False)
    dlg = next(d for d in gs.dialogs if d.alive())
    html = dlg.text.html_text
    spec = gs.scn.spec
    first = [f for f in spec.factions if f.id == "byzantium"][0]
    if "\n" in first.briefing.strip() or "\n" in spec.description.strip():
        assert html.count("<br>") <= 2 * (first.briefing.count("\n\n")
                                          + spec.description.count("\n\n") + 1)
    assert "  " not in html


def test_the_road_briefing_has_no_break_inside_a_paragraph(game):
    from game.ui.screens.game_turns import TurnFlow
    app, gs = game()
    gs.scn = road()
    text = TurnFlow.briefing_text(gs, "byzantium")
    for para in text.split("\n\n"):
        assert "\n" not in para and "  " not in para
    assert "ride with you until the winter. Behind you" in text


# --- places and reports ---------------------------------------------------------------

def test_the_army_list_says_near_a_place_not_at_the_country_near_it(state):
    from game.ui.army_list import rows
    from game.rules import queries as Q
    city = state.cities["ancyra"]
    spot = next(h for h in (cell(4, 2), cell(4, 4), cell(6, 2), cell(6, 4), cell(4, 3))
                if Q.place_phrase(state, h).startswith("near "))
    state.armies["byz_field"].hex = spot
    text = dict(rows(observe(state, "byzantium"), "byzantium", "name"))["byz_field"]
    assert "at the country" not in text
    assert text.endswith(f"near {city.name}") or ", near " in text


def test_the_turn_summary_tells_of_an_ally_taking_a_city():
    from game.ui.describe import summary_lines
    st, _ = engine.new_game(road(), seed=1)
    from game.rules.vision import friends
    assert "turks" in friends(st, "byzantium")           # the Turks are Rome's allies here
    took = Event("captured", "Western Turks take Tiflis", st.cities["tiflis"].hex,
                 ("turks", "sassanids"))
    foreign = Event("captured", "Someone takes somewhere", None, ("sassanids", "rebels"))
    lines = summary_lines([took, foreign], "byzantium", st)
    assert ("Cities", "Western Turks take Tiflis") in lines
    assert all("Someone" not in t for _, t in lines)
    assert summary_lines([took], "byzantium") == []      # without the state: own news only


def storm_ready(st):
    """Priscus besieging a weak Dara with a strike left."""
    byz = st.armies["byz_field"]
    byz.hex = cell(9, 4)
    byz.men = 60000
    engine.apply(st, Besiege("byzantium", "byz_field", "dara"))
    byz.may_strike = True
    dara = st.cities["dara"]
    dara.garrison, dara.walls = 800, 1


def test_a_storm_ends_with_a_casualty_report(game):
    app, gs = game(prepare=storm_ready)
    dara = gs.state.cities["dara"]
    click(app, hex_pos(gs, dara.hex))
    assert gs.overlay.selected_army == "byz_field"
    key(app, pygame.K_t)
    steps(app, 3)
    assert gs.session.orders[-1].kind == "assault"
    dlg = gs.dialogs[-1]
    assert getattr(dlg, "is_casualties", False)
    text = dlg.text.html_text
    assert "stormed with 60,000 men and lost" in text
    assert "held the walls with 800 men and lost" in text
    assert "The walls are taken." in text or "The walls hold." in text
    assert dlg.window_display_title.startswith("Storm of Dara")


def test_the_summary_counts_a_storms_losses(state):
    from game.rules.orders import Assault
    from game.ui.describe import summary_lines
    storm_ready(state)
    events = engine.apply(state, Assault("byzantium", "byz_field", "dara"))
    lines = summary_lines(events, "byzantium", state)
    storm = next(t for h, t in lines if "storms Dara" in t)
    assert "Lost: Byzantium " in storm and " of 60,000" in storm


# --- the map --------------------------------------------------------------------------

def test_the_tooltip_follows_the_map_after_a_zoom_by_key(game):
    app, gs = game()
    at = hex_pos(gs, cell(3, 3))
    move_mouse(app, at)
    steps(app, 20)
    before = gs.overlay.hover
    assert before is not None
    for _ in range(3):
        key(app, pygame.K_EQUALS, unicode="=")
    steps(app, 20)
    assert gs.overlay.hover == gs.map.pick(at)
    assert gs.overlay.hover != before                   # zoomed about the centre: a new hex
    from game.ui.describe import where
    first = where(gs.state, gs.overlay.hover)
    assert gs._tip_lines[0] == first[:1].upper() + first[1:]    # the note of the new hex


def test_a_vivid_owner_colour_is_tinted_more_thinly():
    from game.ui.map_view import TINT_ALPHA, tint_alpha
    purple, red, blue = (0xa9, 0x00, 0xd3), (0x89, 0x22, 0x04), (0x68, 0xb9, 0xfc)
    assert tint_alpha(red) == tint_alpha(blue) == TINT_ALPHA
    assert tint_alpha(purple) < TINT_ALPHA * 2 // 3


def test_the_march_preview_runs_under_the_army_counter(game):
    app, gs = game()
    click(app, hex_pos(gs, cell(5, 3)))                 # Priscus at Ancyra
    gs.overlay.hover = None
    ox, oy = gs.map.camera.world_origin()
    box = gs.map._scene.stacks[cell(5, 3)].move(ox, oy).inflate(-4, -4)

    def frame():
        surf = pygame.Surface(gs.size)
        gs.map.draw(surf, gs.view(), gs.overlay)
        return pygame.surfarray.array3d(surf.subsurface(box)).copy()
    bare = frame()
    move_mouse(app, hex_pos(gs, cell(9, 3)))           # a march east, out of the counter
    assert len(gs.overlay.path) > 2 and gs.overlay.path_label
    gs.overlay.hover = None
    assert (frame() == bare).all()                      # neither the line nor the label
    move_mouse(app, hex_pos(gs, cell(7, 3)))           # a short march: the label goes below
    gs.overlay.hover = None
    assert (frame() == bare).all()


def test_a_held_or_doubled_f9_loads_once(game, monkeypatch):
    """A key press the game saw twice before its release (a held key repeating, or a
    slow load between the press and the release) loads once; the arrows go on moving."""
    from game.ui.screens import game_menu
    app, gs = game()
    key(app, pygame.K_F5)
    loads = []
    monkeypatch.setattr(game_menu, "load_from", lambda gs, path: loads.append(path))
    for _ in range(3):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F9, mod=0,
                                             unicode="", scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_F9, mod=0, unicode="",
                                         scancode=0))
    steps(app, 2)
    assert len(loads) == 1
    key(app, pygame.K_F9)                               # pressed again: loads again
    assert len(loads) == 2
    start = gs.overlay.cursor
    for _ in range(3):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0,
                                             unicode="", scancode=0))
    steps(app, 2)
    assert gs.overlay.cursor is not None and gs.overlay.cursor != start


def test_a_reload_in_hot_seat_stays_in_the_other_players_log(make_app, fog_scn):
    """Found under Xvfb: the news told Persia of Byzantium's reload, but its event log
    kept no word of it once the playback was over."""
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.handover import HandoverScreen
    from tests.ui.conftest import run_until
    from tests.ui.test_hotseat import BOTH, pass_gate, settle
    app = make_app(confirm_end_turn=False)
    gs = GameScreen.new(app, fog_scn, 7, dict(BOTH), {})
    app.switch(gs)
    steps(app, 3)
    pass_gate(app, gs, "byzantium")
    settle(app, gs)
    key(app, pygame.K_F5)
    key(app, pygame.K_F9)
    assert run_until(app, lambda: isinstance(app.screen, HandoverScreen), 60)
    loaded = app.screen.game                          # the loaded game, behind the gate
    assert any("Byzantium reloaded to" in x for x in loaded.logs["sassanids"])
    assert not any("reloaded" in x for x in loaded.logs.get("byzantium", []))
    assert any("Byzantium reloaded to" in x for x in loaded.logs[None])


def test_the_tooltip_follows_the_map_when_tab_centres_an_army(game):
    """Found under Xvfb: Tab jumped the map to the army and the old hex's note stayed."""
    def prepare(st):
        st.armies["byz_guard"].hex = cell(0, 2)        # two armies far apart
    app, gs = game(prepare=prepare)
    at = (gs.map.camera.viewport.centerx + 150, gs.map.camera.viewport.centery + 120)
    move_mouse(app, at)
    steps(app, 20)
    for _ in range(2):
        key(app, pygame.K_EQUALS, unicode="=")
    for _ in range(3):
        key(app, pygame.K_TAB)
        steps(app, 20)
        assert gs.overlay.hover == gs.map.pick(at)


def test_hovering_a_far_walled_enemy_city_says_how_to_take_it(game):
    """Found under Xvfb: hovering Ganzak from afar showed no march and no word why."""
    app, gs = game()
    click(app, hex_pos(gs, cell(5, 3)))                 # Priscus at Ancyra
    dara = gs.state.cities["dara"]
    move_mouse(app, hex_pos(gs, dara.hex))
    steps(app, 20)
    assert any("Dara is walled" in x and "besiege it (B)" in x for x in gs._tip_lines)
