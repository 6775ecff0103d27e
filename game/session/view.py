"""What one side knows of the game: `observe(state, side)` and `events_for`.

The user interface draws only from a View, never from the full state, and
tells a side only the events `events_for` lets through, so a side can see no
more than its sight allows (the rules of sight and memory are in
game/rules/vision.py and docs/fog.md).

A View for a side, while the game goes on and the scenario has fog of war:
  armies   its own and its allies' armies, and other armies on hexes it sees now;
  cities   every city: as it is where the side sees it, as last seen elsewhere
           (`city_seen` says when; 0 = only what was known when the war began);
  log      the fired events it was told of;
  history  one row per finished round: its own and its allies' figures; of the
           other factions only the cities it believed they held; their men and
           treasure are left out (a missing key means "not known").
  world    the game as the side knows it (`known_world`): a GameState that holds
           the armies and cities above and nothing the side does not know, for the
           words and pictures that need the rules' helpers (odds, movement costs).
`side=None`, a finished game, or a scenario with `fog: false` give the whole
truth (an omniscient view), except that the event log of a game still going
on lists only the events the side was told of.

The map drawing and every text a player reads take a View and read the
game only through `view.world`; they are never given the full state.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

import numpy as np

from game.hexgrid import Hex, offset_from_hex
from game.rules import vision
from game.rules.report import Event
from game.rules.state import Army, City, GameState, LogEntry, TurnStats


@dataclass
class View:
    side: str | None
    visible: np.ndarray            # bool [row, col]: seen this turn
    explored: np.ndarray           # bool [row, col]: ever seen
    armies: dict[str, Army]        # the armies this side can see (copies)
    cities: dict[str, City]        # every city as this side last saw it (copies)
    log: list[LogEntry]            # the fired events this side was told of
    history: list[TurnStats]       # chart rows, limited to what this side knew
    city_seen: dict[str, int] = field(default_factory=dict)   # city -> turn last seen
    omniscient: bool = True        # nothing is hidden from this view
    world: GameState | None = field(default=None, repr=False, compare=False)  # as it knows it

    def sees(self, h: Hex) -> bool:
        col, row = offset_from_hex(h)
        return (0 <= row < self.visible.shape[0] and 0 <= col < self.visible.shape[1]
                and bool(self.visible[row, col]))


def observe(state: GameState, side: str | None) -> View:
    """What `side` knows now (None, or a finished game: everything)."""
    if side is not None and side not in state.factions:
        raise ValueError(f"there is no faction {side!r}")
    everything = side is None or state.over or not vision.fog(state)
    log = [copy.deepcopy(e) for e in state.log
           if side is None or state.over or side in e.seen_by]
    if side is not None and not state.over:
        for e in log:           # another side's choice is not known, only what it brings
            if e.choice is not None and _chooser(state, e.event) != side:
                e.choice = None
    if everything:
        v = View(side, vision.visible(state, None), vision.explored(state, None),
                 {k: copy.copy(a) for k, a in state.armies.items()},
                 {k: copy.deepcopy(c) for k, c in state.cities.items()},
                 log, [copy.deepcopy(row) for row in state.history],
                 {cid: state.turn for cid in state.cities}, True)
    else:
        v = View(side, vision.visible(state, side).copy(), vision.explored(state, side),
                 {a.id: copy.copy(a) for a in vision.known_armies(state, side)},
                 {k: copy.deepcopy(c) for k, c in vision.known_cities(state, side).items()},
                 log, [_row_for(row, side, vision.friends(state, side))
                       for row in state.history],
                 vision.city_last_seen(state, side), False)
    v.world = known_world(state, v)
    return v


def known_world(state: GameState, view: View) -> GameState:
    """The game as `view`'s side knows it, for the interface: a GameState with the view's
    armies and cities (copies), the commanders of the armies it sees and of its friends,
    the passes as it sees them (an opening or closing by an event shows only where it
    sees the pass; elsewhere the season's rule), its own and its allies' pending choices,
    plans and memory, its log and chart rows, and dice that are not the game's.  Names,
    the map, the date, relations, flags and the factions' public figures are as they are.
    An omniscient view's world is a copy of the whole state."""
    from game.rules.rng import Rng
    w = copy.copy(state)
    w.armies, w.cities = view.armies, view.cities
    w.log, w.history = view.log, view.history
    w.rng = Rng.from_seed(0)
    w.seed, w.dice_mix = 0, ""
    w.factions = {k: copy.copy(f) for k, f in state.factions.items()}
    w.relations = dict(state.relations)
    w.flags, w.fired = dict(state.flags), dict(state.fired)
    w.strait_open = {k: list(v) for k, v in state.strait_open.items()}
    if view.omniscient:
        w.commanders = {k: copy.copy(c) for k, c in state.commanders.items()}
        w.pass_override = dict(state.pass_override)
        w.pending, w.plans = list(state.pending), dict(state.plans)
        w.memory, w.raised = dict(state.memory), dict(state.raised)
        w.direction = dict(state.direction)
        return w
    side = view.side
    friends = vision.friends(state, side) if side is not None else set()
    led = {a.commander for a in view.armies.values() if a.commander}
    leading = {a.commander for a in state.armies.values() if a.commander}
    w.commanders = {k: copy.copy(c) for k, c in state.commanders.items()
                    if k in led or c.faction in friends or k not in leading}
    hm = state.scenario.map
    w.pass_override = {pid: v for pid, v in state.pass_override.items()
                       if pid in hm.passes and view.sees(hm.passes[pid].hex)}
    w.pending = [p for p in state.pending if p.faction in friends]
    w.plans = {f: p for f, p in state.plans.items() if f in friends}
    w.memory = {f: m for f, m in state.memory.items() if f in friends}
    w.raised = {c: n for c, n in state.raised.items()
                if c in view.cities and view.cities[c].owner in friends}
    w.direction = {}
    return w


def _chooser(state: GameState, event_id: str) -> str | None:
    from game.events.runner import event_by_id
    ev = event_by_id(state, event_id)
    return ev.spec.chooser if ev is not None else None


def _row_for(row: TurnStats, side: str, friends_now: set[str]) -> TurnStats:
    """A chart row as `side` knew it: its own and its allies' figures of that round (an
    ally of today shows nothing from before the alliance), the others' cities as it
    believed them, each from the round it came to know of that faction (saw one of its
    armies, believed it held a city, or allied with it)."""
    friends = set(row.friends[side]) if side in row.friends else friends_now
    believed = row.believed_cities.get(side, {})
    if side in row.known:           # rows saved before this was recorded show every line
        known = set(row.known[side])
        believed = {f: n for f, n in believed.items() if f in known}
    cities = {f: (n if f in friends else believed[f]) for f, n in row.cities.items()
              if f in friends or f in believed}
    return TurnStats(row.turn, row.year, row.month, cities,
                     {f: n for f, n in row.men.items() if f in friends},
                     {f: n for f, n in row.treasury.items() if f in friends}, {})


# --- events -------------------------------------------------------------------------

def _mask_of(where, side: str) -> np.ndarray | None:
    """Bool [row, col] of what the side sees, from a state, a View or a mask; None = all."""
    if isinstance(where, GameState):
        if not vision.fog(where) or where.over:
            return None
        return vision.visible(where, side)
    if isinstance(where, View):
        return None if where.omniscient else where.visible
    mask = np.asarray(where, dtype=bool)
    if mask.ndim != 2:
        raise ValueError("a sight mask is a bool array [row, col]")
    return mask


def events_for(events: list[Event], where, side: str) -> list[Event]:
    """The events `side` may be told of, trimmed to what it could see.

    `where` is the game state (the side's sight now), a View, or a bool
    [row, col] mask of the hexes the side saw while the events happened.
    A side is told an event that concerns it
    (`factions`), a public one, or one that happened on a hex it saw.  Of a
    march by someone else it sees only the steps within its sight: the event
    is kept with its path cut to those steps and no word of where it ended.
    A scripted event keeps only the side's own text (`text_for`) and shows
    its options only to the side that must choose.  The option taken
    (`chosen`) is told only to the chooser: the others learn of a choice only
    by its consequences.  A scripted note about a place (an army appearing, a
    commander taking over) reaches a side it does not concern only if that
    side sees the place.  A sighting (`spotted`) is told only to the side that
    made it, never to the side seen, whatever that side sees.
    """
    seen = _mask_of(where, side)

    def sees(h: Hex | None) -> bool:
        if h is None:
            return False
        if seen is None:
            return True
        col, row = offset_from_hex(h)
        return 0 <= row < seen.shape[0] and 0 <= col < seen.shape[1] and bool(seen[row, col])

    out = []
    for e in events:
        if e.kind == "fired" and (side in e.factions or e.public):
            out.append(_fired_for(e, side))
        elif e.kind == "chosen" and e.data.chooser not in (None, side):
            continue            # another's choice is known only by what it brings about
        elif (e.kind == "message" and e.data.concerns is not None and side not in e.data.concerns
              and e.at is not None and not e.public and not sees(e.at)):
            continue            # a scripted note of something out of its sight
        elif side in e.factions or e.public:
            out.append(e)
        elif e.kind == "spotted":
            continue            # a sighting is the spotter's own knowledge: the spotted side
            #                     learns of the spotter only by seeing it (its march)
        elif e.kind == "moved":
            trimmed = _march_seen(e, sees)
            if trimmed is not None:
                out.append(trimmed)
        elif sees(e.at):
            out.append(e)
    return out


def _fired_for(e: Event, side: str) -> Event:
    """A scripted event as `side` reads it: its own text, and the options only if it chooses."""
    own = e.data.text_for.get(side)
    data = replace(e.data, text_for={side: own} if own is not None else {})
    if data.chooser != side:
        data = replace(data, choices=())
    return replace(e, data=data)


def _march_seen(e: Event, sees) -> Event | None:
    """Someone else's march, cut to the steps the side saw; None if it saw none."""
    start, path = e.data.start, e.data.path
    if sees(start) and all(sees(h) for h in path):
        return e
    steps = tuple(h for h in path if sees(h))
    if not steps and not sees(start):
        return None
    data = replace(e.data, start=start if sees(start) else None, path=steps, halted=False,
                   partial=True)
    name = e.data.name or "An army"
    return replace(e, text=f"{name} is seen on the march", at=steps[-1] if steps else None,
                   data=data)
