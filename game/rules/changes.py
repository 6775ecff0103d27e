"""Primitive changes to a state, shared by the rules and scripted effects.

Each keeps the state's invariants (men and treasury never negative, an
army too small disbands, a city always has one owner) and returns the
events it caused.
"""
from __future__ import annotations

from game import terrain as T
from game.hexgrid import Hex
from game.rules import queries as Q
from game.rules.event_data import Captured, CommanderDied, Message, Moved, OfArmy, OfSiege
from game.rules.report import Event
from game.rules.state import Army, City, GameState


def clamp(v: int, lo: int, hi: int) -> int:
    return lo if v < lo else hi if v > hi else v


def add_weariness(state: GameState, faction: str, amount: int) -> None:
    f = state.factions[faction]
    f.war_weariness = clamp(f.war_weariness + amount, 0, 100)


def add_treasury(state: GameState, faction: str, amount: int) -> None:
    f = state.factions[faction]
    f.treasury = max(0, f.treasury + amount)


def record_losses(state: GameState, faction: str, men: int) -> None:
    """Count men lost; every 10000 adds war-weariness."""
    f = state.factions[faction]
    before = f.men_lost
    f.men_lost += men
    steps = f.men_lost // 10000 - before // 10000
    if steps:
        add_weariness(state, faction, steps * Q.rules(state)["weariness_per_10000_lost"])


def lose_men(state: GameState, army: Army, men: int) -> list[Event]:
    """Take men from an army (never below zero); disband it if too few remain."""
    men = clamp(men, 0, army.men)
    army.men -= men
    record_losses(state, army.faction, men)
    if army.men < Q.rules(state)["min_army_men"]:
        return remove_army(state, army, "is broken and disbands")
    return []


def remove_army(state: GameState, army: Army, why: str, lost: bool = True) -> list[Event]:
    """Take an army off the map.  lost=False for armies that go home rather than die.

    Its commander survives without an army; events may give him another.
    """
    state.armies.pop(army.id, None)
    if army.men and lost:
        record_losses(state, army.faction, army.men)
    army.men = 0
    if lost:
        out = [Event("destroyed", f"{army.name} {why}", army.hex, (army.faction,),
                     OfArmy(army.id))]
    else:
        out = [Event("message", f"{army.name} {why}", army.hex, (army.faction,),
                     Message(army=army.id))]
    return out + lift_sieges_without_army(state)


def new_army_id(state: GameState, faction: str) -> str:
    while True:
        aid = f"{faction}_{state.next_serial}"
        state.next_serial += 1
        if aid not in state.armies:
            return aid


def spawn_army(state: GameState, faction: str, at: Hex, men: int, name: str = "",
               commander: str | None = None, morale: int | None = None,
               army_id: str | None = None) -> Army:
    aid = army_id if army_id and army_id not in state.armies else new_army_id(state, faction)
    r = Q.rules(state)
    if not name:
        c = state.commanders.get(commander) if commander else None
        name = f"Army of {c.name}" if c else f"{state.factions[faction].name} army"
    a = Army(aid, name, faction, at, men, commander, r["morale_base"] if morale is None else morale,
             100, 0)
    state.armies[aid] = a
    return a


def lift_sieges_without_army(state: GameState) -> list[Event]:
    """A siege lasts only while an army of the besieger stands on the city's hex."""
    out = []
    for c in state.cities.values():
        if c.siege is None:
            continue
        if not any(a.hex == c.hex and a.faction == c.siege.by for a in state.armies.values()):
            out.append(Event("siege_lifted", f"The siege of {c.name} is lifted", c.hex,
                             (c.owner, c.siege.by), OfSiege(c.id)))
            c.siege = None
    return out


def capture_city(state: GameState, city: City, faction: str, army: Army | None) -> list[Event]:
    """City changes hands to faction; army (if any) leaves a garrison in it."""
    r = Q.rules(state)
    old = city.owner
    city.owner = faction
    city.siege = None
    city.garrison = 0
    if army is not None:
        g = army.men * r["capture_garrison_percent"] // 100
        if army.men - g < r["min_army_men"]:
            g = 0
        army.men -= g
        city.garrison = g
    loot = city.income * r["capture_loot_per_income"]
    taker = Q.commander_of(state, army) if army is not None else None
    ruthless = taker is not None and "ruthless" in taker.traits
    if ruthless:
        loot = loot * r["trait_ruthless_loot"] // 100
    add_treasury(state, faction, loot)
    old_f = state.factions.get(old)
    if old_f is not None:
        add_treasury(state, old, -loot)
        if old_f.capital == city.id:
            add_weariness(state, old, r["weariness_capital_lost"])
        elif city.holy:
            add_weariness(state, old, r["weariness_holy_lost"])
        else:
            add_weariness(state, old, r["weariness_city_lost"])
    add_weariness(state, faction, -r["weariness_city_won"]
                  + (r["trait_ruthless_unrest"] if ruthless else 0))
    who = state.factions[faction].name
    data = Captured(city.id, old, loot, sacked=ruthless)
    verb = (Q.agree(state, faction, "takes and sacks", "take and sack") if ruthless
            else Q.agree(state, faction, "takes", "take"))
    return [Event("captured", f"{who} {verb} {city.name}", city.hex, (faction, old), data,
                  public=city.holy or (old_f is not None and old_f.capital == city.id))]


def set_commander_dead(state: GameState, commander_id: str) -> list[Event]:
    c = state.commanders.get(commander_id)
    if c is None or not c.alive:
        return []
    c.alive = False
    for a in state.armies.values():
        if a.commander == commander_id:
            a.commander = None
    out = [Event("commander_died", f"{c.name} is dead", None, (c.faction,),
                 CommanderDied(c.id))]
    for f in state.factions.values():
        if f.ruler == commander_id:
            f.ruler = None
    return out


def add_income(state: GameState, faction: str, amount: int) -> None:
    f = state.factions[faction]
    f.income = max(0, f.income + amount)


def add_morale(state: GameState, army: Army, amount: int) -> None:
    army.morale = clamp(army.morale + amount, 0, 100)


def give_command(state: GameState, commander_id: str, army: Army) -> None:
    """Put a commander at the head of an army; he leaves any other army he led."""
    for other in state.armies.values():
        if other.commander == commander_id:
            other.commander = None
    army.commander = commander_id


def relocate(state: GameState, army: Army, dest: Hex, text: str) -> Event:
    """Put an army somewhere without a march (a scripted move, a withdrawal).

    The `moved` event has the shape of a march's, a single step from where
    it stood, so each side is told as much of it as it could see.
    """
    start = army.hex
    army.hex = dest
    return Event("moved", text, dest, (army.faction,),
                 Moved(army.id, army.name, army.faction, start, (dest,)))


def free_hex_near(state: GameState, faction: str, at: Hex, skip_at: bool = False) -> Hex | None:
    """The nearest hex to `at` where an army of `faction` may stand, or None.

    It must be on the map, passable land (or sea, for a faction with a fleet),
    with no army there that is not friendly, and no city there that is not
    friendly.  Rings are searched outwards in a fixed order, so the answer is
    always the same.
    """
    from game.hexgrid import hex_ring
    from game.rules.movement import INF, terrain_cost
    hm = Q.hexmap(state)
    navy = state.factions[faction].navy

    def ok(h: Hex) -> bool:
        if not hm.contains(h):
            return False
        if hm.is_water(h):
            if not navy or hm.terrain_at(h) != T.SEA:
                return False
        elif terrain_cost(state.scenario.rules, hm.terrain_at(h), False, h in hm.pass_at) >= INF:
            return False
        city = Q.city_at(state, h)
        if city is not None and not Q.friendly(state, faction, city.owner):
            return False
        return all(Q.friendly(state, faction, a.faction) for a in Q.armies_at(state, h))
    for radius in range(1 if skip_at else 0, 6):
        ring = hex_ring(at, radius) if radius else [at]
        for h in sorted(ring, key=lambda h: hm.contains(h) and hm.is_water(h)):  # land first
            if ok(h):
                return h
    return None


def _misplaced(state: GameState, army: Army) -> bool:
    """An army standing where the rules would not let it stay."""
    city = Q.city_at(state, army.hex)
    if city is not None and not Q.friendly(state, army.faction, city.owner):
        # only a besieger may stand on the hex of a city not its own or an ally's
        besieging = city.siege is not None and city.siege.by == army.faction
        if not besieging:
            return True
    return any(Q.hostile(state, army.faction, o.faction) and not Q.besieged_together(state, army, o)
               for o in Q.armies_at(state, army.hex))


def part_armies(state: GameState, movers: tuple[str, ...] = ()) -> list[Event]:
    """After relations or loyalties change, move armies that may no longer stand where they are.

    An army on the hex of a city that is neither its faction's nor an ally's
    marches out, unless it is besieging that city.  Of two hostile armies on
    one hex (besiegers and an army shut in the city aside), the one named in `movers` moves, else the smaller one (then the
    later id).  Each goes to the nearest free hex; with none within five
    hexes it disbands.
    """
    events: list[Event] = []
    while True:
        stray = [a for a in state.armies.values() if _misplaced(state, a)]
        if not stray:
            return events + lift_sieges_without_army(state)

        def priority(a: Army):
            city = Q.city_at(state, a.hex)
            guest = city is not None and not Q.friendly(state, a.faction, city.owner)
            return (not guest, a.id not in movers, a.men)
        # min keeps the first of equals: sorting by id backwards moves the later id
        a = min(sorted(stray, key=lambda x: x.id, reverse=True), key=priority)
        dest = free_hex_near(state, a.faction, a.hex, skip_at=True)
        if dest is None:
            events += remove_army(state, a, f"is trapped {Q.place_phrase(state, a.hex)} and "
                                            "disbands")
        else:
            events.append(relocate(state, a, dest,
                                   f"{a.name} withdraws {Q.place_phrase(state, dest, 'to')}"))


def set_relation(state: GameState, a: str, b: str, status: str, payer: str | None = None,
                 amount: int = 0) -> list[Event]:
    """Set the relation between two factions and settle what it changes on the map."""
    from game.rules.state import Relation, relation_key
    tribute = status == "tribute"
    state.relations[relation_key(a, b)] = Relation(status, payer if tribute else None,
                                                   amount if tribute else 0)
    events: list[Event] = []
    if status != "war":
        for c in state.cities.values():
            if c.siege is not None and {c.siege.by, c.owner} == {a, b}:
                c.siege = None
                events.append(Event("siege_lifted", f"The siege of {c.name} is lifted", c.hex,
                                    (a, b), OfSiege(c.id)))
    return events + part_armies(state)
