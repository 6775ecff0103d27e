"""play --author: F6 reloads the scenario file and replays the orders; F7 lists the events."""
import shutil

import pygame

from game.rules.state import state_hash
from tests.conftest import TEST_SCENARIO
from tests.helpers import cell
from tests.ui.conftest import click, hex_pos, key, steps


def test_without_author_the_keys_do_nothing(game):
    app, gs = game()
    key(app, pygame.K_F7)
    key(app, pygame.K_F6)
    assert not gs.events_panel and app.screen is gs


def test_the_events_panel_lists_each_event_and_what_stops_it(game):
    app, gs = game()
    app.author = True
    key(app, pygame.K_F7)
    assert gs.events_panel
    lines = gs.event_lines()
    assert lines[0].startswith("Events")
    jer = next(line for line in lines if line.startswith("evt_test_jerusalem: "))
    assert "waits on owns {faction: sassanids, city: jerusalem} (line " in jer
    steps(app, 2)          # drawn without error
    key(app, pygame.K_F7)
    assert not gs.events_panel


def test_f6_replays_the_orders_on_the_file_as_it_is_now(game, tmp_path, monkeypatch):
    app, gs = game()
    app.author = True
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(4, 3)))
    assert gs.session.orders
    h = state_hash(gs.session.state)
    key(app, pygame.K_F6)
    steps(app, 3)
    new = app.screen
    assert new is not gs and state_hash(new.session.state) == h
    assert new.session.orders == gs.session.orders
    assert new.toast_text.startswith("Reloaded")


def test_f6_on_a_broken_file_keeps_the_game(game, tmp_path):
    f = tmp_path / "copy.yaml"
    shutil.copy(TEST_SCENARIO, f)
    app, gs = game()
    app.author = True
    gs.session.state.scenario.file = str(f)
    f.write_text(f.read_text().replace("men: ", "men: lots", 1))
    key(app, pygame.K_F6)
    steps(app, 2)
    assert app.screen is gs and gs.toast_bad
    assert gs.toast_text.startswith("The scenario does not load: ")
