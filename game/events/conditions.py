"""The conditions of the event language.  Each is registered by name.

Conditions only read the state.  `chance` and `mean_time` roll dice that
follow from the game's seed, the event and the turn (game.events.dice), so the
same game always rolls the same way and a turn's roll never changes.
Dates are compared with the whole span of the current turn (see
game.calendar): in a seasonal game, `date: {start: 614-05}` already
holds in the spring turn of 614, which includes May.
"""
from __future__ import annotations

from game import calendar as cal
from game.events import dice
from game.events.registry import (at_least_one, checks, condition, different, exactly_one,
                                  needs, ordered)
from game.hexgrid import hex_distance
from game.rules import queries as Q
from game.rules.movement import pass_closed
from game.rules.state import GameState


def months(state: GameState) -> int:
    return cal.month_index(state.year, state.month)


# --- combining ---------------------------------------------------------------------

@condition("all", "Every listed condition holds (they are tried in order and the first "
           "that fails stops the rest).",
           "all: [{owns: {faction: sassanids, city: antioch}}, {flag: holy_war}]",
           conditions="conditions")
def _all(state, conditions):
    return all(c(state) for c in conditions)


@condition("any", "At least one listed condition holds.", "any: [{flag: a}, {flag: b}]",
           conditions="conditions")
def _any(state, conditions):
    return any(c(state) for c in conditions)


@condition("not", "The condition inside does not hold.", "not: {fired: evt_610_fall_of_phocas}",
           condition="condition")
def _not(state, condition):
    return not condition(state)


# --- time --------------------------------------------------------------------------

@condition("date", "The current turn meets the window `start`..`end` (both included; either "
           "may be left open) and matches `year` (the year the turn is shown with), `season` "
           "and `month` (the turn includes that month), when given.",
           "date: {start: 613-03, end: 614-08, season: summer}",
           start="date?", end="date?", year="int?", season="season?", month="month?")
def date(state, start=None, end=None, year=None, season=None, month=None):
    turn = cal.state_span(state)
    if not cal.overlaps(turn, start, end):
        return False
    if year is not None and state.year != year:
        return False
    if season is not None and state.season != season:
        return False
    if month is not None and not cal.covers_month(turn, month):
        return False
    return True


date.check = checks(at_least_one("start", "end", "year", "season", "month"),
                    ordered("start", "end"))


def _within(v, min, max) -> bool:
    """`v` is within the bounds given (None: no bound on that side)."""
    return (min is None or v >= min) and (max is None or v <= max)


_BOUNDS_CHECK = checks(at_least_one("min", "max"), ordered("min", "max"))


@condition("turn", "The turn number (1 for the first) is within bounds.", "turn: {min: 3}",
           min="count?", max="count?")
def turn(state, min=None, max=None):
    return _within(state.turn, min, max)


turn.check = _BOUNDS_CHECK


# --- land --------------------------------------------------------------------------

@condition("owns", "A faction holds a city; or, with `region`, every city of that region (or "
           "at least `count` of them); or, with `cities`, all of those (or at least `count`).",
           "owns: {faction: sassanids, region: syria, count: 2}",
           faction="faction", city="city?", region="region?", cities="cities?", count="count?")
def owns(state, faction, city=None, region=None, cities=None, count=None):
    if city is not None:
        return state.cities[city].owner == faction
    hm = Q.hexmap(state)
    if region is not None:
        pool = [c for c in state.cities.values() if hm.region_of(c.hex) == region]
    else:
        pool = [state.cities[c] for c in cities]
    held = sum(1 for c in pool if c.owner == faction)
    return held >= (count if count is not None else len(pool)) and bool(pool)


def _region_has_cities(ctx, **a):
    region = a.get("region")
    if region is not None and not any(ctx.hexmap.region_of(h) == region
                                      for h in ctx.city_hex.values()):
        return f"the region {region!r} holds no city of this scenario"
    return None


def _count_possible(ctx, **a):
    count = a.get("count")
    if count is None:
        return None
    if "cities" in a:
        total = len(a["cities"])
    elif "region" in a:
        total = sum(1 for h in ctx.city_hex.values() if ctx.hexmap.region_of(h) == a["region"])
    else:
        return None
    if count > total:
        return f"`count` ({count}) is more than the {total} cities it counts from"
    return None


owns.check = checks(exactly_one("city", "region", "cities"), needs("count", "region", "cities"),
                    _region_has_cities, _count_possible)


@condition("besieged", "A city is under siege (by a given faction, if named).",
           "besieged: {city: constantinople, by: avars}", city="city", by="faction?")
def besieged(state, city, by=None):
    s = state.cities[city].siege
    return s is not None and (by is None or s.by == by)


@condition("garrison", "A city's garrison is within bounds (men).",
           "garrison: {city: caesarea, max: 2000}", city="city", min="count?", max="count?")
def garrison(state, city, min=None, max=None):
    return _within(state.cities[city].garrison, min, max)


garrison.check = _BOUNDS_CHECK


@condition("walls", "A city's walls are within bounds (0 none, 5 the strongest).",
           "walls: {city: dara, max: 1}", city="city", min="count?", max="count?")
def walls(state, city, min=None, max=None):
    return _within(state.cities[city].walls, min, max)


walls.check = _BOUNDS_CHECK


@condition("strait_open", "A faction may cross a strait (it holds the sea there, or an event "
           "opened it).", "strait_open: {strait: bosporus, faction: sassanids}",
           strait="strait", faction="faction")
def strait_open(state, strait, faction):
    return faction in state.strait_open.get(strait, ())


@condition("pass_open", "A mountain pass is open now (snow closes some in winter; events may "
           "open or close any).", "pass_open: zagros_pass", **{"pass": "pass"})
def pass_open(state, **kw):
    return not pass_closed(state, kw["pass"])


# --- armies and commanders ------------------------------------------------------------

def _stands(hm, army, place, region, within) -> bool:
    """The army is within `within` hexes of `place` and in `region` (each if given)."""
    if place is not None and hex_distance(army.hex, place) > (within or 0):
        return False
    return region is None or hm.region_of(army.hex) == region


@condition("army_near", "An army of the faction (with at least `men`, led by `commander` if "
           "named) stands within `within` hexes (default 0: on it) of a place, or anywhere in "
           "a region.", "army_near: {faction: byzantium, place: ganzak, within: 1}",
           faction="faction", place="place?", region="region?", within="count?", men="count?",
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
        if _stands(hm, a, place, region, within):
            return True
    return False


army_near.check = checks(exactly_one("place", "region"), needs("within", "place"))


def _armies(state, faction, men=None, commander=None):
    """The faction's armies with at least `men`, led by `commander` if named."""
    for a in state.armies.values():
        if a.faction != faction or (men is not None and a.men < men):
            continue
        if commander is not None and (a.commander != commander
                                      or not state.commanders[commander].alive):
            continue
        yield a


def _in_area(state, h, place=None, within=0, regions=None) -> bool:
    if place is not None and hex_distance(h, place) > (within or 0):
        return False
    return regions is None or Q.hexmap(state).region_of(h) in regions


@condition("army_in_region", "An army of the faction, with at least `men`, stands in one of "
           "`regions`, or within `within` hexes of `place` (with neither: anywhere).  With "
           "`commander`, he must lead it, or, with `commander_within`, lead an army of the "
           "faction no more than that many hexes from it (a general near enough to count as "
           "with the army).  For a turning point keyed to what the war is, not to one hex.",
           "army_in_region: {faction: byzantium, regions: [atropatene, persarmenia], "
           "men: 10000, commander: heraclius, commander_within: 4}",
           faction="faction", regions="regions?", place="place?", within="count?",
           men="count?", commander="commander?", commander_within="count?")
def army_in_region(state, faction, regions=None, place=None, within=0, men=None,
                   commander=None, commander_within=None):
    near = commander is not None and commander_within is not None
    led = list(_armies(state, faction, None, commander)) if near else []
    for a in _armies(state, faction, men, None if near else commander):
        if not _in_area(state, a.hex, place, within, regions):
            continue
        if near and not any(hex_distance(a.hex, b.hex) <= commander_within for b in led):
            continue
        return True
    return False


army_in_region.check = checks(
    lambda ctx, **a: ("give `regions` or `place`, not both"
                      if "regions" in a and "place" in a else None),
    needs("within", "place"), needs("commander_within", "commander"))


@condition("army_near_army", "An army of `faction` (with at least `men`, led by `commander` if "
           "named) stands within `within` hexes (default 1: next to it or on it) of an army "
           "of `other` (with at least `other_men`, led by `other_commander` if named): two "
           "armies met, wherever they are.  With `place`, the first army stands within "
           "`radius` hexes of it (default 6); with `regions`, in one of them.",
           "army_near_army: {faction: byzantium, commander: heraclius, other: sassanids, "
           "other_men: 8000, place: nineveh, radius: 6}",
           faction="faction", other="faction", within="count?", men="count?",
           commander="commander?", other_men="count?", other_commander="commander?",
           place="place?", radius="count?", regions="regions?")
def army_near_army(state, faction, other, within=None, men=None, commander=None,
                   other_men=None, other_commander=None, place=None, radius=None,
                   regions=None):
    reach = 1 if within is None else within
    far = 6 if radius is None else radius
    theirs = list(_armies(state, other, other_men, other_commander))
    if not theirs:
        return False
    for a in _armies(state, faction, men, commander):
        if not _in_area(state, a.hex, place, far, regions):
            continue
        if any(hex_distance(a.hex, b.hex) <= reach for b in theirs):
            return True
    return False


army_near_army.check = checks(
    different("faction", "other"), needs("radius", "place"),
    lambda ctx, **a: ("give `regions` or `place`, not both"
                      if "regions" in a and "place" in a else None))


@condition("army_exists", "An army (by id) is on the map, with at least `men` if given.",
           "army_exists: {army: avar_host, men: 20000}", army="army", men="count?")
def army_exists(state, army, men=None):
    a = state.armies.get(army)
    return a is not None and (men is None or a.men >= men)


@condition("commander_alive", "A commander is alive.", "commander_alive: shahin",
           commander="commander")
def commander_alive(state, commander):
    return state.commanders[commander].alive


@condition("commander_at", "A living commander leads an army within `within` hexes of a place, "
           "or in a region; with neither, anywhere on the map.",
           "commander_at: {commander: heraclius, place: constantinople}",
           commander="commander", place="place?", region="region?", within="count?")
def commander_at(state, commander, place=None, region=None, within=0):
    if not state.commanders[commander].alive:
        return False
    hm = Q.hexmap(state)
    for a in state.armies.values():
        if a.commander == commander and _stands(hm, a, place, region, within):
            return True
    return False


def _not_both_place_and_region(ctx, **a):
    if "place" in a and "region" in a:
        return "give `place` or `region`, not both"
    return None


commander_at.check = checks(_not_both_place_and_region, needs("within", "place"))


@condition("leads", "A living commander leads the army.", "leads: {commander: theodore, "
           "army: theodore_army}", commander="commander", army="army")
def leads(state, commander, army):
    a = state.armies.get(army)
    return a is not None and a.commander == commander and state.commanders[commander].alive


@condition("ruler", "A faction is ruled by the commander.", "ruler: {faction: byzantium, "
           "commander: phocas}", faction="faction", commander="commander")
def ruler(state, faction, commander):
    return state.factions[faction].ruler == commander


# --- factions ----------------------------------------------------------------------

@condition("relation", "Two factions stand in the relation (unlisted pairs are at peace).",
           "relation: {a: byzantium, b: avars, status: tribute}",
           a="faction", b="faction", status="status")
def relation(state, a, b, status):
    return Q.relation(state, a, b).status == status


relation.check = different("a", "b")


@condition("in_play", "The faction is taking part in the war (taking turns).", "in_play: turks",
           faction="faction")
def in_play(state, faction):
    return state.factions[faction].in_play


@condition("active", "It is this faction's turn.", "active: byzantium", faction="faction")
def active(state, faction):
    return state.active_faction == faction


def _compare(value, state, faction, min, max, above, below, by):
    v = value(state, faction)
    if min is not None and v < min:
        return False
    if max is not None and v > max:
        return False
    margin = by or 0
    if above is not None and not v - value(state, above) > margin:
        return False
    if below is not None and not value(state, below) - v > margin:
        return False
    return True


_COMPARE_CHECK = checks(at_least_one("min", "max", "above", "below"), ordered("min", "max"),
                        needs("by", "above", "below"), different("faction", "above"),
                        different("faction", "below"))
_COMPARE_DOC = ("; or compared with another faction's: `above: other` holds when it is more "
                "than the other's by more than `by` (default 0), `below: other` when less.")


def _compared(name: str, what: str, example: str, value):
    """Register a condition that compares one figure of a faction's, `value(state, faction)`,
    with bounds or with another faction's (the same arguments and checks for each)."""
    def compared(state, faction, min=None, max=None, above=None, below=None, by=None):
        return _compare(value, state, faction, min, max, above, below, by)
    compared.__name__ = compared.__qualname__ = name     # pickled by name, like the others
    compared.check = _COMPARE_CHECK
    return condition(name, what + _COMPARE_DOC, example, faction="faction", min="count?",
                     max="count?", above="faction?", below="faction?", by="count?")(compared)


treasury = _compared("treasury", "A faction's treasury (thousands of solidi) is within "
                     "`min`..`max`", "treasury: {faction: byzantium, below: sassanids, by: 50}",
                     lambda state, f: state.factions[f].treasury)
weariness = _compared("weariness", "A faction's war-weariness (0-100) is within `min`..`max`",
                      "weariness: {faction: sassanids, above: byzantium, by: 20}",
                      lambda state, f: state.factions[f].war_weariness)
strength = _compared("strength", "A faction's men under arms (armies and garrisons) are within "
                     "`min`..`max`", "strength: {faction: avars, above: byzantium}", Q.strength)


@condition("stronger", "A faction's men under arms are at least `percent` of another's "
           "(100, the default: as many).",
           "stronger: {faction: byzantium, than: sassanids, percent: 120}",
           faction="faction", than="faction", percent="count?")
def stronger(state, faction, than, percent=100):
    p = 100 if percent is None else percent
    return Q.strength(state, faction) * 100 >= Q.strength(state, than) * p


stronger.check = different("faction", "than")


# --- the story so far ----------------------------------------------------------------

@condition("flag", "A flag is set: its value is at least 1; or, with `min`/`max`, within "
           "those bounds (an unset flag counts as 0).", "flag: holy_war",
           name="text", min="int?", max="int?")
def flag(state, name, min=None, max=None):
    v = state.flags.get(name, 0)
    if min is None and max is None:
        return v >= 1
    return _within(v, min, max)


flag.check = ordered("min", "max")


@condition("fired", "An event has fired (at least `times` times, default once).  The other "
           "bounds apply to its latest firing: no more than `within` turns ago, at least "
           "`after_turns` turns ago, in a turn that meets the window `start`..`end`.",
           "fired: {event: evt_614_jerusalem, end: 615-12}",
           event="event", within="count?", after_turns="count?", start="date?", end="date?",
           times="count?")
def fired(state, event, within=None, after_turns=None, start=None, end=None, times=None):
    last = state.fired.get(event)
    if last is None:
        return False
    ago = state.turn - last
    if within is not None and ago > within:
        return False
    if after_turns is not None and ago < after_turns:
        return False
    entries = [e for e in state.log if e.event == event]
    if times is not None and len(entries) < times:
        return False
    if start is not None or end is not None:
        if not entries:
            return False
        e = entries[-1]
        turn_span = cal.span(cal.month_index(e.year, e.month), state.months_per_turn)
        if not cal.overlaps(turn_span, start, end):
            return False
    return True


fired.check = checks(ordered("after_turns", "within"), ordered("start", "end"))


@condition("chance", "Succeeds with the given percent chance, rolled once per turn for the "
           "event (every check point of a turn gets the same answer; the roll follows from "
           "the game's seed, the event and the turn, so undo or reload cannot roll again).  "
           "`chance: 50` fires a waiting event in half of the turns whose other conditions "
           "hold.", "chance: 30", percent="percent")
def chance(state, percent):
    return dice.percent(state, percent)


@condition("mean_time", "Holds on average once in this many turns (one chance in N, rolled "
           "once per turn for the event like `chance`): an event with `mean_time: 8` and no "
           "other condition fires after about 8 turns, sometimes sooner, sometimes later.",
           "mean_time: 8", turns="count")
def mean_time(state, turns):
    return dice.one_in(state, turns)


mean_time.check = lambda ctx, turns: None if turns >= 1 else "`mean_time` needs 1 turn or more"


@condition("game_over", "The game has ended (with this winner, loser or result, if given).  "
           "Events are not checked once a game is over, so this is for event tests' `then:` "
           "and for victory screens.", "game_over: {winner: byzantium, result: peace}",
           winner="faction?", loser="faction?", result="result?")
def game_over(state, winner=None, loser=None, result=None):
    if not state.over:
        return False
    if winner is not None and state.winner != winner:
        return False
    if loser is not None and state.loser != loser:
        return False
    return result is None or state.result_kind == result
