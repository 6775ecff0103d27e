"""The golden records: each shipped scenario, seed 1, the computer on every side, plays as recorded.

A failure names the scenario and the first round whose state hash differs.
When a change is meant to shift games, rewrite the records with
`python -m tests.golden --write` and commit them with the change.
"""
import pytest

from tests import golden

SHIPPED = golden.shipped()


def test_every_shipped_scenario_has_a_record():
    assert SHIPPED, "no shipped scenarios found"
    missing = [sid for sid in SHIPPED if not golden.record_path(sid).is_file()]
    assert not missing, (f"no golden record for {', '.join(missing)}; "
                         f"write them with `{golden.WRITE_COMMAND}`")
    stale = sorted(p.stem for p in golden.GOLDEN_DIR.glob("*.txt") if p.stem not in SHIPPED)
    assert not stale, f"golden records of scenarios no longer shipped: {', '.join(stale)}"


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", list(SHIPPED))
def test_the_game_plays_as_recorded(scenario_id):
    path = SHIPPED[scenario_id]
    problem = golden.difference(scenario_id, path, golden.read_record(scenario_id),
                                golden.replay(path))
    if problem:
        pytest.fail(problem, pytrace=False)


def test_the_first_differing_round_is_named():
    path = SHIPPED["road_to_ctesiphon"]
    played = ["start 627-06 aaaa", "round 1 627-06 bbbb", "round 2 627-07 cccc",
              "end byzantium minor after 2 rounds"]
    recorded = golden.header("road_to_ctesiphon", path) + played
    assert golden.difference("road_to_ctesiphon", path, recorded, played) is None
    changed = played[:2] + ["round 2 627-07 dddd", played[3]]
    msg = golden.difference("road_to_ctesiphon", path, recorded, changed)
    assert "road_to_ctesiphon" in msg and "round 2 (627-07)" in msg
    assert golden.WRITE_COMMAND in msg
    assert "scenario file changed" not in msg
    longer = played[:3] + ["round 3 627-08 eeee", "end byzantium minor after 3 rounds"]
    assert "round 3 (627-08)" in golden.difference("road_to_ctesiphon", path, recorded, longer)
    shorter = played[:2] + ["end sassanids minor after 1 rounds"]
    assert "round 2 (627-07)" in golden.difference("road_to_ctesiphon", path, recorded, shorter)
    other_end = played[:3] + ["end sassanids minor after 2 rounds"]
    assert "at the end of the game" in golden.difference("road_to_ctesiphon", path, recorded,
                                                         other_end)
