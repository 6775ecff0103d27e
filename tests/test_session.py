"""Undo, saves (round trip, corruption, atomic writes) and replay determinism."""
import json
import os

import pytest

from game.ai import placeholder
from game.rules import engine
from game.rules.orders import Attack, EndTurn, Move
from game.rules.state import state_hash
from game.session import save
from game.session.game import Session, replay
from tests.conftest import TEST_SCENARIO
from tests.helpers import cell


def scenario_beside(folder):
    """A copy of the test scenario in the save's folder, where `load_game` may find it by id."""
    (folder / TEST_SCENARIO.name).write_bytes(TEST_SCENARIO.read_bytes())


@pytest.fixture
def session(scn):
    s, _ = Session.new(scn, seed=11)
    return s


def test_undo_restores_a_move(session):
    h0 = session.hash()
    session.do(Move("byzantium", "byz_field", (cell(4, 3),)))
    assert session.hash() != h0 and session.can_undo()
    assert session.undo()
    assert session.hash() == h0 and not session.orders


def test_undo_closes_after_randomness(session):
    st = session.state
    st.armies["byz_field"].hex = cell(4, 2)
    st.armies["per_raid"].hex = cell(5, 2)
    session.do(Move("byzantium", "byz_guard", (cell(0, 2),)))
    assert session.can_undo()
    session.do(Attack("byzantium", "byz_field", cell(5, 2)))
    assert not session.can_undo()      # the battle used the generator: no rerolls
    assert not session.undo()


def test_undo_closes_at_end_of_turn(session):
    session.do(Move("byzantium", "byz_field", (cell(4, 3),)))
    session.do(EndTurn("byzantium"))
    assert not session.can_undo()


def test_refused_order_changes_nothing_in_a_session(session):
    from game.rules.orders import Refused
    h0 = session.hash()
    with pytest.raises(Refused):
        session.do(Move("byzantium", "byz_field", (cell(9, 9),)))
    assert session.hash() == h0 and not session.orders and not session.can_undo()


def test_save_and_load_round_trip(tmp_path, session):
    session.do(Move("byzantium", "byz_field", (cell(4, 3),)))
    session.do(EndTurn("byzantium"))
    path = tmp_path / "game.json"
    scenario_beside(tmp_path)
    save.save_game(path, session.state, session.orders, {"byzantium": "human"}, "test")
    loaded = save.load_game(path)
    assert state_hash(loaded.state) == session.hash()
    assert loaded.orders == session.orders
    assert loaded.meta.sides == {"byzantium": "human"}
    assert loaded.meta.scenario_id == "test_small"
    # the loaded game plays on exactly like the original
    a, b = loaded.state, session.state
    for st in (a, b):
        while st.turn < 3 and not st.over:
            placeholder.play_turn(st)
    assert state_hash(a) == state_hash(b)


def _saved(tmp_path, scn):
    scenario_beside(tmp_path)
    s, _ = Session.new(scn, seed=3)
    path = tmp_path / "slot.json"
    save.save_game(path, s.state, s.orders)
    return path


@pytest.mark.parametrize("damage, message", [
    (lambda b: b[: len(b) // 2], "damaged or cut short"),
    (lambda b: b"", "empty"),
    (lambda b: b"\x89PNG\r\n\x1a\n\x00\x00", "not a save file"),
    (lambda b: b'{"format": "something-else"}', "not a Last Great War save"),
    (lambda b: b.replace(b'"version":2', b'"version":99'), "newer version"),
    (lambda b: b.replace(b'"men":20000', b'"men":"lots"'), "expected a whole number"),
    (lambda b: b.replace(b'"men":20000', b'"men":20001'), "checksum"),
    (lambda b: b.replace(b'"owner":"byzantium"', b'"owner":"martians"', 1), "does not fit"),
    (lambda b: b.replace(b'"seed":3', b'"seed":"three"', 1), "damaged"),
])
def test_bad_saves_are_refused_and_left_alone(tmp_path, scn, damage, message):
    path = _saved(tmp_path, scn)
    bad = damage(path.read_bytes())
    path.write_bytes(bad)
    with pytest.raises(save.SaveError) as exc:
        save.load_game(path)
    assert message in str(exc.value)
    assert path.read_bytes() == bad          # never "repaired" or truncated


def test_saving_keeps_the_previous_save_as_backup(tmp_path, scn):
    path = _saved(tmp_path, scn)
    first = path.read_bytes()
    s, _ = Session.new(scn, seed=4)
    save.save_game(path, s.state)
    assert path.with_name("slot.json.bak").read_bytes() == first
    assert path.read_bytes() != first
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_a_crash_while_saving_keeps_the_old_save(tmp_path, scn, monkeypatch):
    path = _saved(tmp_path, scn)
    first = path.read_bytes()
    s, _ = Session.new(scn, seed=5)
    real_replace = os.replace

    def crash(src, dst):
        if str(dst) == str(path):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(save.SaveError):
        save.save_game(path, s.state)
    monkeypatch.setattr(os, "replace", real_replace)
    assert path.read_bytes() == first
    assert save.load_game(path).state.seed == 3
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_saves_are_plain_json(tmp_path, scn):
    path = _saved(tmp_path, scn)
    doc = json.loads(path.read_text())
    assert doc["format"] == save.FORMAT and doc["version"] == save.VERSION
    assert "state" in doc and "orders" in doc


def record_game(scn, seed, max_turns=None):
    """Play with the placeholder computer, recording orders and a hash at each new round."""
    session, _ = Session.new(scn, seed)
    hashes = {session.state.turn: session.hash()}
    while not session.state.over and (max_turns is None or session.state.turn <= max_turns):
        order = placeholder.next_order(session.state)
        turn = session.state.turn
        session.do(order)
        if session.state.turn != turn:
            hashes[session.state.turn] = session.hash()
    return session, hashes


def test_replay_gives_the_same_game_turn_by_turn(scn):
    session, hashes = record_game(scn, seed=21)
    assert session.state.over
    seen = {}
    final = replay(scn, 21, session.orders, on_turn=lambda st: seen.__setitem__(st.turn,
                                                                              state_hash(st)))
    assert state_hash(final) == session.hash()
    for turn, h in seen.items():
        assert hashes[turn] == h, f"desync at turn {turn}"
    assert len(seen) >= 5


def test_same_seed_same_game_different_seed_different_game(scn):
    a, _ = record_game(scn, seed=5, max_turns=6)
    b, _ = record_game(scn, seed=5, max_turns=6)
    c, _ = record_game(scn, seed=6, max_turns=6)
    assert a.hash() == b.hash()
    assert a.orders == b.orders
    assert a.hash() != c.hash()


def test_orders_round_trip_through_dicts(session):
    from game.rules.orders import order_from_dict
    record_game(session.state.scenario, 2, max_turns=2)
    s, _ = record_game(session.state.scenario, 2, max_turns=2)
    for o in s.orders:
        assert order_from_dict(json.loads(json.dumps(o.to_dict()))) == o
    with pytest.raises(ValueError):
        order_from_dict({"kind": "teleport", "faction": "byzantium"})
    with pytest.raises(ValueError):
        order_from_dict({"kind": "move", "faction": "byzantium", "army": "x", "path": "north"})


def test_computer_orders_are_not_undoable(scn):
    s, _ = Session.new(scn, seed=11, sides={"byzantium": "computer:normal"})
    s.do(Move("byzantium", "byz_field", (cell(4, 3),)))
    assert not s.can_undo()
    h, _ = Session.new(scn, seed=11, sides={"byzantium": "human"})
    h.do(Move("byzantium", "byz_field", (cell(4, 3),)))
    assert h.can_undo()


def _saved_with_logs(tmp_path, scn, logs):
    scenario_beside(tmp_path)
    s, _ = Session.new(scn, seed=3, sides={"byzantium": "human", "sassanids": "human"})
    s.logs = logs
    path = tmp_path / "logs.json"
    s.save(path, "logs")
    return path


def test_each_sides_log_is_saved_and_loaded_apart(tmp_path, scn):
    logs = {None: ["Spring 603: Battle of Dara", "Spring 603: Priscus moves"],
            "byzantium": ["Spring 603: Priscus moves"],
            "sassanids": ["Spring 603: Battle of Dara"]}
    loaded = Session.load(_saved_with_logs(tmp_path, scn, logs))
    assert loaded.logs == logs and loaded.logs_saved
    assert loaded.logs["byzantium"] is not loaded.logs[None]


def test_a_save_made_before_logs_were_kept_still_loads(tmp_path, scn):
    path = _saved_with_logs(tmp_path, scn, {})
    doc = json.loads(path.read_text())
    del doc["meta"]["extra"]["logs"]
    doc["seal"] = save.seal(doc)       # resealed, as the game of then would have written it
    path.write_text(json.dumps(doc))
    loaded = Session.load(path)
    assert loaded.logs == {} and not loaded.logs_saved


@pytest.mark.parametrize("logs, message", [
    ([1, 2], "not a table of logs"),
    ({"martians": []}, "unknown side 'martians'"),
    ({"*": "Spring 603: a battle"}, "the whole record is not a list"),
    ({"byzantium": ["fine", 7]}, "the log of byzantium is not a list"),
    ({"byzantium": ["x" * 5000]}, "the log of byzantium is not a list"),
    ({"byzantium": [["nested"]]}, "the log of byzantium is not a list"),
])
def test_a_damaged_record_in_a_save_is_refused_clearly(tmp_path, scn, logs, message):
    path = _saved_with_logs(tmp_path, scn, {})
    doc = json.loads(path.read_text())
    doc["meta"]["extra"]["logs"] = logs
    doc["seal"] = save.seal(doc)       # resealed: the check behind the seal is tested
    path.write_text(json.dumps(doc))
    before = path.read_bytes()
    with pytest.raises(save.SaveError) as exc:
        Session.load(path)
    assert "record of the war is damaged" in str(exc.value) and message in str(exc.value)
    assert path.read_bytes() == before
