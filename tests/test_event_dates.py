"""An event is dated by the turn in which it fired, everywhere it is reported.

The last side's end-of-turn check runs just before the round ends; what fires
there belongs to that turn, not to the round after it.
"""
import json

import pytest

from game import cli, simulate
from game.rules import engine
from game.rules.orders import EndTurn
from game.rules.report import Event
from game.rules.turns import new_game
from game.scenario.load import load_scenario
from tests.conftest import TEST_SCENARIO

LAST_CHECK = """
  - id: evt_spring_muster
    title: The spring muster
    text: Counted at the very end of the spring.
    check: end
    on_turn_of: sassanids
    when: {date: {start: 603-03, end: 603-05}}
"""


def scenario(tmp_path):
    text = TEST_SCENARIO.read_text(encoding="utf-8").replace("\nevents:\n", "\nevents:" + LAST_CHECK, 1)
    f = tmp_path / "dated.yaml"
    f.write_text(text, encoding="utf-8")
    return f


def end_round(state):
    events = []
    for _ in range(len(state.order)):
        if state.turn > 1:
            break
        events += engine.apply(state, EndTurn(state.active_faction))
    return events


def test_an_event_at_the_last_sides_end_check_carries_the_turn_it_fired_in(tmp_path):
    scn = load_scenario(scenario(tmp_path))
    state, _ = new_game(scn, 1)
    events = end_round(state)
    fired = [e for e in events if e.kind == "fired" and e.data.event == "evt_spring_muster"]
    assert len(fired) == 1 and state.turn == 2 and state.month == 6    # the round moved on
    assert fired[0].when == (1, 603, 3)
    assert [(x.year, x.month) for x in state.log if x.event == "evt_spring_muster"] == [(603, 3)]
    assert Event.from_dict(fired[0].to_dict()).when == (1, 603, 3)


def test_simulate_dates_it_in_its_own_turn(tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    assert cli.main(["simulate", str(scenario(tmp_path)), "--turns", "2", "--jobs", "1",
                     "--jsonl", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "603 spring evt_spring_muster" in printed.lower()
    rec = next(json.loads(line) for line in out.read_text().splitlines()
               if '"evt_spring_muster"' in line)
    assert (rec["turn"], rec["year"], rec["month"], rec["season"]) == (1, 603, 3, "spring")


def test_every_event_of_an_order_is_dated(tmp_path):
    scn = load_scenario(TEST_SCENARIO)
    state, events = new_game(scn, 1)
    assert events and all(e.when == (1, 603, 3) for e in events)
    later = end_round(state)
    assert all(e.when is not None for e in later)
    assert {e.when for e in later if e.kind == "turn_began"} >= {(2, 603, 6)}


def test_a_damaged_date_in_a_saved_event_is_refused():
    d = Event("message", "x").to_dict() | {"when": [1, 603, 13]}
    with pytest.raises(ValueError, match="damaged date"):
        Event.from_dict(d)
