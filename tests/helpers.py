"""Small helpers for building positions in tests."""
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
