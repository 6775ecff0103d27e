"""Shared fixtures.  Tests run headless: no window ever opens."""
import os
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.scenario.load import load_scenario  # noqa: E402

DATA = Path(__file__).parent / "data"
TEST_SCENARIO = DATA / "test_scenario.yaml"


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory, monkeypatch):
    """No test reads or writes the player's data folder (saves, their own scenarios), and
    no --scenarios folder of one test is searched by the next."""
    from game.scenario import load
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg_data")))
    monkeypatch.delenv("APPDATA", raising=False)
    monkeypatch.setattr(load, "EXTRA_DIRS", [])


@pytest.fixture(autouse=True)
def _quick_password_hashes(monkeypatch):
    """Passwords hashed with few rounds, so the suite stays quick (the game uses
    game.session.password.ROUNDS as written; tests/test_fair_hotseat.py checks the advised figure)."""
    from game.session import password
    monkeypatch.setattr(password, "ROUNDS", 1_000)


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


@pytest.fixture(scope="session")
def fog_scn(tmp_path_factory):
    """The test scenario with fog of war on (written from the same file, so they never drift)."""
    text = TEST_SCENARIO.read_text(encoding="utf-8")
    assert "\nfog: false\n" in text
    path = tmp_path_factory.mktemp("fog") / "test_fog.yaml"
    path.write_text(text.replace("\nfog: false\n", "\nfog: true\nknown_map: false\n").replace(
        "id: test_small", "id: test_fog", 1), encoding="utf-8")
    return load_scenario(path)


@pytest.fixture
def fog_state(fog_scn):
    """A fresh game of the test scenario with fog of war, Byzantium to play."""
    from game.rules.engine import new_game
    st, _ = new_game(fog_scn, seed=7)
    return st


@pytest.fixture(scope="module")
def fscn():
    """The fog test scenario of tests/data (its own small map with fog of war)."""
    return load_scenario(DATA / "fog_scenario.yaml")


@pytest.fixture
def fst(fscn):
    """A fresh game of the fog test scenario, Byzantium to play."""
    from game.rules.engine import new_game
    st, _ = new_game(fscn, seed=1)
    return st
