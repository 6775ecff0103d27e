"""The turn sequence: a new game, each faction's turn, and the end of a round.

A round is one date: every faction in play takes its turn in the scenario's
order.  When the last has ended its turn, the round ends (income and upkeep,
statistics for the charts), the date moves on by the turn length, and the
first faction begins again.  After the round of the end date, the game ends
and the victory conditions decide.
"""
from __future__ import annotations

import copy

from game import calendar as cal
from game.events.runner import check_events
from game.rules import economy, siege, supply, victory
from game.rules import movement as M
from game.rules import queries as Q
from game.rules import vision
from game.rules.event_data import OfTurn
from game.rules.report import Event, dated
from game.rules.rng import Rng
from game.rules.state import (Army, City, Commander, Faction, GameState, Relation, TurnStats,
                              relation_key)


def new_game(scn, seed: int, begin: bool = True) -> tuple[GameState, list[Event]]:
    """The state at the start of a scenario, with the first turn begun.

    With begin=False the first turn is not begun: no event has been checked
    and no army rested (the event-test harness builds its situations so).
    """
    spec = scn.spec
    hm = scn.map
    statics = scn.statics
    factions = {f.id: Faction(f.id, f.in_play, f.treasury, f.income, f.war_weariness,
                              f.capital, f.ruler, spec=statics.factions[f.id])
                for f in spec.factions}
    commanders = {c.id: Commander(c.id, c.faction, list(c.traits), c.alive,
                                  spec=statics.commanders[c.id]) for c in spec.commanders}
    cities = {}
    for c in spec.cities:
        place = hm.places.get(c.at if c.at is not None else c.id)
        walls = c.walls if c.walls is not None else place.walls if place else 0
        cities[c.id] = City(c.id, c.owner, walls, walls, c.garrison,
                            spec=statics.cities[c.id])
    armies = {}
    for a in spec.armies:
        h = _where(scn, a.at)
        name = a.name or (f"Army of {commanders[a.commander].name}" if a.commander
                          else f"{factions[a.faction].name} army")
        armies[a.id] = Army(a.id, name, a.faction, h, a.men, a.commander, a.morale, a.supply, 0)
    relations = {relation_key(r.a, r.b): Relation(r.status, r.payer, r.amount)
                 for r in spec.relations}
    year, month = scn.start
    straits = sorted(set(hm.strait_of_edge.values()))
    state = GameState(
        scenario_id=spec.id, seed=seed, turn=1, year=year, month=month,
        months_per_turn=scn.months_per_turn, order=[f.id for f in spec.factions], active=0,
        factions=factions, commanders=commanders, armies=armies, cities=cities,
        relations=relations, rng=Rng.from_seed(seed),
        strait_open={s: sorted(f for f in factions if factions[f].navy) for s in straits},
        direction=copy.deepcopy(scn.direction), scenario=scn)
    vision.init_memory(state)
    events = []
    if not begin:
        return state, events
    if not factions[state.active_faction].in_play:
        events += _advance(state)
    else:
        events += begin_faction_turn(state)
    vision.refresh(state)
    return state, dated(events, state)


def _where(scn, at: str):
    for h, cid in scn.city_at.items():
        if cid == at:
            return h
    return scn.map.resolve(at)


def begin_faction_turn(state: GameState) -> list[Event]:
    fid = state.active_faction
    for a in state.armies.values():
        if a.faction == fid:
            a.moves = M.move_budget(state, a)
            a.may_strike = True
    state.raised.clear()
    events = [Event("turn_began", f"{state.factions[fid].name}'s turn, {state.date_text()}", None,
                    (fid,), OfTurn(fid, state.turn))]
    events += check_events(state, "start")
    events += victory.check(state)
    return dated(events, state) + pass_if_out_of_war(state)


def pass_if_out_of_war(state: GameState) -> list[Event]:
    """If an event has just taken the side to play out of the war, the next side plays.

    A side that leaves the war gives no more orders, not even the rest of its turn.
    """
    if state.over or state.factions[state.active_faction].in_play:
        return []
    return _advance(state)


def end_faction_turn(state: GameState) -> list[Event]:
    """Supply, sieges and end-of-turn events for the active faction, then the next turn."""
    fid = state.active_faction
    ends = Q.agree(state, fid, "ends its", "end their")
    events = [Event("turn_ended", f"{state.factions[fid].name} {ends} turn", None, (fid,),
                    OfTurn(fid))]
    events += supply.end_of_turn(state, fid)
    events += siege.progress(state, fid)
    events += check_events(state, "end")
    events += victory.check(state)
    if state.over:
        return events
    for a in state.armies.values():
        if a.faction == fid:
            a.moves = 0
            a.may_strike = False
    return dated(events, state) + _advance(state)


def _advance(state: GameState) -> list[Event]:
    """Pass the turn to the next faction in play, ending the round when it wraps."""
    events: list[Event] = []
    for _ in range(len(state.order) * 2 + 2):
        state.active += 1
        if state.active >= len(state.order):
            state.active = 0
            events += end_of_round(state)
            if state.over:
                return events
        if state.factions[state.active_faction].in_play:
            return events + begin_faction_turn(state)
    # nobody is in play: the war is over
    return events + victory.check(state, final=True)


def end_of_round(state: GameState) -> list[Event]:
    events = dated(economy.end_of_round(state), state)
    state.history.append(stats(state))
    scn = state.scenario
    year, month = cal.next_turn(state.year, state.month, state.months_per_turn)
    if cal.month_index(year, month) > cal.month_index(*scn.end):
        return events + victory.check(state, final=True)
    state.year, state.month = year, month
    state.turn += 1
    if state.month == 3:
        economy.new_year(state)
    return events


def stats(state: GameState) -> TurnStats:
    fids = [f for f in state.order]
    believed = ({f: vision.believed_city_counts(state, f) for f in fids} if vision.fog(state)
                else {})
    friends = ({f: sorted(vision.friends(state, f)) for f in fids} if vision.fog(state)
               else {})
    known = {}
    if vision.fog(state):
        last = state.history[-1].known if state.history else {}
        for f in fids:
            now = set(last.get(f, ())) | set(friends[f])
            now |= {g for g, n in believed[f].items() if n > 0}
            now |= {a.faction for a in vision.known_armies(state, f)}
            known[f] = sorted(now)
    return TurnStats(state.turn, state.year, state.month,
                     {f: len(Q.cities_of(state, f)) for f in fids},
                     {f: Q.strength(state, f) for f in fids},
                     {f: state.factions[f].treasury for f in fids}, believed, friends, known)
