"""Answers kept while the state stands still (game.rules.between): never a stale one."""
import pytest

from game.ai import player
from game.rules import between, engine, vision
from game.rules import movement as M
from game.rules.orders import Attack, EndTurn, Move
from game.rules.state import Army
from tests.helpers import cell


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


# --- what the computer's plans keep from one turn to the next --------------------------

def _play_rounds(state, rounds):
    from game.ai import play_turn
    start = state.turn
    while not state.over and state.turn < start + rounds:
        play_turn(state)


@pytest.mark.parametrize("which", ["fog", "plain"])
def test_the_lasting_memo_never_changes_a_game(which, fog_scn, scn, monkeypatch):
    """Plans reusing their side's supply map and the enemies' reach from earlier turns play
    exactly as plans that work everything out afresh."""
    from game.ai import knowledge
    from game.rules.state import state_hash
    base = fog_scn if which == "fog" else scn
    kept, _ = engine.new_game(base, seed=3)
    fresh_game, _ = engine.new_game(base, seed=3)
    _play_rounds(kept, 6)
    monkeypatch.setattr(knowledge, "lasting_memo", lambda state, faction: {})
    _play_rounds(fresh_game, 6)
    assert state_hash(kept) == state_hash(fresh_game)


def test_a_kept_reach_is_not_given_once_the_way_is_barred(fst):
    """The reach of an enemy army kept from an earlier plan is worked out again when its
    way is barred where it went before (and is then what a fresh search gives)."""
    from dataclasses import replace
    from game.ai import aims, knowledge, levels
    from game.hexgrid import hex_neighbors
    hm = fst.scenario.map
    nb = hm.neighbor_index()
    per = fst.armies["per_a"]
    per.hex = cell(6, 3)
    vision.refresh(fst)
    level, prof = levels.get("normal"), aims.profile(fst, "byzantium")
    k = knowledge.gather(fst, "byzantium", level, prof, knowledge.lasting_memo(fst, "byzantium"))
    obs = M.obstacles(fst, "sassanids", known_armies=k.armies)
    j1, _d1 = knowledge._reach(k, per, obs, nb)
    again = knowledge.gather(fst, "byzantium", level, prof,
                             knowledge.lasting_memo(fst, "byzantium"))
    assert knowledge._reach(again, per, replace(obs), nb)[0] is j1     # kept: the same
    ring = {hm.index(h) for h in hex_neighbors(per.hex)}
    shut = replace(obs, blocked=obs.blocked | ring)
    j2, d2 = knowledge._reach(again, per, shut, nb)
    assert set(j2.tolist()) == ring and set(j1.tolist()) != ring
    fresh = knowledge.gather(fst, "byzantium", level, prof, {})
    j3, d3 = knowledge._reach(fresh, per, shut, nb)
    assert j2.tolist() == j3.tolist() and d2.tolist() == d3.tolist()
