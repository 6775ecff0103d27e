"""Answers kept while the state stands still (game.rules.between): never a stale one."""
import pytest

from game.ai import player
from game.rules import between, engine, vision
from game.rules import movement as M
from game.rules.orders import Attack, EndTurn, Move
from game.rules.state import Army
from game.scenario.load import load_scenario
from tests.conftest import DATA
from tests.helpers import cell

FOG = DATA / "fog_scenario.yaml"


@pytest.fixture(scope="module")
def fscn():
    return load_scenario(FOG)


@pytest.fixture
def fst(fscn):
    st, _ = engine.new_game(fscn, seed=1)
    return st


def fresh(state, faction):
    return M._obstacles_known(state, faction)


def test_nothing_is_kept_outside_a_steady_stretch(fst):
    first = M.obstacles_known(fst, "byzantium")
    assert M.obstacles_known(fst, "byzantium") is not first
    # a change by hand (as tests and tools make) is seen at once
    j = fst.scenario.map.index(cell(5, 3))
    assert j not in first.blocked
    fst.armies["arm_x"] = Army("arm_x", "arm_x", "armenians", cell(5, 3), 2000)
    vision.refresh(fst)
    assert j in M.obstacles_known(fst, "byzantium").blocked


def test_inside_a_stretch_the_answer_is_worked_out_once(fst):
    with between.steady(fst):
        first = M.obstacles_known(fst, "byzantium")
        assert M.obstacles_known(fst, "byzantium") is first
        assert M.obstacles_known(fst, "sassanids") is not first
        with between.steady(fst):                   # nested: the same stretch
            assert M.obstacles_known(fst, "byzantium") is first
    assert M.obstacles_known(fst, "byzantium") is not first


def test_an_order_ends_the_keeping(fst):
    hm = fst.scenario.map
    byz = fst.armies["byz_a"]
    fst.armies["arm_b"] = Army("arm_b", "arm_b", "armenians", cell(2, 4), 2000, moves=0)
    vision.refresh(fst)
    with between.steady(fst):
        before = {f: M.obstacles_known(fst, f) for f in fst.factions}
        sight = vision.visible(fst, "byzantium").copy()
        assert vision.visible(fst, "byzantium").base is vision.visible(fst, "byzantium").base
        start = hm.index(byz.hex)
        assert start in before["armenians"].blocked          # armenians see it next door
        engine.apply(fst, Move("byzantium", "byz_a", (cell(4, 3), cell(5, 3))))
        assert byz.hex == cell(5, 3)
        for f in fst.factions:
            after = M.obstacles_known(fst, f)
            assert after is not before[f]
            assert after == fresh(fst, f)
        assert start not in M.obstacles_known(fst, "armenians").blocked
        seen = vision.visible(fst, "byzantium")
        assert (seen != sight).any()                        # it sees further east now
        assert (seen.ravel() == vision._mask(fst, vision.eyes(fst, "byzantium"))).all()
        # and nothing more is kept in that stretch, though the state is still again
        assert M.obstacles_known(fst, "byzantium") is not M.obstacles_known(fst, "byzantium")


def test_a_refused_order_keeps_what_is_kept(fst):
    with between.steady(fst):
        first = M.obstacles_known(fst, "byzantium")
        assert not engine.is_legal(fst, Move("sassanids", "per_a", (cell(11, 3),)))
        assert M.obstacles_known(fst, "byzantium") is first


def test_other_states_and_copies_keep_their_own(fst, fscn):
    other, _ = engine.new_game(fscn, seed=1)
    with between.steady(fst):
        kept = M.obstacles_known(fst, "byzantium")
        assert M.obstacles_known(other, "byzantium") is not M.obstacles_known(other, "byzantium")
        engine.apply(other, EndTurn("byzantium"))            # another state's change
        assert M.obstacles_known(fst, "byzantium") is kept


def test_checking_an_attack_does_not_change_the_kept_answer(fst):
    fst.armies["per_b"] = Army("per_b", "per_b", "sassanids", cell(4, 3), 5000)
    vision.refresh(fst)
    j = fst.scenario.map.index(cell(4, 3))
    with between.steady(fst):
        obs = M.obstacles_known(fst, "byzantium")
        assert j in obs.blocked
        assert engine.is_legal(fst, Attack("byzantium", "byz_a", cell(4, 3)))
        assert M.obstacles_known(fst, "byzantium") is obs
        assert j in obs.blocked
        assert obs == fresh(fst, "byzantium")


def test_a_computer_turn_plays_as_without_keeping(fst, monkeypatch):
    from game.rules.state import clone, state_hash
    twin = clone(fst)
    player.play_turn(fst)
    monkeypatch.setattr(between, "kept", lambda state: None)
    player.play_turn(twin)
    assert state_hash(fst) == state_hash(twin)
