"""Supply and attrition, applied to a faction's armies at the end of its turn.

An army is supplied when a friendly city that is not under siege lies within
`supply_range` movement points over land (roads carry supply further), on a
line that no hostile army or hostile walled city stands across.  An
army at sea is fed by its fleet.  Out of supply, an army's supply falls each
turn, faster in winter, desert and mountains; below a threshold it loses
men.  Winter in mountains or desert costs men even to a supplied army.
"""
from __future__ import annotations

import numpy as np

from game import terrain as T
from game.rules import changes as C
from game.rules import movement as M
from game.rules import paths
from game.rules import queries as Q
from game.rules.event_data import MenOf
from game.rules.report import Event
from game.rules.state import GameState

HARSH = {T.MOUNTAINS, T.DESERT}


def supplied_hexes(state: GameState, faction: str, armies=None, cities=None
                   ) -> dict[int, int]:
    """Hex index -> supply cost from the nearest friendly, unbesieged city, within range.

    The truth by default (the end of a turn feeds or starves armies by it).  A side's
    forecast passes the armies and cities it knows of (`known`), so the forecast never
    betrays a hidden army standing across a supply line.
    """
    closed, sources = supply_lines(state, faction, armies, cities)
    return paths.as_dict(supply_costs(state, closed, sources))


def supply_lines(state: GameState, faction: str, armies=None, cities=None
                 ) -> tuple[set[int], list[int]]:
    """What `supplied_hexes` searches with: the hexes supply may not enter (shut passes,
    hostile armies and cities) and the hexes of the cities it comes from."""
    scn = state.scenario
    hm = scn.map
    armies = state.armies.values() if armies is None else armies
    cities = state.cities.values() if cities is None else cities
    closed = {hm.index(p.hex) for p in hm.passes.values() if M.pass_closed(state, p.id)}
    hostile = {f for f in state.factions if Q.hostile(state, faction, f)}
    friendly = {f for f in state.factions if Q.friendly(state, faction, f)}
    for a in armies:
        if a.faction in hostile:
            closed.add(hm.index(a.hex))
    where = M.city_indices(scn)
    sources = []
    for c in cities:
        i = where.get(c.id)
        if i is None:
            i = hm.index(c.hex)
        if c.owner in hostile:
            closed.add(i)
        elif c.siege is None and c.owner in friendly:
            sources.append(i)
    return closed, sources


def supply_costs(state: GameState, closed: set[int], sources: list[int]) -> np.ndarray:
    """The supply cost of every hex from the nearest source (inf beyond `supply_range`),
    by land, never entering a closed hex."""
    scn = state.scenario
    if not sources:
        return np.full(scn.map.width * scn.map.height, np.inf)
    return paths.costs(land_matrix(scn, state.winter).without_entering(closed), sources,
                       scn.rules["supply_range"])


def land_matrix(scn, winter: bool) -> paths.Matrix:
    """This season's steps over land (supply never goes by sea), for `paths.costs`."""
    key = ("supply_matrix", winter)
    got = scn.cache.get(key)
    if got is None:
        src, to, cost, kind, _tags = M.graph_arrays(scn, winter)
        land = kind == M.LAND
        order = np.lexsort((to[land], src[land]))
        got = scn.cache[key] = paths.Matrix.of_arrays(
            scn.map.width * scn.map.height, src[land][order], to[land][order], cost[land][order])
    return got


def known(state: GameState, faction: str) -> dict[int, int]:
    """`supplied_hexes` as the side knows the map: the armies it sees, the cities as it
    last saw them.  For forecasts (the computer's plans, anything a player reads)."""
    from game.rules import vision
    return supplied_hexes(state, faction, vision.known_armies(state, faction),
                          vision.known_cities(state, faction).values())


def in_supply(state: GameState, army, field: dict[int, int] | None = None) -> bool:
    hm = Q.hexmap(state)
    if hm.is_water(army.hex):
        return True
    field = supplied_hexes(state, army.faction) if field is None else field
    return hm.index(army.hex) in field


def _has_trait(state: GameState, army, trait: str) -> bool:
    c = Q.commander_of(state, army)
    return c is not None and trait in c.traits


def per_turn(state: GameState, seasonal: int) -> int:
    """A seasonal supply figure scaled to the turn length (a month: a third, rounded up)."""
    return seasonal if state.months_per_turn == 3 else -(-seasonal * state.months_per_turn // 3)


def end_of_turn(state: GameState, faction: str) -> list[Event]:
    rules = Q.rules(state)
    r = {k: per_turn(state, rules[k]) for k in (
        "supply_gain", "supply_loss", "supply_loss_harsh", "attrition_per_10", "winter_attrition",
        "morale_recovery")}
    r.update({k: rules[k] for k in ("attrition_threshold", "morale_base", "forage_percent")})
    hm = Q.hexmap(state)
    field = supplied_hexes(state, faction)
    events: list[Event] = []
    for army in sorted(Q.armies_of(state, faction), key=lambda a: a.id):
        t = hm.terrain_at(army.hex)
        harsh = t in HARSH
        hardy = _has_trait(state, army, "winter_campaigner")
        if in_supply(state, army, field):
            army.supply = min(100, army.supply + r["supply_gain"])
            if army.morale < r["morale_base"]:
                army.morale = min(r["morale_base"], army.morale + r["morale_recovery"])
        else:
            loss = r["supply_loss"]
            if (state.winter and not hardy) or harsh:
                loss += r["supply_loss_harsh"]
            if t == T.FARMLAND and not state.winter:
                loss = loss * (100 - r["forage_percent"]) // 100
            army.supply = max(0, army.supply - loss)
        lost = 0
        if army.supply < r["attrition_threshold"]:
            lost += army.men * r["attrition_per_10"] * (
                (r["attrition_threshold"] - army.supply + 9) // 10) // 100
        if state.winter and not hardy and (harsh or t == T.HILLS and
                                           hm.pass_at.get(army.hex) is not None):
            lost += army.men * r["winter_attrition"] // 100
        if lost:
            events.append(Event("attrition", f"{army.name} loses {lost} men to hunger and cold",
                                army.hex, (faction,), MenOf(army.id, lost)))
            events += C.lose_men(state, army, lost)
    return events
