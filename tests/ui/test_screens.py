"""The screens around play: main menu, new game, settings, help, victory, the window."""
from __future__ import annotations

import json

import pygame
import pytest

from tests.conftest import TEST_SCENARIO
from tests.ui.conftest import click, click_element, dismiss, key, run_until, steps


def test_main_menu_to_a_new_game_with_real_clicks(make_app):
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.main_menu import MainMenu
    from game.ui.screens.new_game import NewGame
    app = make_app()
    app.switch(MainMenu(app))
    steps(app, 2)
    click_element(app, app.screen.buttons["new"])
    ng = app.screen
    assert isinstance(ng, NewGame)
    assert [c.scn.id for c in ng.choices if c.scn] == ["test_small"]
    assert ng.heading.text == "Test Theatre" and ng.start.is_enabled
    assert set(ng.side_menus) == {"byzantium", "sassanids"}       # the Avars are not playable
    ng.seed.set_text("42")
    click_element(app, ng.start)
    gs = app.screen
    assert isinstance(gs, GameScreen)
    assert gs.session.state.seed == 42
    assert gs.session.sides == {"byzantium": "human", "sassanids": "computer:normal",
                                "avars": "computer:normal"}


def test_the_new_game_screen_says_what_each_chosen_difficulty_does(make_app):
    """Issue 17: the level's text (no bonus, what it does) is on the new-game screen, for
    the levels the computer's sides play, and follows the menus."""
    import pygame_gui
    from game import i18n
    from game.ai import describe_level
    from game.ui.screens.new_game import NewGame, computer_labels
    app = make_app()
    ng = NewGame(app)
    app.switch(ng)
    steps(app, 2)
    shown = ng.levels_box.html_text
    assert "No bonus" in shown and shown == describe_level("normal")   # sassanids: normal
    dd = ng.side_menus["sassanids"]
    pygame.event.post(pygame.event.Event(pygame_gui.UI_DROP_DOWN_MENU_CHANGED,
                                         text=computer_labels()["hard"], ui_element=dd))
    steps(app, 2)
    assert ng.sides["sassanids"] == "computer:hard"
    assert ng.levels_box.html_text == describe_level("hard")
    pygame.event.post(pygame.event.Event(pygame_gui.UI_DROP_DOWN_MENU_CHANGED,
                                         text="Human", ui_element=dd))
    steps(app, 2)
    assert ng.levels_box.html_text == ""                 # two people: no computer level
    try:                                                   # in Greek, from the catalogue
        i18n.set_language("el")
        ng.pick(0)
        greek = ng.levels_box.html_text
        assert greek and greek != describe_level("normal") and "Κανονικός" in greek
    finally:
        i18n.set_language("en")


def test_a_broken_scenario_is_listed_as_broken_and_cannot_start(make_app, tmp_path):
    from game.ui.screens.new_game import NewGame
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "good.yaml").write_text(TEST_SCENARIO.read_text())
    (folder / "broken.yaml").write_text("id: broken\ntitle: Broken\nstart: 603-03\n")
    app = make_app(scenario_dir=folder)
    ng = NewGame(app)
    app.switch(ng)
    steps(app, 2)
    rows = [c.row() for c in ng.choices]
    assert "broken  -  BROKEN" in rows
    broken = rows.index("broken  -  BROKEN")
    click_element(app, ng.list.item_list[broken]["button_element"])
    assert "broken" in ng.heading.text and not ng.start.is_enabled
    assert "broken.yaml" in ng.desc.html_text          # its problems, with file and line
    good = 1 - broken
    click_element(app, ng.list.item_list[good]["button_element"])
    assert ng.start.is_enabled


def _pick_the_players_own(app):
    """The new-game screen listing the test scenario and the player's own copy of it,
    marked, with the copy picked."""
    from game.ui.screens.new_game import NewGame
    ng = NewGame(app)
    app.switch(ng)
    steps(app, 2)
    rows = [c.row() for c in ng.choices]
    assert rows == ["Test Theatre  (603-605)", "Test Theatre  (603-605)  [yours]"]
    click_element(app, ng.list.item_list[1]["button_element"])
    return ng


def test_the_players_own_scenarios_are_listed_and_marked(make_app):
    from game.resources import user_scenarios_dir
    mine = user_scenarios_dir() / "campaign" / "mine.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text(TEST_SCENARIO.read_text().replace("id: test_small", "id: my_small", 1))
    app = make_app()
    ng = _pick_the_players_own(app)
    assert "yours: campaign/mine.yaml" in ng.sub.text and ng.start.is_enabled
    click_element(app, ng.start)
    assert run_until(app, lambda: type(app.screen).__name__ == "GameScreen", 50)
    assert app.screen.session.state.scenario_id == "my_small"


def test_yml_scenarios_are_in_the_new_game_menu(make_app, tmp_path):
    from game.resources import user_scenarios_dir
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "good.yml").write_text(TEST_SCENARIO.read_text())
    mine = user_scenarios_dir() / "mine.yml"
    mine.parent.mkdir(parents=True)
    mine.write_text(TEST_SCENARIO.read_text().replace("id: test_small", "id: my_small", 1))
    app = make_app(scenario_dir=folder)
    ng = _pick_the_players_own(app)
    assert "yours: mine.yml" in ng.sub.text and ng.start.is_enabled


def test_a_yml_map_is_the_main_menus_backdrop(tmp_path):
    from game.ui.screens.main_menu import largest_map
    from tests.test_paths import MAP
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "side.yml").write_text(MAP)
    m = largest_map(tmp_path)
    assert m is not None and m.id == "side_map"


def test_settings_window_changes_and_persists(make_app, user_folders):
    from game.ui.screens.main_menu import MainMenu
    from game.ui.settings import load_settings
    app = make_app()
    app.switch(MainMenu(app))
    steps(app, 2)
    click_element(app, app.screen.buttons["settings"])
    win = app.screen.window
    edge_before = app.settings.edge_scroll
    click_element(app, win.edge)
    click_element(app, win.contrast)
    slider, _ = win.sliders["scroll_speed"]
    click_element(app, slider.right_button)
    click_element(app, win.ok)
    path = user_folders / "config" / "last-great-war" / "settings.json"
    saved = json.loads(path.read_text())
    assert saved["edge_scroll"] == (not edge_before)
    assert saved["scroll_speed"] == 6
    assert saved["high_contrast"] is True
    assert load_settings().scroll_speed == 6
    assert load_settings().high_contrast is True


def test_f1_opens_and_closes_the_help(make_app):
    from game.ui.screens.main_menu import MainMenu
    app = make_app()
    app.switch(MainMenu(app))
    key(app, pygame.K_F1)
    assert app.help_window is not None and app.help_window.alive()
    key(app, pygame.K_F1)
    assert app.help_window is None


def test_the_window_resizes_and_toggles_fullscreen(game):
    app, gs = game()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1000, 700), w=1000, h=700))
    steps(app, 2)
    assert app.window.get_size() == (1000, 700)
    assert gs.hud.map_rect.right == 1000 - 310 and gs.map.camera.viewport == gs.hud.map_rect
    key(app, pygame.K_F11)
    assert app.fullscreen
    key(app, pygame.K_F11)
    assert not app.fullscreen and app.window.get_size() == (1000, 700)


def test_play_to_the_victory_screen(game):
    """Byzantium ends its last turn; the computer finishes the round; the war is over."""
    from game.ai import placeholder
    from game.ui.screens.victory import VictoryScreen

    from game.rules import engine

    def near_the_end(st):
        while not (st.turn == 12 and st.active_faction == "byzantium") and not st.over:
            engine.apply(st, placeholder.next_order(st))
    app, gs = game(prepare=near_the_end, dismiss_briefing=False, confirm_end_turn=False)
    dismiss(app, gs)
    key(app, pygame.K_RETURN)
    assert run_until(app, lambda: isinstance(app.screen, VictoryScreen), 400)
    vs = app.screen
    st = vs.session.state
    assert st.over
    assert len(vs.images) == 3                      # cities, men, treasury
    texts = [w.text for w in vs.widgets if hasattr(w, "text") and isinstance(w.text, str)]
    expected = st.factions[st.winner].name if st.winner else "undecided"
    assert any(expected in t for t in texts)
    click_element(app, vs.menu_btn)
    from game.ui.screens.main_menu import MainMenu
    assert isinstance(app.screen, MainMenu)


def test_computer_thinks_in_a_thread_and_the_window_keeps_running(game):
    app, gs = game(threaded=True, confirm_end_turn=False)
    key(app, pygame.K_RETURN)
    frames = 0

    def back_to_byzantium():
        nonlocal frames
        frames += 1
        st = gs.session.state
        return st.turn == 2 and st.active_faction == "byzantium"
    assert run_until(app, back_to_byzantium, 3000)
    assert frames > 1            # frames were drawn while the computer played
    assert any(o.faction == "sassanids" for o in gs.session.orders)


@pytest.mark.parametrize("argv, code, message", [
    (["play", "--scenario", "no_such_scenario"], 1, "no scenario"),
    (["play", "--scenario", str(TEST_SCENARIO), "--side", "martians=human"], 2, "no faction"),
    (["play", "--scenario", str(TEST_SCENARIO), "--side", "avars=human"], 2, "not playable"),
    (["play", "--scenario", str(TEST_SCENARIO), "--side", "byzantium=computer:godlike"], 2,
     "level"),
    (["play", "--size", "big"], 2, "WIDTHxHEIGHT"),
    (["play", "--load", "/nonexistent/save.json"], 1, "cannot read the save"),
])
def test_bad_play_options_are_clear_errors(argv, code, message, capsys):
    from game.cli import main
    assert main(argv) == code
    assert message in capsys.readouterr().err


def test_no_display_is_a_clear_error_not_a_traceback(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(SDL_VIDEODRIVER="x11", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    r = subprocess.run([sys.executable, "run.py", "play", "--scenario", str(TEST_SCENARIO)],
                       cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 1
    assert "cannot open" in r.stderr and "Traceback" not in r.stderr


def test_a_bug_in_the_loop_saves_the_game_and_reports_without_a_traceback(game, user_folders,
                                                                          capsys):
    from game.session.save import load_game
    app, gs = game()

    def broken(dt):
        raise RuntimeError("a bug")
    gs.update = broken
    assert app.run() == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "crash.log" in err
    data = user_folders / "data" / "last-great-war"
    assert "RuntimeError: a bug" in (data / "crash.log").read_text()
    assert load_game(data / "saves" / "crash-save.json").state.turn == 1
