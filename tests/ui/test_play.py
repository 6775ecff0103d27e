"""Playing the test scenario with real mouse and key events under the dummy driver."""
from __future__ import annotations

import pygame

from tests.helpers import cell
from tests.ui.conftest import (click, click_element, hex_pos, key, move_mouse,
                                run_until, steps)


def test_select_an_army_shows_where_it_can_march(game):
    app, gs = game()
    click(app, hex_pos(gs, cell(5, 3)))             # Ancyra: Priscus' field army
    assert gs.overlay.selected_army == "byz_field"
    assert cell(4, 3) in gs.overlay.reach and cell(5, 3) not in gs.overlay.reach
    assert "Priscus" in gs.hud.details.html_text
    click(app, hex_pos(gs, cell(6, 6)), button=3)    # right click cancels
    assert gs.overlay.selected_army is None and not gs.overlay.reach


def test_move_then_undo_with_ctrl_z(game):
    app, gs = game()
    st = gs.session.state
    click(app, hex_pos(gs, cell(5, 3)))
    move_mouse(app, hex_pos(gs, cell(3, 3)))
    assert gs.overlay.path[0] == cell(5, 3) and gs.overlay.path[-1] == cell(3, 3)
    assert "this turn" in gs.overlay.path_label
    click(app, hex_pos(gs, cell(3, 3)))
    assert gs.session.state.armies["byz_field"].hex == cell(3, 3)
    assert gs.session.orders[-1].kind == "move"
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    assert gs.session.state.armies["byz_field"].hex == cell(5, 3)
    assert not gs.session.orders
    assert st is not gs.session.state        # undo restored a snapshot


def test_hovering_an_enemy_shows_the_odds_and_clicking_attacks(game):
    def prepare(st):
        st.armies["per_raid"].hex = cell(6, 3)       # next to Ancyra
    app, gs = game(prepare=prepare)
    click(app, hex_pos(gs, cell(5, 3)))
    assert cell(6, 3) in gs.overlay.attack
    move_mouse(app, hex_pos(gs, cell(6, 3)))
    steps(app, 15)                                    # let the tooltip appear
    assert any("chance to win" in line for line in gs._tip_lines)
    click(app, hex_pos(gs, cell(6, 3)))
    assert gs.session.orders[-1].kind == "attack"
    assert any(line.endswith("win") or "Battle" in line for line in gs.log_lines)
    assert not gs.session.can_undo()                 # the battle closed undo


def test_end_turn_then_answer_the_avars_choice(game):
    app, gs = game(confirm_end_turn=False)
    click_element(app, gs.hud.end_btn)
    # the computer plays Persia; then Byzantium's second turn begins with news and a choice
    assert run_until(app, lambda: gs.session.state.turn == 2 and gs.dialogs)
    titles = []
    for _ in range(6):
        if not run_until(app, lambda: gs.dialogs, 60):
            break
        dlg = gs.dialogs[0]
        titles.append(dlg.window_display_title)
        if dlg.must_answer:
            pay = next(b for b, v in dlg.value_of.items() if v == "pay")
            click_element(app, pay)
            break
        click_element(app, next(iter(dlg.value_of)))
    assert "The Khagan's price" in titles
    st = gs.session.state
    assert gs.session.orders[-1].kind == "choose" and gs.session.orders[-1].option == "pay"
    assert st.relations["avars|byzantium"].status == "tribute"
    assert not st.pending


def test_quick_save_and_quick_load(game, user_folders):
    from game.rules.state import state_hash
    app, gs = game()
    key(app, pygame.K_F5)
    saved = user_folders / "data" / "last-great-war" / "saves" / "quicksave.json"
    assert saved.is_file()
    h0 = state_hash(gs.session.state)
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(4, 3)))
    assert state_hash(gs.session.state) != h0
    key(app, pygame.K_F9)
    steps(app, 3)
    new = app.screen
    assert new is not gs and state_hash(new.session.state) == h0
    steps(app, 5)
    assert not new.dialogs          # back where it was saved: no briefing, no summary


def test_save_and_load_through_the_file_list(game, user_folders):
    from game.rules.state import state_hash
    app, gs = game()
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(4, 3)))
    h_moved = state_hash(gs.session.state)
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    win = gs.dialogs[-1]
    click_element(app, win.ok)
    files = list((user_folders / "data" / "last-great-war" / "saves").glob("*.json"))
    assert [f.stem for f in files if not f.stem.startswith("autosave")] == ["test_small_spring_603"]
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)     # change the game, then load the save back
    assert state_hash(gs.session.state) != h_moved
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    win = gs.dialogs[-1]
    row = next(i for i, e in enumerate(win.entries) if e.name == "test_small_spring_603")
    item = win.list.item_list[row]["button_element"]
    click_element(app, item)
    assert "Spring 603" in win.info.html_text and "Byzantium: Human" in win.info.html_text
    click_element(app, win.ok)
    steps(app, 3)
    assert app.screen is not gs and state_hash(app.screen.session.state) == h_moved


def test_besiege_with_b_then_storm_with_the_button(game):
    def prepare(st):
        st.armies["byz_field"].hex = cell(8, 4)      # next to Edessa (8,5), across the river
        st.armies["byz_field"].men = 40000
    app, gs = game(prepare=prepare)
    click(app, hex_pos(gs, cell(8, 4)))
    assert cell(8, 5) in gs.overlay.siege
    key(app, pygame.K_b)
    st = gs.session.state
    assert st.cities["edessa"].siege is not None and st.cities["edessa"].siege.by == "byzantium"
    assert gs.session.orders[-1].kind == "besiege"
    # laying the siege was the army's strike of the turn; storming needs a new turn
    assert not gs.hud.actions["assault"].is_enabled
    assert "once a turn" in gs.hud.actions["assault"].tool_tip_text


def test_raise_men_from_the_side_panel(game):
    app, gs = game()
    st = gs.session.state
    click(app, hex_pos(gs, cell(1, 2)))              # Constantinople: the guard army stands there
    men = st.armies["byz_guard"].men
    treasury = st.factions["byzantium"].treasury
    assert gs.hud.actions["raise"].is_enabled
    click_element(app, gs.hud.actions["raise"])
    st = gs.session.state
    assert st.armies["byz_guard"].men == men + 1000
    assert st.factions["byzantium"].treasury < treasury


def test_counters_march_at_the_chosen_speed_and_space_skips_the_computer(game):
    app, gs = game(animation_speed=4, confirm_end_turn=False)
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(3, 3)))
    assert gs.march is not None and gs.march.army == "byz_field"
    assert "byz_field" in gs.overlay.moving
    assert run_until(app, lambda: gs.march is None, 200)
    key(app, pygame.K_RETURN)
    steps(app, 3)
    assert gs.human_to_play() is None                # Persia to play, slowly
    key(app, pygame.K_SPACE)
    assert run_until(app, lambda: gs.session.state.turn == 2, 60)


def test_a_damaged_save_is_listed_as_damaged_and_cannot_be_loaded(game, user_folders):
    app, gs = game()
    folder = user_folders / "data" / "last-great-war" / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.json").write_text('{"format": "last-great-war-save", "version": 1')
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    win = gs.dialogs[-1]
    row = next(i for i, e in enumerate(win.entries) if e.name == "broken")
    assert "damaged" in win.entries[row].row()
    click_element(app, win.list.item_list[row]["button_element"])
    assert "cannot be loaded" in win.info.html_text
    assert not win.ok.is_enabled
    assert (folder / "broken.json").read_text() == '{"format": "last-great-war-save", "version": 1'


def test_orders_are_refused_with_the_rule_and_nothing_changes(game):
    from game.rules.state import state_hash
    app, gs = game()
    click(app, hex_pos(gs, cell(5, 3)))
    h0 = state_hash(gs.session.state)
    click(app, hex_pos(gs, cell(10, 7)))             # far in the desert: out of reach
    assert gs.overlay.selected_army == "byz_field"
    assert "Too far" in gs.toast_text and gs.toast_bad
    assert state_hash(gs.session.state) == h0 and not gs.session.orders


def test_deleting_a_save_asks_twice(game, user_folders):
    app, gs = game()
    key(app, pygame.K_F5)
    folder = user_folders / "data" / "last-great-war" / "saves"
    key(app, pygame.K_l, mod=pygame.KMOD_CTRL)
    win = gs.dialogs[-1]
    row = next(i for i, e in enumerate(win.entries) if e.name == "quicksave")
    click_element(app, win.list.item_list[row]["button_element"])
    click_element(app, win.delete)
    assert (folder / "quicksave.json").exists() and win.delete.text == "Really delete?"
    click_element(app, win.delete)
    assert not (folder / "quicksave.json").exists()
    assert "quicksave" not in [e.name for e in win.entries]


def test_clicking_a_counter_that_stands_above_its_city_selects_its_army(game):
    app, gs = game()
    steps(app, 3)
    ancyra = cell(5, 3)
    rect = gs.map._scene.stacks[ancyra]                 # the counter, in world pixels
    ox, oy = gs.map.camera.world_origin()
    top = (rect.centerx + ox, rect.top + oy + 2)        # its upper edge, over the next hex
    assert gs.map.hex_at(top) != ancyra
    move_mouse(app, top)
    assert gs.overlay.hover == ancyra
    click(app, top)
    assert gs.overlay.selected_army == "byz_field"


def test_march_next_to_an_enemy_then_attack_it(game):
    from game.hexgrid import hex_distance

    def prepare(st):
        st.armies["per_raid"].hex = cell(8, 3)       # three hexes east of Ancyra
        st.armies["per_raid"].men = 2000
        st.armies["byz_field"].men = 30000
    app, gs = game(prepare=prepare)
    click(app, hex_pos(gs, cell(5, 3)))              # select Priscus' army at Ancyra
    enemy = cell(8, 3)
    gates = sorted((h for h in gs.overlay.reach if hex_distance(h, enemy) == 1),
                   key=lambda h: (hex_distance(h, cell(5, 3)), h.q, h.r))
    assert gates, "a hex next to the enemy is within this turn's march"
    move_mouse(app, hex_pos(gs, gates[0]))
    assert "may attack" in gs.overlay.path_label     # the preview says what comes after
    assert "stops next to" in gs.overlay.path_label
    click(app, hex_pos(gs, gates[0]))
    army = gs.session.state.armies["byz_field"]
    assert army.hex == gates[0] and army.moves == 0
    assert enemy in gs.overlay.attack                 # still selected: the enemy is lit
    click(app, hex_pos(gs, enemy))
    assert gs.session.orders[-1].kind == "attack"
    assert any("Battle" in line for line in gs.log_lines)


def test_the_storm_forecast_shows_on_the_besieged_city_and_the_button(game):
    def prepare(st):
        st.armies["byz_field"].hex = cell(8, 4)      # next to Edessa (8,5)
        st.armies["byz_field"].men = 40000
    app, gs = game(prepare=prepare)
    click(app, hex_pos(gs, cell(8, 4)))
    move_mouse(app, hex_pos(gs, cell(8, 5)))
    steps(app, 15)
    assert any("Besiege Edessa" in line for line in gs._tip_lines)
    assert any("chance to take it" in line for line in gs._tip_lines)
    key(app, pygame.K_b)
    st = gs.session.state
    army, city = st.armies["byz_field"], st.cities["edessa"]
    from game.rules import siege
    f = siege.storm_forecast(st, army, city)
    move_mouse(app, hex_pos(gs, cell(8, 4)))
    steps(app, 3)
    move_mouse(app, hex_pos(gs, cell(8, 5)))
    steps(app, 15)
    tip = "\n".join(gs._tip_lines)
    assert f"Storm Edessa (T): {f['take_percent']}% chance to take it" in tip
    assert f"they {f['defender_loss']:,} of" in tip and "or wait: food for" in tip


def test_an_army_besieged_in_its_own_city_sallies_with_t(game):
    """Shut in Ancyra by a Persian siege, Priscus' army finds the storm button reading
    Sally; T attacks the besiegers on its own hex (the engine's sally), a battle."""
    from game.rules.state import Siege

    def prepare(st):
        st.armies["per_raid"].hex = cell(5, 3)       # the besiegers, on Ancyra's hex
        st.cities["ancyra"].siege = Siege("sassanids", 1, 3)
    app, gs = game(prepare=prepare)
    button = gs.hud.actions["assault"]
    assert button.text == "Assault"
    gs.select_army("byz_field")
    steps(app, 2)
    assert button.text == "Sally" and button.is_enabled
    assert "Sally out of Ancyra against its besiegers (T)" in button.tool_tip_text
    assert "chance to win" in button.tool_tip_text
    men = gs.session.state.armies["per_raid"].men
    key(app, pygame.K_t)
    order = gs.session.orders[-1]
    assert order.kind == "attack" and order.army == "byz_field" and order.target == cell(5, 3)
    assert any("Battle" in line for line in gs.log_lines)
    st = gs.session.state
    assert "per_raid" not in st.armies or st.armies["per_raid"].men < men
    steps(app, 2)                                    # it has fought: no second sally
    assert not button.is_enabled


def test_the_storm_button_reads_assault_outside_a_besieged_city(game):
    """The guard in Constantinople is not besieged: the button keeps its name."""
    app, gs = game()
    gs.select_army("byz_guard")
    steps(app, 2)
    assert gs.hud.actions["assault"].text == "Assault"
