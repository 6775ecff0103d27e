"""The event-case harness itself: it reports mistakes in case files where they are,
and says precisely why a case fails."""
from pathlib import Path

from tests.events import harness

HEAD = "scenario: tests/data/test_scenario.yaml\ncases:\n"


def cases_file(tmp_path, body: str) -> Path:
    p = tmp_path / "cases.yaml"
    p.write_text(HEAD + body, encoding="utf-8")
    return p


def messages(loaded) -> list[str]:
    return [f"{p.line} {p.key}: {p.message}" for p in loaded.problems]


def test_mistakes_in_a_case_file_are_all_reported_with_line_and_key(tmp_path):
    loaded = harness.load_cases(cases_file(tmp_path, """\
  - name: mistakes
    event: evt_test_avar
    date: 603-07
    side: persia
    fired: {evt_nope: 603-03}
    setup:
      - set_flagg: x
    fires: false
    then: {flag: [x]}
  - name: a late firing and a bad option
    event: evt_test_tribute
    date: 606-03
    fired: {evt_test_avars: 603-06}
    fires: true
    choose: flee
"""))
    got = messages(loaded)
    for expected in [
        "4 cases[0].event: the scenario 'test_small' has no event 'evt_test_avar' "
        "(did you mean 'evt_test_avars'?)",
        "5 cases[0].date: in this seasonal scenario a turn begins in March",
        "6 cases[0].side: unknown faction 'persia'",
        "7 cases[0].fired.evt_nope: no event 'evt_nope'",
        "9 cases[0].setup[0].set_flagg: unknown effect 'set_flagg' (did you mean 'set_flag'?)",
        "11 cases[0].then.flag: expected text, found a list",
        "14 cases[1].date: 606-03 is outside the scenario (603-03 to 605-12)",
        "17 cases[1].choose: 'evt_test_tribute' has no option 'flee'; it has pay, fight",
    ]:
        assert any(g.startswith(expected) for g in got), f"{expected!r} not in {got}"
    assert not loaded.cases


def test_a_case_file_without_its_scenario(tmp_path):
    p = tmp_path / "cases.yaml"
    p.write_text("scenario: nowhere\ncases: []\n")
    assert messages(harness.load_cases(p)) == [
        "1 scenario: no scenario 'nowhere' (give an id or a path to a YAML file)"]


def test_a_case_that_expects_a_firing_says_which_condition_failed(tmp_path):
    (case,) = harness.load_cases(cases_file(tmp_path, """\
  - name: no army, no fall
    event: evt_test_jerusalem
    date: 604-06
    side: sassanids
    fires: true
""")).cases
    message = harness.run(case)
    assert message.startswith(f"{case.file}:3: case 'no army, no fall': evt_test_jerusalem at "
                              "the start check point of Sassanid Persia's turn, Summer 604: "
                              "it did not fire")
    from game.scenario.load import load_scenario
    from tests.conftest import TEST_SCENARIO
    when = next(e for e in load_scenario(TEST_SCENARIO).spec.events
                if e.id == "evt_test_jerusalem").when
    line = when.value["owns"].line       # where the failing condition is written
    assert f"Why: events[0].when.owns (tests/data/test_scenario.yaml:{line}) is false" in message


def test_a_case_names_gates_other_than_the_condition(tmp_path):
    (case,) = harness.load_cases(cases_file(tmp_path, """\
  - name: wrong turn
    event: evt_test_tribute
    date: 603-06
    side: sassanids
    point: end
    fired: {evt_test_avars: 603-06, evt_test_tribute: 603-06}
    fires: true
""")).cases
    message = harness.run(case)
    assert "it is checked at `start`, not `end`" in message
    assert "it is only checked on byzantium's turn" in message
    assert "it had already fired and does not repeat" in message
    assert "events[2].when.all[1].in_play" in message


def test_a_case_that_must_not_fire_and_a_failing_then(tmp_path):
    one, two = harness.load_cases(cases_file(tmp_path, """\
  - name: it does fire
    event: evt_test_avars
    date: 603-06
    fires: false
  - name: the wrong aftermath
    event: evt_test_avars
    date: 603-06
    fires: true
    then:
      - in_play: avars
      - not: {army_exists: avar_host}
""")).cases
    assert harness.run(one).endswith("it fired, but the case says it must not; events that "
                                      "fired: evt_test_tribute")
    message = harness.run(two)
    assert f"it fired, but afterwards cases[1].then[1].not ({two.file}:13): the condition " \
           "inside holds" in message


def test_passing_cases_return_nothing(tmp_path):
    cases = harness.load_cases(cases_file(tmp_path, """\
  - name: in time
    event: evt_test_avars
    date: 603-06
    fires: true
    then: {in_play: avars}
""")).cases
    assert [harness.run(c) for c in cases] == [None]


def test_coverage_names_the_events_without_cases(tmp_path):
    cases = harness.load_cases(cases_file(tmp_path, """\
  - name: in time
    event: evt_test_avars
    date: 603-06
    fires: true
""")).cases
    (line,) = [x for x in harness.missing_cases(cases) if "test_scenario.yaml" in x]
    assert "no case where it fires: evt_test_jerusalem, evt_test_tribute" in line
    assert ("no case where it must not: evt_test_jerusalem, evt_test_avars, evt_test_tribute"
            in line)
    assert "tests/events/cases/test_small.yaml" in line


def test_a_case_may_name_an_army_its_own_setup_spawns(tmp_path):
    loaded = harness.load_cases(cases_file(tmp_path, """\
  - name: a siege laid by an army the case brings
    event: evt_test_jerusalem
    date: 604-06
    side: sassanids
    point: order
    setup:
      - spawn_army: {id: case_besiegers, faction: sassanids, at: jerusalem, men: 20000}
      - besiege: {army: case_besiegers, city: jerusalem}
    fires: false
    then:
      - besieged: {city: jerusalem, by: sassanids}
      - army_exists: case_besiegers
  - name: but not one it never spawns
    event: evt_test_jerusalem
    date: 604-06
    fires: false
    then: {army_exists: nobody_spawned_this}
"""))
    assert messages(loaded) == [
        "19 cases[1].then.army_exists: unknown army 'nobody_spawned_this'"]
    (case,) = loaded.cases
    assert harness.run(case) is None
