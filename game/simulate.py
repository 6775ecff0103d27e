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
    loser: str | None = None                           # when the game ended in a defeat

    def to_dict(self) -> dict:
        d = {"type": "game", "seed": self.seed, "winner": self.winner or "undecided",
             "result": self.kind, "text": self.text, "turns": self.turns,
             "cities": self.cities}
        if self.loser:
            d["loser"] = self.loser
        return d


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
                      {f: len(Q.cities_of(state, f)) for f in state.order}, fired, state,
                      state.loser)


# --- events over many games ---------------------------------------------------------

@dataclass(frozen=True)
class EventStat:
    """How one scripted event fared over a batch of games."""
    event: str
    title: str
    fired: int                  # games in which it fired at least once
    games: int                  # games played
    mean_date: int | None       # mean month index of its first firing (rounded)
    historical: int | None      # month index of the real date, if the scenario gives one
    mean_diff: float | None     # mean months from the real date (<0 earlier), turn spans counted


def event_stats(scn, results: list[GameResult]) -> list[EventStat]:
    """For each event of the scenario, in file order: how often and when it fired."""
    from game.events import dates as D
    mpt = scn.months_per_turn
    out = []
    for ev in scn.events:
        spec = ev.spec
        real = D.parse_date(spec.historical) if spec.historical else None
        firsts = []
        for r in results:
            rec = next((f for f in r.fired if f["id"] == spec.id), None)
            if rec is not None:
                firsts.append(D.month_index(rec["year"], rec["month"]))
        n = len(firsts)
        mean = (sum(firsts) + n // 2) // n if firsts else None     # halves round up
        diff = (sum(D.offset(D.span(m, mpt), real) for m in firsts) / len(firsts)
                if firsts and real is not None else None)
        out.append(EventStat(spec.id, spec.title, len(firsts), len(results), mean, real, diff))
    return out


def event_table(stats: list[EventStat]) -> list[str]:
    """The events table `simulate` prints after a batch of games."""
    from game.events import dates as D
    if not stats:
        return []
    games = stats[0].games
    width = max(len(s.event) for s in stats)
    lines = [f"events over {games} games: fired, mean date of first firing, history, "
             "mean difference"]
    for s in stats:
        mean = D.date_text(s.mean_date) if s.mean_date is not None else "-"
        real = D.date_text(s.historical) if s.historical is not None else "-"
        diff = f"{s.mean_diff:+.1f} months" if s.mean_diff is not None else "-"
        lines.append(f"  {s.event:<{width}}  {s.fired:>3}/{s.games:<3}  {mean:>8}  {real:>8}  "
                     f"{diff}")
    never = [s.event for s in stats if s.fired == 0]
    lines.append(f"never fired: {', '.join(never) if never else 'none'}")
    return lines
