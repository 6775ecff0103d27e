"""Battles: exact odds, determinism, retreats, advances, terrain, rivers and walls."""
import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.rules import combat, engine
from game.rules.orders import Attack, EndTurn, Refused
from game.rules.rng import Rng
from game.rules.state import clone, state_hash
from tests.helpers import cell


def face_off(state, byz_at, per_at, byz_men=20000, per_men=6000):
    state.armies["byz_field"].hex = byz_at
    state.armies["byz_field"].men = byz_men
    state.armies["per_raid"].hex = per_at
    state.armies["per_raid"].men = per_men
    state.armies["per_main"].hex = cell(11, 7)   # out of the way
    return state.armies["byz_field"], state.armies["per_raid"]


def test_win_chance_is_exact_and_monotonic(state):
    r = state.scenario.rules
    lo, hi = r["battle_roll_min"], r["battle_roll_max"]
    for att, dfn in [(1000, 1000), (1300, 1000), (1000, 1600), (5, 1000)]:
        wins = sum(1 for a in range(lo, hi + 1) for d in range(lo, hi + 1) if att * a > dfn * d)
        assert combat.win_chance(state, att, dfn) == round(100 * wins / (hi - lo + 1) ** 2)
    assert combat.win_chance(state, 1000, 1000) < 50     # ties go to the defender
    assert combat.win_chance(state, 2000, 1000) == 100
    chances = [combat.win_chance(state, s, 1000) for s in range(500, 1700, 100)]
    assert chances == sorted(chances)


def test_terrain_rivers_and_walls_help_the_defender(state):
    byz, per = face_off(state, cell(4, 2), cell(5, 2))
    flat = combat.defending_side(state, byz, per.hex).strength
    # the same army in hills (9,3) attacked from (8,3) across the Euphrates
    byz.hex, per.hex = cell(8, 3), cell(9, 3)
    across = combat.defending_side(state, byz, per.hex).strength
    r = state.scenario.rules
    assert across == flat * (100 + r["defence_hills"] + r["defence_river"]) // 100
    # a walled city's garrison fights with its walls
    byz.hex, per.hex = cell(9, 4), cell(10, 4)    # per_raid inside Dara (walls 4)
    walled = combat.defending_side(state, byz, per.hex)
    assert walled.garrison == state.cities["dara"].garrison
    assert walled.strength > (per.men + walled.garrison)


def test_battle_is_deterministic_for_a_seed(state):
    face_off(state, cell(4, 2), cell(5, 2))
    a, b = clone(state), clone(state)
    engine.apply(a, Attack("byzantium", "byz_field", cell(5, 2)))
    engine.apply(b, Attack("byzantium", "byz_field", cell(5, 2)))
    assert state_hash(a) == state_hash(b)
    c = clone(state)
    c.rng = Rng.from_seed(12345)
    engine.apply(c, Attack("byzantium", "byz_field", cell(5, 2)))
    assert c.rng.draws > 0


def test_winner_advances_and_loser_retreats_away(state):
    byz, per = face_off(state, cell(4, 2), cell(5, 2), byz_men=40000, per_men=3000)
    events = engine.apply(state, Attack("byzantium", "byz_field", cell(5, 2)))
    battle = next(e for e in events if e.kind == "battle")
    assert battle.data.winner == "byzantium"
    assert byz.hex == cell(5, 2) and byz.moves == 0
    if "per_raid" in state.armies:
        from game.hexgrid import hex_distance
        assert hex_distance(per.hex, cell(4, 2)) == 2     # fell back away from the attacker
        assert per.men < 3000 and per.morale < 70
    assert state.factions["sassanids"].men_lost > 0


def test_beaten_army_with_no_way_out_surrenders(state):
    # per_raid on a hex at the end of the Thracian peninsula, sea all round but the attacker
    byz, per = face_off(state, cell(1, 1), cell(0, 1), byz_men=60000, per_men=2000)
    state.armies["byz_guard"].hex = cell(0, 2)         # blocks the last land exit
    events = engine.apply(state, Attack("byzantium", "byz_field", cell(0, 1)))
    assert "per_raid" not in state.armies
    assert any(e.kind == "destroyed" for e in events)


def test_attacks_must_be_adjacent_and_at_an_army(state):
    face_off(state, cell(4, 2), cell(7, 2))
    for target, rule in [(cell(7, 2), "not_adjacent"), (cell(3, 2), "no_enemy")]:
        with pytest.raises(Refused) as exc:
            engine.check(state, Attack("byzantium", "byz_field", target))
        assert exc.value.rule == rule
    state.armies["byz_field"].hex = cell(9, 4)
    with pytest.raises(Refused) as exc:      # Dara has a garrison but no field army
        engine.check(state, Attack("byzantium", "byz_field", cell(10, 4)))
    assert exc.value.rule == "attack_city"


def test_odds_shown_before_attacking_match_the_rules(state):
    byz, per = face_off(state, cell(4, 2), cell(5, 2))
    o = combat.odds(state, byz, per.hex)
    assert o["attacker_men"] == byz.men and o["defender_men"] == per.men
    assert o["win_percent"] == combat.win_chance(state, o["attacker_strength"],
                                                 o["defender_strength"])
    assert o["win_percent"] > 80


def test_attacking_across_a_strait_needs_the_sea(state):
    engine.apply(state, EndTurn("byzantium"))
    per = state.armies["per_raid"]
    per.hex = cell(2, 2)
    state.armies["byz_guard"].hex = cell(1, 1)
    with pytest.raises(Refused) as exc:
        engine.check(state, Attack("sassanids", "per_raid", cell(1, 1)))
    assert exc.value.rule == "strait"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(-5, 10**7), st.integers(-5, 10**7), st.integers(1, 1000), st.integers(0, 999))
def test_win_pairs_counts_every_pair_of_rolls(state, att, dfn, lo, width):
    """The closed form gives what counting the rolls one by one gives."""
    hi = min(1000, lo + width)
    state.scenario = dataclasses.replace(state.scenario, rules={
        **state.scenario.rules, "battle_roll_min": lo, "battle_roll_max": hi}, cache={})
    n = hi - lo + 1
    if dfn <= 0 or att <= 0:
        want = n * n if dfn <= 0 else 0
    else:
        want = sum(min(n, max(0, (att * ra - 1) // dfn - lo + 1)) for ra in range(lo, hi + 1))
    assert combat.win_pairs(state, att, dfn) == (want, n * n)
