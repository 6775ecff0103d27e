"""Supply and attrition."""
from game.rules import supply
from tests.helpers import cell


def test_near_a_friendly_city_an_army_is_supplied(state):
    byz = state.armies["byz_field"]              # in Ancyra
    byz.supply = 40
    supply.end_of_turn(state, "byzantium")
    assert byz.supply == 40 + state.scenario.rules["supply_gain"]


def test_out_of_supply_armies_starve_and_lose_men(state):
    byz = state.armies["byz_field"]
    byz.hex = cell(11, 5)                        # deep in the desert, far from any Roman city
    assert not supply.in_supply(state, byz)
    r = state.scenario.rules
    men = byz.men
    supply.end_of_turn(state, "byzantium")
    assert byz.supply == 100 - r["supply_loss"] - r["supply_loss_harsh"]
    for _ in range(3):                           # hunger strikes once supply is low
        supply.end_of_turn(state, "byzantium")
    assert byz.supply < r["attrition_threshold"]
    assert byz.men < men * 97 // 100


def test_winter_costs_more_supply(state):
    byz = state.armies["byz_field"]
    byz.hex = cell(8, 0)
    spring = byz.supply
    for cid in ("caesarea", "ancyra", "open_town", "jerusalem"):   # none left near
        state.cities[cid].owner = "sassanids"
    assert not supply.in_supply(state, byz)
    supply.end_of_turn(state, "byzantium")
    spring_loss = spring - byz.supply
    byz.supply = 100
    state.month = 12
    supply.end_of_turn(state, "byzantium")
    assert 100 - byz.supply > spring_loss


def test_besieged_cities_do_not_supply(state):
    from game.rules.state import Siege
    byz = state.armies["byz_field"]
    byz.hex = cell(7, 1)                         # next to Caesarea only
    for cid in ("ancyra", "open_town", "jerusalem"):
        state.cities[cid].owner = "sassanids"
    assert supply.in_supply(state, byz)
    state.cities["caesarea"].siege = Siege("sassanids", 0, 2)
    assert not supply.in_supply(state, byz)


def test_enemy_armies_cut_supply_lines(state):
    byz = state.armies["byz_field"]
    byz.hex = cell(8, 0)
    for cid in ("ancyra", "open_town", "jerusalem"):
        state.cities[cid].owner = "sassanids"
    assert supply.in_supply(state, byz)          # Caesarea (7,2) is two hexes away
    # Persian armies on every hex between Caesarea and the army
    state.armies["per_raid"].hex = cell(7, 1)
    state.armies["per_main"].hex = cell(8, 1)
    assert supply.in_supply(state, byz)          # still fed round by (7,0) and (8,0)... via (6,1)
    state.cities["caesarea"].owner = "sassanids"
    assert not supply.in_supply(state, byz)
