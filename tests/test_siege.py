"""Sieges from start to fall, assaults, and lifting a siege."""
import pytest

from game.rules import engine
from game.rules.orders import Assault, Besiege, Choose, EndTurn, Move, Refused
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
