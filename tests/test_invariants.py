"""The invariant checker sees each kind of broken state (so the fuzz and soak tests can fail)."""
import pytest

from game.rules.invariants import check_invariants
from game.rules.state import Siege
from tests.helpers import cell


def test_a_fresh_game_of_every_scenario_holds_every_invariant():
    from game.rules.engine import new_game
    from game.scenario.load import load_scenario
    from tests.helpers import all_scenario_files
    for f in all_scenario_files():
        state, _ = new_game(load_scenario(f), 1)
        assert check_invariants(state) == [], f.name


def _hostile_pair(st):
    st.armies["per_raid"].hex = st.armies["byz_field"].hex


def _at_sea(st):
    st.armies["per_raid"].hex = cell(0, 4)          # sea; the Sassanids have no fleet


def _impassable(st):
    st.armies["per_raid"].hex = cell(11, 0)         # high peaks


def _two_commands(st):
    st.armies["byz_guard"].commander = "priscus"


@pytest.mark.parametrize("damage, expect", [
    (_hostile_pair, "hostile armies"),
    (_at_sea, "which has no fleet, is at sea"),
    (_impassable, "impassable"),
    (lambda st: setattr(st.factions["sassanids"], "treasury", -1), "negative treasury"),
    (lambda st: setattr(st.cities["dara"], "garrison", -5), "negative garrison"),
    (lambda st: setattr(st.cities["dara"], "owner", "martians"), "not a faction of the scenario"),
    (lambda st: setattr(st.armies["per_raid"], "men", 0), "has 0 men"),
    (lambda st: setattr(st.armies["per_raid"], "morale", 101), "outside 0-100"),
    (lambda st: setattr(st.armies["per_raid"], "hex", cell(40, 40)), "off the map"),
    (_two_commands, "leads both"),
    (lambda st: setattr(st.cities["dara"], "walls", 6), "walls 6"),
    (lambda st: setattr(st.cities["dara"], "siege", Siege("sassanids")), "its own owner"),
    (lambda st: st.cities.pop("dara"), "differ from the scenario's"),
    (lambda st: setattr(st.factions["byzantium"], "war_weariness", 120), "war-weariness 120"),
])
def test_each_broken_invariant_is_reported(state, damage, expect):
    assert check_invariants(state) == []
    damage(state)
    broken = check_invariants(state)
    assert any(expect in line for line in broken), broken


LAKE_SCENARIO = """id: lake_test
title: Lake
start: 603-03
end: 603-12
map:
  id: lake_map
  name: Lake map
  width: 3
  height: 2
  terrain: |
    .%~
    ...
  places:
    - {id: town, name: Town, hex: "0,1"}
factions:
  - {id: fleet, name: Fleet, color: "#0000aa", navy: true}
cities:
  - {id: town, owner: fleet}
armies:
  - {id: sailors, faction: fleet, at: "0,0", men: 1000}
"""


def test_a_lake_is_never_allowed_even_with_a_fleet(tmp_path):
    from game.rules.engine import new_game
    from game.scenario.load import load_scenario
    f = tmp_path / "lake.yaml"
    f.write_text(LAKE_SCENARIO)
    state, _ = new_game(load_scenario(f), 1)
    assert check_invariants(state) == []
    state.armies["sailors"].hex = cell(2, 0)          # the sea: a fleet may be there
    assert check_invariants(state) == []
    state.armies["sailors"].hex = cell(1, 0)          # the lake: never
    assert any("lake" in line for line in check_invariants(state))


# --- regressions the fuzz tests found ---------------------------------------------------

def test_a_rout_never_takes_more_men_than_the_loser_has(tmp_path, scn):
    """loss_loser_max 100 plus a rout's extra 10% once took 110% of a garrison (below zero)."""
    from game.rules import engine
    from game.rules.orders import Attack
    from game.scenario.load import load_scenario
    from tests.helpers import scenario_with_rules
    f = scenario_with_rules(tmp_path, {"loss_loser_min": 100, "loss_loser_max": 100})
    state, _ = engine.new_game(load_scenario(f), 3)
    edessa = state.cities["edessa"]
    state.armies["per_raid"].hex = edessa.hex
    state.armies["byz_field"].hex = cell(7, 5)
    state.armies["byz_field"].men = 400_000            # a rout: more than twice as strong
    lost_before = state.factions["sassanids"].men_lost
    events = engine.apply(state, Attack("byzantium", "byz_field", edessa.hex))
    (battle,) = [e for e in events if e.kind == "battle"]
    assert battle.data.defender_lost == battle.data.defender_men == 6000 + 3000
    assert state.factions["sassanids"].men_lost - lost_before == 9000
    assert check_invariants(state) == []


@pytest.mark.parametrize("d", [
    {"kind": ["move"], "faction": "byzantium"},              # once a TypeError (unhashable)
    {"kind": {"a": 1}, "faction": "byzantium"},
    {"kind": "attack", "faction": "byzantium", "army": "a", "target": [True, False]},
    {"kind": "move", "faction": "byzantium", "army": "a", "path": [[1, True]]},
])
def test_a_malformed_order_dict_is_a_value_error(d):
    from game.rules.orders import order_from_dict
    with pytest.raises(ValueError):
        order_from_dict(d)


LEAVES = """
  - id: evt_leaves_at_start
    title: Gone home
    check: start
    on_turn_of: sassanids
    when: {turn: {min: 2}}
    effects:
      - leave_war: sassanids
  - id: evt_leaves_after_an_order
    title: Recalled
    check: order
    on_turn_of: byzantium
    when: {turn: {min: 3}}
    effects:
      - leave_war: byzantium
"""


def test_a_side_that_leaves_the_war_plays_no_more_of_its_turn(tmp_path):
    """Found by the soak: a side taken out of the war as its turn began was still to play."""
    import game.ai
    from game.rules import engine
    from game.rules.orders import Move
    from game.scenario.load import load_scenario
    from tests.conftest import TEST_SCENARIO
    f = tmp_path / "leaves.yaml"
    f.write_text(TEST_SCENARIO.read_text().rstrip("\n") + "\n" + LEAVES)
    state, _ = engine.new_game(load_scenario(f), 4)
    while not (state.turn == 3 and state.active_faction == "byzantium"):
        order = game.ai.next_order(state)
        assert not (state.turn >= 2 and order.faction == "sassanids"), "it left the war"
        engine.apply(state, order)
        assert check_invariants(state) == []
    assert not state.factions["sassanids"].in_play
    # an order that fires an event taking its own side out of the war ends that side's turn
    move = next(o for o in engine.legal_orders(state) if isinstance(o, Move))
    engine.apply(state, move)
    assert not state.factions["byzantium"].in_play
    assert state.active_faction != "byzantium" or state.over
    assert check_invariants(state) == []
