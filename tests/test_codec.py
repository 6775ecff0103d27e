"""The one codec: every order, event and state goes to data and back unchanged, and bad
data is refused with the field path and what was wrong."""
from __future__ import annotations

import json

import pytest

from game import codec
from game.codec import DecodeError
from game.hexgrid import Hex
from game.rules.event_data import Battle, Captured, Moved
from game.rules.orders import ORDER_TYPES, EndTurn, Move, Raise, order_from_dict
from game.rules.report import Event
from game.rules.state import state_from_dict, state_hash, state_to_dict
from game.session.game import Session
from game.session.save import SaveMeta


def test_every_order_kind_goes_to_data_and_back(scn):
    session, _ = Session.new(scn, seed=3)
    import game.ai
    seen = set()
    while session.state.turn < 3 and not session.state.over:
        order = game.ai.next_order(session.state)
        d = json.loads(json.dumps(order.to_dict()))
        assert d["kind"] == order.kind and order_from_dict(d) == order
        seen.add(order.kind)
        session.do(order)
    assert {"move", "end_turn"} <= seen
    assert set(ORDER_TYPES) >= seen
    # a field at its default is left out, so files from before it read the same
    assert EndTurn("byzantium").to_dict() == {"kind": "end_turn", "faction": "byzantium"}


@pytest.mark.parametrize("data, where, what", [
    ([], "order", "expected an object"),
    ({"kind": "fly", "faction": "a"}, "order.kind", "unknown kind 'fly'"),
    ({"kind": "raise", "faction": "a", "city": "c"}, "order(raise).men", "missing"),
    ({"kind": "raise", "faction": "a", "city": "c", "men": True}, "order(raise).men",
     "whole number"),
    ({"kind": "move", "faction": "a", "army": "x", "path": [[1, 2], [3]]},
     "order(move).path[1]", "hex"),
    ({"kind": "move", "faction": "a", "army": 7, "path": []}, "order(move).army", "text"),
])
def test_a_bad_order_is_refused_with_where_and_what(data, where, what):
    with pytest.raises(DecodeError, match=what) as info:
        order_from_dict(data)
    assert info.value.path == where


def test_events_go_to_data_and_back_sparse(scn):
    _, events = Session.new(scn, seed=2)
    for e in events + [Event("battle", "b", Hex(1, -1), ("a", "b"), Battle(winner="a"), True,
                             True, (3, 604, 6))]:
        back = Event.from_dict(json.loads(json.dumps(e.to_dict())))
        assert back == e and back.data == e.data and back.when == e.when
    assert Event("message", "x").to_dict() == {"kind": "message", "text": "x"}
    with pytest.raises(DecodeError, match="event.factions\\[1\\]: expected text"):
        Event.from_dict({"kind": "message", "text": "x", "factions": ["a", 2]})
    with pytest.raises(DecodeError, match="event.when: expected a list of 3"):
        Event.from_dict({"kind": "message", "text": "x", "when": [1, 2]})
    with pytest.raises(DecodeError, match="event.kind: unknown event kind 'picnic'"):
        Event.from_dict({"kind": "picnic", "text": "x"})


def test_an_event_carries_its_kinds_payload_written_as_the_older_free_data():
    """Each kind's payload is a typed dataclass; its data is what the free dictionaries of
    older saves held (`from` included), so their news reads back; a bad field is named."""
    old = {"kind": "captured", "text": "Persia takes Dara", "at": [3, 4],
           "factions": ["sassanids", "byzantium"],
           "data": {"city": "dara", "from": "byzantium", "loot": 12, "sacked": True}}
    e = Event.from_dict(old)
    assert e.data == Captured("dara", "byzantium", 12, sacked=True)
    assert e.to_dict() == old
    march = {"kind": "moved", "text": "m", "data": {"army": "a1", "from": [0, 1],
                                                     "path": [[1, 1], [2, 1]], "halted": False}}
    assert Event.from_dict(march).data == Moved("a1", start=Hex(0, 1),
                                                path=(Hex(1, 1), Hex(2, 1)))
    assert Event("battle", "b").data == Battle()           # a kind's empty payload
    with pytest.raises(TypeError, match="carries Battle, not Captured"):
        Event("battle", "b", data=Captured("dara"))
    with pytest.raises(DecodeError, match="event.data.loot: expected a whole number"):
        Event.from_dict({**old, "data": {"city": "dara", "loot": "lots"}})
    with pytest.raises(DecodeError, match=r"event.data.choices\[0\].label: missing"):
        Event.from_dict({"kind": "fired", "text": "f", "data": {"choices": [{"id": "a"}]}})


def test_a_state_goes_to_data_and_back_and_a_bad_field_is_named(scn):
    session, _ = Session.new(scn, seed=4)
    data = json.loads(json.dumps(state_to_dict(session.state)))
    assert "scenario" not in data                # the back reference is never written
    back = state_from_dict(data, scn)
    back.scenario = scn
    assert state_hash(back) == state_hash(session.state)
    army = next(iter(data["armies"]))
    data["armies"][army]["hex"] = [1, "2"]
    with pytest.raises(DecodeError) as info:
        state_from_dict(data, scn)
    assert info.value.path == f"state.armies.{army}.hex" and "hex" in info.value.message


def test_the_save_description_uses_the_same_codec():
    meta = SaveMeta("s", "S", "s.yaml", "0" * 64, "603", 1, {"a": "human"}, "", "", {"x": 1})
    assert codec.decode(SaveMeta, codec.encode(meta), "meta") == meta
    with pytest.raises(DecodeError, match="meta.sides.a: expected text"):
        codec.decode(SaveMeta, {**codec.encode(meta), "sides": {"a": 3}}, "meta")
