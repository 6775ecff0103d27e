"""Leaving a game asks to save what is unsaved; autosaves rotate per game.  Real events."""
from __future__ import annotations

import pygame

from game.rules.state import state_hash
from game.session.autosaves import autosaves_of
from tests.helpers import cell
from tests.ui import drive
from tests.ui.conftest import click, click_element, hex_pos, steps


def saves(user_folders):
    return user_folders / "data" / "last-great-war" / "saves"


def march(app, gs):
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(4, 3)))
    assert gs.session.orders[-1].kind == "move"


def menu_choice(app, gs, value):
    click_element(app, gs.hud.menu_btn)
    menu = gs.dialogs[-1]
    click_element(app, next(b for b, v in menu.value_of.items() if v == value))


def answer(app, gs, value):
    dlg = gs.dialogs[-1]
    assert dlg.window_display_title == "Save the game?"
    click_element(app, next(b for b, v in dlg.value_of.items() if v == value))


def test_quit_with_orders_unsaved_asks_and_cancel_stays(game):
    app, gs = game()
    march(app, gs)
    menu_choice(app, gs, "quit")
    assert app.running
    answer(app, gs, None)                         # Cancel
    assert app.running and not gs.modal()
    menu_choice(app, gs, "quit")
    answer(app, gs, "discard")                    # Don't save
    assert not app.running


def test_quit_and_save_writes_a_save_that_loads_back(game, user_folders):
    from game.session.game import Session
    app, gs = game()
    march(app, gs)
    h = state_hash(gs.state)
    menu_choice(app, gs, "quit")
    answer(app, gs, "save")
    assert not app.running
    path = saves(user_folders) / "test_small_spring_603.json"
    assert state_hash(Session.load(path, lambda m: gs.scn).state) == h


def test_leaving_for_the_menu_never_writes_over_another_save(game, user_folders):
    from game.ui.screens.main_menu import MainMenu
    app, gs = game()
    taken = saves(user_folders) / "test_small_spring_603.json"
    taken.write_text("another game's save")
    march(app, gs)
    menu_choice(app, gs, "menu")
    answer(app, gs, "save")
    steps(app, 2)
    assert isinstance(app.screen, MainMenu)
    assert taken.read_text() == "another game's save"
    assert (saves(user_folders) / "test_small_spring_603_2.json").is_file()


def test_the_windows_close_button_asks_and_a_second_close_quits(game):
    app, gs = game()
    march(app, gs)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    steps(app, 2)
    assert app.running and gs.dialogs[-1].window_display_title == "Save the game?"
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    steps(app, 2)
    assert not app.running


def test_nothing_unsaved_quits_at_once(game):
    app, gs = game()                              # autosaved as the turn began
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    steps(app, 2)
    assert not app.running


def test_autosaves_keep_the_last_three_turns_and_a_new_game_keeps_its_own(game, user_folders):
    app, gs = game(confirm_end_turn=False)
    drive.play(app, gs, 4)                        # five turns begun: five autosaves written
    first = gs.session.game_id
    mine = autosaves_of(saves(user_folders), first)
    assert [p.name[-12:] for p in mine] == ["t0003_0.json", "t0004_0.json", "t0005_0.json"]
    kept = {p: p.read_bytes() for p in mine}
    app2, gs2 = game(confirm_end_turn=False)      # a new game, same folder
    drive.play(app2, gs2, 1)
    assert gs2.session.game_id != first
    assert {p: p.read_bytes() for p in autosaves_of(saves(user_folders), first)} == kept
    assert len(autosaves_of(saves(user_folders), gs2.session.game_id)) == 2
