"""When events are checked and what firing one does: points, order, repeats, texts, choices."""
from game.events import runner
from game.rules import engine
from game.rules.orders import Choose, EndTurn, Move
from game.session.save import load_game, save_game
from tests.events.lang import fresh, scenario_with_events
from tests.helpers import cell


def end_turn(state):
    return engine.apply(state, EndTurn(state.active_faction))


def fired_kinds(events):
    return [e.data.event for e in events if e.kind == "fired"]


def test_a_repeating_event_waits_its_cooldown(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_tax
    title: Tax
    check: start
    on_turn_of: byzantium
    repeat: true
    cooldown: 2
    when: {turn: {min: 1}}
    effects: [{set_flag: {name: taxed, add: 1}}]
""")
    state = fresh(scn)
    while state.turn <= 7:
        end_turn(state)
    assert [e.turn for e in state.log] == [1, 3, 5, 7]
    assert state.flags["taxed"] == 4


def test_a_repeating_event_without_cooldown_fires_at_most_once_a_turn(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_every
    title: Every time
    repeat: true
    when: {turn: {min: 1}}
""")
    state = fresh(scn)
    for _ in range(4):           # both factions' turns of two rounds
        end_turn(state)
    assert [e.turn for e in state.log] == [1, 2, 3]


def test_an_event_that_does_not_repeat_fires_once(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_once
    title: Once
    when: {turn: {min: 1}}
""")
    state = fresh(scn)
    for _ in range(6):
        end_turn(state)
    assert [e.event for e in state.log] == ["evt_once"]


def test_check_points_and_whose_turn(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_end_persia
    title: At the end of the Persian turn
    check: end
    on_turn_of: sassanids
    when: {turn: {min: 1}}
  - id: evt_order
    title: After an order
    check: order
    when: {army_near: {faction: byzantium, place: \"5,4\"}}
""")
    state = fresh(scn)
    assert not state.log
    events = engine.apply(state, Move("byzantium", "byz_field", (cell(5, 4),)))
    assert fired_kinds(events) == ["evt_order"]
    events = end_turn(state)                          # Byzantium ends; Persia begins
    assert "evt_end_persia" not in fired_kinds(events)
    events = end_turn(state)                          # Persia ends
    assert fired_kinds(events) == ["evt_end_persia"]
    entry = state.log[-1]
    assert (entry.turn, entry.year, entry.month) == (1, 603, 3)


def test_the_events_of_a_check_point_follow_the_scenarios_events(tmp_path):
    """The events tried at a point are kept per scenario; a scenario whose events are
    replaced or put in another order is not answered from that."""
    scn = scenario_with_events(tmp_path, """\
  - id: evt_order
    title: After an order
    check: order
    when: {turn: {min: 1}}
  - id: evt_end
    title: At the end of a turn
    check: end
    when: {turn: {min: 1}}
""")
    state = fresh(scn)
    assert not state.log
    assert [ev.spec.id for ev in runner._checked_at(scn, "order")] == ["evt_order"]
    assert [ev.spec.id for ev in runner._checked_at(scn, "end")] == ["evt_end"]
    scn.events.reverse()                         # the same events, in another order
    scn.events[0].spec.check = "order"           # (and one of another point: made anew)
    assert [ev.spec.id for ev in runner._checked_at(scn, "order")] == ["evt_end", "evt_order"]
    scn.events = scn.events[:1]                  # a list of its own
    assert [ev.spec.id for ev in runner._checked_at(scn, "order")] == ["evt_end"]
    events = engine.apply(state, Move("byzantium", "byz_field", (cell(5, 4),)))
    assert fired_kinds(events) == ["evt_end"]


def test_events_are_tried_in_file_order_and_see_each_other(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_second
    title: Second
    when: {flag: first_done}
  - id: evt_first
    title: First
    when: {turn: {min: 1}}
    effects: [{set_flag: first_done}]
  - id: evt_third
    title: Third
    when: {fired: evt_first}
""")
    state = fresh(scn)
    # at the first check point evt_first fires and evt_third (after it) sees it;
    # evt_second was tried before the flag was set, so it waits for the next point
    assert [e.event for e in state.log] == ["evt_first", "evt_third"]
    engine.apply(state, Move("byzantium", "byz_field", (cell(5, 4),)))
    assert [e.event for e in state.log] == ["evt_first", "evt_third", "evt_second"]


def test_per_side_text_and_who_is_told(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_news
    title: News
    text: Something happened.
    text_for: {sassanids: Our plan worked.}
    to: [byzantium, sassanids]
    when: {turn: {min: 1}}
""")
    state, events = engine.new_game(scn, 1)
    (e,) = [e for e in events if e.kind == "fired"]
    assert e.factions == ("byzantium", "sassanids")
    assert e.data.text == "Something happened."
    assert e.data.text_for == {"sassanids": "Our plan worked."}
    assert state.log[0].seen_by == ["byzantium", "sassanids"]


def test_a_choice_for_a_side_out_of_play_takes_the_heaviest_option(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_avar_mood
    title: The Khagan decides
    when: {turn: {min: 1}}
    chooser: avars
    choices:
      - {id: raid, label: Raid, ai_weight: 1, effects: [{set_flag: raid}]}
      - {id: wait, label: Wait, ai_weight: 5, effects: [{set_flag: wait}]}
""")
    state = fresh(scn)
    assert not state.pending
    assert state.flags == {"wait": 1} and state.log[0].choice == "wait"


# an offer that Persia alone may answer, from the first turn
OFFER = """\
  - id: evt_offer
    title: An offer to Persia
    when: {turn: {min: 1}}
    chooser: sassanids
    choices:
      - {id: accept, label: Accept, hint: Peace., effects: [{set_flag: accepted}]}
      - {id: refuse, label: Refuse, effects: [{set_flag: refused}]}
"""


def test_a_choice_waits_for_its_side_and_only_its_side(tmp_path):
    scn = scenario_with_events(tmp_path, OFFER)
    state = fresh(scn)
    assert [(p.event, p.faction) for p in state.pending] == [("evt_offer", "sassanids")]
    assert engine.is_legal(state, Move("byzantium", "byz_field", (cell(5, 4),)))
    events = end_turn(state)
    choice = [e for e in events if e.kind == "choice"]
    assert not choice     # the choice was announced when the event fired, to Persia alone
    assert engine.legal_orders(state) == [Choose("sassanids", "evt_offer", "accept"),
                                          Choose("sassanids", "evt_offer", "refuse")]
    engine.apply(state, Choose("sassanids", "evt_offer", "refuse"))
    assert state.flags == {"refused": 1} and state.log[0].choice == "refuse"


def test_the_choice_announcement_goes_only_to_the_chooser(tmp_path):
    scn = scenario_with_events(tmp_path, OFFER)
    _state, events = engine.new_game(scn, 1)
    (c,) = [e for e in events if e.kind == "choice"]
    assert c.factions == ("sassanids",) and not c.public


def test_the_event_log_is_saved_with_the_game(tmp_path, state):
    for _ in range(2):
        end_turn(state)
    assert [e.event for e in state.log] == ["evt_test_avars", "evt_test_tribute"]
    path = tmp_path / "g.json"
    save_game(path, state)
    loaded = load_game(path, lambda meta: state.scenario)
    assert loaded.state.log == state.log and loaded.state.fired == state.fired


def test_a_game_with_chance_events_repeats_with_its_seed(tmp_path):
    scn = scenario_with_events(tmp_path, """\
  - id: evt_luck
    title: Luck
    repeat: true
    check: start
    when: {chance: 30}
    effects: [{set_flag: {name: luck, add: 1}}]
""")
    runs = []
    for _ in range(2):
        state = fresh(scn, seed=5)
        for _ in range(16):
            end_turn(state)
        runs.append([(e.turn, e.event) for e in state.log])
    assert runs[0] == runs[1] and runs[0]


def test_a_save_from_before_defeats_were_recorded_still_loads(state):
    from game.rules.state import state_from_dict, state_to_dict
    d = state_to_dict(state)
    del d["loser"]
    assert state_from_dict(d, state.scenario).loser is None
