"""Saves written by earlier versions of the game load and play on as they did then.

tests/data/saves/ keeps saves written by the game on main at a given date (the
small test scenario, the computer on every side, saved at turn 4).  Each
loads with every check, matches the replay of its orders, and played on by
the computer to turn 7 reaches the state hash that the game of that date
reached: a change of the save format must read them through a version step.
The hashes are those of the format the save was written in (`save.saved_hash`):
the format of 3 December 2026 (version 1) also hashed the static fields.
"""
from __future__ import annotations

import shutil

import pytest

import game.ai
from game.session import save
from game.session.game import replay
from game.rules.state import state_hash
from tests.conftest import TEST_SCENARIO

SAVES = TEST_SCENARIO.parent / "saves"

# save file -> (format version, its state hash, the hash at turn 7 played on by that day's game)
PLAYED_ON = {
    "main_2026-12-03.json": (1, "b560355ac5fe86e6", "09519e962bd45d1d"),
}


@pytest.mark.parametrize("name", sorted(PLAYED_ON))
def test_an_old_save_loads_and_plays_on_as_it_did(name, scn, tmp_path):
    version, saved, later = PLAYED_ON[name]
    shutil.copy(SAVES / name, tmp_path / name)
    loaded = save.load_game(tmp_path / name, lambda meta: scn)
    assert loaded.sealed and save.saved_hash(loaded.state, version) == saved
    again = replay(scn, loaded.state.seed, loaded.orders)
    assert state_hash(again) == state_hash(loaded.state)
    state = loaded.state
    while state.turn < 7 and not state.over:
        game.ai.play_turn(state)
    assert save.saved_hash(state, version) == later


def test_every_kept_save_is_checked():
    assert {p.name for p in SAVES.glob("*.json")} == set(PLAYED_ON)
