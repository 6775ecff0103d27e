"""Ending a turn with Enter: once per press, never through a dialog, and with a question
when armies could still march (unless the settings turn it off).  Real key events."""
from __future__ import annotations

import pygame

from game.rules import movement as M
from tests.ui.conftest import click_element, key, run_until, steps


def enter_down(app):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0,
                                         unicode="\r", scancode=0))
    steps(app, 2)


def enter_up(app):
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0,
                                         unicode="\r", scancode=0))
    steps(app, 2)


def ended(gs) -> bool:
    return any(o.kind == "end_turn" and o.faction == "byzantium" for o in gs.session.orders)


def test_enter_with_armies_left_asks_and_confirming_ends_the_turn(game):
    app, gs = game()
    assert M.armies_left_to_move(gs.state, "byzantium")
    key(app, pygame.K_RETURN)
    assert not ended(gs)
    dlg = gs.dialogs[-1]
    assert dlg.window_display_title == "End the turn?"
    assert "could still march" in dlg.text.html_text and "Priscus" in dlg.text.html_text
    yes = next(b for b, v in dlg.value_of.items() if v is True)
    click_element(app, yes)
    assert ended(gs)


def test_keep_playing_and_esc_leave_the_turn_open(game):
    app, gs = game()
    key(app, pygame.K_RETURN)
    no = next(b for b, v in gs.dialogs[-1].value_of.items() if v is False)
    click_element(app, no)
    assert not gs.modal() and not ended(gs)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    assert not gs.modal() and not ended(gs)
    key(app, pygame.K_RETURN)            # a second, separate press answers yes
    key(app, pygame.K_RETURN)
    assert ended(gs)


def test_a_held_enter_opens_the_question_but_does_not_answer_it(game):
    app, gs = game()
    enter_down(app)
    enter_down(app)                      # the key repeating while held
    enter_down(app)
    assert gs.modal() and not ended(gs)
    enter_up(app)
    assert gs.modal() and not ended(gs)


def test_with_the_question_off_enter_ends_the_turn_at_once(game):
    app, gs = game(confirm_end_turn=False)
    key(app, pygame.K_RETURN)
    assert ended(gs)


def test_the_question_can_be_turned_off_in_the_settings(game):
    from game.ui.settings import load_settings
    app, gs = game()
    key(app, pygame.K_ESCAPE)
    menu = gs.dialogs[-1]
    click_element(app, next(b for b, v in menu.value_of.items() if v == "settings"))
    win = gs.dialogs[-1]
    assert "on" in win.confirm.text
    click_element(app, win.confirm)
    assert app.settings.confirm_end_turn is False and "off" in win.confirm.text
    click_element(app, win.ok)
    assert load_settings().confirm_end_turn is False
    key(app, pygame.K_RETURN)
    assert ended(gs)


def quiet_second_turn(st):
    """No scripted event at the second turn: its summary is the only window."""
    st.fired.update({"evt_test_avars": 1, "evt_test_tribute": 1})


def test_enter_closing_the_turn_summary_does_not_end_the_turn(game):
    app, gs = game(confirm_end_turn=False, prepare=quiet_second_turn)
    key(app, pygame.K_RETURN)
    assert ended(gs)
    # the computer plays; Byzantium's second turn opens with its summary
    assert run_until(app, lambda: gs.state.turn == 2 and gs.dialogs)
    n = len(gs.session.orders)
    assert gs.human_to_play() == "byzantium"
    assert [d.window_display_title for d in gs.dialogs] == ["Byzantium: Summer 603"]
    enter_down(app)                      # closes the summary ...
    enter_down(app)                      # ... and the key, still held, repeats
    enter_down(app)
    enter_up(app)
    steps(app, 5)
    assert gs.state.turn == 2 and gs.state.active_faction == "byzantium"
    assert [o.kind for o in gs.session.orders[n:]] == []
    assert not gs.modal()                # the summary is gone, and the turn still open
    key(app, pygame.K_RETURN)            # a new press ends it
    assert [o.kind for o in gs.session.orders[n:]] == ["end_turn"]


def test_enter_does_not_end_the_turn_while_a_dialog_is_open(game):
    app, gs = game(confirm_end_turn=False)
    key(app, pygame.K_ESCAPE)            # the menu
    assert gs.modal()
    key(app, pygame.K_RETURN)            # Enter answers the menu's first button, nothing more
    assert not ended(gs)


def test_after_the_handover_the_first_press_of_enter_counts(make_app, fog_scn):
    """Enter ended Byzantium's turn and was let go over the gate: Persia's first press works."""
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.handover import HandoverScreen
    app = make_app(confirm_end_turn=False)
    gs = GameScreen.new(app, fog_scn, 7, {"byzantium": "human", "sassanids": "human",
                                          "avars": "computer:normal"})
    app.switch(gs)
    for side in ("byzantium", "sassanids"):
        assert run_until(app, lambda: isinstance(app.screen, HandoverScreen)
                         and app.screen.ready and app.screen.armed)
        click_element(app, app.screen.begin_btn)
        assert app.screen is gs and gs.owner == side
        for _ in range(20):                # the briefing and any news
            steps(app, 2)
            if gs.dialogs and not gs.dialogs[-1].must_answer:
                click_element(app, next(iter(gs.dialogs[-1].value_of)))
            elif not gs.queue and gs.playback is None and not gs.modal():
                break
        n = len(gs.session.orders)
        if side == "byzantium":
            enter_down(app)                # the turn ends; the key comes up over the gate
            assert gs.session.orders[n:][-1].kind == "end_turn"
            assert isinstance(app.screen, HandoverScreen) or run_until(
                app, lambda: isinstance(app.screen, HandoverScreen), 20)
            enter_up(app)
        else:
            key(app, pygame.K_RETURN)
            assert [o.kind for o in gs.session.orders[n:]] == ["end_turn"]


def test_enter_as_the_computer_finishes_does_not_skip_the_next_turn(game):
    """Enter pressed in the frame the computer's turn ends, before the player's turn has
    begun (summary, news, autosave), is not taken as ending that turn."""
    app, gs = game(confirm_end_turn=False, prepare=quiet_second_turn)
    key(app, pygame.K_RETURN)
    assert run_until(app, lambda: (gs.state.turn, gs.state.active_faction) == (2, "byzantium"))
    n = len(gs.session.orders)
    key(app, pygame.K_RETURN)             # impatient: pressed as the turn comes round
    steps(app, 5)
    assert len(gs.session.orders) == n and gs.state.turn == 2
    assert gs.dialogs and gs.dialogs[-1].window_display_title == "Byzantium: Summer 603"
