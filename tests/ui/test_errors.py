"""A bug in one event handler or one frame does not end the game (issue 9).

The game logs the error in the user's data folder, shows it, and offers to
save the game in play as a new file; the player can then carry on.
"""
from __future__ import annotations

import pygame

from tests.ui.conftest import click_element, key, steps


def _break_key(gs, k):
    """Make the screen's handler fail on one key, as a bug in it would."""
    handle = gs.handle

    def broken(event):
        if event.type == pygame.KEYDOWN and event.key == k:
            raise ZeroDivisionError("a bug in a handler")
        return handle(event)
    gs.handle = broken


def _button(dialog, label):
    return next(b for b in dialog.value_of if b.text == label)


def test_a_failing_handler_is_logged_shown_and_the_game_can_be_saved(game, user_folders):
    from game.rules.state import state_hash
    from game.session.save import load_game
    app, gs = game()
    _break_key(gs, pygame.K_j)
    key(app, pygame.K_j)
    assert app.running and app.screen is gs
    log = user_folders / "data" / "last-great-war" / "crash.log"
    assert "ZeroDivisionError: a bug in a handler" in log.read_text()
    dlg = app.error_dialog
    assert dlg is not None and dlg.alive()
    assert str(log) in dlg.text.html_text
    click_element(app, _button(dlg, "Save a copy"))
    saves = list((user_folders / "data" / "last-great-war" / "saves").glob("recovered-*.json"))
    assert len(saves) == 1
    assert state_hash(load_game(saves[0]).state) == state_hash(gs.session.state)
    told = app.error_dialog
    assert told is not None and saves[0].name in told.text.html_text
    click_element(app, _button(told, "OK"))
    # the game goes on: the screen handles keys again (F5 quick-saves)
    key(app, pygame.K_F5)
    assert (user_folders / "data" / "last-great-war" / "saves" / "quicksave.json").is_file()
    assert app.running and app.screen is gs


def test_keys_wait_while_the_error_is_shown_and_quit_closes_the_game(game, user_folders):
    app, gs = game()
    _break_key(gs, pygame.K_j)
    key(app, pygame.K_j)
    key(app, pygame.K_F5)                      # answered by the error window, not the map
    assert not (user_folders / "data" / "last-great-war" / "saves" / "quicksave.json").exists()
    click_element(app, _button(app.error_dialog, "Quit"))
    assert not app.running


def test_a_frame_that_fails_once_is_survived_and_one_that_always_fails_ends_the_loop(game):
    import pytest
    app, gs = game()
    draw = gs.draw
    fails = {"left": 1}

    def flaky(surface):
        if fails["left"]:
            fails["left"] -= 1
            raise RuntimeError("a bug in drawing")
        return draw(surface)
    gs.draw = flaky
    steps(app, 3)
    assert app.running and app.error_dialog is not None and app.error_dialog.alive()
    click_element(app, _button(app.error_dialog, "Carry on"))
    assert app.error_dialog is None or not app.error_dialog.alive()

    def always(surface):
        raise RuntimeError("a bug in every frame")
    gs.draw = always
    with pytest.raises(RuntimeError):          # App.run catches this and saves the game
        steps(app, 40)
