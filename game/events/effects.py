"""The effects of the event language.  Each is registered by name.

An effect changes the state through the same primitives the rules use
(game.rules.changes) and returns the events it caused; it never touches the
user interface.  `fire` carries the firing event's id and who is told.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.events.registry import effect
from game.rules import changes as C
from game.rules import queries as Q
from game.rules import siege as S
from game.rules.report import Event
from game.rules.state import GameState, Relation, relation_key


@dataclass(frozen=True)
class Fire:
    event: str
    told: tuple[str, ...]


def _free_hex_near(state: GameState, faction: str, at):
    """`at` if no hostile army stands there, else the nearest such land hex."""
    from game.hexgrid import hex_ring
    hm = Q.hexmap(state)

    def ok(h):
        if not hm.contains(h) or hm.is_water(h) and not state.factions[faction].navy:
            return False
        from game.rules.movement import terrain_cost, INF
        if not hm.is_water(h) and terrain_cost(state.scenario.rules, hm.terrain_at(h), False,
                                               h in hm.pass_at) >= INF:
            return False
        return not any(not Q.friendly(state, faction, a.faction) for a in Q.armies_at(state, h))
    for radius in range(0, 6):
        for h in (hex_ring(at, radius) if radius else [at]):
            if ok(h):
                return h
    return None


@effect("message", "Tell the listed factions (default: those the event tells) something.",
        "message: {text: The Slav canoes are sunk.}", text="text", to="factions?")
def message(state, fire, text, to=None):
    return [Event("message", text, None, tuple(to or fire.told), {"event": fire.event})]


@effect("set_flag", "Set a flag (to `value`, default 1).", "set_flag: holy_war",
        name="text", value="int?")
def set_flag(state, fire, name, value=1):
    state.flags[name] = 1 if value is None else value
    return []


@effect("clear_flag", "Clear a flag.", "clear_flag: avar_truce", name="text")
def clear_flag(state, fire, name):
    state.flags.pop(name, None)
    return []


@effect("set_owner", "Hand a city to a faction (any siege ends).",
        "set_owner: {city: alexandria, faction: sassanids}", city="city", faction="faction",
        garrison="int?")
def set_owner(state, fire, city, faction, garrison=None):
    c = state.cities[city]
    if c.owner == faction:
        return []
    events = C.capture_city(state, c, faction, None)
    if garrison is not None:
        c.garrison = max(0, garrison)
    # armies of the old owner standing in the city march out to a free hex
    for a in sorted(Q.armies_at(state, c.hex), key=lambda a: a.id):
        if Q.hostile(state, a.faction, faction) or not Q.friendly(state, a.faction, faction):
            dest = _free_hex_near_excluding(state, a.faction, c.hex)
            if dest is None:
                events += C.remove_army(state, a, f"is trapped in {c.name} and disbands")
            else:
                a.hex = dest
    return events


def _free_hex_near_excluding(state, faction, at):
    from game.hexgrid import hex_ring
    for radius in range(1, 6):
        for h in hex_ring(at, radius):
            if _free_hex_near(state, faction, h) == h and Q.city_at(state, h) is None:
                return h
    return None


@effect("walls", "Set a city's walls, or change them by `add`.", "walls: {city: dara, add: -1}",
        city="city", set="int?", add="int?")
def walls(state, fire, city, set=None, add=None):
    c = state.cities[city]
    v = c.walls if set is None else set
    v += add or 0
    c.walls = C.clamp(v, 0, 5)
    c.max_walls = max(c.max_walls, c.walls)
    return []


@effect("garrison", "Set a city's garrison, or change it by `add`.",
        "garrison: {city: constantinople, add: 12000}", city="city", set="int?", add="int?")
def garrison(state, fire, city, set=None, add=None):
    c = state.cities[city]
    v = c.garrison if set is None else set
    c.garrison = max(0, v + (add or 0))
    return []


@effect("spawn_army", "Put a new army on the map at (or next to) a place.  Give it an `id` "
        "to refer to it in later events.",
        "spawn_army: {id: avar_host, faction: avars, at: heraclea, men: 80000, "
        "commander: avar_khagan}",
        faction="faction", at="place", men="int", id="text?", commander="commander?",
        name="text?", morale="percent?")
def spawn_army(state, fire, faction, at, men, id=None, commander=None, name=None, morale=None):
    h = _free_hex_near(state, faction, at)
    if h is None or men <= 0:
        return []
    if commander is not None:
        c = state.commanders[commander]
        if not c.alive:
            commander = None
        else:
            for other in state.armies.values():
                if other.commander == commander:
                    other.commander = None
    a = C.spawn_army(state, faction, h, men, name or "", commander, morale, id)
    return [Event("message", f"{a.name} ({a.men} men) appears near {Q.place_name(state, h)}",
                  h, (faction,), {"army": a.id, "event": fire.event})]


spawn_army.check = lambda ctx, **a: (None if a["men"] > 0 else "men must be more than 0")


@effect("reinforce", "Add men to an army (or take them away with a negative number).",
        "reinforce: {army: heraclius_army, men: 12000}", army="army", men="int")
def reinforce(state, fire, army, men):
    a = state.armies.get(army)
    if a is None:
        return []
    if men >= 0:
        a.men += men
        return []
    return C.lose_men(state, a, -men)


@effect("remove_army", "Take an army off the map (it goes home; its men are not counted as "
        "lost).", "remove_army: turkish_host", army="army", text="text?")
def remove_army(state, fire, army, text=None):
    a = state.armies.get(army)
    if a is None:
        return []
    return C.remove_army(state, a, text or "leaves the war", lost=False)


@effect("move_army", "Move an army to (or next to) a place.", "move_army: {army: x, to: tiflis}",
        army="army", to="place")
def move_army(state, fire, army, to):
    a = state.armies.get(army)
    if a is None:
        return []
    h = _free_hex_near(state, a.faction, to)
    if h is not None:
        a.hex = h
    return C.lift_sieges_without_army(state)


@effect("besiege", "An army lays siege to a city (it is moved there).",
        "besiege: {army: avar_host, city: constantinople}", army="army", city="city")
def besiege(state, fire, army, city):
    a = state.armies.get(army)
    c = state.cities[city]
    if a is None or not Q.hostile(state, a.faction, c.owner):
        return []
    if any(Q.hostile(state, a.faction, o.faction) for o in Q.armies_at(state, c.hex)):
        return []
    return S.begin(state, a, c)


@effect("treasury", "Change a faction's treasury (never below zero).",
        "treasury: {faction: byzantium, amount: 150}", faction="faction", amount="int")
def treasury(state, fire, faction, amount):
    C.add_treasury(state, faction, amount)
    return []


@effect("income", "Change a faction's income a month from lands off the map.",
        "income: {faction: byzantium, amount: -8}", faction="faction", amount="int")
def income(state, fire, faction, amount):
    f = state.factions[faction]
    f.income = max(0, f.income + amount)
    return []


@effect("weariness", "Change a faction's war-weariness (0-100).",
        "weariness: {faction: sassanids, amount: 10}", faction="faction", amount="int")
def weariness(state, fire, faction, amount):
    C.add_weariness(state, faction, amount)
    return []


@effect("morale", "Change the morale of an army, or of every army of a faction.",
        "morale: {faction: byzantium, amount: 10}", amount="int", faction="faction?",
        army="army?")
def morale(state, fire, amount, faction=None, army=None):
    targets = [state.armies[army]] if army in state.armies else []
    if faction is not None:
        targets += Q.armies_of(state, faction)
    for a in targets:
        a.morale = C.clamp(a.morale + amount, 0, 100)
    return []


morale.check = lambda ctx, **a: (None if ("faction" in a) != ("army" in a)
                                 else "morale needs exactly one of faction or army")


@effect("relation", "Set the relation between two factions.",
        "relation: {a: byzantium, b: avars, status: tribute, payer: byzantium, amount: 16}",
        a="faction", b="faction", status="status", payer="faction?", amount="int?")
def relation(state, fire, a, b, status, payer=None, amount=None):
    state.relations[relation_key(a, b)] = Relation(status, payer if status == "tribute" else None,
                                                   (amount or 0) if status == "tribute" else 0)
    text = {"war": "are at war", "peace": "make peace", "alliance": "are allies",
            "tribute": "agree a tribute"}[status]
    events = [Event("message", f"{state.factions[a].name} and {state.factions[b].name} {text}",
                    None, (a, b), {"event": fire.event}, public=True)]
    if status != "war":
        events += C.lift_sieges_without_army(state)
        for c in state.cities.values():
            if c.siege is not None and {c.siege.by, c.owner} == {a, b}:
                c.siege = None
    return events


relation.check = lambda ctx, **a: (
    "a faction cannot have a relation with itself" if a["a"] == a["b"] else
    "tribute needs a payer, one of a or b" if a["status"] == "tribute" and a.get("payer")
    not in (a["a"], a["b"]) else None)


@effect("enter_war", "Bring a faction into play (it starts taking turns).", "enter_war: turks",
        faction="faction")
def enter_war(state, fire, faction):
    state.factions[faction].in_play = True
    return []


@effect("leave_war", "Take a faction out of play: it stops taking turns; its armies go home.",
        "leave_war: turks", faction="faction")
def leave_war(state, fire, faction):
    state.factions[faction].in_play = False
    events = []
    for a in sorted(Q.armies_of(state, faction), key=lambda a: a.id):
        events += C.remove_army(state, a, "goes home", lost=False)
    return events


@effect("kill_commander", "A commander dies.", "kill_commander: shahraplakan",
        commander="commander")
def kill_commander(state, fire, commander):
    return C.set_commander_dead(state, commander)


@effect("assign_commander", "Put a living commander at the head of an army.",
        "assign_commander: {commander: theodore, army: theodore_army}",
        commander="commander", army="army")
def assign_commander(state, fire, commander, army):
    c = state.commanders[commander]
    a = state.armies.get(army)
    if a is None or not c.alive:
        return []
    for other in state.armies.values():
        if other.commander == commander:
            other.commander = None
    a.commander = commander
    return []


@effect("set_ruler", "Make a commander the ruler of a faction (the old ruler is replaced).",
        "set_ruler: {faction: sassanids, commander: kavad}", faction="faction",
        commander="commander")
def set_ruler(state, fire, faction, commander):
    state.factions[faction].ruler = commander
    state.commanders[commander].alive = True
    return []


@effect("change_side", "A commander (and the army he leads) goes over to another faction.",
        "change_side: {commander: shahrbaraz, faction: rebels}", commander="commander",
        faction="faction")
def change_side(state, fire, commander, faction):
    c = state.commanders[commander]
    c.faction = faction
    for a in state.armies.values():
        if a.commander == commander:
            a.faction = faction
    return C.lift_sieges_without_army(state)


@effect("open_strait", "Let a faction cross a strait (as if it held the sea).",
        "open_strait: {strait: bosporus, faction: avars}", strait="strait", faction="faction")
def open_strait(state, fire, strait, faction):
    allowed = state.strait_open.setdefault(strait, [])
    if faction not in allowed:
        allowed.append(faction)
        allowed.sort()
    return []


@effect("close_strait", "Stop a faction crossing a strait.",
        "close_strait: {strait: bosporus, faction: avars}", strait="strait", faction="faction")
def close_strait(state, fire, strait, faction):
    allowed = state.strait_open.get(strait, [])
    if faction in allowed:
        allowed.remove(faction)
    return []


@effect("pass_state", "Open or close a pass whatever the season, or return it to the seasons "
        "(`auto`).", "pass_state: {pass: zagros_pass, to: closed}", **{"pass": "pass"},
        to="text")
def pass_state(state, fire, to, **kw):
    pid = kw["pass"]
    if to == "auto":
        state.pass_override.pop(pid, None)
    else:
        state.pass_override[pid] = to
    return []


pass_state.check = lambda ctx, **a: (None if a.get("to") in ("open", "closed", "auto")
                                     else "`to` must be open, closed or auto")


@effect("end_game", "End the game: `winner` wins (or, with outcome peace, a negotiated peace).",
        "end_game: {winner: byzantium, outcome: peace, text: Kavad sues for peace.}",
        winner="faction?", outcome="outcome?", text="text?")
def end_game(state, fire, winner=None, outcome=None, text=None):
    if state.over:
        return []
    state.over = True
    state.winner = winner
    state.result_kind = outcome or "major"
    state.result_text = text or ""
    who = state.factions[winner].name if winner else "Nobody"
    return [Event("game_over", f"{who} wins: {text or state.result_kind}", None,
                  tuple(state.order), {"winner": winner, "kind": state.result_kind},
                  public=True)]
