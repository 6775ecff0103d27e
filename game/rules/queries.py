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
    if a == b:
        return False
    r = state.relations.get(relation_key(a, b))     # `relation`, inline: asked very often
    return r is not None and r.status == "war"


def friendly(state: GameState, a: str, b: str) -> bool:
    """Same faction or allied: may share hexes, use each other's cities for supply."""
    if a == b:
        return True
    r = state.relations.get(relation_key(a, b))
    return r is not None and r.status == "alliance"


def besieged_together(state: GameState, a, b) -> bool:
    """Are two hostile armies on one hex the besiegers of the city there and an army of
    the city's side shut in it (the one way two enemies may share a hex)?"""
    c = city_at(state, a.hex)
    if c is None or c.siege is None or b.hex != a.hex:
        return False
    return any(friendly(state, x.faction, c.owner) and friendly(state, y.faction, c.siege.by)
               for x, y in ((a, b), (b, a)))


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


NEAR = 4        # a named place at most this many hexes away is "near" a hex


def _nearest_place(state: GameState, h: Hex) -> tuple[int, str, str] | None:
    """(distance, name, text key) of the nearest city or named place within NEAR hexes."""
    scn = state.scenario
    known = scn.cache.get("named_hexes")
    if known is None:
        hm = scn.map
        named = {p.hex: (p.name, f"places.{k}") for k, p in hm.places.items()}
        named.update({c.hex: (c.name, f"cities.{c.id}") for c in state.cities.values()})
        known = scn.cache["named_hexes"] = sorted(named.items(), key=lambda x: (x[0].q, x[0].r))
    # the answer for a hex is kept with the named hexes it was found among (every march
    # names where it ends, and the search looks at every named hex)
    answers = scn.cache.get("nearest_place")
    if answers is None or answers[0] is not known:
        answers = scn.cache["nearest_place"] = (known, {})
    if h in answers[1]:
        return answers[1][h]
    best = None
    for at, (name, key) in known:
        d = hex_distance(at, h)
        if d <= NEAR and (best is None or (d, name) < best[:2]):
            best = (d, name, key)
    answers[1][h] = best
    return best


def where(state: GameState, h: Hex) -> tuple[str, str | None, str | None]:
    """Where h is, as (how, English name, text key of the name): how is 'at' a city or
    place, 'near' one, 'in' a region, 'open' country or 'off' the map. The one rule that
    place_phrase and the translated phrases of the screen both word."""
    hm = hexmap(state)
    city = city_at(state, h)
    pid = hm.place_at.get(h)
    name, key = ((city.name, f"cities.{city.id}") if city else
                 (hm.places[pid].name, f"places.{pid}") if pid else (None, None))
    if name:
        return "at", name, key
    near = _nearest_place(state, h)
    if near is not None:
        return "near", near[1], near[2]
    region = hm.region_of(h) if hm.contains(h) else None
    rname = hm.region_names.get(region) if region else None
    if rname:
        return "in", rname, f"regions.{region}"
    return ("open" if hm.contains(h) else "off"), None, None


def place_name(state: GameState, h: Hex) -> str:
    """A name for a hex in messages, never its coordinates: the place there, else 'the
    country near' the nearest place, else its region, else 'open country'."""
    phrase = place_phrase(state, h, "")
    if phrase.startswith("near "):
        return "the country " + phrase
    return phrase.removeprefix("in ")


def place_phrase(state: GameState, h: Hex, prep: str = "at") -> str:
    """Where h is, as words for a sentence a player reads: 'at Dara' (prep 'at', or 'to'
    for a march), 'near Nineveh', 'in Armenia', 'in open country'."""
    how, name, _key = where(state, h)
    if how == "at":
        return f"{prep} {name}".strip()
    if how == "near":
        return f"near {name}"
    if how == "in":
        return f"{'into' if prep == 'to' else 'in'} {name}"
    return "in open country" if how == "open" else "off the map"


def agree(state: GameState, faction: str, singular: str, plural: str) -> str:
    """The verb form that agrees with a faction's name: 'takes' for Byzantium, 'take' for
    the Western Turks (the scenario marks plural names with `plural: true`)."""
    return plural if is_plural(state, faction) else singular


def is_plural(state: GameState, faction: str | None) -> bool:
    scn = state.scenario
    plurals = scn.cache.get("plural_factions")
    if plurals is None:
        plurals = scn.cache["plural_factions"] = frozenset(
            f.id for f in scn.spec.factions if f.plural)
    return faction in plurals
