"""Victory: the scenario's conditions, checked after each order and at the end."""
from __future__ import annotations

from game.rules.report import Event
from game.rules.state import GameState


def declare(state: GameState, winner: str | None, kind: str, text: str) -> list[Event]:
    state.over = True
    state.winner = winner
    state.result_kind = kind
    state.result_text = text
    who = state.factions[winner].name if winner else "Nobody"
    return [Event("game_over", f"{who} wins: {text}" if winner else f"The war is undecided: {text}",
                  None, tuple(state.order), {"winner": winner, "kind": kind}, public=True)]


def check(state: GameState, final: bool = False) -> list[Event]:
    """Declare the first victory condition that holds (`end` ones only when final)."""
    if state.over:
        return []
    for v in state.scenario.victory:
        if v.spec.check == "end" and not final:
            continue
        if v.when(state):
            return declare(state, v.spec.faction, v.spec.kind,
                           v.spec.text or f"{state.factions[v.spec.faction].name} prevails")
    if final:
        return declare(state, None, "undecided", "no side achieved its aims by the end date")
    return []
