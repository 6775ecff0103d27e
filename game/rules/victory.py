"""Victory: the scenario's conditions, checked after each order and at the end."""
from __future__ import annotations

from game.rules import queries as Q
from game.rules.event_data import GameOver
from game.rules.report import Event
from game.rules.state import GameState


def declare(state: GameState, winner: str | None, kind: str, text: str,
            loser: str | None = None, by: str | None = None) -> list[Event]:
    """End the game.  kind: decisive, major or minor (a victory), peace or undecided.

    `by` says what ended it for reports: a victory condition's id, or `event ID` for an
    event's `end_game`.  It goes with the `game_over` event only, not into the state."""
    state.over = True
    state.winner = winner
    state.loser = loser
    state.result_kind = kind
    state.result_text = text
    return [Event("game_over", headline(state), None, tuple(state.order),
                  GameOver(winner, loser, kind, by), public=True)]


def headline(state: GameState) -> str:
    """One line saying how the game ended, e.g. 'Byzantium wins a negotiated peace: ...'."""
    def name(fid):
        return state.factions[fid].name

    def wins(fid):
        return Q.agree(state, fid, "wins", "win")
    w, kind, text = state.winner, state.result_kind, state.result_text
    if kind == "peace":
        head = f"{name(w)} {wins(w)} a negotiated peace" if w else "A negotiated peace"
    elif w:
        head = f"{name(w)} {wins(w)}" + (f"; defeat for {name(state.loser)}" if state.loser else "")
    elif state.loser:
        head = f"Defeat for {name(state.loser)}"
    else:
        head = "The war is undecided"
    return f"{head}: {text}" if text else head


def check(state: GameState, final: bool = False) -> list[Event]:
    """Declare the first victory condition that holds (`end` ones only when final)."""
    if state.over:
        return []
    for v in state.scenario.victory:
        if v.spec.check == "end" and not final:
            continue
        if v.when(state):
            return declare(state, v.spec.faction, v.spec.kind,
                           v.spec.text or f"{state.factions[v.spec.faction].name} "
                                         f"{Q.agree(state, v.spec.faction, 'prevails', 'prevail')}",
                           by=v.spec.id)
    if final:
        return declare(state, None, "undecided", "no side achieved its aims by the end date")
    return []
