"""Random legal and illegal orders, on every scenario, never break the rules' invariants.

Hypothesis plays games of each scenario with a mix of orders: legal ones
(sampled from `engine.legal_orders`, and the computer's choice), illegal
ones (unknown ids, hexes off the map or far away, another faction's army,
absurd numbers of men) and malformed dicts through `order_from_dict`.
After each order: every invariant of game/rules/invariants.py holds; a
refused order changed nothing (same state hash); an order listed as legal
is accepted.  Every few orders the game is saved and loaded and must come
back with the same hash, and play goes on from the loaded copy; undo must
give back exactly the state before the order it undoes.
"""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.ai
from game.hexgrid import Hex, hex_neighbors
from game.rules import engine
from game.rules.invariants import check_invariants
from game.rules.orders import (Assault, Attack, Besiege, Choose, EndTurn, Merge, Move, Raise,
                               Refused, Split, order_from_dict)
from game.rules.state import state_hash
from game.scenario.load import load_scenario
from game.session import save
from game.session.game import Session
from tests.conftest import TEST_SCENARIO
from tests.helpers import all_scenario_files

pytestmark = pytest.mark.slow   # fuzzing: left out of the quick set (`-m "not slow"`)

FILES = all_scenario_files()
SHIPPED = [f for f in FILES if f != TEST_SCENARIO]
# A normal run plays many games on the small test scenario and a short one on each
# shipped scenario (on the full map an order costs some tens of milliseconds).
# LGW_FUZZ_EXAMPLES and LGW_FUZZ_ORDERS set the games and orders for every scenario.
ENV_EXAMPLES = int(os.environ.get("LGW_FUZZ_EXAMPLES", "0"))
ENV_STEPS = int(os.environ.get("LGW_FUZZ_ORDERS", "0"))
SAVE_EVERY = 15
MEN = [-(2**63), -100, -1, 0, 1, 99, 100, 150, 200, 1000, 5000, 10**6, 2**63]


@pytest.fixture(scope="module")
def scenarios():
    return {f: load_scenario(f) for f in FILES}


def illegal_order(state, draw):
    """An order built from random parts: mostly refused, sometimes legal by chance."""
    hm = state.scenario.map
    factions = list(state.factions) + ["zz_nobody"]
    fid = draw(st.sampled_from([state.active_faction, *factions]))
    armies = sorted(state.armies) + ["zz_no_army", ""]
    army = draw(st.sampled_from(armies))
    cities = sorted(state.cities) + ["zz_no_city"]

    def a_hex():
        if army in state.armies and draw(st.booleans()):
            return draw(st.sampled_from(hex_neighbors(state.armies[army].hex)))
        return Hex(draw(st.integers(-3, hm.width + 3)), draw(st.integers(-3, hm.height + 3)))
    kind = draw(st.integers(0, 8))
    if kind == 0:
        return Move(fid, army, tuple(a_hex() for _ in range(draw(st.integers(0, 4)))))
    if kind == 1:
        return Attack(fid, army, a_hex())
    if kind == 2:
        return Besiege(fid, army, draw(st.sampled_from(cities)))
    if kind == 3:
        return Assault(fid, army, draw(st.sampled_from(cities)))
    if kind == 4:
        return Raise(fid, draw(st.sampled_from(cities)), draw(st.sampled_from(MEN)))
    if kind == 5:
        return Merge(fid, army, draw(st.sampled_from(armies)))
    if kind == 6:
        return Split(fid, army, draw(st.sampled_from(MEN)))
    if kind == 7:
        events = [e.spec.id for e in state.scenario.events] + ["zz_no_event"]
        return Choose(fid, draw(st.sampled_from(events)), draw(st.sampled_from(["zz", "pay", ""])))
    return EndTurn(fid)


def malformed(order, draw):
    """A legal order's dict, damaged; returns an order if it still reads as one, else None."""
    d = order.to_dict()
    key = draw(st.sampled_from(sorted(d)))
    how = draw(st.integers(0, 2))
    if how == 0:
        del d[key]
    elif how == 1:
        d[key] = draw(st.sampled_from([None, True, 1.5, "x", [], [1], [[1, 2, 3]], {"q": 1},
                                       [[True, False]], 2**70]))
    else:
        d["kind"] = draw(st.sampled_from(["teleport", "MOVE", ["move"], None]))
    try:
        return order_from_dict(json.loads(json.dumps(d)))
    except ValueError:
        return None


def save_and_load(session, tmp_path, scn):
    path = tmp_path / "fuzz.json"
    save.save_game(path, session.state, session.orders)
    loaded = save.load_game(path, scenario_loader=lambda meta: scn)
    assert state_hash(loaded.state) == session.hash(), "a save and load changed the game"
    assert loaded.orders == session.orders
    return Session(loaded.state, loaded.orders)


def random_orders_keep_the_invariants(scn, tmp_path, data, steps: int):
    draw = data.draw
    session, _ = Session.new(scn, draw(st.integers(0, 2**32), label="seed"))
    assert check_invariants(session.state) == []
    before_order: dict[int, str] = {}
    for step in range(steps):
        state = session.state
        if state.over:
            break
        kind = draw(st.sampled_from(["legal"] * 4 + ["computer", "illegal", "illegal",
                                                     "malformed", "undo"]))
        if kind == "undo":
            if session.can_undo():
                n = session.undo_stack[-1][1]
                assert session.undo()
                assert session.hash() == before_order[n], "undo did not restore the state"
            continue
        legal = engine.legal_orders(state, moves_per_army=3)
        if kind == "legal":
            order = draw(st.sampled_from(legal))
        elif kind == "computer":
            order = game.ai.next_order(state)
        elif kind == "illegal":
            order = illegal_order(state, draw)
        else:
            order = malformed(draw(st.sampled_from(legal)), draw)
            if order is None:
                continue
        h = session.hash()
        n_orders = len(session.orders)
        try:
            session.do(order)
        except Refused as exc:
            assert kind not in ("legal", "computer"), f"a legal order was refused: {exc}"
            assert exc.rule and exc.message
            assert session.hash() == h and len(session.orders) == n_orders, \
                f"the refused order {order} changed the game"
            continue
        before_order[n_orders] = h
        broken = check_invariants(session.state)
        assert broken == [], f"after {order}: {broken}"
        if step % SAVE_EVERY == SAVE_EVERY - 1:
            session = save_and_load(session, tmp_path, scn)
            before_order.clear()
    save_and_load(session, tmp_path, scn)


FUZZ = dict(deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=ENV_EXAMPLES or 12, **FUZZ)
@given(data=st.data())
def test_random_orders_keep_the_invariants_in_the_test_scenario(scenarios, tmp_path, data):
    random_orders_keep_the_invariants(scenarios[TEST_SCENARIO], tmp_path, data, ENV_STEPS or 60)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
@settings(max_examples=ENV_EXAMPLES or 1, **FUZZ)
@given(data=st.data())
def test_random_orders_keep_the_invariants_in_every_shipped_scenario(path, scenarios, tmp_path,
                                                                     data):
    random_orders_keep_the_invariants(scenarios[path], tmp_path, data, ENV_STEPS or 12)
