"""Shared fixtures.  Tests run headless: no window ever opens."""
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.scenario.load import load_scenario  # noqa: E402

DATA = Path(__file__).parent / "data"
TEST_SCENARIO = DATA / "test_scenario.yaml"


@pytest.fixture(scope="session")
def scn():
    """The small test scenario (static, shared: tests must not change it)."""
    return load_scenario(TEST_SCENARIO)


@pytest.fixture
def state(scn):
    """A fresh game of the test scenario, Byzantium to play."""
    from game.rules.engine import new_game
    st, _ = new_game(scn, seed=7)
    return st
