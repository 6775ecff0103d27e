"""The conditions of the event language.  Each is registered by name.

Conditions only read the state, with one exception: `chance` draws from the
game's seeded generator, so the same game always rolls the same way.
"""
from __future__ import annotations

from game.events.registry import condition
from game.hexgrid import hex_distance
from game.rules import queries as Q
from game.rules.state import GameState


def months(state: GameState) -> int:
    return state.year * 12 + state.month - 1


@condition("all", "Every listed condition holds.", "all: [{owns: {faction: sassanids, city: "
           "antioch}}, {flag: holy_war}]", conditions="conditions")
def _all(state, conditions):
    return all(c(state) for c in conditions)


@condition("any", "At least one listed condition holds.", "any: [{flag: a}, {flag: b}]",
           conditions="conditions")
def _any(state, conditions):
    return any(c(state) for c in conditions)


@condition("not", "The condition does not hold.", "not: {fired: evt_610_fall_of_phocas}",
           condition="condition")
def _not(state, condition):
    return not condition(state)


@condition("date", "The date is in a window (start and end included) and/or matches a year, "
           "season or month.", "date: {start: 613-03, end: 614-08, season: summer}",
           start="date?", end="date?", year="int?", season="season?", month="int?")
def date(state, start=None, end=None, year=None, season=None, month=None):
    m = months(state)
    if start is not None and m < start:
        return False
    if end is not None and m > end:
        return False
    if year is not None and state.year != year:
        return False
    if season is not None and state.season != season:
        return False
    if month is not None and state.month != month:
        return False
    return True


@condition("turn", "The turn number is within bounds.", "turn: {min: 3}", min="int?", max="int?")
def turn(state, min=None, max=None):
    return (min is None or state.turn >= min) and (max is None or state.turn <= max)


@condition("owns", "A faction holds a city; or, with `region`, every city of a region (or "
           "at least `count` of them); or, with `cities`, at least `count` of those.",
           "owns: {faction: sassanids, city: jerusalem}",
           faction="faction", city="city?", region="region?", cities="cities?", count="int?")
def owns(state, faction, city=None, region=None, cities=None, count=None):
    if city is not None:
        return state.cities[city].owner == faction
    hm = Q.hexmap(state)
    if region is not None:
        pool = [c for c in state.cities.values() if hm.region_of(c.hex) == region]
    else:
        pool = [state.cities[c] for c in (cities or ())]
    held = sum(1 for c in pool if c.owner == faction)
    return held >= (count if count is not None else len(pool)) and (pool or count == 0)


owns.check = lambda ctx, **a: (None if sum(k in a for k in ("city", "region", "cities")) == 1
                               else "owns needs exactly one of city, region or cities")


@condition("army_near", "An army of the faction (with at least `men`) stands within `within` "
           "hexes of a place, or anywhere in a region.",
           "army_near: {faction: byzantium, place: ganzak, within: 1}",
           faction="faction", place="place?", region="region?", within="int?", men="int?",
           commander="commander?")
def army_near(state, faction, place=None, region=None, within=0, men=None, commander=None):
    hm = Q.hexmap(state)
    for a in state.armies.values():
        if a.faction != faction:
            continue
        if men is not None and a.men < men:
            continue
        if commander is not None and a.commander != commander:
            continue
        if place is not None and hex_distance(a.hex, place) > (within or 0):
            continue
        if region is not None and hm.region_of(a.hex) != region:
            continue
        return True
    return False


army_near.check = lambda ctx, **a: (None if ("place" in a) != ("region" in a)
                                    else "army_near needs exactly one of place or region")


@condition("commander_alive", "A commander is alive.", "commander_alive: shahin",
           commander="commander")
def commander_alive(state, commander):
    return state.commanders[commander].alive


@condition("commander_at", "A commander leads an army within `within` hexes of a place.",
           "commander_at: {commander: heraclius, place: constantinople}",
           commander="commander", place="place", within="int?")
def commander_at(state, commander, place, within=0):
    c = state.commanders[commander]
    if not c.alive:
        return False
    return any(a.commander == commander and hex_distance(a.hex, place) <= (within or 0)
               for a in state.armies.values())


@condition("ruler", "A faction is ruled by the commander.", "ruler: {faction: byzantium, "
           "commander: phocas}", faction="faction", commander="commander")
def ruler(state, faction, commander):
    return state.factions[faction].ruler == commander


@condition("relation", "Two factions stand in the relation.", "relation: {a: byzantium, "
           "b: avars, status: tribute}", a="faction", b="faction", status="status")
def relation(state, a, b, status):
    return Q.relation(state, a, b).status == status


@condition("treasury", "A faction's treasury is within bounds.", "treasury: {faction: "
           "byzantium, max: 20}", faction="faction", min="int?", max="int?")
def treasury(state, faction, min=None, max=None):
    t = state.factions[faction].treasury
    return (min is None or t >= min) and (max is None or t <= max)


@condition("weariness", "A faction's war-weariness is within bounds.", "weariness: {faction: "
           "sassanids, min: 60}", faction="faction", min="int?", max="int?")
def weariness(state, faction, min=None, max=None):
    w = state.factions[faction].war_weariness
    return (min is None or w >= min) and (max is None or w <= max)


@condition("stronger", "A faction's men under arms are at least `percent` of another's "
           "(100 = as many).", "stronger: {faction: byzantium, than: sassanids, percent: 120}",
           faction="faction", than="faction", percent="int?")
def stronger(state, faction, than, percent=100):
    return Q.strength(state, faction) * 100 >= Q.strength(state, than) * (percent or 100)


@condition("flag", "A flag is set (at least `min`, default 1).", "flag: holy_war",
           name="text", min="int?")
def flag(state, name, min=1):
    return state.flags.get(name, 0) >= (1 if min is None else min)


@condition("fired", "An event has fired (within the last `within` turns, if given).",
           "fired: evt_614_jerusalem", event="event", within="int?")
def fired(state, event, within=None):
    t = state.fired.get(event)
    if t is None:
        return False
    return within is None or state.turn - t <= within


@condition("besieged", "A city is under siege (by a given faction, if named).",
           "besieged: {city: constantinople, by: avars}", city="city", by="faction?")
def besieged(state, city, by=None):
    s = state.cities[city].siege
    return s is not None and (by is None or s.by == by)


@condition("active", "It is this faction's turn.", "active: byzantium", faction="faction")
def active(state, faction):
    return state.active_faction == faction


@condition("in_play", "The faction is taking part in the war.", "in_play: turks",
           faction="faction")
def in_play(state, faction):
    return state.factions[faction].in_play


@condition("chance", "Succeeds with the given percent chance, rolled on the game's seeded "
           "generator (put it last in an `all`, so it is only rolled when the rest hold).",
           "chance: 30", percent="percent")
def chance(state, percent):
    return state.rng.percent(percent)
