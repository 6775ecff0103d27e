"""`simulate --trace` and `--watch`: seeing inside simulated games without changing them."""
import json
import re

from game import cli, simulate
from game.rules.state import state_hash
from game.scenario.load import load_scenario
from tests.conftest import TEST_SCENARIO


def test_a_traced_game_plays_exactly_as_an_untraced_one():
    scn = load_scenario(TEST_SCENARIO)
    plain = simulate.play(scn, 4, 6)
    traced = simulate.play(scn, 4, 6, watch=("evt_test_jerusalem", "evt_test_avars"))
    assert state_hash(plain.state) == state_hash(traced.state)
    assert [r["id"] for r in plain.fired] == [r["id"] for r in traced.fired]
    assert plain.trace == [] and traced.trace


def test_each_sides_turn_shows_its_armies_money_and_aims():
    scn = load_scenario(TEST_SCENARIO)
    result = simulate.play(scn, 2, 3, watch=())
    turns = [r for r in result.trace if r["type"] == "turn"]
    assert {(r["turn"], r["faction"]) for r in turns} >= {(1, "byzantium"), (1, "sassanids"),
                                                           (2, "byzantium")}
    first = next(r for r in turns if r["faction"] == "byzantium")
    assert {"treasury", "income", "upkeep", "choices"} <= set(first)
    ids = {a["id"] for a in first["armies"]}
    assert ids >= {"byz_field", "byz_guard"}
    army = next(a for a in first["armies"] if a["id"] == "byz_field")
    col, row = map(int, army["at"].split(","))
    assert army["men"] > 0 and 0 <= army["supply"] <= 100 and army["commander"] == "priscus"
    assert any(a["aim"] for r in turns for a in r["armies"])       # the computer's errands
    assert not any(r["type"] == "check" for r in result.trace)     # nothing watched


def test_a_watched_event_reports_each_check_and_the_first_failing_condition():
    scn = load_scenario(TEST_SCENARIO)
    result = simulate.play(scn, 1, 2, watch=("evt_test_jerusalem",))
    checks = [r for r in result.trace if r["type"] == "check"]
    assert checks and all(r["event"] == "evt_test_jerusalem" for r in checks)
    assert {r["point"] for r in checks} >= {"start", "end"}
    miss = next(r for r in checks if not r["fired"])
    assert miss["failed"]["condition"] == "owns"
    assert miss["failed"]["args"] == {"faction": "sassanids", "city": "jerusalem"}
    assert isinstance(miss["failed"]["line"], int)


def test_the_command_line_writes_the_trace_and_sums_it_up(tmp_path, capsys):
    f = tmp_path / "trace.jsonl"
    code = cli.main(["simulate", str(TEST_SCENARIO), "--games", "2", "--turns", "2",
                     "--jobs", "1", "--trace", str(f), "--watch", "evt_test_jerusalem"])
    out = capsys.readouterr().out
    assert code == 0
    recs = [json.loads(line) for line in f.read_text().splitlines()]
    assert {r["seed"] for r in recs} == {1, 2}
    assert {r["type"] for r in recs} == {"turn", "check"}
    assert re.search(r"evt_test_jerusalem: fired in [0-2] of 2 games; checked \d+ times", out)
    assert "stopped" in out and "owns" in out


def test_watching_an_unknown_event_is_a_usage_error_with_a_suggestion(capsys):
    code = cli.main(["simulate", str(TEST_SCENARIO), "--watch", "evt_test_jerusalme"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE and "did you mean 'evt_test_jerusalem'" in err


def test_a_failing_date_is_shown_as_written(tmp_path):
    text = TEST_SCENARIO.read_text().replace(
        "  - id: evt_test_jerusalem\n",
        "  - id: evt_late\n    title: Late\n    when: {date: {start: 605-12}}\n"
        "  - id: evt_test_jerusalem\n", 1)
    f = tmp_path / "late.yaml"
    f.write_text(text)
    result = simulate.play(load_scenario(f), 1, 1, watch=("evt_late",))
    miss = next(r for r in result.trace if r["type"] == "check")
    assert miss["failed"]["condition"] == "date"
    assert miss["failed"]["args"] == {"start": "605-12"}


def test_an_army_that_changed_its_goal_still_shows_its_aim():
    from game.rules.orders import EndTurn
    from game.trace import _errands
    # the computer's note: an army keeps its goal, another has given one up for a new one,
    # and a sighting of an enemy army
    plans = "4;a1 3 4 take:tarsus;a2 5 6 defend:tarsus take:adana;seen e1 sassanids 7 8 9000 3"
    assert _errands([(EndTurn("byzantium", plans=plans), [])]) == {"a1": "take:tarsus", "a2": "defend:tarsus"}
