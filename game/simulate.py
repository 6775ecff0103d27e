"""Headless games with the computer on every side, for `run.py simulate`."""
from __future__ import annotations

from dataclasses import dataclass, field

import game.ai
from game.rules import queries as Q
from game.rules.engine import new_game
from game.rules.report import Event
from game.rules.state import GameState, season_of


@dataclass
class GameResult:
    seed: int
    winner: str | None
    kind: str
    text: str
    turns: int
    cities: dict[str, int]
    fired: list[dict] = field(default_factory=list)   # one per fired event, in order
    state: GameState | None = None

    def to_dict(self) -> dict:
        return {"type": "game", "seed": self.seed, "winner": self.winner or "undecided",
                "result": self.kind, "text": self.text, "turns": self.turns,
                "cities": self.cities}


def fired_record(state: GameState, e: Event, seed: int) -> dict:
    return {"type": "event", "seed": seed, "turn": state.turn, "year": state.year,
            "month": state.month, "season": season_of(state.month), "id": e.data["event"],
            "title": e.text}


def play(scn, seed: int, max_turns: int | None = None, on_event=None,
         turn_policy=None) -> GameResult:
    """Play one game to its end (or max_turns rounds); on_event(record) sees each fired event."""
    turn_policy = turn_policy or game.ai.play_turn
    state, events = new_game(scn, seed)
    fired: list[dict] = []

    def note(evs):
        for e in evs:
            if e.kind == "fired":
                rec = fired_record(state, e, seed)
                fired.append(rec)
                if on_event:
                    on_event(rec)
    note(events)
    while not state.over:
        if max_turns is not None and state.turn > max_turns:
            break
        for _order, evs in turn_policy(state):
            note(evs)
    turns = state.turn if state.over else state.turn - 1
    return GameResult(seed, state.winner, state.result_kind or "unfinished",
                      state.result_text, turns,
                      {f: len(Q.cities_of(state, f)) for f in state.order}, fired, state)
