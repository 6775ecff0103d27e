"""Event cases that check victory (`then: {winner: F, by: VICTORY_ID}`), the command
`test-events` that runs case files, and `validate` on a case file."""
from pathlib import Path

from game import cli
from game.events.cases import load_cases, run

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "tests" / "data" / "test_scenario.yaml"

HEAD = f"""scenario: {SCENARIO}
cases:
  - name: the case
    event: evt_test_jerusalem
    date: 604-06
    side: sassanids
    point: order
    fires: false
"""


def case_file(tmp_path, body: str) -> Path:
    f = tmp_path / "cases.yaml"
    f.write_text(HEAD + body)
    return f


def outcome(tmp_path, body: str) -> str | None:
    loaded = load_cases(case_file(tmp_path, body))
    assert loaded.problems == [] and len(loaded.cases) == 1, loaded.problems
    return run(loaded.cases[0])


TAKEN = "    setup:\n      - set_owner: {city: constantinople, faction: sassanids}\n"


def test_a_victory_that_holds_passes(tmp_path):
    assert outcome(tmp_path, TAKEN + "    then: {winner: sassanids, by: queen_falls}\n") is None
    assert outcome(tmp_path, TAKEN + "    then: {winner: sassanids}\n") is None


def test_the_wrong_winner_is_named_with_the_victory_that_holds(tmp_path):
    msg = outcome(tmp_path, TAKEN + "    then: {winner: byzantium}\n")
    assert msg.endswith("afterwards sassanids wins by queen_falls, not byzantium"), msg
    msg = outcome(tmp_path, TAKEN + "    then: {winner: none}\n")
    assert "no side should win, but sassanids wins by queen_falls" in msg


def test_a_victory_that_does_not_hold_says_why(tmp_path):
    msg = outcome(tmp_path, "    then: {winner: byzantium, by: rome_in_ctesiphon}\n")
    assert "byzantium does not win by rome_in_ctesiphon: " in msg
    assert "test_scenario.yaml" in msg and "owns" in msg


def test_an_end_victory_is_judged_as_at_the_end(tmp_path):
    assert outcome(tmp_path, "    then: {winner: byzantium, by: frontier_held}\n") is None
    assert outcome(tmp_path, "    then: {winner: none}\n") is None


def test_victory_checks_are_checked_when_read(tmp_path):
    problems = [str(p) for p in load_cases(case_file(tmp_path, (
        "    then:\n"
        "      - {winner: sassanids, by: queen_fall}\n"
        "      - {winner: byzantium, by: queen_falls}\n"
        "      - {winner: persia}\n"
        "      - {winner: none, by: queen_falls}\n"
        "      - {winner: byzantium, how: quickly}\n"))).problems]
    assert any(":10:33: cases[0].then[0].by: the scenario 'test_small' has no victory with id "
               "'queen_fall' (did you mean 'queen_falls'?)" in p for p in problems), problems
    assert any("then[1].by: victory 'queen_falls' is won by 'sassanids', not 'byzantium'" in p
               for p in problems), problems
    assert any("then[2].winner: expected a faction or none, found the text 'persia'" in p
               for p in problems), problems
    assert any("then[3].by: `by` names the victory of a winner" in p for p in problems)
    assert any("then[4].how: unknown key 'how'" in p for p in problems), problems


def test_the_command_runs_case_files_like_the_suite(tmp_path, capsys):
    good = case_file(tmp_path, TAKEN + "    then: {winner: sassanids, by: queen_falls}\n")
    assert cli.main(["test-events", str(good)]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[-1] == "1 passed, 0 failed"
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "    then: {winner: sassanids}\n"
                   + HEAD.split("cases:\n", 1)[1].replace("the case", "another"))
    assert cli.main(["test-events", str(bad), str(good)]) == cli.EXIT_PROBLEMS
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "2 passed, 1 failed"
    assert out[0].startswith(f"FAILED {bad}:3: case 'the case': evt_test_jerusalem at the order")
    assert "sassanids does not win" in out[0]


def test_the_command_counts_a_broken_case_file_as_an_error(tmp_path, capsys):
    f = case_file(tmp_path, "    then: {winner: sassanids, by: nothing}\n")
    assert cli.main(["test-events", str(f)]) == cli.EXIT_PROBLEMS
    out = capsys.readouterr().out.splitlines()
    assert "then.by: the scenario 'test_small' has no victory with id 'nothing'" in out[0]
    assert out[-1] == "0 passed, 0 failed, 1 error"


def test_validate_knows_a_case_file(tmp_path, capsys):
    good = case_file(tmp_path, TAKEN)
    assert cli.main(["validate", str(good)]) == cli.EXIT_OK
    bad = case_file(tmp_path, "    then: {flag: [}\n".replace("[", "nothing_set, min: x"))
    assert cli.main(["validate", str(bad)]) == cli.EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "cases[0].then" in out and "factions" not in out, out
