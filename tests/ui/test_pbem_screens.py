"""Play by e-mail in the window: the menu lists the game, plays the turn, writes the file."""
from __future__ import annotations

import pytest

pytest.importorskip("nacl")

from tests.ui.conftest import click_element, dismiss, run_until, steps  # noqa: E402


def test_a_turn_played_in_the_window_is_sent_and_opened_by_the_other(make_app, tmp_path):
    from game.pbem import chain, store
    from game.scenario.load import find_scenario, load_scenario
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.main_menu import MainMenu
    from game.ui.screens.pbem import PbemMenu
    alice, bob, shared = store.pbem_dir(None), tmp_path / "bob", tmp_path / "shared"
    shared.mkdir()
    scn = load_scenario(find_scenario("road_to_ctesiphon"))
    rec, invite = chain.new_game(alice, scn, 4, {"byzantium": "alice", "sassanids": "bob"},
                                 {"turks": "normal"}, "alice", shared)
    join = chain.open_file(bob, invite).written[0]
    app = make_app()
    app.switch(MainMenu(app))
    steps(app, 2)
    click_element(app, app.screen.buttons["pbem"])
    menu = app.screen
    assert isinstance(menu, PbemMenu)
    menu.entry.set_text(str(join))           # alice opens bob's join from the menu
    click_element(app, menu.open_btn)
    assert any("bob joined" in x for x in menu.lines)
    (button,) = menu.play_buttons
    click_element(app, button)
    gs = app.screen
    assert isinstance(gs, GameScreen) and gs.pbem is not None
    dismiss(app, gs)
    assert not gs.session.can_undo()
    gs.quick_save()                           # no saves in a game by e-mail
    assert not list((tmp_path / "data").rglob("*.json"))
    from game.ui.screens.modes.orders import end_turn
    end_turn(gs, confirmed=True)
    assert run_until(app, lambda: isinstance(app.screen, PbemMenu))
    (sent,) = shared.glob("*-0002-alice.lgwturn")
    assert any("Turn sent" in x for x in app.screen.lines)
    opened = chain.open_file(bob, sent)
    assert opened.record["state_hash"] == store.load_record(
        alice, store.identity(alice, "alice"), rec["game"])["state_hash"]
