"""One strike a turn: an army whose march ends next to the enemy may still attack or lay
siege that turn (zones of control halt a march, they do not forbid a fight), and no army
attacks, lays siege or storms twice in one turn."""
import pytest

from game.ai import play_turn
from game.hexgrid import hex_distance
from game.rules import engine
from game.rules import movement as M
from game.rules.orders import Assault, Attack, Besiege, EndTurn, Move, Raise, Refused, Split
from game.rules.state import state_hash
from tests.helpers import cell


def approach(state, byz_men=40000, per_men=3000):
    """Byzantium's field army two hexes from a small Persian force, the rest out of the way."""
    byz, per = state.armies["byz_field"], state.armies["per_raid"]
    byz.hex, byz.men = cell(3, 2), byz_men
    per.hex, per.men = cell(6, 2), per_men
    state.armies["per_main"].hex = cell(11, 7)
    byz.moves = M.move_budget(state, byz)
    return byz, per


def march_next_to(state, byz, per):
    """March byz to a hex next to per by the cheapest path; returns the events."""
    reach = M.reachable(state, byz)
    hm = state.scenario.map
    dest = min((hm.hex_of(j) for j in reach if hex_distance(hm.hex_of(j), per.hex) == 1),
               key=lambda h: (reach[hm.index(h)][0], hm.index(h)))
    path = M.path_to(state, reach, dest)
    assert len(path) >= 1
    return engine.apply(state, Move("byzantium", byz.id, path))


def test_march_next_to_an_enemy_then_attack(state):
    byz, per = approach(state)
    march_next_to(state, byz, per)
    assert hex_distance(byz.hex, per.hex) == 1
    assert byz.moves == 0                 # the zone of control ends the march...
    assert byz.may_strike                 # ...but not the army's fight
    events = engine.apply(state, Attack("byzantium", byz.id, per.hex))
    assert any(e.kind == "battle" for e in events)
    assert not byz.may_strike


def test_a_second_attack_the_same_turn_is_refused(state):
    byz, per = approach(state, byz_men=4000, per_men=4000)
    other = state.armies["per_main"]
    other.hex, other.men = cell(4, 1), 3000
    byz.hex = cell(4, 2)                  # next to both
    per.hex = cell(5, 2)
    engine.apply(state, Attack("byzantium", byz.id, per.hex))
    assert byz.id in state.armies
    targets = [x.hex for x in state.armies.values()
               if x.faction == "sassanids" and hex_distance(x.hex, byz.hex) == 1]
    assert targets, "an enemy is still next to the army"
    before = state_hash(state)
    with pytest.raises(Refused) as exc:
        engine.check(state, Attack("byzantium", byz.id, targets[0]))
    assert exc.value.rule == "one_strike_a_turn"
    assert state_hash(state) == before
    assert not any(isinstance(o, Attack) and o.army == byz.id
                   for o in engine.legal_orders(state))


def test_an_army_that_spent_its_whole_march_may_still_attack(state):
    byz, per = approach(state)
    march_next_to(state, byz, per)
    assert byz.moves == 0
    engine.check(state, Attack("byzantium", byz.id, per.hex))
    assert any(isinstance(o, Attack) and o.army == byz.id for o in engine.legal_orders(state))


def test_besiege_after_an_approach(state):
    byz = state.armies["byz_field"]
    byz.hex, byz.men = cell(7, 4), 30000
    state.armies["per_main"].hex = cell(11, 7)
    state.armies["per_raid"].hex = cell(11, 6)
    byz.moves = M.move_budget(state, byz)
    dara = state.cities["dara"]
    reach = M.reachable(state, byz)
    hm = state.scenario.map
    gates = [hm.hex_of(j) for j in reach if hex_distance(hm.hex_of(j), dara.hex) == 1]
    assert gates
    dest = max(gates, key=lambda h: (reach[hm.index(h)][0], -hm.index(h)))
    engine.apply(state, Move("byzantium", byz.id, M.path_to(state, reach, dest)))
    byz.moves = 0          # even with nothing left of its march it may invest the city
    events = engine.apply(state, Besiege("byzantium", byz.id, "dara"))
    assert any(e.kind == "siege_begun" for e in events)
    with pytest.raises(Refused) as exc:         # and not storm it in the same turn
        engine.check(state, Assault("byzantium", byz.id, "dara"))
    assert exc.value.rule == "one_strike_a_turn"


def test_a_detachment_does_not_strike_again(state):
    byz, per = approach(state, byz_men=40000, per_men=30000)
    byz.hex, per.hex = cell(4, 2), cell(5, 2)
    engine.apply(state, Attack("byzantium", byz.id, per.hex))
    if byz.id not in state.armies or byz.men < 2000:
        pytest.skip("the army was broken")
    before = set(state.armies)
    engine.apply(state, Split("byzantium", byz.id, 1000))
    (new,) = [state.armies[x] for x in set(state.armies) - before]
    assert not new.may_strike


def test_a_levy_does_not_attack_the_turn_it_is_raised(state):
    city = next(c for c in state.cities.values() if c.owner == "byzantium" and c.siege is None
                and not any(a.hex == c.hex for a in state.armies.values()))
    state.factions["byzantium"].treasury = 100000
    engine.apply(state, Raise("byzantium", city.id, 1000))
    levy = next(a for a in state.armies.values() if a.hex == city.hex)
    assert not levy.may_strike and levy.moves == 0


def test_the_strike_comes_back_next_turn(state):
    byz, per = approach(state)
    march_next_to(state, byz, per)
    engine.apply(state, Attack("byzantium", byz.id, per.hex))
    engine.apply(state, EndTurn("byzantium"))
    while state.active_faction != "byzantium":
        play_turn(state)
    assert byz.id in state.armies and byz.may_strike


def test_a_save_keeps_the_strike_and_older_saves_read_the_same(state):
    from game.rules.state import state_from_dict, state_to_dict
    byz, per = approach(state)
    march_next_to(state, byz, per)          # no movement left, but its strike
    d = state_to_dict(state)
    assert d["armies"][byz.id]["may_strike"] is True
    back = state_from_dict(d, state.scenario)
    assert back.armies[byz.id].may_strike and state_hash(back) == state_hash(state)
    # a game saved before the rule: no key; the strike follows the movement left
    other = state.armies["byz_guard"]
    assert other.moves > 0 and "may_strike" not in d["armies"]["byz_guard"]
    assert state_from_dict(d, state.scenario).armies["byz_guard"].may_strike
