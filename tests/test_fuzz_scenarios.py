"""Damaged copies of every valid scenario and map load cleanly or fail cleanly.

Hypothesis mutates each scenario (the test scenario and every one under
scenarios/) through tests/mutate.py: keys deleted, values of the wrong type or
far out of range, ids swapped for unknown ones, items repeated or reordered,
junk keys, deep nesting, the text cut short or sprinkled with characters.
`load_scenario` must then either succeed, giving a game that starts with
every invariant holding and plays a round, or raise InputError whose every
problem is located (file, line >= 1, column >= 1, a message).  Never another
exception, and never a hang (hypothesis' deadline).

Map files (scenarios/maps/*.yaml, and the test scenario's inline map
written out as one) get the same treatment through `load_map`.

Examples per file: LGW_FUZZ_EXAMPLES, or by default many for the small test
scenario and a few for each shipped scenario, so the module stays quick.
"""
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import game.ai
from game.scenario.mapfile import load_map
from game.rules.engine import new_game
from game.rules.invariants import check_invariants
from game.scenario import load
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import InputError
from tests.helpers import all_scenario_files
from tests.conftest import TEST_SCENARIO
from tests.mutate import HypothesisPick, dump, load as load_yaml, mutated

pytestmark = pytest.mark.slow   # fuzzing: left out of the quick set (`-m "not slow"`)

FILES = all_scenario_files()
SHIPPED = [f for f in FILES if f != TEST_SCENARIO]
MAPS = sorted((load.SCENARIO_DIR / "maps").glob("*.yaml")) + ["inline"]
# The small test scenario is cheap, so it takes most of the examples of a normal run;
# each shipped scenario (a big map, long event lists) gets a few.  LGW_FUZZ_EXAMPLES
# sets the number for every file.
ENV_EXAMPLES = int(os.environ.get("LGW_FUZZ_EXAMPLES", "0"))
EXAMPLES = ENV_EXAMPLES or 150
SHIPPED_EXAMPLES = ENV_EXAMPLES or 5
MAP_EXAMPLES = ENV_EXAMPLES or 12
# Generous: the point is that nothing hangs, not how fast a load is.
DEADLINE = timedelta(seconds=float(os.environ.get("LGW_FUZZ_DEADLINE", "20")))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder where a mutated scenario finds what it names (maps/...) as the original would."""
    d = tmp_path_factory.mktemp("fuzz")
    if load.SCENARIO_DIR.is_dir():
        for sub in load.SCENARIO_DIR.iterdir():
            if sub.is_dir():
                try:
                    (d / sub.name).symlink_to(sub, target_is_directory=True)
                except OSError:
                    shutil.copytree(sub, d / sub.name)
    return d


@pytest.fixture(scope="module")
def originals():
    """Each scenario's text, loaded once first so its map is cached before timing starts."""
    texts = {}
    for f in FILES:
        load_scenario(f)
        texts[f] = f.read_text(encoding="utf-8")
    return texts


def well_formed(problems, path: Path, text: str) -> None:
    assert problems, "an InputError must carry its problems"
    lines = len(text.splitlines()) + 1       # YAML also breaks lines at \r, U+2028...
    for p in problems:
        assert isinstance(p.path, str) and p.path
        assert isinstance(p.line, int) and p.line >= 1
        assert isinstance(p.column, int) and p.column >= 1
        assert isinstance(p.key, str) and "\n" not in p.key
        assert isinstance(p.message, str) and p.message.strip() and "\n" not in p.message
        assert "Traceback" not in p.message
        # the scenario file itself (a language file, lang/el/<same name>, has its own lines)
        if Path(p.path).resolve() == path.resolve():
            assert p.line <= lines, f"line {p.line} of a {lines}-line file"


def damaged_scenario_loads_or_fails_cleanly(original, workdir, originals, data):
    pick = HypothesisPick(data)
    text = mutated(originals[original], pick, data.draw(st.sampled_from([1, 1, 2, 3])))
    f = workdir / original.name
    f.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        scn = load_scenario(f)
    except InputError as exc:
        event("refused")
        well_formed(exc.problems, f, text)
        return
    event("loaded")
    state, _ = new_game(scn, data.draw(st.integers(0, 2**32)))
    assert check_invariants(state) == []
    round_ = state.turn
    while not state.over and state.turn == round_:
        game.ai.play_turn(state)
        assert check_invariants(state) == []


FUZZ = dict(deadline=DEADLINE, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=EXAMPLES, **FUZZ)
@given(data=st.data())
def test_a_damaged_test_scenario_loads_or_fails_cleanly(workdir, originals, data):
    damaged_scenario_loads_or_fails_cleanly(TEST_SCENARIO, workdir, originals, data)


@pytest.mark.parametrize("original", SHIPPED, ids=lambda p: p.stem)
@settings(max_examples=SHIPPED_EXAMPLES, **FUZZ)
@given(data=st.data())
def test_a_damaged_shipped_scenario_loads_or_fails_cleanly(original, workdir, originals, data):
    damaged_scenario_loads_or_fails_cleanly(original, workdir, originals, data)


@pytest.fixture(scope="module")
def map_texts():
    texts = {m: m.read_text(encoding="utf-8") for m in MAPS if m != "inline"}
    texts["inline"] = dump(load_yaml(TEST_SCENARIO.read_text())["map"])
    return texts


@pytest.mark.parametrize("original", MAPS, ids=lambda p: getattr(p, "stem", p))
@settings(max_examples=MAP_EXAMPLES, **FUZZ)
@given(data=st.data())
def test_a_damaged_map_loads_or_fails_cleanly(original, workdir, map_texts, data):
    pick = HypothesisPick(data)
    text = mutated(map_texts[original], pick, data.draw(st.sampled_from([1, 1, 2, 3])))
    f = workdir / "fuzzed_map.yaml"
    f.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        hm = load_map(str(f))
    except InputError as exc:
        event("refused")
        well_formed(exc.problems, f, text)
        return
    event("loaded")
    assert hm.terrain.shape == (hm.height, hm.width)
    assert all(hm.contains(p.hex) for p in hm.places.values())
