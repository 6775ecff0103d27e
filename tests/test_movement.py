"""Movement rules: terrain costs, rivers, straits, passes, zones of control, ports."""
import pytest

from game.rules import engine
from game.rules import movement as M
from game.rules.orders import EndTurn, Move, Refused
from tests.helpers import cell, unchanged_after


def byz(state):
    return state.armies["byz_field"]


def test_reach_is_within_budget_and_costs_add_up(state):
    a = byz(state)
    assert a.moves == 16
    reach = M.reachable(state, a)
    assert reach and all(cost <= a.moves for cost, _ in reach.values())
    hm = state.scenario.map
    # three plain hexes west along row 2 from (5,2): 2 points each
    path = M.plan_move(state, a, cell(3, 2))
    assert path is not None
    assert sum(M.step_cost(state, x, y, "byzantium", M.obstacles(state, "byzantium"))
               for x, y in zip((a.hex,) + path, path)) == reach[hm.index(cell(3, 2))][0]


def test_river_costs_extra_unless_bridged(state):
    obs = M.obstacles(state, "sassanids")
    r = state.scenario.rules
    # (8,3) -> (9,3): across the Euphrates, into hills
    assert M.step_cost(state, cell(8, 3), cell(9, 3), "sassanids", obs) == r["cost_hills"] + r["cost_river"]
    # (9,5) -> (8,5): across the Zeugma bridge into Edessa's plain
    assert M.step_cost(state, cell(9, 5), cell(8, 5), "sassanids", obs) == r["cost_plain"]


def test_strait_needs_a_navy(state):
    chalcedon, constantinople = cell(2, 2), cell(1, 2)
    assert M.step_cost(state, chalcedon, constantinople, "byzantium",
                       M.obstacles(state, "byzantium")) is not None
    assert M.step_cost(state, chalcedon, constantinople, "sassanids",
                       M.obstacles(state, "sassanids")) is None
    per = state.armies["per_raid"]
    per.hex = chalcedon
    assert M.route(state, per, cell(0, 1)) is None
    state.strait_open["bosporus"].append("sassanids")   # an event could grant it
    found = M.route(state, per, cell(0, 1))
    assert found is not None and found[0] == (cell(1, 1), cell(0, 1))


def test_pass_closes_in_winter(state):
    pass_hex = cell(10, 1)
    i = state.scenario.map.index(pass_hex)
    assert i not in M.obstacles(state, "sassanids").closed_passes
    assert M.step_cost(state, cell(9, 1), pass_hex, "sassanids",
                       M.obstacles(state, "sassanids")) == state.scenario.rules["cost_pass"]
    state.month = 12
    assert i in M.obstacles(state, "sassanids").closed_passes
    assert M.step_cost(state, cell(9, 1), pass_hex, "sassanids",
                       M.obstacles(state, "sassanids")) is None
    state.pass_override["high_pass"] = "open"
    assert i not in M.obstacles(state, "sassanids").closed_passes


def test_winter_doubles_rough_ground(state):
    summer = M.step_cost(state, cell(8, 1), cell(9, 1), "byzantium", M.obstacles(state, "byzantium"))
    state.month = 12
    winter = M.step_cost(state, cell(8, 1), cell(9, 1), "byzantium", M.obstacles(state, "byzantium"))
    assert winter == summer * state.scenario.rules["winter_rough_percent"] // 100 > summer


def test_zone_of_control_stops_a_march(state):
    a = byz(state)
    # a Persian army at (6,1) exerts control over (5,2), (6,2), (7,1) and others
    state.armies["per_raid"].hex = cell(6, 1)
    reach = M.reachable(state, a)
    hm = state.scenario.map
    zoc = hm.index(cell(6, 2))
    assert zoc in reach
    # nothing is reached *through* the zone of control hex
    assert all(prev != zoc for _, prev in reach.values())
    order = Move("byzantium", "byz_field", (cell(6, 2), cell(7, 2)))
    with pytest.raises(Refused) as exc:
        engine.check(state, order)
    assert exc.value.rule == "zone_of_control"
    events = engine.apply(state, Move("byzantium", "byz_field", (cell(6, 2),)))
    assert a.hex == cell(6, 2) and a.moves == 0
    assert events[0].kind == "moved"


def test_fleets_embark_only_at_friendly_ports(state):
    guard = state.armies["byz_guard"]        # in Constantinople, a port
    hm = state.scenario.map
    reach = M.reachable(state, guard)
    assert any(hm.is_water(hm.hex_of(j)) for j in reach)
    obs = M.obstacles(state, "byzantium")
    assert M.step_cost(state, cell(1, 2), cell(1, 3), "byzantium", obs) is not None
    assert M.step_cost(state, cell(0, 2), cell(0, 3), "byzantium", obs) is None  # no port
    # a faction without a navy never goes to sea
    per = state.armies["per_raid"]
    assert not any(hm.is_water(hm.hex_of(j)) for j in M.reachable(state, per, budget=40))


def test_marching_into_an_open_town_takes_it(state):
    engine.apply(state, EndTurn("byzantium"))
    assert state.active_faction == "sassanids"
    per = state.armies["per_raid"]           # at (8,6), a short march from the open town
    path = M.plan_move(state, per, cell(6, 5))
    assert path is not None
    events = engine.apply(state, Move("sassanids", "per_raid", path))
    assert state.cities["open_town"].owner == "sassanids"
    assert any(e.kind == "captured" for e in events)
    assert per.moves == 0


@pytest.mark.parametrize("order, rule", [
    (Move("sassanids", "per_raid", (cell(7, 6),)), "not_your_turn"),
    (Move("byzantium", "per_raid", (cell(7, 6),)), "not_your_army"),
    (Move("byzantium", "nobody", (cell(4, 3),)), "no_such_army"),
    (Move("byzantium", "byz_field", ()), "empty_path"),
    (Move("byzantium", "byz_field", (cell(3, 3),)), "not_adjacent"),
    (Move("byzantium", "byz_field", (cell(4, 3), cell(5, 3)) * 4 + (cell(4, 3),)), "too_far"),
    (Move("byzantium", "byz_field", (cell(5, 4), cell(4, 5), cell(4, 6))), "no_port"),
])
def test_illegal_moves_are_refused_and_change_nothing(state, order, rule):
    def attempt(st):
        with pytest.raises(Refused) as exc:
            engine.apply(st, order)
        assert exc.value.rule == rule, exc.value.message
    assert unchanged_after(state, attempt)


def test_no_moves_left_is_refused(state):
    byz(state).moves = 0
    with pytest.raises(Refused) as exc:
        engine.check(state, Move("byzantium", "byz_field", (cell(4, 3),)))
    assert exc.value.rule == "no_moves_left"


def test_walled_enemy_city_blocks_movement(state):
    a = byz(state)
    a.hex = cell(8, 4)
    with pytest.raises(Refused) as exc:
        engine.check(state, Move("byzantium", "byz_field", (cell(8, 5),)))
    assert exc.value.rule == "walled_city"


def test_route_counts_turns_beyond_this_one(state):
    a = byz(state)
    found = M.route(state, a, cell(6, 7))
    assert found is not None
    path, cost = found
    assert path[-1] == cell(6, 7)
    assert cost > 0


def test_armies_left_to_move_leaves_out_the_spent_and_the_besiegers(state):
    from game.rules.state import Siege
    assert [a.id for a in M.armies_left_to_move(state, "byzantium")] == ["byz_field", "byz_guard"]
    state.armies["byz_guard"].moves = 0
    assert [a.id for a in M.armies_left_to_move(state, "byzantium")] == ["byz_field"]
    # Priscus holds a siege of Edessa from inside its hex: not nagged to march away
    edessa = state.cities["edessa"]
    state.armies["byz_field"].hex = edessa.hex
    edessa.siege = Siege("byzantium", 1, 3)
    assert M.armies_left_to_move(state, "byzantium") == []
