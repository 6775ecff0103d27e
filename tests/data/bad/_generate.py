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
  regions: [{id: north, name: North, char: N}, {id: south, name: South, char: S}, {id: waste, name: Waste, char: W}]
  region_rows: "NNNNN\\nNNNNN\\nSSSSS\\nWWWWW"
  straits: [{id: narrows, name: Narrows, edges: "0,2,0"}]
  passes: [{id: gap, name: Gap, hex: "3,2"}]
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

# Places in BASE that most event mistakes replace.
WHEN = "when: {turn: {min: 2}}"
FX = "      - set_flag: one"
TITLE = "    title: One"

# name: (old text, new text, expected line, expected key path, message part)
MISTAKES = {
    "yaml_syntax": ("title: Bad fixture", "title: [unclosed", 3, "", "YAML syntax error"),
    "deep_nesting": ("title: Bad fixture", "title: Bad fixture\nx: " + "[" * 200 + "]" * 200, 3,
                     "", "nested too deeply"),
    "alias_bomb": ("title: Bad fixture", "title: Bad fixture\n" + "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [
            f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, "
            f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]), 7, "", "expands to more than"),
    "unknown_key": ("title: Bad fixture", "title: Bad fixture\ntitel: typo", 3, "titel",
                    "did you mean 'title'"),
    "missing_required": ("title: Bad fixture\n", "", 1, "", "missing required key 'title'"),
    "wrong_type": ("men: 5000", "men: many", 34, "armies[0].men", "expected a whole number"),
    "out_of_range": ("men: 4000,", "men: 4000, morale: 150,", 35, "armies[1].morale",
                     "above the maximum 100"),
    "bad_id": ("id: bad_fixture", "id: Bad-Fixture", 1, "id", "does not match"),
    "bad_color": ('"#0000aa"', '"#00zzaa"', 24, "factions[1].color", "does not match"),
    "bad_date": ("start: 603-03", "start: 603-13", 3, "start", "does not match"),
    "end_before_start": ("end: 603-12", "end: 602-12", 4, "end", "ends (602-12) before"),
    "season_month": ("start: 603-03", "start: 603-04", 3, "start", "seasonal turns begin"),
    "duplicate_key": ("title: Bad fixture", "title: Bad fixture\ntitle: Again", 3, "title",
                      "duplicate key"),
    "duplicate_faction": ('  - {id: blue, name: Blue, color: "#0000aa"}',
                          '  - {id: red, name: Blue, color: "#0000aa"}', 24, "factions[1].id",
                          "defined twice"),
    "unknown_owner": ("{id: beta, owner: blue,", "{id: beta, owner: bleu,", 32,
                      "cities[1].owner", "did you mean 'blue'"),
    "unknown_commander": ("commander: red_king}", "commander: red_kong}", 34,
                          "armies[0].commander", "unknown commander 'red_kong'"),
    "commander_wrong_faction": ("commander: red_king}", "commander: blue_duke}", 34,
                                "armies[0].commander", "serves 'blue'"),
    "army_on_sea": ('at: "3,2", men: 4000', 'at: "0,0", men: 4000', 35, "armies[1].at",
                    "only a faction with a navy"),
    "army_on_peaks": ('at: "3,2", men: 4000', 'at: "3,3", men: 4000', 35, "armies[1].at",
                      "impassable"),
    "army_unknown_place": ("at: alpha, men: 5000", "at: gamma, men: 5000", 34, "armies[0].at",
                           "no place 'gamma'"),
    "city_unknown_place": ("{id: beta, owner: blue,", "{id: gamma, owner: blue,", 32,
                           "cities[1].id", "no place 'gamma'"),
    "two_cities_one_hex": ("{id: beta, owner: blue,", '{id: beta, at: "2,1", owner: blue,', 32,
                           "cities[1].at", "two cities on one hex"),
    "unknown_ruler": ("ruler: red_king}", "ruler: red_queen}", 23, "factions[0].ruler",
                      "unknown commander 'red_queen'"),
    "unknown_trait": ("{id: blue_duke, name: Blue Duke, faction: blue}",
                      "{id: blue_duke, name: Blue Duke, faction: blue, traits: [valor]}", 29,
                      "commanders[1].traits", "did you mean 'valour'"),
    "unknown_rule": ("victory:", "rules: {move_points_seasn: 3}\nvictory:", 36,
                     "rules.move_points_seasn", "did you mean 'move_points_season'"),
    "relation_self": ("{a: red, b: blue, status: war}", "{a: red, b: red, status: war}", 26,
                      "relations[0].b", "relation with itself"),
    "tribute_no_payer": ("{a: red, b: blue, status: war}", "{a: red, b: blue, status: tribute}",
                         26, "relations[0].payer", "tribute needs a payer"),
    "event_unknown_condition": ("when: {turn: {min: 2}}", "when: {turn_number: {min: 2}}", 41,
                                "events[0].when.turn_number", "unknown condition"),
    "event_missing_argument": ("when: {turn: {min: 2}}", "when: {owns: {city: beta}}", 41,
                               "events[0].when.owns", "needs the argument 'faction'"),
    "event_bad_argument": ("when: {turn: {min: 2}}", "when: {turn: {min: soon}}", 41,
                           "events[0].when.turn.min", "expected a whole number"),
    "event_missing_city": ("when: {turn: {min: 2}}", "when: {owns: {faction: red, city: gamma}}",
                           41, "events[0].when.owns.city", "unknown city 'gamma'"),
    "event_missing_army": ("      - set_flag: one", "      - reinforce: {army: green_army, men: 5}",
                           43, "events[0].effects[0].reinforce.army", "unknown army"),
    "event_missing_commander": ("      - set_flag: one", "      - kill_commander: black_knight",
                                43, "events[0].effects[0].kill_commander",
                                "unknown commander 'black_knight'"),
    "event_unknown_effect": ("      - set_flag: one", "      - set_flags: one", 43,
                             "events[0].effects[0].set_flags", "did you mean 'set_flag'"),
    "event_unknown_effect_argument": ("      - set_flag: one",
                                      "      - treasury: {faction: red, amont: 5}", 43,
                                      "events[0].effects[0].treasury.amont",
                                      "did you mean 'amount'"),
    "event_condition_shape": ("when: {turn: {min: 2}}", "when: {turn: {min: 2}, flag: x}", 41,
                              "events[0].when", "a mapping with one key"),
    "choice_one_option": ("      - set_flag: one", "      - set_flag: one\n    chooser: red\n"
                          "    choices:\n      - {id: only, label: Only}", 45,
                          "events[0].choices", "at least two options"),
    "choice_no_chooser": ("      - set_flag: one", "      - set_flag: one\n    choices:\n"
                          "      - {id: a, label: A}\n      - {id: b, label: B}", 39,
                          "events[0].chooser", "needs a `chooser`"),
    "chooser_no_choices": ("      - set_flag: one", "      - set_flag: one\n    chooser: red", 39,
                           "events[0].choices", "no options to choose"),
    # --- the event language: one fixture per kind of mistake ---------------------------
    "event_unknown_condition_argument": (WHEN, "when: {turn: {min: 2, maxx: 3}}", 41,
                                         "events[0].when.turn.maxx", "did you mean 'max'"),
    "event_missing_faction": (WHEN, "when: {in_play: green}", 41, "events[0].when.in_play",
                              "unknown faction 'green'"),
    "event_missing_event": (WHEN, "when: {fired: evt_two}", 41, "events[0].when.fired",
                            "unknown event 'evt_two'"),
    "event_missing_place": (WHEN, "when: {army_near: {faction: red, place: gamma}}", 41,
                            "events[0].when.army_near.place", "unknown place 'gamma'"),
    "event_missing_region": (WHEN, "when: {army_near: {faction: red, region: middle}}", 41,
                             "events[0].when.army_near.region", "unknown region 'middle'"),
    "event_missing_strait": (FX, "      - open_strait: {strait: narows, faction: red}", 43,
                             "events[0].effects[0].open_strait.strait",
                             "unknown strait 'narows' (did you mean 'narrows'?)"),
    "event_missing_pass": (FX, "      - pass_state: {pass: gapp, to: open}", 43,
                           "events[0].effects[0].pass_state.pass", "unknown pass 'gapp'"),
    "event_region_without_cities": (WHEN, "when: {owns: {faction: red, region: waste}}", 41,
                                    "events[0].when.owns", "'waste' holds no city"),
    "event_bad_date": (WHEN, "when: {date: {start: 603-13}}", 41, "events[0].when.date.start",
                       "expected a date YEAR-MM"),
    "event_bad_historical_date": (TITLE, "    title: One\n    historical: 614-13", 41,
                                  "events[0].historical", "does not match"),
    "event_empty_date_window": (WHEN, "when: {date: {start: 604-01, end: 603-06}}", 41,
                                "events[0].when.date", "`start` (604-01) is after `end` (603-06)"),
    "event_empty_number_range": (WHEN, "when: {turn: {min: 5, max: 3}}", 41, "events[0].when.turn",
                                 "`min` (5) is more than `max` (3)"),
    "event_no_bounds": (WHEN, "when: {turn: {}}", 41, "events[0].when.turn",
                        "give at least one of `min`, `max`"),
    "event_two_of_exactly_one": (WHEN, "when: {owns: {faction: red, city: beta, region: north}}",
                                 41, "events[0].when.owns",
                                 "give exactly one of `city`, `region`, `cities` (found `city`, "
                                 "`region`)"),
    "event_argument_needs_another": (WHEN, "when: {army_near: {faction: red, region: north, "
                                     "within: 2}}", 41, "events[0].when.army_near",
                                     "`within` needs `place`"),
    "event_same_faction_twice": (WHEN, "when: {relation: {a: red, b: red, status: war}}", 41,
                                 "events[0].when.relation", "`a` and `b` name the same faction"),
    "event_compared_with_itself": (WHEN, "when: {treasury: {faction: red, above: red}}", 41,
                                   "events[0].when.treasury",
                                   "`faction` and `above` name the same faction"),
    "event_margin_without_comparison": (WHEN, "when: {weariness: {faction: red, min: 5, by: 5}}",
                                        41, "events[0].when.weariness",
                                        "`by` needs `above` or `below`"),
    "event_fired_window_empty": (WHEN, "when: {fired: {event: evt_one, within: 1, "
                                 "after_turns: 3}}", 41, "events[0].when.fired",
                                 "`after_turns` (3) is more than `within` (1)"),
    "event_bad_choice_of_value": (WHEN, "when: {relation: {a: red, b: blue, status: truce}}", 41,
                                  "events[0].when.relation.status",
                                  "expected one of war, peace, alliance, tribute"),
    "event_bad_percent": (WHEN, "when: {chance: 150}", 41, "events[0].when.chance",
                          "150 is not a percentage"),
    "event_negative_count": (WHEN, "when: {turn: {min: -1}}", 41, "events[0].when.turn.min",
                             "-1 is negative"),
    "event_bad_month": (WHEN, "when: {date: {month: 13}}", 41, "events[0].when.date.month",
                        "13 is not a month"),
    "event_bad_bool": (FX, "      - leave_war: {faction: red, peace: maybe}", 43,
                       "events[0].effects[0].leave_war.peace", "expected true or false"),
    "event_bad_text": (FX, "      - message: {text: [a, b]}", 43,
                       "events[0].effects[0].message.text", "expected text"),
    "event_empty_list": (WHEN, "when: {owns: {faction: red, cities: []}}", 41,
                         "events[0].when.owns.cities", "needs at least one city"),
    "event_empty_all": (WHEN, "when: {all: []}", 41, "events[0].when.all",
                        "needs at least one condition"),
    "event_arguments_not_a_mapping": (WHEN, "when: {relation: red}", 41, "events[0].when.relation",
                                      "write them as a mapping"),
    "event_condition_not_a_mapping": (WHEN, "when: [turn]", 41, "events[0].when",
                                      "a condition is a mapping with one key"),
    "event_effects_not_a_list": ("    effects:\n      - set_flag: one", "    effects: {set_flag: one}",
                                 42, "events[0].effects", "expected a list of effects"),
    "event_effect_needs_one_of": (FX, "      - walls: {city: alpha}", 43,
                                  "events[0].effects[0].walls",
                                  "give exactly one of `set`, `add` (found none)"),
    "event_tribute_without_payer": (FX, "      - relation: {a: red, b: blue, status: tribute}", 43,
                                    "events[0].effects[0].relation", "tribute needs a `payer`"),
    "event_payer_without_tribute": (FX, "      - relation: {a: red, b: blue, status: peace, "
                                    "payer: red}", 43, "events[0].effects[0].relation",
                                    "`payer` and `amount` belong to a tribute"),
    "event_victory_without_faction": (FX, "      - end_game: {outcome: victory}", 43,
                                      "events[0].effects[0].end_game",
                                      "a victory needs the `faction` that wins"),
    "event_peace_with_kind": (FX, "      - end_game: {outcome: peace, kind: decisive}", 43,
                              "events[0].effects[0].end_game", "`kind` is for a victory"),
    "event_bad_outcome": (FX, "      - end_game: {outcome: win, faction: red}", 43,
                          "events[0].effects[0].end_game.outcome",
                          "expected one of victory, defeat, peace"),
    "event_spawn_no_men": (FX, "      - spawn_army: {faction: red, at: alpha, men: 0}", 43,
                           "events[0].effects[0].spawn_army", "`men` must be more than 0"),
    "event_reinforce_zero": (FX, "      - reinforce: {army: red_army, men: 0}", 43,
                             "events[0].effects[0].reinforce", "`men` must not be 0"),
    "event_move_commander_twice": (FX, "      - move_commander: {commander: red_king, army: "
                                   "red_army, to: alpha}", 43,
                                   "events[0].effects[0].move_commander",
                                   "give exactly one of `army`, `to`"),
    "event_replace_by_himself": (FX, "      - replace_commander: {commander: red_king, "
                                 "by: red_king}", 43, "events[0].effects[0].replace_commander",
                                 "`commander` and `by` are the same"),
    "event_enter_war_against_itself": (FX, "      - enter_war: {faction: red, against: [red]}",
                                       43, "events[0].effects[0].enter_war",
                                       "cannot be in its own `against` list"),
    "event_enter_war_both_sides": (FX, "      - enter_war: {faction: red, against: [blue], "
                                   "allies: [blue]}", 43, "events[0].effects[0].enter_war",
                                   "both in `against` and in `allies`"),
    "event_flag_value_and_add": (FX, "      - set_flag: {name: x, value: 1, add: 1}", 43,
                                 "events[0].effects[0].set_flag", "give `value` or `add`"),
    "event_bad_pass_state": (FX, "      - pass_state: {pass: gap, to: shut}", 43,
                             "events[0].effects[0].pass_state.to",
                             "expected one of open, closed, auto"),
    "event_unknown_faction_told": (TITLE, "    title: One\n    to: [green]", 41, "events[0].to",
                                   "unknown faction 'green'"),
    "event_unknown_faction_text_for": (TITLE, "    title: One\n    text_for: {green: Hello}", 41,
                                       "events[0].text_for", "unknown faction 'green'"),
    "event_unknown_on_turn_of": (TITLE, "    title: One\n    on_turn_of: green", 41,
                                 "events[0].on_turn_of", "unknown faction 'green'"),
    "event_unknown_chooser": (FX, "      - set_flag: one\n    chooser: green\n    choices:\n"
                              "      - {id: a, label: A}\n      - {id: b, label: B}", 44,
                              "events[0].chooser", "unknown faction 'green'"),
    "event_chooser_not_told": (FX, "      - set_flag: one\n    to: [blue]\n    chooser: red\n"
                               "    choices:\n      - {id: a, label: A}\n      - {id: b, label: B}",
                               45, "events[0].chooser", "not among the factions told"),
    "event_duplicate_id": (FX, "      - set_flag: one\n  - id: evt_one\n    title: Again\n"
                           "    when: {turn: {min: 3}}", 44, "events[1].id", "defined twice"),
    "event_duplicate_option": (FX, "      - set_flag: one\n    chooser: red\n    choices:\n"
                               "      - {id: a, label: A}\n      - {id: a, label: B}", 47,
                               "events[0].choices[1].id", "option 'a' is given twice"),
    "event_options_weigh_nothing": (FX, "      - set_flag: one\n    chooser: red\n    choices:\n"
                                    "      - {id: a, label: A, ai_weight: 0}\n"
                                    "      - {id: b, label: B, ai_weight: 0}", 45,
                                    "events[0].choices", "needs an `ai_weight` above 0"),
    "event_option_effect_unknown": (FX, "      - set_flag: one\n    chooser: red\n    choices:\n"
                                    "      - {id: a, label: A, effects: [set_flagg: x]}\n"
                                    "      - {id: b, label: B}", 46,
                                    "events[0].choices[0].effects[0].set_flagg",
                                    "did you mean 'set_flag'"),
    "event_reference_not_an_id": (WHEN, "when: {in_play: {faction: [red]}}", 41,
                                  "events[0].when.in_play.faction",
                                  "expected faction id, found a list"),
    "event_place_not_text": (WHEN, "when: {army_near: {faction: red, place: 12}}", 41,
                             "events[0].when.army_near.place", "expected a place (id or col,row)"),
    "event_all_not_a_list": (WHEN, "when: {all: {flag: a}}", 41, "events[0].when.all",
                             "expected a list of conditions"),
    "event_place_and_region": (WHEN, "when: {commander_at: {commander: red_king, place: alpha, "
                               "region: north}}", 41, "events[0].when.commander_at",
                               "give `place` or `region`, not both"),
    "event_count_too_high": (WHEN, "when: {owns: {faction: red, region: north, count: 2}}", 41,
                             "events[0].when.owns", "`count` (2) is more than the 1 cities"),
    "event_flag_never_set": (WHEN, "when: {flag: onne}", 41, "events[0].when.flag",
                             "the flag 'onne' is never set by a `set_flag` in this scenario "
                             "(did you mean 'one'?)"),
    "choice_empty_list": (FX, "      - set_flag: one\n    chooser: red\n    choices: []", 45,
                          "events[0].choices", "no options to choose"),
    "event_cooldown_without_repeat": (TITLE, "    title: One\n    cooldown: 2", 41,
                                      "events[0].cooldown", "only matters for an event with"),
    "victory_unknown_condition": ("{faction: red, when: {owns:", "{faction: red, when: {own:", 37,
                                  "victory[0].when.own", "did you mean 'owns'"),
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
    "hostile_armies_share_hex": ('at: "3,2", men: 4000', 'at: alpha, men: 4000', 35,
                                 "armies[1].at", "shares hex (2,1) with the hostile army"),
    "commander_two_armies": ("commander: blue_duke}", "commander: red_king}", 35,
                             "armies[1].commander", "already leads"),
    "victory_unknown_faction": ("{faction: red, when:", "{faction: green, when:", 37,
                                "victory[0].faction", "unknown faction 'green'"),
    "ai_unknown_target": ("victory:", "ai: {red: {targets: {gamma: 5}}}\nvictory:", 36,
                          "ai.red.targets", "unknown place 'gamma'"),
    "ai_bad_home": ("victory:", "ai: {red: {home: nowhere}}\nvictory:", 36,
                    "ai.red.home", "unknown place 'nowhere'"),
    "wrong_top_level": (BASE, "- just\n- a list\n", 1, "", "expected a mapping of keys"),
    "scalar_top_level": (BASE, "just some words\n", 1, "", "expected a mapping of keys"),
    "null_document": (BASE, "~\n", 1, "", "found nothing (null)"),
    "two_documents": ("title: Bad fixture", "title: Bad fixture\n---\nid: again", 3, "",
                      "a second YAML document"),
    "tab_indent": ("  - {id: red_army", "\t- {id: red_army", 34, "", "indent YAML with spaces only"),
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
    "float_for_int": ("men: 5000", "men: 5000.5", 34, "armies[0].men",
                      "expected a whole number"),
    "huge_number": ("men: 5000", "men: 100000000000000000000", 34, "armies[0].men",
                    "more than 15 digits"),
    "number_above_the_format_limit": ('color: "#0000aa"}', 'color: "#0000aa", treasury: '
                                      '10000000000000}', 24, "factions[1].treasury",
                                      "above the maximum 1000000000000"),
    "bool_tag_not_a_bool": ("garrison: 1000}", "garrison: 1000, port: !!bool maybe}", 31,
                            "cities[0].port",
                            "'maybe' is not true or false"),
    "bool_tag_number": ("garrison: 1000}", "garrison: 1000, port: !!bool 1}", 31, "cities[0].port",
                        "'1' is not true or false"),
    "int_tag_empty": ("men: 5000", 'men: !!int ""', 34, "armies[0].men", "'' is not a whole number"),
    "float_tag_empty": ("men: 5000", 'men: !!float ""', 34, "armies[0].men", "'' is not a number"),
    "sexagesimal_number": ("men: 5000", "men: 1:23:20", 34, "armies[0].men", "base-60"),
    "hex_number": ('color: "#0000aa"}', 'color: "#0000aa", treasury: 0x1F}', 24,
                   "factions[1].treasury", "not a decimal number"),
    "long_hex_number": ('color: "#0000aa"}', 'color: "#0000aa", treasury: 0x' + "f" * 300 + '}',
                        24, "factions[1].treasury", "more than 15 digits"),
    "octal_number": ("men: 5000", "men: 017", 34, "armies[0].men", "not a decimal number"),
    "nul_in_title": ("title: Bad fixture", 'title: "Bad\\0fixture"', 2, "title",
                     "U+0000 is not allowed"),
    "bidi_in_name": ("{id: blue, name: Blue,", '{id: blue, name: "Bl\\u202eue",', 24,
                     "factions[1].name", "U+202E is not allowed"),
    "title_too_long": ("title: Bad fixture", "title: " + "x" * 2500, 2, "title",
                       "more than the 2000 allowed"),
    "event_number_too_big": (FX, "      - treasury: {faction: red, amount: 5000000000000}",
                             43, "events[0].effects[0].treasury.amount",
                             "beyond the largest number allowed"),
    "negative_garrison": ("garrison: 500", "garrison: -500", 32, "cities[1].garrison",
                          "below the minimum 0"),
    "negative_treasury": ('color: "#0000aa"}', 'color: "#0000aa", treasury: -5}', 24,
                          "factions[1].treasury", "below the minimum 0"),
    "negative_rule": ("victory:", "rules: {cost_plain: -2}\nvictory:", 36, "rules.cost_plain",
                      "outside the allowed range 0-10000"),
    "rule_too_big": ("victory:", "rules: {battle_roll_max: 1000000}\nvictory:", 36,
                     "rules.battle_roll_max", "outside the allowed range 1-1000"),
    "rule_percent_over_100": ("victory:", "rules: {loss_loser_max: 150}\nvictory:", 36,
                              "rules.loss_loser_max", "outside the allowed range 0-100"),
    "rule_range_reversed": ("victory:", "rules: {battle_roll_min: 130}\nvictory:", 36,
                            "rules.battle_roll_min", "must not be above battle_roll_max (125)"),
    "walls_too_high": ("walls: 2, income: 2}", "walls: 9, income: 2}", 16, "map.places[0].walls",
                       "above the maximum 5"),
    "map_too_wide": ("width: 5", "width: 5000", 8, "map.width", "above the maximum 400"),
    "map_rows_missing": ("height: 4", "height: 5", 10, "map.terrain", "has 4 rows"),
    "army_off_map": ('at: "3,2", men: 4000', 'at: "9,9", men: 4000', 35, "armies[1].at",
                     "no place '9,9'"),
    "army_negative_cell": ('at: "3,2", men: 4000', 'at: "-1,2", men: 4000', 35, "armies[1].at",
                           "no place '-1,2'"),
    "city_off_map": ("{id: beta, owner: blue,", '{id: beta, at: "2,7", owner: blue,', 32,
                     "cities[1].at", "no place '2,7'"),
    "city_on_sea": ("{id: beta, owner: blue,", '{id: beta, at: "0,1", owner: blue,', 32,
                    "cities[1].at", "stands on water"),
    "place_off_map": ('hex: "4,2"', 'hex: "4,4"', 17, "map.places[1].hex",
                      "is not a hex `col,row` on the map"),
    "place_on_sea": ('hex: "4,2"', 'hex: "1,0"', 17, "map.places[1].hex", "is on water"),
    "pass_off_map": ('hex: "3,2"}]', 'hex: "5,0"}]', 21, "map.passes[0].hex",
                     "is not a hex `col,row` on the map"),
    "pass_on_sea": ('hex: "3,2"}]', 'hex: "0,0"}]', 21, "map.passes[0].hex", "is on water"),
    "river_off_map": ("  places:", "  rivers:\n    - {id: flow, name: Flow, edges: \"2,2,0 6,2,3\"}"
                      "\n  places:", 16, "map.rivers[0].edges", "is off the map"),
    "road_off_map": ("  places:", "  roads:\n    - {id: way, path: \"3,0 4,0 5,0\"}\n  places:",
                     16, "map.roads[0].path", "is not a hex `col,row` on the map"),
    "spawn_off_map": ("      - set_flag: one", "      - spawn_army: {faction: red, at: \"5,4\", "
                      "men: 100}", 43, "events[0].effects[0].spawn_army.at",
                      "unknown place '5,4'"),
    "condition_place_off_map": ("when: {turn: {min: 2}}",
                                "when: {army_near: {faction: red, place: \"-3,0\"}}", 41,
                                "events[0].when.army_near.place", "unknown place '-3,0'"),
    "event_when_scalar": ("when: {turn: {min: 2}}", "when: soon", 41, "events[0].when",
                          "a mapping with one key"),
    "event_when_missing": ("    when: {turn: {min: 2}}\n", "", 39, "events[0]",
                           "missing required key 'when'"),
    "event_not_list": ("when: {turn: {min: 2}}", "when: {not: [{turn: {min: 2}}]}", 41,
                       "events[0].when.not", "a mapping with one key"),
    "event_nested_unknown": ("when: {turn: {min: 2}}", "when: {all: [{turn: {min: 2}}, "
                             "{any: [{flagg: x}]}]}", 41, "events[0].when.all[1].any[0].flagg",
                             "did you mean 'flag'"),
    "event_bad_season": ("when: {turn: {min: 2}}", "when: {date: {season: monsoon}}", 41,
                         "events[0].when.date.season", "expected one of spring"),
    "event_chance_range": ("when: {turn: {min: 2}}", "when: {chance: 150}", 41,
                           "events[0].when.chance", "not a percentage"),
    "event_fired_unknown": ("when: {turn: {min: 2}}", "when: {fired: evt_two}", 41,
                            "events[0].when.fired", "unknown event 'evt_two'"),
    "event_no_arguments": ("when: {turn: {min: 2}}", "when: {turn: [1, 2]}", 41,
                           "events[0].when.turn", "write them as a mapping"),
    "victory_condition_broken": ("{faction: red, when: {owns: {faction: red, city: beta}}}",
                                 "{faction: red, when: {owns: {faction: red}}}", 37,
                                 "victory[0].when.owns", "give exactly one of `city`, `region`, `cities`"),
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
