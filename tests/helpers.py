"""Small helpers for building positions in tests."""
import dataclasses

from game.hexgrid import hex_from_offset
from game.rules.state import clone, state_hash


def cell(col: int, row: int):
    """A hex from offset coordinates, as map files write them."""
    return hex_from_offset(col, row)


def unchanged_after(state, fn):
    """Run fn(state); return True if the state's hash did not change."""
    before = state_hash(state)
    fn(state)
    return state_hash(state) == before


def clear_armies(state, keep=()):
    for aid in [a for a in state.armies if a not in keep]:
        del state.armies[aid]


def penniless(state, faction: str) -> None:
    """The faction with no money and no income at all (no city of the scenario yields any),
    so that it cannot pay its troops at the end of the round."""
    f = state.factions[faction]
    f.treasury = 0
    f.income = 0
    for c in state.cities.values():
        c.spec = dataclasses.replace(c.spec, income=0)      # a scenario without city income


def copy(state):
    return clone(state)


def all_scenario_files():
    """Every scenario the game ships (scenarios/*.yaml) and the small test scenario.

    Tests that must hold for every scenario take their list from here, so a
    scenario added under scenarios/ is covered without touching the tests.
    """
    from game.scenario.load import scenario_files
    from tests.conftest import TEST_SCENARIO
    return [*scenario_files(), TEST_SCENARIO]


def scenario_with_rules(folder, overrides: dict):
    """The test scenario with rule overrides added to (or replacing) its own; returns the file."""
    import re

    import yaml
    from tests.conftest import TEST_SCENARIO
    text = TEST_SCENARIO.read_text()
    found = re.search(r"^rules: (\{.*\})$", text, re.M)
    rules = {**(yaml.safe_load(found.group(1)) if found else {}), **overrides}
    line = "rules: {" + ", ".join(f"{k}: {v}" for k, v in rules.items()) + "}"
    text = (text[:found.start()] + line + text[found.end():] if found
            else text.replace("\nmap:\n", f"\n{line}\nmap:\n", 1))
    f = folder / "with_rules.yaml"
    f.write_text(text)
    return f


def saved_game(scn, folder, seed: int, turns: int, label: str = ""):
    """A game of the computer against itself played to `turns` and saved as slot.json in
    `folder`, beside a copy of its scenario: (the session, the save's path)."""
    import game.ai
    from game.session import save
    from game.session.game import Session
    from tests.conftest import TEST_SCENARIO
    (folder / TEST_SCENARIO.name).write_bytes(TEST_SCENARIO.read_bytes())
    session, _ = Session.new(scn, seed=seed)
    while session.state.turn < turns and not session.state.over:
        session.do(game.ai.next_order(session.state))
    path = folder / "slot.json"
    save.save_game(path, session.state, session.orders, {"byzantium": "human"}, label)
    return session, path
