"""Writes the bad-scenario fixtures in this folder from one valid base.

Each fixture is the base with one mistake, and its first line says what
`validate` must report: `# expect: LINE KEYPATH | MESSAGE PART`.  Run
`python tests/data/bad/_generate.py` after changing the base or a mistake,
then check the new expectations by hand.
"""
from pathlib import Path

HERE = Path(__file__).parent

BASE = """id: bad_fixture
title: Bad fixture
start: 603-03
end: 603-12
map:
  id: tiny
  name: Tiny
  width: 5
  height: 4
  terrain: |
    ~~...
    ~....
    ..hm.
    ...M.
  places:
    - {id: alpha, name: Alpha, hex: "2,1", walls: 2, income: 2}
    - {id: beta, name: Beta, hex: "4,2", walls: 1, income: 1}
factions:
  - {id: red, name: Red, color: "#aa0000", ruler: red_king}
  - {id: blue, name: Blue, color: "#0000aa"}
relations:
  - {a: red, b: blue, status: war}
commanders:
  - {id: red_king, name: Red King, faction: red}
  - {id: blue_duke, name: Blue Duke, faction: blue}
cities:
  - {id: alpha, owner: red, garrison: 1000}
  - {id: beta, owner: blue, garrison: 500}
armies:
  - {id: red_army, faction: red, at: alpha, men: 5000, commander: red_king}
  - {id: blue_army, faction: blue, at: "3,2", men: 4000, commander: blue_duke}
victory:
  - {faction: red, when: {owns: {faction: red, city: beta}}}
events:
  - id: evt_one
    title: One
    when: {turn: {min: 2}}
    effects:
      - set_flag: one
"""

# name: (old text, new text, expected line, expected key path, message part)
MISTAKES = {
    "yaml_syntax": ("title: Bad fixture", "title: [unclosed", 3, "", "YAML syntax error"),
    "deep_nesting": ("title: Bad fixture", "title: Bad fixture\nx: " + "[" * 200 + "]" * 200, 3,
                     "", "nested too deeply"),
    "alias_bomb": ("title: Bad fixture", "title: Bad fixture\n" + "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
            f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, "
            f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]), 8, "", "expands to more than"),
    "unknown_key": ("title: Bad fixture", "title: Bad fixture\ntitel: typo", 3, "titel",
                    "did you mean 'title'"),
    "missing_required": ("title: Bad fixture\n", "", 1, "", "missing required key 'title'"),
    "wrong_type": ("men: 5000", "men: many", 30, "armies[0].men", "expected a whole number"),
    "out_of_range": ("men: 4000,", "men: 4000, morale: 150,", 31, "armies[1].morale",
                     "above the maximum 100"),
    "bad_id": ("id: bad_fixture", "id: Bad-Fixture", 1, "id", "does not match"),
    "bad_color": ('"#0000aa"', '"#00zzaa"', 20, "factions[1].color", "does not match"),
    "bad_date": ("start: 603-03", "start: 603-13", 3, "start", "does not match"),
    "end_before_start": ("end: 603-12", "end: 602-12", 4, "end", "ends (602-12) before"),
    "season_month": ("start: 603-03", "start: 603-04", 3, "start", "seasonal turns begin"),
    "duplicate_key": ("title: Bad fixture", "title: Bad fixture\ntitle: Again", 3, "title",
                      "duplicate key"),
    "duplicate_faction": ('  - {id: blue, name: Blue, color: "#0000aa"}',
                          '  - {id: red, name: Blue, color: "#0000aa"}', 20, "factions[1].id",
                          "defined twice"),
    "unknown_owner": ("{id: beta, owner: blue,", "{id: beta, owner: bleu,", 28,
                      "cities[1].owner", "did you mean 'blue'"),
    "unknown_commander": ("commander: red_king}", "commander: red_kong}", 30,
                          "armies[0].commander", "unknown commander 'red_kong'"),
    "commander_wrong_faction": ("commander: red_king}", "commander: blue_duke}", 30,
                                "armies[0].commander", "serves 'blue'"),
    "army_on_sea": ('at: "3,2", men: 4000', 'at: "0,0", men: 4000', 31, "armies[1].at",
                    "only a faction with a navy"),
    "army_on_peaks": ('at: "3,2", men: 4000', 'at: "3,3", men: 4000', 31, "armies[1].at",
                      "impassable"),
    "army_unknown_place": ("at: alpha, men: 5000", "at: gamma, men: 5000", 30, "armies[0].at",
                           "no place 'gamma'"),
    "city_unknown_place": ("{id: beta, owner: blue,", "{id: gamma, owner: blue,", 28,
                           "cities[1].id", "no place 'gamma'"),
    "two_cities_one_hex": ("{id: beta, owner: blue,", '{id: beta, at: "2,1", owner: blue,', 28,
                           "cities[1].at", "two cities on one hex"),
    "unknown_ruler": ("ruler: red_king}", "ruler: red_queen}", 19, "factions[0].ruler",
                      "unknown commander 'red_queen'"),
    "unknown_trait": ("{id: blue_duke, name: Blue Duke, faction: blue}",
                      "{id: blue_duke, name: Blue Duke, faction: blue, traits: [valor]}", 25,
                      "commanders[1].traits", "did you mean 'valour'"),
    "unknown_rule": ("victory:", "rules: {move_points_seasn: 3}\nvictory:", 32,
                     "rules.move_points_seasn", "did you mean 'move_points_season'"),
    "relation_self": ("{a: red, b: blue, status: war}", "{a: red, b: red, status: war}", 22,
                      "relations[0].b", "relation with itself"),
    "tribute_no_payer": ("{a: red, b: blue, status: war}", "{a: red, b: blue, status: tribute}",
                         22, "relations[0].payer", "tribute needs a payer"),
    "event_unknown_condition": ("when: {turn: {min: 2}}", "when: {turn_number: {min: 2}}", 37,
                                "events[0].when.turn_number", "unknown condition"),
    "event_missing_argument": ("when: {turn: {min: 2}}", "when: {owns: {city: beta}}", 37,
                               "events[0].when.owns", "needs the argument 'faction'"),
    "event_bad_argument": ("when: {turn: {min: 2}}", "when: {turn: {min: soon}}", 37,
                           "events[0].when.turn.min", "expected a whole number"),
    "event_missing_city": ("when: {turn: {min: 2}}", "when: {owns: {faction: red, city: gamma}}",
                           37, "events[0].when.owns.city", "unknown city 'gamma'"),
    "event_missing_army": ("      - set_flag: one", "      - reinforce: {army: green_army, men: 5}",
                           39, "events[0].effects[0].reinforce.army", "unknown army"),
    "event_missing_commander": ("      - set_flag: one", "      - kill_commander: black_knight",
                                39, "events[0].effects[0].kill_commander",
                                "unknown commander 'black_knight'"),
    "event_unknown_effect": ("      - set_flag: one", "      - set_flags: one", 39,
                             "events[0].effects[0].set_flags", "did you mean 'set_flag'"),
    "event_unknown_effect_argument": ("      - set_flag: one",
                                      "      - treasury: {faction: red, amont: 5}", 39,
                                      "events[0].effects[0].treasury.amont",
                                      "did you mean 'amount'"),
    "event_condition_shape": ("when: {turn: {min: 2}}", "when: {turn: {min: 2}, flag: x}", 37,
                              "events[0].when", "a mapping with one key"),
    "choice_one_option": ("      - set_flag: one", "      - set_flag: one\n    chooser: red\n"
                          "    choices:\n      - {id: only, label: Only}", 41,
                          "events[0].choices", "at least two options"),
    "choice_no_chooser": ("      - set_flag: one", "      - set_flag: one\n    choices:\n"
                          "      - {id: a, label: A}\n      - {id: b, label: B}", 35,
                          "events[0].chooser", "needs a `chooser`"),
    "chooser_no_choices": ("      - set_flag: one", "      - set_flag: one\n    chooser: red", 35,
                           "events[0].choices", "no options to choose"),
    "python_tag": ("title: Bad fixture", "title: !!python/object/apply:os.system [echo]", 2,
                   "title", "is not allowed"),
    "map_row_length": ("    ~....\n", "    ~.....\n", 12, "map.terrain[1]", "6 characters"),
    "map_unknown_terrain": ("    ..hm.\n", "    ..hX.\n", 13, "map.terrain[2]",
                            "unknown terrain character 'X'"),
    "map_path_dotdot": (BASE[BASE.index("map:"):BASE.index("factions:")],
                        "map: ../maps/theatre.yaml\n", 5, "map", "climbs out"),
    "map_path_absolute": (BASE[BASE.index("map:"):BASE.index("factions:")],
                          "map: /etc/passwd\n", 5, "map", "absolute path"),
    "map_missing_file": (BASE[BASE.index("map:"):BASE.index("factions:")],
                         "map: maps/nowhere.yaml\n", 5, "map", "no map file"),
    "hostile_armies_share_hex": ('at: "3,2", men: 4000', 'at: alpha, men: 4000', 31,
                                 "armies[1].at", "shares hex (2,1) with the hostile army"),
    "commander_two_armies": ("commander: blue_duke}", "commander: red_king}", 31,
                             "armies[1].commander", "already leads"),
    "victory_unknown_faction": ("{faction: red, when:", "{faction: green, when:", 33,
                                "victory[0].faction", "unknown faction 'green'"),
    "ai_unknown_target": ("victory:", "ai: {red: {targets: {gamma: 5}}}\nvictory:", 32,
                          "ai.red.targets", "unknown place 'gamma'"),
    "wrong_top_level": (BASE, "- just\n- a list\n", 1, "", "expected a mapping of keys"),
    "scalar_top_level": (BASE, "just some words\n", 1, "", "expected a mapping of keys"),
    "null_document": (BASE, "~\n", 1, "", "found nothing (null)"),
    "two_documents": ("title: Bad fixture", "title: Bad fixture\n---\nid: again", 3, "",
                      "a second YAML document"),
    "tab_indent": ("  - {id: red_army", "\t- {id: red_army", 30, "", "indent YAML with spaces only"),
    "merge_key": ("title: Bad fixture", "title: Bad fixture\n<<: {start: 603-03}", 3, "",
                  "merge keys (<<) are not supported"),
    "complex_key": ("title: Bad fixture", "title: Bad fixture\n? [a, b]\n: c", 3, "",
                    "a key must be plain text"),
    "undefined_alias": ("title: Bad fixture", "title: *name", 2, "",
                        "names no anchor &name"),
    "alias_loop": ("title: Bad fixture", "title: Bad fixture\nx: &loop [a, *loop]", 3, "",
                   "inside the value it names"),
    "duplicate_anchor": ("title: Bad fixture", "title: &t Bad fixture\ndescription: &t x", 3, "",
                         "the anchor &t is defined twice"),
    "python_tag_mapping": ("title: Bad fixture", "title: Bad fixture\nsources: "
                           "!!python/object/new:os.system {}", 3, "sources", "is not allowed"),
    "float_for_int": ("men: 5000", "men: 5000.5", 30, "armies[0].men",
                      "expected a whole number"),
    "huge_number": ("men: 5000", "men: 100000000000000000000", 30, "armies[0].men",
                    "above the maximum 500000"),
    "negative_garrison": ("garrison: 500", "garrison: -500", 28, "cities[1].garrison",
                          "below the minimum 0"),
    "negative_treasury": ('color: "#0000aa"}', 'color: "#0000aa", treasury: -5}', 20,
                          "factions[1].treasury", "below the minimum 0"),
    "negative_rule": ("victory:", "rules: {cost_plain: -2}\nvictory:", 32, "rules.cost_plain",
                      "outside the allowed range 0-10000"),
    "rule_too_big": ("victory:", "rules: {battle_roll_max: 1000000}\nvictory:", 32,
                     "rules.battle_roll_max", "outside the allowed range 1-1000"),
    "rule_percent_over_100": ("victory:", "rules: {loss_loser_max: 150}\nvictory:", 32,
                              "rules.loss_loser_max", "outside the allowed range 0-100"),
    "rule_range_reversed": ("victory:", "rules: {battle_roll_min: 130}\nvictory:", 32,
                            "rules.battle_roll_min", "must not be above battle_roll_max (125)"),
    "walls_too_high": ("walls: 2, income: 2}", "walls: 9, income: 2}", 16, "map.places[0].walls",
                       "above the maximum 5"),
    "map_too_wide": ("width: 5", "width: 5000", 8, "map.width", "above the maximum 400"),
    "map_rows_missing": ("height: 4", "height: 5", 10, "map.terrain", "has 4 rows"),
    "army_off_map": ('at: "3,2", men: 4000', 'at: "9,9", men: 4000', 31, "armies[1].at",
                     "no place '9,9'"),
    "army_negative_cell": ('at: "3,2", men: 4000', 'at: "-1,2", men: 4000', 31, "armies[1].at",
                           "no place '-1,2'"),
    "city_off_map": ("{id: beta, owner: blue,", '{id: beta, at: "2,7", owner: blue,', 28,
                     "cities[1].at", "no place '2,7'"),
    "city_on_sea": ("{id: beta, owner: blue,", '{id: beta, at: "0,1", owner: blue,', 28,
                    "cities[1].at", "stands on water"),
    "place_off_map": ('hex: "4,2"', 'hex: "4,4"', 17, "map.places[1].hex",
                      "is not a hex `col,row` on the map"),
    "place_on_sea": ('hex: "4,2"', 'hex: "1,0"', 17, "map.places[1].hex", "is on water"),
    "pass_off_map": ("  places:", "  passes:\n    - {id: gap, name: Gap, hex: \"5,0\"}\n  places:",
                     16, "map.passes[0].hex", "is not a hex `col,row` on the map"),
    "pass_on_sea": ("  places:", "  passes:\n    - {id: gap, name: Gap, hex: \"0,0\"}\n  places:",
                    16, "map.passes[0].hex", "is on water"),
    "river_off_map": ("  places:", "  rivers:\n    - {id: flow, name: Flow, edges: \"2,2,0 6,2,3\"}"
                      "\n  places:", 16, "map.rivers[0].edges", "is off the map"),
    "road_off_map": ("  places:", "  roads:\n    - {id: way, path: \"3,0 4,0 5,0\"}\n  places:",
                     16, "map.roads[0].path", "is not a hex `col,row` on the map"),
    "spawn_off_map": ("      - set_flag: one", "      - spawn_army: {faction: red, at: \"5,4\", "
                      "men: 100}", 39, "events[0].effects[0].spawn_army.at",
                      "unknown place '5,4'"),
    "condition_place_off_map": ("when: {turn: {min: 2}}",
                                "when: {army_near: {faction: red, place: \"-3,0\"}}", 37,
                                "events[0].when.army_near.place", "unknown place '-3,0'"),
    "event_when_scalar": ("when: {turn: {min: 2}}", "when: soon", 37, "events[0].when",
                          "a mapping with one key"),
    "event_when_missing": ("    when: {turn: {min: 2}}\n", "", 35, "events[0]",
                           "missing required key 'when'"),
    "event_all_empty": ("when: {turn: {min: 2}}", "when: {all: []}", 37, "events[0].when.all",
                        "at least one condition"),
    "event_all_not_list": ("when: {turn: {min: 2}}", "when: {all: {turn: {min: 2}}}", 37,
                           "events[0].when.all", "expected a list of conditions"),
    "event_not_list": ("when: {turn: {min: 2}}", "when: {not: [{turn: {min: 2}}]}", 37,
                       "events[0].when.not", "a mapping with one key"),
    "event_nested_unknown": ("when: {turn: {min: 2}}", "when: {all: [{turn: {min: 2}}, "
                             "{any: [{flagg: x}]}]}", 37, "events[0].when.all[1].any[0].flagg",
                             "did you mean 'flag'"),
    "event_owns_two_targets": ("when: {turn: {min: 2}}", "when: {owns: {faction: red, "
                               "city: beta, cities: [alpha]}}", 37, "events[0].when.owns",
                               "exactly one of city, region or cities"),
    "event_bad_date": ("when: {turn: {min: 2}}", "when: {date: {start: 603-13}}", 37,
                       "events[0].when.date.start", "expected a date YEAR-MM"),
    "event_bad_season": ("when: {turn: {min: 2}}", "when: {date: {season: monsoon}}", 37,
                         "events[0].when.date.season", "expected one of spring"),
    "event_chance_range": ("when: {turn: {min: 2}}", "when: {chance: 150}", 37,
                           "events[0].when.chance", "not a percentage"),
    "event_fired_unknown": ("when: {turn: {min: 2}}", "when: {fired: evt_two}", 37,
                            "events[0].when.fired", "unknown event 'evt_two'"),
    "event_effects_not_list": ("      - set_flag: one", "        set_flag: one", 39,
                               "events[0].effects", "expected a list of effects"),
    "event_no_arguments": ("when: {turn: {min: 2}}", "when: {turn: [1, 2]}", 37,
                           "events[0].when.turn", "write them as a mapping"),
    "victory_condition_broken": ("{faction: red, when: {owns: {faction: red, city: beta}}}",
                                 "{faction: red, when: {owns: {faction: red}}}", 33,
                                 "victory[0].when.owns", "exactly one of city, region or cities"),
}

EXTRA = {
    "empty_file": ("", 1, "", "the file is empty"),
    "binary_garbage": ("\x00\x01\x02garbage", 1, "", "not a text file"),
    "only_comments": ("# nothing here\n# at all\n", 1, "", "the file is empty"),
    "not_utf8": ("id: x\ntitle: caf\udce9\n", 2, "", "not valid UTF-8"),
    "control_characters": ("id: x\ntitle: a\x07b\n", 2, "", "U+0007 is not allowed"),
}


def main() -> None:
    for old in HERE.glob("*.yaml"):
        old.unlink()
    for name, (old, new, line, key, msg) in MISTAKES.items():
        assert old in BASE, name
        text = BASE.replace(old, new, 1)
        # the expectation line itself pushes the base down by one line
        (HERE / f"{name}.yaml").write_text(f"# expect: {line + 1} {key or '-'} | {msg}\n{text}")
    for name, (text, line, key, msg) in EXTRA.items():
        (HERE / f"{name}.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))
        (HERE / f"{name}.expect").write_text(f"# expect: {line} {key or '-'} | {msg}\n")


if __name__ == "__main__":
    main()
