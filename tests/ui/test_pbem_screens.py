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
    kept = store.load_record(alice, store.identity(alice, "alice"), rec["game"])
    assert set(kept["logs"]) == {"byzantium"}            # only her own side's log is kept
    opened = chain.open_file(bob, sent)
    assert opened.record["state_hash"] == store.load_record(
        alice, store.identity(alice, "alice"), rec["game"])["state_hash"]


@pytest.mark.slow
def test_a_whole_war_from_the_menu_ends_as_the_same_orders_in_one_process(make_app, tmp_path):
    """Both players use the window: the menu's watch opens the other's file, "Play your
    turn" opens the game, the orders (the computer's, given through the screen) are given,
    and the turn file goes to the shared folder."""
    import game.ai as ai
    from game.pbem import chain, store
    from game.rules import engine
    from game.rules.orders import order_from_dict
    from game.rules.state import clone, state_hash
    from game.scenario.load import find_scenario, load_scenario
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.pbem import PbemMenu
    alice, bob, shared = tmp_path / "alice", tmp_path / "bob", tmp_path / "shared"
    shared.mkdir()
    scn = load_scenario(find_scenario("road_to_ctesiphon"))
    rec, invite = chain.new_game(alice, scn, 6, {"byzantium": "alice", "sassanids": "bob"},
                                 {"turks": "normal"}, "alice", shared)
    chain.open_file(bob, invite)
    app = make_app()
    turns = 0
    for _ in range(40):
        for folder in (alice, bob):
            menu = PbemMenu(app, folder)
            app.switch(menu)
            steps(app, 2)
            if not menu.watching:         # the watch stays on while the window is open
                click_element(app, menu.watch_btn)
            steps(app, 3)
            if not menu.play_buttons:
                continue
            click_element(app, next(iter(menu.play_buttons)))
            gs = app.screen
            assert isinstance(gs, GameScreen)
            dismiss(app, gs)
            mine = gs.pbem.record["players"]
            while not gs.state.over and mine.get(gs.state.active_faction) == gs.pbem.record["me"]:
                for o in ai.plan_turn(clone(gs.state), "normal"):
                    assert gs.do(o), o
            for _k in range(300):        # the turn's news and events, then the file goes
                if gs.pbem_sent is not None:
                    break
                dismiss(app, gs)
                steps(app)
            assert gs.pbem_sent is not None, (gs.mode(), gs.dialogs, gs.queue)
            turns += 1
        if all(chain.status(store.load_record(f, store.identity(f, n), rec["game"]))
               == "the war is over" for f, n in ((alice, "alice"), (bob, "bob"))):
            break
    ra = store.load_record(alice, store.identity(alice, "alice"), rec["game"])
    rb = store.load_record(bob, store.identity(bob, "bob"), rec["game"])
    assert turns >= 10
    assert ra["state"]["over"] and ra["state_hash"] == rb["state_hash"]
    state, _ = engine.new_game(scn, 6)
    for o in ra["orders"]:
        engine.apply(state, order_from_dict(o))
    assert state_hash(state) == ra["state_hash"]


def test_the_menu_says_the_games_and_the_refusals_in_greek(make_app, tmp_path):
    from game import i18n
    from game.pbem import chain, store
    from game.scenario.load import find_scenario, load_scenario
    from game.ui.screens.pbem import PbemMenu
    alice, shared = store.pbem_dir(None), tmp_path / "shared"
    shared.mkdir()
    scn = load_scenario(find_scenario("road_to_ctesiphon"))
    rec, _invite = chain.new_game(alice, scn, 4, {"byzantium": "alice", "sassanids": "bob"},
                                  {"turks": "normal"}, "alice", shared)
    assert chain.status(store.load_record(alice, store.identity(alice, "alice"), rec["game"])
                        ) == "waiting for bob to join"              # the command line's
    bad = tmp_path / "damaged.lgwturn"
    bad.write_text("not a turn file")
    try:
        app = make_app(language="el")
        menu = PbemMenu(app)
        app.switch(menu)
        steps(app, 2)
        rows = [el.text for el in app.manager.get_sprite_group().sprites()
                if type(el).__name__ == "UILabel" and rec["game"] in el.text]
        assert rows == [f"{rec['game']}  (road_to_ctesiphon, alice): "
                        "αναμονή να μπει ο παίκτης bob"]
        menu.entry.set_text(str(bad))
        click_element(app, menu.open_btn)
        assert menu.lines[-1] == (f"Απορρίφθηκε: {bad}: το αρχείο γύρου είναι χαλασμένο "
                                  "(δεν είναι το JSON που θα έπρεπε)")
    finally:
        i18n.set_language("en")
