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
            f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]), 3, "", "expands to more than"),
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
    "ai_bad_home": ("victory:", "ai: {red: {home: nowhere}}\nvictory:", 32,
                    "ai.red.home", "unknown place 'nowhere'"),
    "wrong_top_level": (BASE, "- just\n- a list\n", 1, "", "expected a mapping of keys"),
}

EXTRA = {
    "empty_file": ("", 1, "", "the file is empty"),
    "binary_garbage": ("\x00\x01\x02garbage", 1, "", "not a text file"),
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
        (HERE / f"{name}.yaml").write_bytes(text.encode())
        (HERE / f"{name}.expect").write_text(f"# expect: {line} {key or '-'} | {msg}\n")


if __name__ == "__main__":
    main()
