"""Headless games with the computer on every side, for `run.py simulate`.

`play` plays one game in this process.  `run_games` plays many, spread over
worker processes when asked; each worker loads the scenario itself from its
file, and results come back in seed order, identical to a serial run.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field

import game.ai
from game import calendar as cal
from game import trace
from game.rules import queries as Q
from game.rules.engine import new_game
from game.rules.report import Event
from game.rules.state import GameState
from game.session import seats

POLICIES = ("ai", "computer", "placeholder")     # "ai" is the computer's old name


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
    taken: list[dict] = field(default_factory=list)   # cities changing hands, in order
    sieges: list[dict] = field(default_factory=list)  # sieges begun, in order
    deaths: list[dict] = field(default_factory=list)  # commanders who died, in order
    trace: list[dict] = field(default_factory=list)   # with a trace: see game.trace
    counts: dict[str, int] = field(default_factory=dict)  # event kind -> how many
    falls: list[dict] = field(default_factory=list)   # rulers who lost their throne, in order
    loser: str | None = None                           # when the game ended in a defeat
    by: str | None = None        # the victory's id (or `event ID`) that ended the game

    def to_dict(self) -> dict:
        d = {"type": "game", "seed": self.seed, "winner": self.winner or "undecided",
             "result": self.kind, "text": self.text, "turns": self.turns,
             "cities": self.cities}
        if self.loser:
            d["loser"] = self.loser
        if self.by:
            d["by"] = self.by
        return d


def fired_record(state: GameState, e: Event, seed: int) -> dict:
    turn, year, month = e.when or (state.turn, state.year, state.month)
    return {"type": "event", "seed": seed, "turn": turn, "year": year,
            "month": month, "season": cal.season_of(month), "id": e.data.event,
            "title": e.text}


def policy(name: str = "ai", level: str = "normal"):
    """A turn policy (state -> [(order, events)]) by name: the computer or the baseline."""
    if name not in POLICIES:
        raise ValueError(f"unknown policy {name!r}; choose one of {', '.join(POLICIES)}")
    game.ai.get_level(level)
    word = seats.PLACEHOLDER if name == seats.PLACEHOLDER else f"{seats.COMPUTER}:{level}"
    return seats.parse(word).play_turn


def play(scn, seed: int, max_turns: int | None = None, on_event=None,
         turn_policy=None, sides: dict | None = None, watch=None) -> GameResult:
    """Play one game to its end (or max_turns rounds); on_event(record) sees each fired event.

    `turn_policy` plays every side (default: the computer at normal level);
    `sides` maps some factions to their own turn policy.  With `watch` (a collection of
    event ids, possibly empty) the result carries a trace (game.trace) of every side's
    turn and of every check of those events.
    """
    if watch is not None:
        sink: list[dict] = []
        with trace.watching(watch, sink):
            result = _play(scn, seed, max_turns, on_event, turn_policy, sides, sink)
        result.trace = sink
        return result
    return _play(scn, seed, max_turns, on_event, turn_policy, sides, None)


def _play(scn, seed, max_turns, on_event, turn_policy, sides, sink) -> GameResult:
    turn_policy = turn_policy or game.ai.play_turn
    sides = sides or {}
    state, events = new_game(scn, seed)
    result = GameResult(seed, None, "", "", 0, {})

    def note(evs):
        for e in evs:
            result.counts[e.kind] = result.counts.get(e.kind, 0) + 1
            if e.kind == "fired":
                rec = fired_record(state, e, seed)
                result.fired.append(rec)
                if on_event:
                    on_event(rec)
            elif e.kind == "captured":
                result.taken.append(_when(state, e, city=e.data.city, by=e.factions[0],
                                          lost_by=e.data.owner_before))
            elif e.kind == "siege_begun":
                result.sieges.append(_when(state, e, city=e.data.city, by=e.factions[0]))
            elif e.kind == "commander_died":
                result.deaths.append(_when(state, e, commander=e.data.commander))
            elif e.kind == "game_over":
                result.by = e.data.by
    note(events)
    rulers = {f: x.ruler for f, x in state.factions.items()}
    while not state.over:
        if max_turns is not None and state.turn > max_turns:
            break
        fid, when = state.active_faction, (state.turn, state.year, state.month)
        pairs = sides.get(fid, turn_policy)(state)
        for _order, evs in pairs:
            note(evs)
        if sink is not None:
            sink.append(trace.side_turn(state, fid, *when, pairs))
        for f, x in state.factions.items():
            if x.ruler != rulers[f] and rulers[f] is not None:
                result.falls.append(_when(state, None, faction=f, commander=rulers[f],
                                          by=x.ruler))
            rulers[f] = x.ruler
    result.winner = state.winner
    result.kind = state.result_kind or "unfinished"
    result.text = state.result_text
    result.turns = state.turn if state.over else state.turn - 1
    result.cities = {f: len(Q.cities_of(state, f)) for f in state.order}
    result.loser = state.loser
    result.state = state
    return result


def _when(state: GameState, e: Event | None, **data) -> dict:
    """When it happened: the event's own date (the turn it happened in), else the present."""
    turn, year, month = e.when if e is not None and e.when else (state.turn, state.year,
                                                                 state.month)
    return {"turn": turn, "year": year, "season": cal.season_of(month), **data}


# --- many games -------------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One game to play, in a form a worker process can receive."""
    scenario_path: str
    seed: int
    max_turns: int | None
    policy: str = "ai"
    level: str = "normal"
    sides: tuple = ()            # ((faction, seat word), ...): see game.session.seats
    watch: tuple | None = None   # event ids to trace (a trace is kept when not None)


_worker_scenarios: dict[str, object] = {}


def run_task(task: Task) -> GameResult:
    """Play one game (in whatever process this is), loading the scenario if needed."""
    scn = _worker_scenarios.get(task.scenario_path)
    if scn is None:
        from game.scenario.load import load_scenario
        scn = load_scenario(task.scenario_path)
        _worker_scenarios[task.scenario_path] = scn
    sides = {f: seats.parse(word).play_turn for f, word in task.sides}
    r = play(scn, task.seed, task.max_turns, None, policy(task.policy, task.level), sides,
             task.watch)
    r.state = None               # the state stays in the worker; the summary travels
    return r


def run_games(tasks: list[Task], jobs: int | None = None, scn=None):
    """Yield the results of the tasks in their order, using up to `jobs` processes.

    With one job (or one game) everything runs here; `scn`, if given, is the
    already loaded scenario of the tasks.  Otherwise a pool of spawned workers
    plays them, each loading the scenario from its file.
    """
    if jobs is None:
        jobs = os.cpu_count() or 1
    if scn is not None:
        for t in tasks:
            _worker_scenarios.setdefault(t.scenario_path, scn)
    yield from in_processes(run_task, tasks, jobs)


def in_processes(fn, items: list, jobs: int):
    """fn(item) for each item, in order: here with one job, else on a pool of `jobs`
    spawned processes (fn must be a module-level function)."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        for item in items:
            yield fn(item)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(fn, items)


# --- the summary of many games ------------------------------------------------------

def summary_lines(results: list[GameResult], names: dict[str, str]) -> list[str]:
    """A small table: wins per side, mean length, cities changing hands, sieges."""
    n = len(results)
    wins: dict[str, int] = {}
    for r in results:
        key = r.winner or "undecided"
        wins[key] = wins.get(key, 0) + 1
    width = max([len(v) for v in names.values()] + [len("undecided")])
    lines = [f"== {n} games, seeds {results[0].seed}-{results[-1].seed}",
             f"{'side':<{width}}  wins  share"]
    for fid, label in [*names.items(), ("undecided", "undecided")]:
        k = wins.get(fid, 0)
        lines.append(f"{label:<{width}}  {k:>4}  {100 * k // n:>4}%")
    turns = sum(r.turns for r in results) / n
    taken = sum(len(r.taken) for r in results) / n
    sieges = sum(len(r.sieges) for r in results) / n
    lines.append(f"mean turns {turns:.1f}; cities changing hands {taken:.1f} a game; "
                 f"sieges begun {sieges:.1f} a game")
    return lines


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


def first_firings(event_id: str, results: list[GameResult]) -> list[int]:
    """The month index at which the event first fired, for each game in which it did."""
    out = []
    for r in results:
        rec = next((f for f in r.fired if f["id"] == event_id), None)
        if rec is not None:
            out.append(cal.month_index(rec["year"], rec["month"]))
    return out


def event_stats(scn, results: list[GameResult]) -> list[EventStat]:
    """For each event of the scenario, in file order: how often and when it fired."""
    mpt = scn.months_per_turn
    out = []
    for ev in scn.events:
        spec = ev.spec
        real = cal.parse_date(spec.historical) if spec.historical else None
        firsts = first_firings(spec.id, results)
        n = len(firsts)
        mean = (sum(firsts) + n // 2) // n if firsts else None     # halves round up
        diff = (sum(cal.offset(cal.span(m, mpt), real) for m in firsts) / len(firsts)
                if firsts and real is not None else None)
        out.append(EventStat(spec.id, spec.title, len(firsts), len(results), mean, real, diff))
    return out


@dataclass(frozen=True)
class TurningPoint:
    """How one event marked `turning_point` fared over a batch of games."""
    event: str
    title: str
    fired: int                  # games in which it fired at least once
    games: int
    median_date: int | None     # median month index of its first firing (the lower middle)
    historical: int | None
    median_diff: int | None     # median months from the real date (<0 earlier)


def turning_points(scn, results: list[GameResult]) -> list[TurningPoint]:
    """The scenario's turning points, in file order: how often and when each first fired."""
    from statistics import median_low

    mpt = scn.months_per_turn
    out = []
    for ev in scn.events:
        spec = ev.spec
        if not spec.turning_point:
            continue
        real = cal.parse_date(spec.historical) if spec.historical else None
        firsts = first_firings(spec.id, results)
        med = median_low(firsts) if firsts else None
        diff = (median_low([cal.offset(cal.span(m, mpt), real) for m in firsts])
                if firsts and real is not None else None)
        out.append(TurningPoint(spec.id, spec.title, len(firsts), len(results), med, real, diff))
    return out


def turning_point_lines(scn, results: list[GameResult], names: dict[str, str]) -> list[str]:
    """The history report after a batch: each turning point, then wins by side and condition."""
    tps = turning_points(scn, results)
    n = len(results)
    lines = []
    if tps:
        width = max(len(t.title) for t in tps)
        lines.append(f"turning points over {n} games: fired, share, median date of first "
                     "firing, history, median difference")
        for t in tps:
            med = cal.date_text(t.median_date) if t.median_date is not None else "-"
            real = cal.date_text(t.historical) if t.historical is not None else "-"
            diff = f"{t.median_diff:+d} months" if t.median_diff is not None else "-"
            lines.append(f"  {t.title:<{width}}  {t.fired:>3}/{n:<3} {100 * t.fired // n:>3}%  "
                         f"{med:>8}  {real:>8}  {diff}")
    ways: dict[tuple, int] = {}
    for r in results:
        key = (r.winner or "", r.kind, r.by or "", r.text)
        ways[key] = ways.get(key, 0) + 1
    lines.append(f"wins by victory condition over {n} games:")
    for (w, kind, by, text), k in sorted(ways.items(), key=lambda x: (-x[1], x[0])):
        who = names.get(w, w) if w else "nobody"
        how = f"{kind}, {by}" if by else kind
        lines.append(f"  {k:>4}  {100 * k // n:>3}%  {who} ({how})" + (f": {text}" if text else ""))
    return lines


def event_table(stats: list[EventStat]) -> list[str]:
    """The events table `simulate` prints after a batch of games."""
    if not stats:
        return []
    games = stats[0].games
    width = max(len(s.event) for s in stats)
    lines = [f"events over {games} games: fired, mean date of first firing, history, "
             "mean difference"]
    for s in stats:
        mean = cal.date_text(s.mean_date) if s.mean_date is not None else "-"
        real = cal.date_text(s.historical) if s.historical is not None else "-"
        diff = f"{s.mean_diff:+.1f} months" if s.mean_diff is not None else "-"
        lines.append(f"  {s.event:<{width}}  {s.fired:>3}/{s.games:<3}  {mean:>8}  {real:>8}  "
                     f"{diff}")
    never = [s.event for s in stats if s.fired == 0]
    lines.append(f"never fired: {', '.join(never) if never else 'none'}")
    return lines
