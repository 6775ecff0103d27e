"""Read-only questions about a game state, shared by every rule."""
from __future__ import annotations

from game.hexgrid import Hex, hex_distance
from game.rules.state import Army, City, GameState, Relation, relation_key

PEACE = Relation("peace")


def relation(state: GameState, a: str, b: str) -> Relation:
    if a == b:
        return Relation("alliance")
    return state.relations.get(relation_key(a, b), PEACE)


def hostile(state: GameState, a: str, b: str) -> bool:
    return a != b and relation(state, a, b).status == "war"


def friendly(state: GameState, a: str, b: str) -> bool:
    """Same faction or allied: may share hexes, use each other's cities for supply."""
    return a == b or relation(state, a, b).status == "alliance"


def rules(state: GameState):
    return state.scenario.rules


def hexmap(state: GameState):
    return state.scenario.map


def armies_at(state: GameState, h: Hex) -> list[Army]:
    return [a for a in state.armies.values() if a.hex == h]


def city_at(state: GameState, h: Hex) -> City | None:
    cid = state.scenario.city_at.get(h)
    return state.cities.get(cid) if cid else None


def armies_of(state: GameState, faction: str) -> list[Army]:
    return [a for a in state.armies.values() if a.faction == faction]


def cities_of(state: GameState, faction: str) -> list[City]:
    return [c for c in state.cities.values() if c.owner == faction]


def commander_of(state: GameState, army: Army):
    if army.commander is None:
        return None
    c = state.commanders.get(army.commander)
    return c if c is not None and c.alive else None


def besieged(city: City) -> bool:
    return city.siege is not None


def within(a: Hex, b: Hex, n: int) -> bool:
    return hex_distance(a, b) <= n


def total_men(state: GameState, faction: str) -> int:
    return sum(a.men for a in state.armies.values() if a.faction == faction)


def strength(state: GameState, faction: str) -> int:
    """Men under arms, armies and garrisons together."""
    return total_men(state, faction) + sum(c.garrison for c in state.cities.values()
                                           if c.owner == faction)


def place_name(state: GameState, h: Hex) -> str:
    """A name for a hex in messages: the place there, else the region and coordinates."""
    hm = hexmap(state)
    city = city_at(state, h)
    if city:
        return city.name
    pid = hm.place_at.get(h)
    if pid:
        return hm.places[pid].name
    region = hm.region_of(h)
    name = hm.region_names.get(region) if region else None
    return f"{name} {h}" if name else f"hex {h}"
