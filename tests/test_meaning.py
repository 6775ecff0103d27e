"""Load-time checks of meaning: warnings that let the file load, `--strict`, the messages
that name positions as the author wrote them, and the thousands comma."""
from pathlib import Path

import pytest

from game import cli
from game.scenario.load import SCENARIO_DIR, load_scenario
from game.scenario.yamlsrc import InputError

BASE = """id: meaning
title: Meaning
start: 603-03
end: 604-12
map:
  id: strip
  name: Strip
  width: 5
  height: 3
  terrain: |
    ..~..
    ..~..
    ..~..
  places:
    - {id: west, name: West, hex: "0,1", walls: 2, income: 2}
    - {id: east, name: East, hex: "4,1", walls: 1, income: 1}
factions:
  - {id: red, name: Red, color: "#aa0000", income: 100, treasury: 50}
  - {id: blue, name: Blue, color: "#0000aa", income: 100}
relations:
  - {a: red, b: blue, status: war}
commanders:
  - {id: red_king, name: Red King, faction: red}
  - {id: blue_duke, name: Blue Duke, faction: blue}
  - {id: old_king, name: Old King, faction: red, alive: false}
cities:
  - {id: west, owner: red, garrison: 1000}
  - {id: east, owner: blue, garrison: 500}
armies:
  - {id: red_army, faction: red, at: west, men: 5000, commander: red_king}
  - {id: blue_army, faction: blue, at: "4,0", men: 4000, commander: blue_duke}
victory:
  - {id: red_wins, faction: red, when: {army_near: {faction: red, place: "1,1"}}}
events:
  - id: evt_one
    title: One
    when: {date: {start: 603-06, end: 604-03}}
    effects:
      - spawn_army: {id: red_two, faction: red, at: west, men: 1000, commander: red_king}
"""


def write(tmp_path: Path, text: str) -> Path:
    f = tmp_path / "meaning.yaml"
    f.write_text(text)
    return f


def warnings_of(tmp_path, *changes):
    text = BASE
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return load_scenario(write(tmp_path, text)).warnings


def test_the_base_has_no_warning(tmp_path):
    assert warnings_of(tmp_path) == []


def test_every_shipped_scenario_is_free_of_warnings():
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        assert [str(w) for w in load_scenario(path).warnings] == [], path.name


def test_upkeep_above_income_warns_at_the_faction(tmp_path):
    ws = warnings_of(tmp_path, ('income: 100, treasury: 50', 'income: 0, treasury: 50'))
    assert len(ws) == 1
    w = ws[0]
    assert (w.line, w.key, w.severity) == (18, "factions[0]", "warning")
    assert "'red' earns 6 a turn at the start but pays" in w.message
    assert "treasury of 50 lasts" in w.message


def test_victory_at_an_unreachable_place_warns(tmp_path):
    ws = warnings_of(tmp_path, ('place: "1,1"', 'place: "4,2"'))
    assert [(w.key, w.line) for w in ws] == [("victory[0].when.army_near.place", 33)]
    assert "victory 'red_wins' can never be won: 'red' cannot reach 4,2 by land" in ws[0].message


def test_a_navy_reaches_across_the_water(tmp_path):
    assert warnings_of(tmp_path, ('place: "1,1"', 'place: "4,2"'),
                       ('income: 100, treasury: 50', 'income: 100, treasury: 50, navy: true')) == []


def test_victory_needing_a_dead_commander_warns(tmp_path):
    ws = warnings_of(tmp_path, ('{army_near: {faction: red, place: "1,1"}}',
                                '{all: [{turn: {min: 2}}, {commander_at: {commander: old_king}}]}'))
    assert [w.key for w in ws] == ["victory[0].when.all[1].commander_at.commander"]
    assert "'old_king' is dead at the start and no event names him" in ws[0].message


def test_victory_needing_another_sides_commander_warns(tmp_path):
    ws = warnings_of(tmp_path, ('place: "1,1"}', 'place: "1,1", commander: blue_duke}'))
    assert [w.key for w in ws] == ["victory[0].when.army_near.commander"]
    assert "'blue_duke' serves 'blue'" in ws[0].message


def test_a_victory_under_any_is_not_judged(tmp_path):
    assert warnings_of(tmp_path, ('{army_near: {faction: red, place: "1,1"}}',
                                  '{any: [{turn: {min: 2}}, {commander_at: {commander: old_king}}]}'
                                  )) == []


@pytest.mark.parametrize("window, key", [
    ("{start: 605-03}", "events[0].when.date.start"),
    ("{end: 602-12}", "events[0].when.date.end"),
    ("{year: 601}", "events[0].when.date.year"),
])
def test_condition_dates_outside_the_scenario_warn(tmp_path, window, key):
    ws = warnings_of(tmp_path, ("{start: 603-06, end: 604-03}", window))
    assert [w.key for w in ws] == [key]
    assert "falls outside the scenario (603-03 to 604-12)" in ws[0].message


def test_a_window_opening_before_the_start_is_fine(tmp_path):
    assert warnings_of(tmp_path, ("{start: 603-06, end: 604-03}", "{start: 600-01, end: 603-06}")) == []


def test_spawn_army_with_an_id_in_use_warns(tmp_path):
    ws = warnings_of(tmp_path, ("id: red_two", "id: red_army"))
    assert [(w.key, w.line) for w in ws] == [("events[0].effects[0].spawn_army.id", 39)]
    assert "army id 'red_army' is already used by an army at the start" in ws[0].message


def test_spawn_army_led_by_another_sides_commander_warns(tmp_path):
    ws = warnings_of(tmp_path, ("men: 1000, commander: red_king}", "men: 1000, commander: blue_duke}"))
    assert [w.key for w in ws] == ["events[0].effects[0].spawn_army.commander"]
    assert "'blue_duke' serves 'blue', not 'red'" in ws[0].message


def test_validate_prints_warnings_and_strict_refuses_them(tmp_path, capsys):
    f = write(tmp_path, BASE.replace("id: red_two", "id: red_army"))
    assert cli.main(["validate", str(f)]) == cli.EXIT_OK
    out, err = capsys.readouterr()
    assert ":39:" in out and ": warning: events[0].effects[0].spawn_army.id: " in out
    assert err == "1 warning in 1 file\n"
    assert cli.main(["validate", "--strict", str(f)]) == cli.EXIT_PROBLEMS
    out, err = capsys.readouterr()
    assert ": warning: " not in out and ": events[0].effects[0].spawn_army.id: army id" in out
    assert err == "1 problem in 1 file\n"


# --- positions as the author wrote them, and the thousands comma ------------------------

def errors_of(tmp_path, old, new):
    assert old in BASE
    with pytest.raises(InputError) as exc:
        load_scenario(write(tmp_path, BASE.replace(old, new, 1)))
    return [str(p) for p in exc.value.problems]


def test_an_army_at_sea_is_named_by_the_cell_written(tmp_path):
    errs = errors_of(tmp_path, 'at: "4,0"', 'at: "2,2"')
    assert any("blue_army stands on sea at 2,2 (only a faction" in e for e in errs), errs


def test_a_city_on_water_is_named_by_the_cell_written(tmp_path):
    errs = errors_of(tmp_path, "{id: east, owner: blue, garrison: 500}",
                     '{id: east, owner: blue, garrison: 500, at: "2,0"}')
    assert any("the city stands on water at 2,0" in e for e in errs), errs


def test_two_cities_on_one_hex_named_by_the_place_written(tmp_path):
    errs = errors_of(tmp_path, "{id: east, owner: blue, garrison: 500}",
                     '{id: east, owner: blue, garrison: 500, at: west}')
    assert any("two cities on one hex: 'west' is already at west" in e for e in errs), errs


def test_hostile_armies_on_one_hex_named_by_the_place_written(tmp_path):
    errs = errors_of(tmp_path, 'red_army, faction: red, at: west', 'red_army, faction: red, at: "4,0"')
    assert any("blue_army shares 4,0 with the hostile army 'red_army'" in e for e in errs), errs


def test_a_thousands_comma_in_a_flow_mapping_gets_its_own_message(tmp_path):
    errs = errors_of(tmp_path, "men: 5000,", "men: 5,000,")
    assert errs == [f"{tmp_path / 'meaning.yaml'}:30:44: armies[0].men: a number with a "
                    "thousands comma (5,000): write 5000, without the comma (inside { } a "
                    "comma ends the value)"]
    assert not any("unknown key" in e for e in errs)


def test_a_thousands_comma_in_a_block_gets_its_own_message(tmp_path):
    errs = errors_of(tmp_path, "  - {id: blue_army, faction: blue, at: \"4,0\", men: 4000, "
                               "commander: blue_duke}",
                     "  - id: blue_army\n    faction: blue\n    at: \"4,0\"\n    men: 4,000\n"
                     "    commander: blue_duke")
    assert any("armies[1].men: a number with a thousands comma (4,000): write 4000" in e
               for e in errs), errs
