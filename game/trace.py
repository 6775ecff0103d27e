"""What a scenario author sees inside simulated games: `simulate --trace` and `--watch`.

Per side's turn: each army's place (`col,row` and the nearest named place),
men, supply, morale and the errand its computer gave it; the side's treasury,
income and upkeep; every choice made and by whom.  For the events named with
`--watch`: every check point's result, and when it did not fire, the first
condition that failed, with its arguments, where it is written.

Tracing only reads the game: conditions are pure (the event dice follow from
the seed, see game.events.dice), so a traced game plays exactly as an
untraced one.
"""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from game.calendar import iso
from game.events.compile import Condition, Effect
from game.events.registry import CONDITIONS
from game.hexgrid import Hex, hex_distance
from game.rules import economy
from game.rules.orders import Choose, EndTurn
from game.scenario.places import cell_text as cell

_watch: ContextVar[tuple[frozenset, list] | None] = ContextVar("watched_events", default=None)


@contextmanager
def watching(event_ids, sink: list):
    """While inside, each check of these events appends a record to `sink`."""
    token = _watch.set((frozenset(event_ids), sink))
    try:
        yield
    finally:
        _watch.reset(token)


def checked(state, point: str, ev, held: bool) -> None:
    """Called by the event runner after it tried an event's condition."""
    found = _watch.get()
    if found is None or ev.spec.id not in found[0]:
        return
    rec = {"type": "check", "turn": state.turn, "year": state.year, "month": state.month,
           "faction": state.active_faction, "point": point, "event": ev.spec.id,
           "fired": held}
    if not held:
        rec["failed"] = first_failure(ev.when, state)
    found[1].append(rec)




def _value(v, hm):
    """An argument as the author wrote it: a place id where a place stands, else col,row."""
    if isinstance(v, Hex):
        return hm.place_at.get(v, cell(v))
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_value(x, hm) for x in v]
    if isinstance(v, (Condition, Effect)):
        return v.name
    return v


def first_failure(cond, state) -> dict | None:
    """The first part of a compiled condition that does not hold: its name, arguments,
    key path and line.  None if it holds."""
    if cond(state):
        return None
    name, parts = cond.name, cond.parts
    if name == "all":
        for p in parts:
            found = first_failure(p, state)
            if found is not None:
                return found
    hm = state.scenario.map
    d = CONDITIONS.get(name)
    dates = {a.name for a in d.args if a.kind == "date"} if d is not None else set()
    args = {k: iso(v) if k in dates and isinstance(v, int) else _value(v, hm)
            for k, v in cond.args.items()}
    return {"condition": name, "args": args, "key": cond.keypath, "line": cond.line}


def nearest_place(state, h: Hex) -> str:
    hm = state.scenario.map
    if h in hm.place_at:
        return hm.place_at[h]
    best = min(hm.places.values(), key=lambda p: (hex_distance(p.hex, h), p.id), default=None)
    return f"near {best.id}" if best is not None else "-"


def _errands(pairs) -> dict[str, str]:
    """Army id -> errand, from the computer's note in the order that ended the turn.

    An army's item is `ID COL ROW GOAL`, with the goal it gave up after it when it has
    changed its mind (see game.ai.memory.note); the `seen ...` items are sightings."""
    from game.ai.memory import goals_in_note      # not at the top: game.ai loads the rules,
    out = {}                                      # which load this module
    for order, _ in pairs:
        if isinstance(order, EndTurn) and order.plans:
            out.update(goals_in_note(order.plans))
    return out


def side_turn(state, faction: str, turn: int, year: int, month: int, pairs) -> dict:
    """A record of one side's turn, taken when it is over."""
    errands = _errands(pairs)
    armies = [{"id": a.id, "at": cell(a.hex), "place": nearest_place(state, a.hex),
               "men": a.men, "supply": a.supply, "morale": a.morale,
               "commander": a.commander, "aim": errands.get(a.id)}
              for a in sorted(state.armies.values(), key=lambda a: a.id) if a.faction == faction]
    f = state.factions[faction]
    choices = [{"event": o.event, "option": o.option, "by": o.faction}
               for o, _ in pairs if isinstance(o, Choose)]
    for _, events in pairs:
        for e in events:
            if e.kind == "chosen" and not any(c["event"] == e.data.event for c in choices):
                choices.append({"event": e.data.event, "option": e.data.option,
                                "by": "nobody (the likeliest option)"})
    return {"type": "turn", "turn": turn, "year": year, "month": month, "faction": faction,
            "treasury": f.treasury, "income": economy.income(state, faction),
            "upkeep": economy.upkeep(state, faction), "armies": armies, "choices": choices}


def summary_lines(results, watch) -> list[str]:
    """For each watched event: in how many games it fired, how often it was checked, and
    the conditions that most often stopped it."""
    lines = []
    n = len(results)
    for eid in watch:
        checks = [r for res in results for r in res.trace
                  if r["type"] == "check" and r["event"] == eid]
        games = sum(any(r["fired"] for r in res.trace
                        if r["type"] == "check" and r["event"] == eid) for res in results)
        lines.append(f"{eid}: fired in {games} of {n} game{'s' * (n != 1)}; checked "
                     f"{len(checks)} times")
        why = Counter(f"{r['failed']['key']} (line {r['failed']['line']}): "
                      f"{r['failed']['condition']} {r['failed']['args']}"
                      for r in checks if not r["fired"] and r.get("failed"))
        for text, k in why.most_common(3):
            lines.append(f"  stopped {k} times by {text}")
    return lines
