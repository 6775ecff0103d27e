"""Every condition of the event language: a state where it holds and one where it does not.

The states are the test scenario's opening (spring 603, Byzantium to play),
changed a little by each case's setup.  A test at the end checks that no
registered condition is left without a case.
"""
import pytest

from game.events.registry import CONDITIONS
from game.events.runner import event_by_id, fire
from game.rules.state import Siege
from tests.events.lang import apply, condition, holds
from tests.helpers import cell


def nothing(state):
    pass


def flags(*names):
    def setup(state):
        for n in names:
            state.flags[n] = 1
    return setup


def at(month, year=603, turn=None):
    def setup(state):
        state.year, state.month = year, month
        if turn is not None:
            state.turn = turn
    return setup


def monthly(month):
    def setup(state):
        state.months_per_turn = 1
        state.month = month
    return setup


def siege_of(city, by):
    def setup(state):
        state.cities[city].siege = Siege(by, 0, 4)
    return setup


def both(*setups):
    def setup(state):
        for s in setups:
            s(state)
    return setup


def put(army, col, row):
    def setup(state):
        state.armies[army].hex = cell(col, row)
    return setup


def attr(kind, key, name, value):
    def setup(state):
        setattr(getattr(state, kind)[key], name, value)
    return setup


def effects(text):
    def setup(state):
        apply(state, text)
    return setup


def fired_at(event, turn, year, month):
    def setup(state):
        state.turn, state.year, state.month = turn, year, month
        fire(state, event_by_id(state, event))
    return setup


# (condition, setup, expected)
CASES = [
    # combining
    ("all: [{flag: a}, {flag: b}]", flags("a", "b"), True),
    ("all: [{flag: a}, {flag: b}]", flags("a"), False),
    ("any: [{flag: a}, {flag: b}]", flags("b"), True),
    ("any: [{flag: a}, {flag: b}]", nothing, False),
    ("not: {flag: a}", nothing, True),
    ("not: {flag: a}", flags("a"), False),
    # dates: a seasonal turn covers three months (spring 603 = Mar-May 603)
    ("date: {start: 603-05}", nothing, True),
    ("date: {start: 603-06}", nothing, False),
    ("date: {end: 603-03}", nothing, True),
    ("date: {end: 603-02}", nothing, False),
    ("date: {start: 602-11, end: 603-04}", nothing, True),
    ("date: {start: 603-06, end: 604-05}", nothing, False),
    ("date: {start: 603-06, end: 604-05}", at(12), True),
    ("date: {year: 603}", nothing, True),
    ("date: {year: 604}", nothing, False),
    ("date: {year: 603}", at(12), True),             # winter 603/4 is shown as 603
    ("date: {season: spring}", nothing, True),
    ("date: {season: summer}", nothing, False),
    ("date: {season: winter}", at(12), True),
    ("date: {month: 4}", nothing, True),
    ("date: {month: 6}", nothing, False),
    ("date: {month: 1}", at(12), True),               # winter includes January
    ("date: {month: 4}", monthly(4), True),
    ("date: {month: 4}", monthly(3), False),
    ("date: {start: 603-04}", monthly(3), False),
    ("date: {year: 603, season: spring, month: 5}", nothing, True),
    ("date: {year: 603, season: spring, month: 6}", nothing, False),
    # turns
    ("turn: {min: 1}", nothing, True),
    ("turn: {min: 2}", nothing, False),
    ("turn: {min: 2, max: 4}", at(6, turn=4), True),
    ("turn: {max: 3}", at(6, turn=4), False),
    # cities and regions
    ("owns: {faction: byzantium, city: jerusalem}", nothing, True),
    ("owns: {faction: sassanids, city: jerusalem}", nothing, False),
    ("owns: {faction: sassanids, region: persia}", nothing, True),
    ("owns: {faction: sassanids, region: syria}", nothing, False),
    ("owns: {faction: byzantium, region: syria, count: 2}", nothing, True),
    ("owns: {faction: byzantium, region: syria, count: 3}", nothing, False),
    ("owns: {faction: byzantium, cities: [jerusalem, ancyra]}", nothing, True),
    ("owns: {faction: byzantium, cities: [jerusalem, edessa]}", nothing, False),
    ("owns: {faction: byzantium, cities: [jerusalem, edessa], count: 1}", nothing, True),
    ("owns: {faction: sassanids, region: syria}",
     effects("[{set_owner: {city: jerusalem, faction: sassanids}},"
             " {set_owner: {city: open_town, faction: sassanids}}]"), True),
    ("besieged: jerusalem", siege_of("jerusalem", "sassanids"), True),
    ("besieged: jerusalem", nothing, False),
    ("besieged: {city: jerusalem, by: sassanids}", siege_of("jerusalem", "sassanids"), True),
    ("besieged: {city: jerusalem, by: avars}", siege_of("jerusalem", "sassanids"), False),
    ("garrison: {city: jerusalem, max: 1500}", nothing, True),
    ("garrison: {city: jerusalem, min: 1501}", nothing, False),
    ("walls: {city: dara, min: 4}", nothing, True),
    ("walls: {city: dara, max: 3}", nothing, False),
    # the map
    ("strait_open: {strait: bosporus, faction: byzantium}", nothing, True),
    ("strait_open: {strait: bosporus, faction: sassanids}", nothing, False),
    ("strait_open: {strait: bosporus, faction: sassanids}",
     effects("[{open_strait: {strait: bosporus, faction: sassanids}}]"), True),
    ("pass_open: high_pass", nothing, True),
    ("pass_open: high_pass", at(12), False),
    ("pass_open: high_pass",
     both(at(12), effects("[{pass_state: {pass: high_pass, to: open}}]")), True),
    ("pass_open: high_pass", effects("[{pass_state: {pass: high_pass, to: closed}}]"), False),
    # armies
    ("army_near: {faction: byzantium, place: ancyra}", nothing, True),
    ("army_near: {faction: sassanids, place: ancyra, within: 2}", nothing, False),
    ("army_near: {faction: sassanids, place: edessa, within: 1}", nothing, True),
    ("army_near: {faction: sassanids, place: \"6,7\", within: 1}", nothing, False),
    ("army_near: {faction: sassanids, place: \"6,7\", within: 1}", put("per_raid", 7, 6), True),
    ("army_near: {faction: byzantium, region: anatolia}", nothing, True),
    ("army_near: {faction: sassanids, region: anatolia}", nothing, False),
    ("army_near: {faction: byzantium, region: anatolia, men: 20000}", nothing, True),
    ("army_near: {faction: byzantium, region: anatolia, men: 20001}", nothing, False),
    ("army_near: {faction: byzantium, region: anatolia, commander: priscus}", nothing, True),
    ("army_near: {faction: byzantium, region: thrace, commander: priscus}", nothing, False),
    # a field army somewhere in a region, or near a place, with its general near enough
    ("army_in_region: {faction: byzantium, regions: [syria, thrace], men: 8000}", nothing, True),
    ("army_in_region: {faction: byzantium, regions: thrace, men: 8001}", nothing, False),
    ("army_in_region: {faction: byzantium, regions: syria}", nothing, False),
    ("army_in_region: {faction: byzantium}", nothing, True),
    ("army_in_region: {faction: sassanids, place: edessa, within: 1, men: 20000}", nothing, True),
    ("army_in_region: {faction: sassanids, place: edessa, within: 1, men: 25001}", nothing,
     False),
    ("army_in_region: {faction: byzantium, regions: thrace, commander: priscus}", nothing, False),
    ("army_in_region: {faction: byzantium, regions: thrace, commander: priscus, "
     "commander_within: 5}", nothing, True),
    ("army_in_region: {faction: byzantium, regions: thrace, commander: priscus, "
     "commander_within: 4}", nothing, False),
    ("army_in_region: {faction: byzantium, regions: thrace, commander: priscus, "
     "commander_within: 5}", attr("commanders", "priscus", "alive", False), False),
    ("army_in_region: {faction: byzantium, regions: anatolia, commander: priscus}", nothing,
     True),
    # two armies met
    ("army_near_army: {faction: byzantium, other: sassanids}", nothing, False),
    ("army_near_army: {faction: byzantium, other: sassanids}", put("per_raid", 5, 4), True),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 4}", nothing, True),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 4, other_men: 6001}",
     nothing, False),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 5, "
     "other_commander: shahrbaraz, commander: priscus}", nothing, True),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 5, men: 20001}", nothing,
     False),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 5, place: battlefield, "
     "radius: 1}", nothing, True),
    ("army_near_army: {faction: byzantium, other: sassanids, within: 5, place: "
     "constantinople, radius: 3}", nothing, False),
    ("army_near_army: {faction: sassanids, other: byzantium, within: 5, regions: anatolia}",
     nothing, False),
    ("army_exists: byz_field", nothing, True),
    ("army_exists: {army: byz_field, men: 20001}", nothing, False),
    ("army_exists: avar_host", nothing, False),
    ("army_exists: avar_host",
     effects("[{spawn_army: {id: avar_host, faction: avars, at: \"0,1\", men: 5000}}]"), True),
    # commanders and rulers
    ("commander_alive: priscus", nothing, True),
    ("commander_alive: priscus", attr("commanders", "priscus", "alive", False), False),
    ("commander_at: {commander: priscus, place: ancyra}", nothing, True),
    ("commander_at: {commander: priscus, place: constantinople, within: 3}", nothing, False),
    ("commander_at: {commander: shahrbaraz, place: edessa, within: 1}", nothing, True),
    ("commander_at: {commander: priscus, region: anatolia}", nothing, True),
    ("commander_at: {commander: priscus, region: syria}", nothing, False),
    ("commander_at: priscus", nothing, True),
    ("commander_at: phocas", nothing, False),     # he rules but leads no army
    ("commander_at: priscus", attr("commanders", "priscus", "alive", False), False),
    ("leads: {commander: priscus, army: byz_field}", nothing, True),
    ("leads: {commander: phocas, army: byz_field}", nothing, False),
    ("ruler: {faction: byzantium, commander: phocas}", nothing, True),
    ("ruler: {faction: byzantium, commander: priscus}", nothing, False),
    # factions
    ("relation: {a: byzantium, b: sassanids, status: war}", nothing, True),
    ("relation: {a: sassanids, b: byzantium, status: peace}", nothing, False),
    ("relation: {a: byzantium, b: avars, status: peace}", nothing, True),   # unlisted: peace
    ("in_play: byzantium", nothing, True),
    ("in_play: avars", nothing, False),
    ("active: byzantium", nothing, True),
    ("active: sassanids", nothing, False),
    # treasuries: Byzantium 100, Persia 120
    ("treasury: {faction: byzantium, min: 100}", nothing, True),
    ("treasury: {faction: byzantium, min: 101}", nothing, False),
    ("treasury: {faction: byzantium, max: 99}", nothing, False),
    ("treasury: {faction: byzantium, below: sassanids}", nothing, True),
    ("treasury: {faction: byzantium, above: sassanids}", nothing, False),
    ("treasury: {faction: byzantium, below: sassanids, by: 19}", nothing, True),
    ("treasury: {faction: byzantium, below: sassanids, by: 20}", nothing, False),
    ("treasury: {faction: sassanids, above: byzantium, by: 19, max: 120}", nothing, True),
    ("weariness: {faction: sassanids, min: 30}",
     attr("factions", "sassanids", "war_weariness", 30), True),
    ("weariness: {faction: sassanids, min: 30}", nothing, False),
    ("weariness: {faction: sassanids, above: byzantium, by: 10}",
     attr("factions", "sassanids", "war_weariness", 11), True),
    ("weariness: {faction: sassanids, above: byzantium, by: 10}",
     attr("factions", "sassanids", "war_weariness", 10), False),
    ("weariness: {faction: byzantium, below: sassanids}",
     attr("factions", "sassanids", "war_weariness", 1), True),
    # strength: Byzantium 28000 in the field + 16500 in garrisons; Persia 31000 + 14000
    ("strength: {faction: byzantium, min: 44500, max: 44500}", nothing, True),
    ("strength: {faction: byzantium, above: sassanids}", nothing, False),
    ("strength: {faction: byzantium, below: sassanids, by: 499}", nothing, True),
    ("strength: {faction: byzantium, below: sassanids, by: 500}", nothing, False),
    ("strength: {faction: byzantium, above: sassanids}",
     effects("[{reinforce: {army: byz_field, men: 1000}}]"), True),
    ("stronger: {faction: byzantium, than: sassanids}", nothing, False),
    ("stronger: {faction: byzantium, than: sassanids, percent: 98}", nothing, True),
    ("stronger: {faction: sassanids, than: byzantium}", nothing, True),
    # flags
    ("flag: a", flags("a"), True),
    ("flag: a", nothing, False),
    ("flag: {name: unrest, min: 2}", effects("[{set_flag: {name: unrest, add: 2}}]"), True),
    ("flag: {name: unrest, min: 3}", effects("[{set_flag: {name: unrest, add: 2}}]"), False),
    ("flag: {name: unrest, max: 0}", nothing, True),
    ("flag: {name: unrest, max: 0}", flags("unrest"), False),
    # fired: evt_test_avars fired in summer 603 (turn 2); now it is turn 4, winter 603
    ("fired: evt_test_avars", fired_at("evt_test_avars", 2, 603, 6), True),
    ("fired: evt_test_avars", nothing, False),
    ("fired: {event: evt_test_avars, within: 2}",
     both(fired_at("evt_test_avars", 2, 603, 6), at(12, turn=4)), True),
    ("fired: {event: evt_test_avars, within: 1}",
     both(fired_at("evt_test_avars", 2, 603, 6), at(12, turn=4)), False),
    ("fired: {event: evt_test_avars, after_turns: 2}",
     both(fired_at("evt_test_avars", 2, 603, 6), at(12, turn=4)), True),
    ("fired: {event: evt_test_avars, after_turns: 3}",
     both(fired_at("evt_test_avars", 2, 603, 6), at(12, turn=4)), False),
    ("fired: {event: evt_test_avars, start: 603-08, end: 603-12}",
     fired_at("evt_test_avars", 2, 603, 6), True),      # summer includes August
    ("fired: {event: evt_test_avars, end: 603-05}", fired_at("evt_test_avars", 2, 603, 6), False),
    ("fired: {event: evt_test_avars, start: 603-09}",
     fired_at("evt_test_avars", 2, 603, 6), False),
    ("fired: {event: evt_test_avars, times: 2}",
     both(fired_at("evt_test_avars", 2, 603, 6), fired_at("evt_test_avars", 4, 603, 12)), True),
    ("fired: {event: evt_test_avars, times: 2}", fired_at("evt_test_avars", 2, 603, 6), False),
    # chance
    ("chance: 100", nothing, True),
    ("chance: 0", nothing, False),
    ("mean_time: 1", nothing, True),
    ("mean_time: 1000000", nothing, False),     # one turn in a million: not this one
    # the end
    ("game_over: {winner: byzantium, result: peace}",
     effects("[{end_game: {outcome: peace, faction: byzantium}}]"), True),
    ("game_over: {winner: sassanids}",
     effects("[{end_game: {outcome: peace, faction: byzantium}}]"), False),
    ("game_over: {}", nothing, False),
]


@pytest.mark.parametrize("text, setup, expected", CASES,
                         ids=[f"{c[0][:60]}-{c[2]}" for c in CASES])
def test_condition(state, text, setup, expected):
    setup(state)
    assert holds(state, text) is expected


def test_every_condition_has_a_case_that_holds_and_one_that_does_not():
    seen = {True: set(), False: set()}
    for text, _setup, expected in CASES:
        seen[expected].add(text.split(":", 1)[0])
    missing = {name for name in CONDITIONS if name not in seen[True] or name not in seen[False]}
    assert not missing, f"conditions without both cases: {sorted(missing)}"


def test_chance_is_rolled_once_per_turn_per_event_without_the_games_generator(scn):
    from game.events import dice
    from game.rules.state import state_hash
    from tests.events.lang import fresh
    state = fresh(scn, seed=11)
    c = condition(scn, "chance: 50")
    before, draws = state_hash(state), state.rng.draws
    by_turn = {}
    for turn in range(1, 401):
        state.turn = turn
        with dice.rolling_for("evt_duel"):
            answers = {c(state) for _ in range(3)}      # start, an order, the end
        assert len(answers) == 1, f"turn {turn} rolled twice"
        by_turn[turn] = answers.pop()
    assert 160 < sum(by_turn.values()) < 240
    assert state.rng.draws == draws
    state.turn = 1
    assert state_hash(state) == before
    again = fresh(scn, seed=11)
    other_event, other_seed = [], []
    for turn in range(1, 401):
        again.turn = turn
        with dice.rolling_for("evt_duel"):
            assert c(again) == by_turn[turn]             # the same seed rolls the same way
        with dice.rolling_for("evt_other"):
            other_event.append(c(again))
    assert other_event != list(by_turn.values())         # each event has its own dice


def test_mean_time_holds_about_once_in_n_turns(scn):
    from game.events import dice
    from tests.events.lang import fresh
    state = fresh(scn, seed=5)
    c = condition(scn, "mean_time: 8")
    hits = 0
    with dice.rolling_for("evt_wait"):
        for turn in range(1, 2001):
            state.turn = turn
            hits += c(state)
    assert 200 < hits < 300          # 2000 / 8 = 250


def test_mean_time_needs_a_turn_or_more(scn):
    with pytest.raises(AssertionError, match="needs 1 turn or more"):
        condition(scn, "mean_time: 0")


def test_a_chance_event_checked_at_every_point_fires_in_about_half_the_turns(scn, monkeypatch):
    """A 50 % event checked at the start, after orders and at the end of each turn once
    fired in about 87 % of turns (it was rolled again at every check point)."""
    from game.events.runner import check_events
    from tests.events.lang import fresh
    state = fresh(scn, seed=3)
    ev = event_by_id(state, "evt_test_avars")
    monkeypatch.setattr(ev, "when", condition(scn, "chance: 50"))
    fired_turns = 0
    for turn in range(1, 301):
        state.turn = turn
        state.fired.pop("evt_test_avars", None)
        for point in ("start", "order", "order", "end"):
            if "evt_test_avars" not in state.fired:
                check_events(state, point)
        fired_turns += "evt_test_avars" in state.fired
    assert 120 < fired_turns < 180


def test_forced_dice_decide_one_event_and_leave_the_others(scn):
    from game.events import dice
    from tests.events.lang import fresh
    state = fresh(scn, seed=1)
    c = condition(scn, "chance: 1")
    with dice.forced({"evt_a": True, "evt_b": False}):
        with dice.rolling_for("evt_a"):
            assert all(c(state) for _ in range(3))
        with dice.rolling_for("evt_b"):
            assert not condition(scn, "chance: 99")(state)


def test_a_condition_never_changes_the_state_not_even_chance(state):
    from game.rules.state import state_hash
    before, draws = state_hash(state), state.rng.draws
    for text, _setup, _expected in CASES:
        holds(state, text)
    holds(state, "chance: 50")
    holds(state, "mean_time: 3")
    assert state_hash(state) == before and state.rng.draws == draws
