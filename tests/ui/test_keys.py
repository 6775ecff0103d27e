"""The keyboard alone: the hex cursor, the orders, the windows and the dialogs, the
player's own keys (kept in settings.json, checked on load) and the help that lists them."""
from __future__ import annotations

import json

import pygame

from game.ui import keys
from tests.helpers import cell
from tests.ui.conftest import click_element, key, run_until, steps

KEYPAD_OF = {d: k for k, d in keys.KEYPAD.items()}


def test_checked_bindings_drop_what_is_unknown_reserved_or_taken_twice():
    got = keys.checked({"act": "b", "besiege": "b", "end_turn": "escape", "zoom_in": "nonsense",
                     "storm": 5, "no_such_action": "x"})
    assert got["act"] == "b"
    assert got["besiege"] == "space"          # b was taken: the freed default, Space
    assert got["end_turn"] == "return"        # Esc is kept for the game
    assert got["zoom_in"] == "=" and got["storm"] == "t"
    assert "no_such_action" not in got
    assert len(set(got.values())) == len(got)
    assert keys.checked("not a mapping") == keys.DEFAULTS


def test_rebinding_a_taken_key_swaps_the_two_actions():
    new, said = keys.rebind(keys.DEFAULTS, "storm", "b")
    assert new["storm"] == "b" and new["besiege"] == "t"
    assert "B now does" in said and "moves to T" in said
    same, said = keys.rebind(keys.DEFAULTS, "storm", "escape")
    assert same == keys.DEFAULTS and "cannot be used" in said


def test_up_and_down_keep_the_column_and_the_keypad_has_six_directions():
    from game.hexgrid import hex_distance, hex_from_offset, offset_from_hex
    for row in (4, 5):
        h = hex_from_offset(5, row)
        assert offset_from_hex(keys.step(h, "up")) == (5, row - 1)
        assert offset_from_hex(keys.step(h, "down")) == (5, row + 1)
        assert {keys.step(h, d) for d in range(6)} == {keys.step(h, d) for d in keys.KEYPAD.values()
                                                    if d not in ("up", "down")}
        assert all(hex_distance(h, keys.step(h, m)) == 1 for m in keys.KEYPAD.values())


def test_keys_survive_the_settings_file(user_folders):
    from game.ui.settings import Settings, config_dir, load_settings, save_settings
    s = Settings()
    s.keys = keys.rebind(s.keys, "end_turn", "e")[0]
    assert save_settings(s) is None
    assert load_settings().keys["end_turn"] == "e"
    path = config_dir() / "settings.json"
    raw = json.loads(path.read_text())
    raw["keys"] = {"end_turn": ["e"], "act": "f1", "storm": "q"}
    path.write_text(json.dumps(raw))
    got = load_settings().keys
    assert got["end_turn"] == "return" and got["act"] == "space" and got["storm"] == "q"
    raw["keys"] = "space"
    path.write_text(json.dumps(raw))
    assert load_settings().keys == keys.DEFAULTS


def test_the_help_lists_the_players_own_keys(make_app):
    from game.ui.help import keys_for
    rows = dict(keys_for(keys.rebind(keys.DEFAULTS, "end_turn", "e")[0]))
    assert rows["E"].startswith("end your turn")
    assert rows["Enter"] != rows["E"] if "Enter" in rows else True
    app = make_app(keys=keys.rebind(keys.DEFAULTS, "end_turn", "e")[0])
    app.toggle_help()
    assert "<b>E</b>: end your turn" in app.help_window.get_container().elements[0].html_text


def press(app, k, n=1):
    for _ in range(n):
        key(app, k)


def test_a_whole_turn_with_the_keys_alone(game):
    app, gs = game(dismiss_briefing=False)
    posted = []
    real_post = pygame.event.post

    def post(ev):
        posted.append(ev.type)
        return real_post(ev)
    pygame.event.post = post
    try:
        _whole_turn(app, gs)
    finally:
        pygame.event.post = real_post
    # the only input posted was keys; pygame_gui posts its own events (button pressed...)
    assert {t for t in posted if t < pygame.USEREVENT} == {pygame.KEYDOWN, pygame.KEYUP}


def _whole_turn(app, gs):
    # the briefing: Enter presses its button
    assert gs.dialogs and gs.dialogs[-1].alive()
    press(app, pygame.K_RETURN)
    run_until(app, lambda: not any(d.alive() for d in gs.dialogs), 60)
    while any(d.alive() for d in gs.dialogs):
        press(app, pygame.K_RETURN)
    st = gs.session.state
    assert st.turn == 1 and gs.human_to_play() == "byzantium"

    # the army list: arrows pick a row, Enter selects that army
    press(app, pygame.K_l)
    assert getattr(gs.dialogs[-1], "is_army_list", False)
    lst = gs.dialogs[-1]
    target = lst.ids.index("byz_field")
    press(app, pygame.K_DOWN, target + 1)
    press(app, pygame.K_RETURN)
    assert gs.overlay.selected_army == "byz_field" and not gs.modal()

    # the aims panel opens and closes with O
    press(app, pygame.K_o)
    assert gs.modal()
    press(app, pygame.K_o)
    assert not gs.modal()

    # Tab: the next army that can move; the cursor goes with it
    press(app, pygame.K_TAB)
    a = gs.selected_army()
    assert gs.overlay.cursor == a.hex
    # arrows move the cursor; back again
    press(app, pygame.K_RIGHT)
    assert gs.overlay.cursor != a.hex
    press(app, pygame.K_LEFT)
    assert gs.overlay.cursor == a.hex
    # march west two hexes with the arrow key, then Space
    field = gs.session.state.armies["byz_field"]
    if gs.overlay.selected_army != "byz_field":
        press(app, pygame.K_TAB)
    start = field.hex
    press(app, pygame.K_LEFT, 2)
    goal = gs.overlay.cursor
    assert goal in gs.overlay.reach
    assert gs.overlay.path and gs.overlay.path[-1] == goal      # the march is previewed
    press(app, pygame.K_SPACE)
    st = gs.session.state
    assert st.armies["byz_field"].hex == goal != start
    assert gs.session.orders[-1].kind == "move"

    # the keypad moves the cursor too: to Constantinople's guard, Space selects it, R raises
    guard = st.armies["byz_guard"]
    men = guard.men
    gs.overlay.cursor = None
    press(app, pygame.K_ESCAPE)                  # drop the selection
    press(app, pygame.K_TAB)                     # the next army: one of the two
    if gs.overlay.selected_army != "byz_guard":
        press(app, pygame.K_TAB)
    assert gs.overlay.selected_army == "byz_guard"
    press(app, pygame.K_KP6)
    press(app, pygame.K_KP4)
    assert gs.overlay.cursor == guard.hex == cell(1, 2)
    press(app, pygame.K_r)
    assert gs.session.state.armies["byz_guard"].men == men + 1000

    # Enter ends the turn; the question comes as a dialog, answered with Enter
    press(app, pygame.K_RETURN)
    assert gs.dialogs and gs.dialogs[-1].alive()
    press(app, pygame.K_RETURN)
    assert gs.session.orders[-1].kind == "end_turn"

    # the computer plays; the next turn's windows are answered with keys (a choice with 1)
    def our_turn_again():
        open_ = [d for d in gs.dialogs if d.alive()]
        if open_:
            d = open_[-1]
            press(app, pygame.K_1 if getattr(d, "must_answer", False) else pygame.K_RETURN)
            return False
        return gs.session.state.turn == 2 and gs.human_to_play() == "byzantium" \
            and not gs.queue
    assert run_until(app, our_turn_again, 3000)
    assert any(o.kind == "choose" for o in gs.session.orders)


def test_a_dialog_lights_its_buttons_with_tab_and_presses_with_digits(game):
    from game.ui import dialogs
    app, gs = game()
    got = []
    gs.open_dialog(dialogs.Dialog(gs.manager, gs.size, "Pick", "Which?",
                                  [("One", 1, ""), ("Two", 2, ""), ("Three", 3, "")],
                                  got.append, must_answer=True))
    steps(app, 2)
    press(app, pygame.K_ESCAPE)                  # must be answered: Esc does nothing
    assert gs.dialogs[-1].alive()
    press(app, pygame.K_TAB)
    press(app, pygame.K_RETURN)
    assert got == [2]
    gs.open_dialog(dialogs.Dialog(gs.manager, gs.size, "Pick", "Which?",
                                  [("One", 1, ""), ("Two", 2, ""), ("Three", 3, "")],
                                  got.append))
    steps(app, 2)
    press(app, pygame.K_3)
    assert got == [2, 3]


def test_keys_are_changed_in_the_settings_and_used_in_play(make_app, user_folders):
    from game.ui.screens.main_menu import MainMenu
    from game.ui.settings import load_settings
    app = make_app()
    app.switch(MainMenu(app))
    steps(app, 2)
    click_element(app, app.screen.buttons["settings"])
    win = app.screen.window
    click_element(app, win.keys)
    kw = win.keys_window
    assert kw is not None and kw.alive()
    row = [a.id for a in keys.ACTIONS].index("end_turn")
    pygame.event.post(pygame.event.Event(pygame_gui_event("UI_SELECTION_LIST_NEW_SELECTION"),
                                         ui_element=kw.list, text=kw.list.item_list[row]["text"]))
    kw.list.item_list[row]["selected"] = True
    steps(app, 2)
    assert kw.waiting == "end_turn"
    key(app, pygame.K_e)
    assert app.settings.keys["end_turn"] == "e"
    assert "E now does: end your turn" in kw.note.text
    click_element(app, kw.ok)
    click_element(app, win.ok)
    assert load_settings().keys["end_turn"] == "e"


def pygame_gui_event(name):
    import pygame_gui
    return getattr(pygame_gui, name)


def test_the_keys_window_works_with_the_keys_alone(game, user_folders):
    """From the play screen's menu: Settings, K for the keys, the arrows to a row, Enter
    to change it, Esc to keep the old key, Enter again and a new key, D for the defaults,
    Esc to close; no mouse."""
    from game.ui.screens.settings_screen import KeysWindow, SettingsWindow
    from game.ui.settings import load_settings
    app, gs = game()
    gs.open_dialog(SettingsWindow(gs.manager, gs.size, app.settings))
    steps(app, 2)
    win = gs.dialogs[-1]
    press(app, pygame.K_k)
    kw = win.keys_window
    assert isinstance(kw, KeysWindow) and kw.alive()
    row = [a.id for a in keys.ACTIONS].index("storm")
    for _ in range(row + 1):
        press(app, pygame.K_DOWN)
    assert kw.row == row and kw.list.item_list[row]["text"].startswith("> ")
    press(app, pygame.K_RETURN)
    assert kw.waiting == "storm"
    press(app, pygame.K_ESCAPE)                        # keep the old key
    assert kw.waiting is None and app.settings.keys["storm"] == "t" and kw.alive()
    press(app, pygame.K_RETURN)
    press(app, pygame.K_y)
    assert app.settings.keys["storm"] == "y"
    assert "Y now does" in kw.note.text
    press(app, pygame.K_UP)
    press(app, pygame.K_SPACE)
    assert kw.waiting == keys.ACTIONS[row - 1].id
    press(app, pygame.K_t)                             # the key storm had before
    press(app, pygame.K_d)                             # every key back to its default
    assert app.settings.keys == keys.DEFAULTS
    press(app, pygame.K_RETURN)
    press(app, pygame.K_q)
    press(app, pygame.K_ESCAPE)                        # closes the keys window
    assert not kw.alive() and win.alive()
    press(app, pygame.K_ESCAPE)                        # and the settings, which saves them
    assert not win.alive()
    assert load_settings().keys[keys.ACTIONS[row - 1].id] == "q"
