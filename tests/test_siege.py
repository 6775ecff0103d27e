"""Sieges from start to fall, assaults, and lifting a siege."""
import pytest

from game.rules import engine
from game.rules.invariants import check_invariants
from game.rules.orders import Assault, Attack, Besiege, Choose, EndTurn, Move, Refused
from tests.helpers import cell


def end_turn(state):
    """End the active side's turn, first answering any event it must answer."""
    for p in [p for p in state.pending if p.faction == state.active_faction]:
        ev = next(e for e in state.scenario.events if e.spec.id == p.event)
        engine.apply(state, Choose(p.faction, p.event, ev.choices[0][0].id))
    engine.apply(state, EndTurn(state.active_faction))


def to_byzantine_turn(state):
    """End turns until it is Byzantium's turn again (the Persians do nothing)."""
    end_turn(state)
    while state.active_faction != "byzantium" and not state.over:
        end_turn(state)
    for p in [p for p in state.pending if p.faction == state.active_faction]:
        ev = next(e for e in state.scenario.events if e.spec.id == p.event)
        engine.apply(state, Choose(p.faction, p.event, ev.choices[0][0].id))


def setup_siege(state, men=30000):
    byz = state.armies["byz_field"]
    byz.hex = cell(9, 4)            # next to Dara (10,4)
    byz.men = men
    state.armies["per_main"].hex = cell(11, 7)
    state.armies["per_raid"].hex = cell(11, 6)
    return byz, state.cities["dara"]


def test_siege_from_start_to_fall(state):
    byz, dara = setup_siege(state)
    events = engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    assert any(e.kind == "siege_begun" for e in events)
    assert byz.hex == dara.hex and dara.siege is not None and dara.siege.by == "byzantium"
    food = dara.siege.food
    assert food == state.scenario.rules["siege_food_season"]
    garrisons = [dara.garrison]
    for turn in range(30):
        to_byzantine_turn(state)
        if dara.owner == "byzantium":
            break
        assert dara.siege is not None and dara.siege.turns == turn + 1
        assert dara.siege.food == max(0, food - turn - 1)
        garrisons.append(dara.garrison)
    assert dara.owner == "byzantium", "Dara should fall to starvation"
    # the garrison only shrank once the food ran out
    assert garrisons[:food + 1] == [garrisons[0]] * (food + 1)
    assert all(b < a for a, b in zip(garrisons[food:], garrisons[food + 1:]))
    assert dara.siege is None
    assert dara.garrison > 0 and byz.men < 30000       # a new garrison came from the army


def test_siege_income_is_cut(state):
    from game.rules import economy
    setup_siege(state)
    before = economy.income(state, "sassanids")
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    after = economy.income(state, "sassanids")
    assert before - after == state.cities["dara"].income * state.months_per_turn


def test_leaving_lifts_the_siege(state):
    byz, dara = setup_siege(state)
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    to_byzantine_turn(state)
    events = engine.apply(state, Move("byzantium", "byz_field", (cell(9, 4),)))
    assert dara.siege is None
    assert any(e.kind == "siege_lifted" for e in events)


def test_assault_can_take_a_weak_city(state):
    byz, dara = setup_siege(state, men=60000)
    dara.garrison = 800
    dara.walls = 1
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    with pytest.raises(Refused) as exc:          # investing it was its strike of the turn
        engine.check(state, Assault("byzantium", "byz_field", "dara"))
    assert exc.value.rule == "one_strike_a_turn"
    to_byzantine_turn(state)
    if dara.owner == "byzantium":               # it may already have surrendered
        return
    events = engine.apply(state, Assault("byzantium", "byz_field", "dara"))
    assault = next(e for e in events if e.kind == "assault")
    assert assault.random
    assert assault.data.won is True
    assert dara.owner == "byzantium"


def test_assault_needs_a_siege(state):
    setup_siege(state)
    with pytest.raises(Refused) as exc:
        engine.check(state, Assault("byzantium", "byz_field", "dara"))
    assert exc.value.rule == "not_besieging"


def test_cannot_besiege_a_friend_or_a_distant_city(state):
    setup_siege(state)
    for city, rule in [("caesarea", "not_at_war"), ("ctesiphon", "not_adjacent")]:
        with pytest.raises(Refused) as exc:
            engine.check(state, Besiege("byzantium", "byz_field", city))
        assert exc.value.rule == rule


# --- an army shut in a besieged city ---------------------------------------------------

def setup_shut_in(state, inside=10000, garrison=4000):
    """Byzantium next to Dara, with a Persian army standing inside the walls."""
    byz, dara = setup_siege(state)
    shut = state.armies["per_raid"]
    shut.hex, shut.men = dara.hex, inside
    dara.garrison = garrison
    return byz, dara, shut


def test_an_army_in_a_walled_city_is_besieged_with_it(state):
    byz, dara, shut = setup_shut_in(state)
    engine.check(state, Besiege("byzantium", "byz_field", "dara"))      # no longer refused
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    assert byz.hex == shut.hex == dara.hex and dara.siege.by == "byzantium"
    assert check_invariants(state) == []


def test_an_army_in_an_open_town_must_be_beaten_first(state):
    byz, dara, shut = setup_shut_in(state)
    dara.walls = 0
    with pytest.raises(Refused) as exc:
        engine.check(state, Besiege("byzantium", "byz_field", "dara"))
    assert exc.value.rule == "relief_army"


@pytest.mark.parametrize("inside, food", [(0, 2), (4000, 1), (40000, 1)])
def test_more_mouths_eat_the_food_sooner(state, inside, food):
    assert state.scenario.rules["siege_food_season"] == 2
    byz, dara, shut = setup_shut_in(state, inside=max(inside, 200))
    if not inside:
        del state.armies["per_raid"]
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    assert dara.siege.food == food


def test_monthly_food_is_divided_by_the_mouths_up_to_a_cap(state):
    from game.rules import siege
    state.months_per_turn = 1
    base = siege.food_turns(state)
    dara = state.cities["dara"]
    dara.garrison = 4000
    assert siege.food_with(state, dara, 0) == base
    assert siege.food_with(state, dara, 4000) == base // 2
    cap = state.scenario.rules["siege_mouths_max"]
    assert siege.food_with(state, dara, 400000) == max(1, base * 100 // cap)


def test_the_army_inside_starves_with_the_garrison(state):
    byz, dara, shut = setup_shut_in(state)
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    dara.walls = dara.max_walls = 5      # no storm needed, nothing breached matters
    sizes = [shut.men]
    while dara.siege.food > 0:
        to_byzantine_turn(state)
        sizes.append(shut.men)
    assert len(set(sizes)) == 1                         # fed while the food lasts
    before = dara.garrison
    to_byzantine_turn(state)
    pct = state.scenario.rules["siege_starve_percent"]
    assert dara.garrison < before
    # it starves as the garrison does (and, cut off, may also go hungry out of supply)
    assert shut.men <= sizes[-1] - sizes[-1] * pct // 100


def test_the_army_inside_falls_with_the_city(state):
    byz, dara, shut = setup_shut_in(state, inside=3000, garrison=400)
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    for _ in range(30):
        if dara.owner == "byzantium" or state.over:
            break
        to_byzantine_turn(state)
    assert dara.owner == "byzantium"
    assert "per_raid" not in state.armies
    assert check_invariants(state) == []


def test_a_storm_that_takes_the_city_destroys_the_army_inside(state):
    byz, dara, shut = setup_shut_in(state, inside=1000, garrison=300)
    byz.men = 90000
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    dara.walls = 0
    to_byzantine_turn(state)
    events = engine.apply(state, Assault("byzantium", "byz_field", "dara"))
    assert dara.owner == "byzantium"
    assert "per_raid" not in state.armies
    assert any(e.kind == "destroyed" and "fall of Dara" in e.text for e in events)


def test_the_army_inside_may_sally(state):
    byz, dara, shut = setup_shut_in(state, inside=60000)
    byz.men = 8000
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    end_turn(state)
    assert state.active_faction == "sassanids"
    sally = Attack("sassanids", "per_raid", dara.hex)
    assert engine.is_legal(state, sally)
    assert sally in engine.legal_orders(state)
    events = engine.apply(state, sally)
    assert any(e.kind == "battle" for e in events)
    if byz.id in state.armies and byz.hex == dara.hex:
        assert dara.siege is not None
    else:
        assert dara.siege is None                   # beaten off: the siege is lifted
    assert check_invariants(state) == []


def test_no_sally_without_a_siege(state):
    byz, dara, shut = setup_shut_in(state)
    end_turn(state)
    assert not engine.is_legal(state, Attack("sassanids", "per_raid", dara.hex))


def test_the_army_inside_may_march_out(state):
    byz, dara, shut = setup_shut_in(state)
    engine.apply(state, Besiege("byzantium", "byz_field", "dara"))
    end_turn(state)
    assert any(isinstance(o, Move) and o.army == "per_raid" for o in engine.legal_orders(state))


def test_the_defence_of_a_storm_does_not_depend_on_who_storms(state):
    """`siege.assault_defence` is the defenders' half of `assault_strengths` whoever
    storms (the computer sizes a storm by it alone), with the armies in the city or
    those given."""
    from dataclasses import replace

    from game.rules import siege
    city = state.cities["edessa"]
    inside = replace(state.armies["per_raid"], hex=city.hex, morale=35, supply=20)
    state.armies[inside.id] = inside
    for stormer in state.armies.values():
        for defenders in (None, [], [inside]):
            _att, dfn = siege.assault_strengths(state, stormer, city, defenders)
            assert dfn == siege.assault_defence(state, city, defenders)
    assert siege.assault_defence(state, city) > siege.assault_defence(state, city, []) > 0
