"""The effects of the event language.  Each is registered by name.

An effect changes the state through the same primitives the rules use
(game.rules.changes, game.rules.siege, game.rules.victory) and returns the
events it caused; it never touches the user interface.  `fire` carries the
firing event's id and who is told.

An effect that finds nothing to act on (an army already gone, a commander
already dead) does nothing, quietly: events are written before the game is
played, and the game may have gone another way.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from game.events.registry import checks, different, effect, exactly_one, needs
from game.rules import changes as C
from game.rules import queries as Q
from game.rules import siege
from game.rules import victory
from game.rules.event_data import Captured, Message
from game.rules.report import Event
from game.rules.state import Direction


@dataclass(frozen=True)
class Fire:
    event: str
    told: tuple[str, ...]


def _note(text: str, fire: Fire, factions: tuple[str, ...], at=None, **data) -> Event:
    """A message caused by an event, told to everyone the event tells."""
    return Event("message", text, at, tuple(dict.fromkeys((*factions, *fire.told))),
                 Message(fire.event, tuple(factions), **data))


# --- words and flags -------------------------------------------------------------

@effect("message", "Tell factions something.  With `to`, exactly the factions listed are "
        "told.  Without it, the factions the event tells are; with `at`, only those of them "
        "that see that place when the event fires, and the factions in `about` (whom it "
        "concerns) wherever they are: a note of what happened at a place reaches only those "
        "who saw it, like the game's own news.  Without `to` or `at` it goes with the event "
        "to every side the event tells, so a text that gives away where an army is should "
        "name its place with `at` or its readers with `to`.",
        "message: {text: Slav canoes are burning in the Golden Horn., at: constantinople, "
        "about: [avars]}", text="text", to="factions?", at="place?", about="factions?")
def message(state, fire, text, to=None, at=None, about=None):
    if to:
        return [Event("message", text, None, tuple(to), Message(fire.event))]
    if at is not None:
        return [_note(text, fire, tuple(about or ()), at)]
    return [Event("message", text, None, tuple(dict.fromkeys((*(about or ()), *fire.told))),
                  Message(fire.event))]


message.check = lambda ctx, **a: (
    "`to` names exactly who is told: leave out `at` and `about`, or `to`"
    if a.get("to") and (a.get("at") is not None or a.get("about")) else None)


@effect("set_flag", "Set a flag to `value` (default 1), or change it by `add` (a counter).",
        "set_flag: {name: unrest, add: 1}", name="text", value="int?", add="int?")
def set_flag(state, fire, name, value=None, add=None):
    if add is not None:
        state.flags[name] = state.flags.get(name, 0) + add
    else:
        state.flags[name] = 1 if value is None else value
    return []


set_flag.check = lambda ctx, **a: ("give `value` or `add`, not both"
                                   if "value" in a and "add" in a else None)


@effect("clear_flag", "Clear a flag (it counts as 0 again).", "clear_flag: avar_truce",
        name="text")
def clear_flag(state, fire, name):
    state.flags.pop(name, None)
    return []


# --- cities --------------------------------------------------------------------------

@effect("set_owner", "Hand a city to a faction, as if taken: any siege ends, loot and "
        "war-weariness follow the rules, and armies that may not stay march out.  "
        "`garrison` sets the men left in it (default none).",
        "set_owner: {city: alexandria, faction: sassanids, garrison: 3000}",
        city="city", faction="faction", garrison="count?")
def set_owner(state, fire, city, faction, garrison=None):
    c = state.cities[city]
    if c.owner == faction:
        return []
    events = C.capture_city(state, c, faction, None)
    if garrison is not None:
        c.garrison = garrison
    return events + C.part_armies(state)


@effect("cede_cities", "Hand cities over without a fight, as a treaty would: every city "
        "`faction` holds (only those in `region`, or only the `cities` listed, if given) passes "
        "to `to`.  Sieges of them end, their garrisons march out (`garrison` sets the men the "
        "new owner puts in each; default none), nobody loots, and armies that may not stay "
        "march out.",
        "cede_cities: {faction: sassanids, to: byzantium, region: mesopotamia}",
        faction="faction", to="faction", region="region?", cities="cities?", garrison="count?")
def cede_cities(state, fire, faction, to, region=None, cities=None, garrison=None):
    hm = state.scenario.map
    events = []
    for cid in sorted(state.cities):
        c = state.cities[cid]
        if c.owner != faction or (cities is not None and cid not in cities):
            continue
        if region is not None and hm.region_of(c.hex) != region:
            continue
        c.owner, c.siege, c.garrison = to, None, garrison or 0
        events.append(Event("captured", f"{c.name} is handed to {state.factions[to].name}",
                            c.hex, (to, faction),
                            Captured(cid, faction, ceded=True)))
    return events + (C.part_armies(state) if events else [])


cede_cities.check = checks(different("faction", "to"),
                           lambda ctx, **a: ("give `region` or `cities`, not both"
                                             if "region" in a and "cities" in a else None))


@effect("walls", "Set a city's walls (0-5), or change them by `add`.",
        "walls: {city: dara, add: -1}", city="city", set="count?", add="int?")
def walls(state, fire, city, set=None, add=None):
    c = state.cities[city]
    v = c.walls if set is None else set
    c.walls = C.clamp(v + (add or 0), 0, 5)
    c.max_walls = max(c.max_walls, c.walls)
    return []


walls.check = exactly_one("set", "add")


@effect("garrison", "Set a city's garrison (men), or change it by `add`.",
        "garrison: {city: constantinople, add: 12000}", city="city", set="count?", add="int?")
def garrison(state, fire, city, set=None, add=None):
    c = state.cities[city]
    v = c.garrison if set is None else set
    c.garrison = max(0, v + (add or 0))
    return []


garrison.check = exactly_one("set", "add")


@effect("besiege", "An army lays siege to a city of a faction it is at war with (it moves "
        "onto the city).  Nothing happens if an enemy army stands in the city.",
        "besiege: {army: avar_host, city: constantinople}", army="army", city="city")
def besiege(state, fire, army, city):
    a = state.armies.get(army)
    c = state.cities[city]
    if a is None or not Q.hostile(state, a.faction, c.owner):
        return []
    if any(Q.hostile(state, a.faction, o.faction) for o in Q.armies_at(state, c.hex)):
        return []
    return siege.begin(state, a, c) + C.lift_sieges_without_army(state)


# --- armies --------------------------------------------------------------------------

@effect("spawn_army", "Put a new army on the map at (or next to) a place.  Give it an `id` "
        "to refer to it in later events.  A `commander` leads it if he is alive and serves "
        "the faction.",
        "spawn_army: {id: avar_host, faction: avars, at: heraclea, men: 80000, "
        "commander: avar_khagan}",
        faction="faction", at="place", men="count", id="text?", commander="commander?",
        name="text?", morale="percent?")
def spawn_army(state, fire, faction, at, men, id=None, commander=None, name=None, morale=None):
    h = C.free_hex_near(state, faction, at)
    if h is None:
        return []
    if commander is not None:
        c = state.commanders[commander]
        if not c.alive or c.faction != faction:
            commander = None
    a = C.spawn_army(state, faction, h, men, name or "", None, morale, id)
    if commander is not None:
        C.give_command(state, commander, a)
    return [_note(f"{a.name} ({a.men} men) appears {Q.place_phrase(state, h)}", fire,
                  (faction,), h, army=a.id)]


spawn_army.check = lambda ctx, **a: None if a["men"] > 0 else "`men` must be more than 0"


@effect("reinforce", "Add men to an army (or take them away with a negative number; an army "
        "left too small disbands).", "reinforce: {army: heraclius_army, men: 12000}",
        army="army", men="int")
def reinforce(state, fire, army, men):
    a = state.armies.get(army)
    if a is None:
        return []
    if men >= 0:
        a.men += men
        return []
    return C.lose_men(state, a, -men)


reinforce.check = lambda ctx, **a: None if a["men"] != 0 else "`men` must not be 0"


@effect("remove_army", "Take an army off the map (it goes home; its men are not counted as "
        "lost).", "remove_army: turkish_host", army="army", text="text?")
def remove_army(state, fire, army, text=None):
    a = state.armies.get(army)
    if a is None:
        return []
    return C.remove_army(state, a, text or "leaves the war", lost=False)


@effect("move_army", "Move an army to (or next to) a place where it may stand.",
        "move_army: {army: heraclius_army, to: trebizond}", army="army", to="place")
def move_army(state, fire, army, to):
    a = state.armies.get(army)
    if a is None:
        return []
    h = C.free_hex_near(state, a.faction, to)
    if h is None or h == a.hex:
        return []
    moved = C.relocate(state, a, h, f"{a.name} is now {Q.place_phrase(state, h)}")
    return [moved] + C.lift_sieges_without_army(state)


@effect("morale", "Change the morale (0-100) of an army, or of every army of a faction.",
        "morale: {faction: byzantium, amount: 10}", amount="int", faction="faction?",
        army="army?")
def morale(state, fire, amount, faction=None, army=None):
    targets = [state.armies[army]] if army in state.armies else []
    if faction is not None:
        targets += Q.armies_of(state, faction)
    for a in targets:
        C.add_morale(state, a, amount)
    return []


morale.check = exactly_one("faction", "army")


# --- money and mood ----------------------------------------------------------------

@effect("treasury", "Change a faction's treasury (never below zero).",
        "treasury: {faction: byzantium, amount: 150}", faction="faction", amount="int")
def treasury(state, fire, faction, amount):
    C.add_treasury(state, faction, amount)
    return []


@effect("income", "Change a faction's income a month from lands off the map (never below "
        "zero).", "income: {faction: byzantium, amount: -8}", faction="faction", amount="int")
def income(state, fire, faction, amount):
    C.add_income(state, faction, amount)
    return []


@effect("weariness", "Change a faction's war-weariness (kept within 0-100).",
        "weariness: {faction: sassanids, amount: 10}", faction="faction", amount="int")
def weariness(state, fire, faction, amount):
    C.add_weariness(state, faction, amount)
    return []


# --- war and peace -------------------------------------------------------------------

_STATUS_TEXT = {"war": "are at war", "peace": "make peace", "alliance": "are allies",
                "tribute": "agree a tribute"}


@effect("relation", "Set the relation between two factions.  Sieges between them end unless "
        "it is war; armies that may no longer share a hex or a city move apart.",
        "relation: {a: byzantium, b: avars, status: tribute, payer: byzantium, amount: 16}",
        a="faction", b="faction", status="status", payer="faction?", amount="count?")
def relation(state, fire, a, b, status, payer=None, amount=None):
    events = [Event("message", f"{state.factions[a].name} and {state.factions[b].name} "
                               f"{_STATUS_TEXT[status]}", None, (a, b), Message(fire.event),
                    public=True)]
    return events + C.set_relation(state, a, b, status, payer, amount or 0)


def _tribute_terms(ctx, **a):
    if a.get("status") == "tribute":
        if a.get("payer") not in (a["a"], a["b"]):
            return "tribute needs a `payer`, one of a or b"
    elif "payer" in a or "amount" in a:
        return "`payer` and `amount` belong to a tribute"
    return None


relation.check = checks(different("a", "b"), _tribute_terms)


@effect("enter_war", "Bring a faction into play (it starts taking turns), at war with the "
        "factions in `against` and allied to those in `allies`.",
        "enter_war: {faction: turks, against: [sassanids], allies: [byzantium]}",
        faction="faction", against="factions?", allies="factions?")
def enter_war(state, fire, faction, against=(), allies=()):
    f = state.factions[faction]
    events = []
    if not f.in_play:
        f.in_play = True
        events.append(_note(f"Entering the war: {f.name}", fire, (faction,)))
    for other in against or ():
        events += C.set_relation(state, faction, other, "war")
    for other in allies or ():
        events += C.set_relation(state, faction, other, "alliance")
    return events


def _not_itself(ctx, **a):
    for key in ("against", "allies"):
        if a["faction"] in (a.get(key) or ()):
            return f"a faction cannot be in its own `{key}` list"
    if set(a.get("against") or ()) & set(a.get("allies") or ()):
        return "a faction cannot be both in `against` and in `allies`"
    return None


enter_war.check = _not_itself


@effect("leave_war", "Take a faction out of play: it stops taking turns, its armies go home, "
        "and (unless `peace: false`) it makes peace with everyone it was at war with.  A "
        "choice it had still to answer is dropped.",
        "leave_war: turks", faction="faction", peace="bool?")
def leave_war(state, fire, faction, peace=None):
    f = state.factions[faction]
    f.in_play = False
    state.pending = [p for p in state.pending if p.faction != faction]
    events = [_note(f"Leaving the war: {f.name}", fire, (faction,))]
    for a in sorted(Q.armies_of(state, faction), key=lambda a: a.id):
        events += C.remove_army(state, a, "goes home", lost=False)
    if peace is not False:
        for other in state.order:
            if Q.hostile(state, faction, other):
                events += C.set_relation(state, faction, other, "peace")
    return events


# --- commanders and rulers ---------------------------------------------------------------

@effect("kill_commander", "A commander dies (his army fights on without him; a ruler leaves "
        "his throne empty).", "kill_commander: shahraplakan", commander="commander")
def kill_commander(state, fire, commander):
    return C.set_commander_dead(state, commander)


@effect("assign_commander", "Put a living commander at the head of an army of the faction he "
        "serves; he leaves any army he led.",
        "assign_commander: {commander: theodore, army: theodore_army}",
        commander="commander", army="army")
def assign_commander(state, fire, commander, army):
    c = state.commanders[commander]
    a = state.armies.get(army)
    if a is None or not c.alive or c.faction != a.faction:
        return []
    C.give_command(state, commander, a)
    return []


@effect("replace_commander", "Another commander (`by`) takes over the army `commander` leads; "
        "with `dies: true` the one replaced also dies.  Nothing happens if `commander` leads "
        "no army, or `by` is dead or serves another faction.",
        "replace_commander: {commander: priscus, by: heraclius}",
        commander="commander", by="commander", dies="bool?")
def replace_commander(state, fire, commander, by, dies=None):
    old, new = state.commanders[commander], state.commanders[by]
    led = [a for a in state.armies.values() if a.commander == commander]
    if not led or not new.alive or new.faction != led[0].faction:
        return []
    a = led[0]
    C.give_command(state, by, a)
    events = [_note(f"{new.name} takes command of {a.name} from {old.name}", fire,
                    (a.faction,), a.hex, army=a.id)]
    if dies:
        events += C.set_commander_dead(state, commander)
    return events


replace_commander.check = lambda ctx, **a: ("`commander` and `by` are the same"
                                            if a["commander"] == a["by"] else None)


@effect("move_commander", "A living commander leaves his army for another `army` of his "
        "faction, or goes `to` a place: there he takes over the largest army of his faction "
        "on that hex, or, if there is none, a new army of `escort` men forms around him "
        "(default: the smallest army the rules allow).",
        "move_commander: {commander: heraclius, to: constantinople}",
        commander="commander", army="army?", to="place?", escort="count?")
def move_commander(state, fire, commander, army=None, to=None, escort=None):
    c = state.commanders[commander]
    if not c.alive:
        return []
    if army is not None:
        a = state.armies.get(army)
        if a is None or a.faction != c.faction:
            return []
    else:
        here = sorted((x for x in Q.armies_at(state, to) if x.faction == c.faction),
                      key=lambda x: (-x.men, x.id))
        if here:
            a = here[0]
        else:
            h = C.free_hex_near(state, c.faction, to)
            if h is None:
                return []
            men = escort or Q.rules(state)["min_army_men"]
            a = C.spawn_army(state, c.faction, h, men, f"Escort of {c.name}")
    C.give_command(state, commander, a)
    return [_note(f"{c.name} takes command of {a.name} {Q.place_phrase(state, a.hex)}",
                  fire, (c.faction,), a.hex, army=a.id)]


move_commander.check = checks(exactly_one("army", "to"), needs("escort", "to"))


@effect("trait", "Give a commander a trait (`add`) or take one from him (`remove`): a young "
        "general grows out of `inexperienced`, a defeat cures `glory_seeker`.",
        "trait: {commander: heraclius, remove: inexperienced}",
        commander="commander", add="trait?", remove="trait?")
def trait(state, fire, commander, add=None, remove=None):
    traits = state.commanders[commander].traits
    if add is not None and add not in traits:
        traits.append(add)
    if remove is not None and remove in traits:
        traits.remove(remove)
    return []


trait.check = exactly_one("add", "remove")


@effect("set_ruler", "Make a commander the ruler of a faction (the old ruler is set aside; "
        "kill him with `kill_commander` if he dies).  The new ruler is alive and serves that "
        "faction from now on.", "set_ruler: {faction: sassanids, commander: kavad}",
        faction="faction", commander="commander")
def set_ruler(state, fire, faction, commander):
    f, c = state.factions[faction], state.commanders[commander]
    if f.ruler == commander and c.alive:
        return []
    for other in state.factions.values():
        if other.ruler == commander:
            other.ruler = None
    f.ruler = commander
    c.alive = True
    if c.faction != faction:
        c.faction = faction
        for a in [a for a in state.armies.values() if a.commander == commander]:
            a.commander = None
    return [Event("message", f"{c.name} now rules {f.name}", None, (faction,),
                  Message(fire.event, commander=commander), public=True)]


@effect("change_side", "A commander, and the army he leads, goes over to another faction (a "
        "ruler who defects leaves his old throne empty).",
        "change_side: {commander: shahrbaraz, faction: rebels}", commander="commander",
        faction="faction")
def change_side(state, fire, commander, faction):
    c = state.commanders[commander]
    if c.faction == faction:
        return []
    old = c.faction
    c.faction = faction
    if state.factions[old].ruler == commander:
        state.factions[old].ruler = None
    moved = []
    for a in state.armies.values():
        if a.commander == commander:
            a.faction = faction
            moved.append(a.id)
    events = [_note(f"{c.name} goes over to {state.factions[faction].name}", fire,
                    (old, faction))]
    return events + C.part_armies(state, tuple(moved))


# --- the map ---------------------------------------------------------------------------

@effect("open_strait", "Let a faction cross a strait (as if it held the sea there).",
        "open_strait: {strait: bosporus, faction: avars}", strait="strait", faction="faction")
def open_strait(state, fire, strait, faction):
    allowed = state.strait_open.setdefault(strait, [])
    if faction not in allowed:
        allowed.append(faction)
        allowed.sort()
    return []


@effect("close_strait", "Stop a faction crossing a strait (even one with a fleet).",
        "close_strait: {strait: bosporus, faction: sassanids}", strait="strait",
        faction="faction")
def close_strait(state, fire, strait, faction):
    allowed = state.strait_open.get(strait, [])
    if faction in allowed:
        allowed.remove(faction)
    return []


@effect("pass_state", "Open or close a pass whatever the season, or give it back to the "
        "seasons (`auto`).", "pass_state: {pass: zagros_pass, to: closed}", **{"pass": "pass"},
        to="pass_state")
def pass_state(state, fire, to, **kw):
    pid = kw["pass"]
    if to == "auto":
        state.pass_override.pop(pid, None)
    else:
        state.pass_override[pid] = to
    return []


# --- the end -----------------------------------------------------------------------------

@effect("end_game", "End the game.  `outcome: victory` - `faction` wins; `defeat` - `faction` "
        "loses, and the one major power at war with it (if there is exactly one) wins; "
        "`peace` - a negotiated peace, won by `faction` if one is named.  `kind` (decisive, "
        "major or minor; default major) says how great a victory it is.",
        "end_game: {outcome: peace, faction: byzantium, text: Kavad sues for peace.}",
        outcome="outcome", faction="faction?", kind="victory_kind?", text="text?")
def end_game(state, fire, outcome, faction=None, kind=None, text=None):
    if state.over:
        return []
    if outcome == "peace":
        return victory.declare(state, faction, "peace", text or "", by=f"event {fire.event}")
    if outcome == "victory":
        return victory.declare(state, faction, kind or "major", text or "",
                               by=f"event {fire.event}")
    enemies = [f for f in state.order
               if state.factions[f].major and Q.hostile(state, f, faction)]
    winner = enemies[0] if len(enemies) == 1 else None
    return victory.declare(state, winner, kind or "major", text or "", loser=faction,
                           by=f"event {fire.event}")


def _end_terms(ctx, **a):
    if a["outcome"] in ("victory", "defeat") and "faction" not in a:
        return f"a {a['outcome']} needs the `faction` that {'wins' if a['outcome'] == 'victory' else 'loses'}"
    if a["outcome"] == "peace" and "kind" in a:
        return "`kind` is for a victory or defeat, not a peace"
    return None


end_game.check = _end_terms


# --- the computer's direction -------------------------------------------------------

@effect("ai_aims", "Give a faction's computer player new aims (see Aims): they replace the "
        "ones it has, or, with `keep: true`, are added to them.  An empty list clears them.  "
        "A person playing the side is not bound by them.",
        "ai_aims: {faction: byzantium, aims: [{threaten: ganzak, leader: heraclius, "
        "weight: 300, end: 625-02}]}",
        faction="faction", aims="aims", keep="bool?")
def ai_aims(state, fire, faction, aims, keep=False):
    d = state.direction.setdefault(faction, Direction())
    d.aims = (list(d.aims) if keep else []) + [copy.deepcopy(a) for a in aims]
    return []


@effect("ai_posture", "Set how a faction's computer player makes war: `conquer`, `defend` or "
        "`raid` (see Aims).", "ai_posture: {faction: sassanids, posture: defend}",
        faction="faction", posture="posture")
def ai_posture(state, fire, faction, posture):
    state.direction.setdefault(faction, Direction()).posture = posture
    return []


# --- one or the other --------------------------------------------------------------

@effect("if", "Effects that depend on the game as it stands when the event fires: the "
        "`then` list if the condition `when` holds, else the `otherwise` list (if any).",
        "if: {when: {owns: {faction: byzantium, city: dara}}, then: [{weariness: "
        "{faction: sassanids, amount: 5}}], otherwise: [{set_flag: dara_lost}]}",
        when="condition", then="effects", otherwise="effects?")
def if_(state, fire, when, then, otherwise=()):
    events = []
    for fx in (then if when(state) else otherwise):
        events += fx(state, fire)
    return events
