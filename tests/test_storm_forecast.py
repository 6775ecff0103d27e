"""The storm forecast: worked out exactly from the storm's own rule, it matches what
storms do over many seeds, and making it changes nothing in the game."""
import pytest

from game.rules import engine, siege
from game.rules.orders import Assault, Besiege
from game.rules.rng import Rng
from game.rules.state import clone, state_hash
from tests.helpers import cell


def besieging(state, men, garrison, walls, extra_defenders=0):
    byz = state.armies["byz_field"]
    byz.hex, byz.men = cell(9, 4), men           # next to Dara (10,4)
    state.armies["per_main"].hex = cell(11, 7)
    raid = state.armies["per_raid"]
    raid.hex = cell(11, 6)
    dara = state.cities["dara"]
    dara.garrison, dara.walls = garrison, walls
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    if extra_defenders:
        raid.hex, raid.men = dara.hex, extra_defenders
    byz.moves, byz.may_strike = 8, True          # as on the next turn
    return byz, dara


def outcomes(state, n):
    """Storm n copies of the state, each with its own seed: (took, stormers lost, defenders
    lost) per storm, the losses as each side's count of men lost."""
    out = []
    for seed in range(n):
        s = clone(state)
        s.rng = Rng.from_seed(1000 + seed)
        lost = {f: s.factions[f].men_lost for f in ("byzantium", "sassanids")}
        engine.apply(s, Assault("byzantium", "byz_field", "dara"))
        out.append((s.cities["dara"].owner == "byzantium",
                    s.factions["byzantium"].men_lost - lost["byzantium"],
                    s.factions["sassanids"].men_lost - lost["sassanids"]))
    return out


@pytest.mark.parametrize("men,garrison,walls,extra", [
    (20000, 3000, 2, 0),          # about even
    (9000, 3000, 3, 0),           # a long shot
    (40000, 1500, 1, 2000),       # strong, with an army inside the walls
    (300, 400, 1, 0),             # so few that a failed storm often breaks them
    (240, 60, 1, 0),              # a sure win that may still break the stormers
])
def test_the_forecast_matches_what_storms_do(state, men, garrison, walls, extra):
    byz, dara = besieging(state, men, garrison, walls, extra)
    before = state_hash(state)
    f = siege.storm_forecast(state, byz, dara)
    assert state_hash(state) == before                   # forecasting changes nothing
    runs = outcomes(state, 400)
    took = 100 * sum(t for t, _, _ in runs) / len(runs)
    assert abs(took - f["take_percent"]) <= 7, (took, f)
    lost_a = sum(a for _, a, _ in runs) / len(runs)
    lost_d = sum(d for _, _, d in runs) / len(runs)
    assert abs(lost_a - f["attacker_loss"]) <= max(60, 0.08 * f["attacker_loss"]), (lost_a, f)
    assert abs(lost_d - f["defender_loss"]) <= max(60, 0.08 * f["defender_loss"]), (lost_d, f)
    assert f["food"] == dara.siege.food
    assert state_hash(state) == before


def test_stormers_broken_by_their_losses_do_not_take_the_city(state):
    byz, dara = besieging(state, 240, 60, 1)
    f = siege.storm_forecast(state, byz, dara)
    assert f["win_percent"] == 100 and 0 < f["take_percent"] < 100


def test_the_forecast_agrees_with_the_odds_shown(state):
    byz, dara = besieging(state, 20000, 3000, 2)
    f = siege.storm_forecast(state, byz, dara)
    assert f["win_percent"] == siege.assault_odds(state, byz, dara)["win_percent"]
    assert f["take_percent"] <= f["win_percent"]
    assert 0 < f["attacker_loss"] < byz.men and 0 < f["defender_loss"] <= dara.garrison


def test_food_and_starving(state):
    byz, dara = besieging(state, 20000, 3000, 2)
    dara.siege.food = 0
    f = siege.storm_forecast(state, byz, dara)
    assert f["food"] == 0
    assert f["starve_per_turn"] == max(1, 3000 * state.scenario.rules["siege_starve_percent"]
                                       // 100)
