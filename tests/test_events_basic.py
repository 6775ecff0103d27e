"""The event machinery on the test scenario: firing, logging, choices, victory."""
import pytest

from game.rules import engine
from game.rules.orders import Choose, EndTurn, Move, Refused
from tests.helpers import cell


def end_round(state):
    for _ in state.order:
        if state.pending and state.pending[0].faction == state.active_faction:
            break
        engine.apply(state, EndTurn(state.active_faction))


def test_dated_event_fires_once_at_its_time(state):
    assert "evt_test_avars" not in state.fired
    end_round(state)               # spring 603 -> summer 603
    assert state.month == 6
    assert state.fired.get("evt_test_avars") == 2
    assert state.factions["avars"].in_play
    assert "avar_host" in state.armies
    entry = next(e for e in state.log if e.event == "evt_test_avars")
    assert (entry.year, entry.month, entry.turn) == (603, 6, 2)
    assert set(entry.seen_by) == {"byzantium", "sassanids", "avars"} or \
        set(entry.seen_by) >= {"byzantium", "sassanids"}


def test_a_choice_must_be_answered_before_anything_else(state):
    end_round(state)
    assert state.active_faction == "byzantium"
    assert [p.event for p in state.pending] == ["evt_test_tribute"]
    with pytest.raises(Refused) as exc:
        engine.check(state, Move("byzantium", "byz_field", (cell(4, 3),)))
    assert exc.value.rule == "choice_pending"
    with pytest.raises(Refused):
        engine.check(state, Choose("byzantium", "evt_test_tribute", "flee"))
    assert engine.legal_orders(state) == [Choose("byzantium", "evt_test_tribute", "pay"),
                                          Choose("byzantium", "evt_test_tribute", "fight")]
    engine.apply(state, Choose("byzantium", "evt_test_tribute", "pay"))
    assert not state.pending
    assert state.relations["avars|byzantium"].status == "tribute"
    assert not state.factions["avars"].in_play and "avar_host" not in state.armies
    assert next(e for e in state.log if e.event == "evt_test_tribute").choice == "pay"


def test_capture_fires_its_event_and_victory_ends_the_game(state):
    engine.apply(state, EndTurn("byzantium"))
    state.cities["jerusalem"].garrison = 0
    state.cities["jerusalem"].walls = 0
    per = state.armies["per_raid"]
    per.hex = cell(7, 6)
    engine.apply(state, Move("sassanids", "per_raid", (cell(6, 7),)))
    assert state.cities["jerusalem"].owner == "sassanids"
    assert state.flags.get("cross_taken") == 1
    assert "evt_test_jerusalem" in state.fired
    assert not state.over
    # the decisive condition: Constantinople
    state.cities["constantinople"].owner = "sassanids"
    per.moves = 4
    engine.apply(state, Move("sassanids", "per_raid", (cell(6, 6),)))
    assert state.over and state.winner == "sassanids" and state.result_kind == "decisive"
    with pytest.raises(Refused) as exc:
        engine.check(state, EndTurn("sassanids"))
    assert exc.value.rule == "game_over"


def test_the_end_date_decides_by_end_conditions(state):
    while not state.over:
        for p in list(state.pending):
            if p.faction == state.active_faction:
                engine.apply(state, Choose(p.faction, p.event, "fight"))
        engine.apply(state, EndTurn(state.active_faction))
    assert (state.year, state.month) == (605, 12)
    assert state.winner == "byzantium" and state.result_kind == "minor"
