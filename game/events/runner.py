"""When scripted events are checked, and what firing one does.

Check points, in this order within a faction's turn:
  1. `start`: when a faction's turn begins (after its armies are rested);
  2. `order`: after each order that moves an army or captures something;
  3. `end`:   when the faction ends its turn (after supply and sieges).
At each point the scenario's events are checked in the order they are
written; an event fired earlier at the same point is visible to the ones
after it.  An event fires once, or, with `repeat`, again when at least
`cooldown` turns (and at least one) have passed since it last fired.
Nothing is checked once the game is over.  A fired event is logged (turn, date, id, who was told), its
effects applied, and its choices queued for the choosing faction, which must
answer before doing anything else on its turn.
"""
from __future__ import annotations

from game import trace
from game.events import dice
from game.events.effects import Fire
from game.rules.event_data import Chosen, Fired, OfEvent, Option
from game.rules.report import Event
from game.rules.state import GameState, LogEntry, PendingChoice


def told(state: GameState, spec) -> tuple[str, ...]:
    if spec.to:
        return tuple(spec.to)
    return tuple(f for f in state.order if state.factions[f].in_play)


def check_events(state: GameState, point: str) -> list[Event]:
    """Fire every event whose time has come at this check point."""
    events: list[Event] = []
    for ev in _checked_at(state.scenario, point):
        if state.over:
            break
        spec = ev.spec
        if spec.on_turn_of is not None and state.active_faction != spec.on_turn_of:
            continue
        last = state.fired.get(spec.id)
        if last is not None and (not spec.repeat or state.turn - last < max(1, spec.cooldown)):
            continue
        with dice.rolling_for(spec.id):
            held = ev.when(state)
            trace.checked(state, point, ev, held)
            if held:
                events += fire(state, ev)
    return events


def _checked_at(scn, point: str) -> list:
    """The scenario's events checked at this point (`check` is the point or `any`), in the
    order written.  Kept per scenario while its events are the very ones it was made from,
    in the same order (an event's check point is fixed once the scenario is loaded)."""
    kept = scn.cache.get("events_at")
    events = tuple(scn.events)
    if kept is None or kept[0] != events:
        kept = scn.cache["events_at"] = (events, {})
    got = kept[1].get(point)
    if got is None:
        got = kept[1][point] = [ev for ev in events if ev.spec.check in ("any", point)]
    return got


def fire(state: GameState, ev) -> list[Event]:
    spec = ev.spec
    who = told(state, spec)
    state.fired[spec.id] = state.turn
    state.log.append(LogEntry(state.turn, state.year, state.month, spec.id, spec.title, list(who)))
    events = [Event("fired", spec.title, None, who,
                    Fired(spec.id, spec.text, dict(spec.text_for),
                          tuple(Option(c.id, c.label, c.hint) for c, _ in ev.choices),
                          spec.chooser))]
    f = Fire(spec.id, who)
    for run in ev.effects:
        events += run(state, f)
    if ev.choices:
        chooser = spec.chooser
        if state.factions[chooser].in_play:
            state.pending.append(PendingChoice(spec.id, chooser))
            events.append(Event("choice", f"{state.factions[chooser].name} must choose: "
                                          f"{spec.title}", None, (chooser,),
                                OfEvent(spec.id)))
        else:  # nobody to ask: the most likely option is taken
            best = max(ev.choices, key=lambda c: c[0].ai_weight)
            events += apply_choice(state, ev, best[0].id)
    return events


def apply_choice(state: GameState, ev, option: str) -> list[Event]:
    spec = ev.spec
    state.pending = [p for p in state.pending if p.event != spec.id]
    for entry in reversed(state.log):
        if entry.event == spec.id:
            entry.choice = option
            break
    events: list[Event] = []
    for c, effects in ev.choices:
        if c.id == option:
            events.append(Event("chosen", f"{spec.title}: {c.label}", None, told(state, spec),
                                Chosen(spec.id, option, spec.chooser)))
            f = Fire(spec.id, told(state, spec))
            with dice.rolling_for(spec.id):
                for run in effects:
                    events += run(state, f)
    return events


def event_by_id(state: GameState, event_id: str):
    for ev in state.scenario.events:
        if ev.spec.id == event_id:
            return ev
    return None
