"""The war's record survives saving and loading, in a new process each time."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame

from tests.conftest import TEST_SCENARIO
from tests.ui import drive
from tests.ui.conftest import key

ROOT = Path(__file__).resolve().parents[2]


def run_drive(args, user_folders):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               XDG_CONFIG_HOME=str(user_folders / "config2"),
               XDG_DATA_HOME=str(user_folders / "data2"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tests.ui.drive", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def test_the_record_is_whole_after_two_loads_in_new_processes(game, user_folders):
    app, gs = game(confirm_end_turn=False)
    drive.play(app, gs, 2)                       # two turns ended; the third begins
    key(app, pygame.K_F5)
    first = user_folders / "first.json"
    shutil.copyfile(user_folders / "data" / "last-great-war" / "saves" / "quicksave.json", first)
    at_save = {k: list(v) for k, v in gs.session.logs.items()}
    assert any("Battle" in x or "moves" in x or "takes" in x for x in at_save[None]), \
        "the record holds more than scripted events before the save"
    unbroken = drive.record(drive.play(app, gs))  # the same game, never saved and loaded

    shutil.copyfile(TEST_SCENARIO, user_folders / TEST_SCENARIO.name)   # found beside the save
    second = user_folders / "second.json"
    run_drive([first, user_folders / "out1.json", 1, second], user_folders)
    run_drive([second, user_folders / "out2.json"], user_folders)
    loaded = json.loads((user_folders / "out2.json").read_text())

    assert loaded["hash"] == unbroken["hash"]
    assert loaded["record"] == unbroken["record"]
    assert loaded["record"][:len(at_save[None])] == at_save[None]
    assert loaded["logs"]["byzantium"] == unbroken["logs"]["byzantium"]
    assert len(loaded["record"]) > len(at_save[None]) > 2
