"""The one path every change takes: check an order, then apply it.

`check(state, order)` raises `Refused` naming the rule broken and changes
nothing.  `apply(state, order)` checks, then changes the state and returns
the events that happened.  Players, the computer, replays, undo and tests
all go through these two functions.  `legal_orders` lists what the side to
play may do, for the computer opponent and for tests.

With fog of war an order is checked against what its side knows, never the
hidden truth, so a refusal can never betray an unseen enemy: a march through
a hex where an unseen army stands is a legal order.  Carrying it out, the
army stops where it runs into what it could not see (see `_apply_move`).
After every order each side's memory is brought up to date, and whatever
the acting side newly saw is reported as `spotted` events (which close undo).
"""
from __future__ import annotations

import json
from dataclasses import replace

from game.events.runner import apply_choice, check_events, event_by_id
from game.hexgrid import Hex, hex_distance, hex_neighbors
from game.i18n import N_, said
from game.rules import between
from game.rules import changes as C
from game.rules import combat, economy, siege, turns, victory
from game.rules import movement as M
from game.rules import queries as Q
from game.rules import vision
from game.rules.orders import (Assault, Attack, Besiege, Choose, EndTurn, Merge, MixDice, Move,
                               Named, Order, Raise, Refused, Split)
from game.rules.event_data import MenOf, Merged, Moved, SplitOff, Spotted
from game.rules.report import Event, dated
from game.rules.rng import Rng, is_mix
from game.rules.state import GameState

new_game = turns.new_game


# --- checks ----------------------------------------------------------------------

def _own_army(state: GameState, order) -> "Army":
    a = state.armies.get(order.army)
    if a is None:
        raise Refused("no_such_army", N_("there is no army {army}"), army=repr(order.army))
    if a.faction != order.faction:
        raise Refused("not_your_army", N_("{army} does not serve {side}"), army=_army(a),
                      side=_side(order.faction))
    return a


def _needs_moves(a) -> None:
    if a.moves <= 0:
        raise Refused("no_moves_left", N_("{army} has no movement left this turn"), army=_army(a))


def _may_strike(a) -> None:
    """An army attacks, lays a siege or storms once a turn.  Marching does not use that
    up: an army whose march ended next to the enemy (a zone of control halts it) may
    still fight, however little movement it has left; the fight then ends its turn."""
    if not a.may_strike:
        raise Refused("one_strike_a_turn", N_("{army} has already fought or laid a siege this "
                                              "turn (or was raised this turn): once a turn"),
                      army=_army(a))


def check(state: GameState, order: Order) -> None:
    """Raise Refused if the order breaks a rule; never changes the state."""
    if state.over:
        raise Refused("game_over", N_("the game is over"))
    if order.faction not in state.factions:
        raise Refused("no_such_faction", N_("there is no faction {side}"),
                      side=repr(order.faction))
    if order.faction != state.active_faction:
        raise Refused("not_your_turn", N_("it is {side}'s turn"),
                      side=_side(state.active_faction, state.factions[state.active_faction].name))
    pending = [p for p in state.pending if p.faction == order.faction]
    if pending and not isinstance(order, (Choose, MixDice)):
        raise Refused("choice_pending", N_("first answer the event '{event}'"),
                      event=Named(event_by_id(state, pending[0].event).spec.title, "event",
                                  pending[0].event))
    handler = _CHECKS.get(type(order))
    if handler is None:
        raise Refused("unknown_order", N_("unknown order {order}"), order=repr(order))
    handler(state, order)


def _check_move(state: GameState, o: Move) -> int:
    a = _own_army(state, o)
    _needs_moves(a)
    if not o.path:
        raise Refused("empty_path", N_("a move needs at least one step"))
    obs = M.obstacles_known(state, a.faction)
    hm = Q.hexmap(state)
    here, cost = a.hex, 0
    for i, step in enumerate(o.path):
        if hex_distance(here, step) != 1:
            raise Refused("not_adjacent", N_("step {n} of the march does not lead to a "
                                             "neighbouring hex"), n=i + 1)
        if not hm.contains(step):
            raise Refused("off_map", N_("step {n} of the march leaves the map"), n=i + 1)
        if i > 0 and hm.index(here) in obs.stop:
            raise Refused("zone_of_control", N_("{army} must stop {place}: an enemy is adjacent "
                                                "(zone of control) or a town is taken there"),
                          army=_army(a), place=_at(state, here))
        c = M.step_cost(state, here, step, a.faction, obs)
        if c is None:
            rule, why = _reason(state, a, here, step, obs)
            raise Refused(rule, N_("{army} cannot go on {place}: {why}"), army=_army(a),
                          place=_at(state, step, "to"), why=why)
        cost += c
        here = step
    if cost > a.moves:
        raise Refused("too_far", N_("the march costs {cost} movement points; {army} has {moves}"),
                      cost=cost, army=_army(a), moves=a.moves)
    return cost


def _reason(state: GameState, a, here: Hex, step: Hex, obs, occupant: bool = True
            ) -> tuple[str, Named]:
    """Why a single step is not allowed: (rule id, explanation), as far as the side knows."""
    rule, template, values = _why(state, a, here, step, obs, occupant)
    return rule, said(template, **values)


def _why(state: GameState, a, here: Hex, step: Hex, obs, occupant: bool
         ) -> tuple[str, str, dict]:
    hm = Q.hexmap(state)
    j = hm.index(step)
    there = [o for o in vision.armies_known_at(state, a.faction, step)
             if not Q.friendly(state, a.faction, o.faction)]
    if occupant and there:
        other = there[0]
        if Q.hostile(state, a.faction, other.faction):
            return ("hex_occupied", N_("{army} holds it (attack it instead)"),
                    {"army": _army(other)})
        return ("neutral_army", N_("{army} of a faction at peace stands there"),
                {"army": _army(other)})
    city = Q.city_at(state, step)
    if city is not None:
        city = vision.city_as_known(state, a.faction, city)
    if occupant and city is not None and not Q.friendly(state, a.faction, city.owner):
        if Q.hostile(state, a.faction, city.owner):
            return ("walled_city", N_("{city} has walls or a garrison (besiege it)"),
                    {"city": _town(city)})
        return "neutral_city", N_("{city} belongs to a faction at peace"), {"city": _town(city)}
    if j in obs.closed_passes:
        pid = hm.pass_at.get(step)
        if pid:
            return ("pass_closed", N_("{name} is closed"),
                    {"name": Named(hm.passes[pid].name, "pass", pid)})
        return "pass_closed", N_("the pass {place} is closed"), {"place": _at(state, step)}
    i = hm.index(here)
    for k, _c, kind, tag in M.graph(state.scenario, state.winter)[i]:
        if k == j:
            if kind == M.STRAIT:
                if tag:
                    return ("strait", N_("crossing the {strait} needs command of the sea"),
                            {"strait": tag})
                return "strait", N_("crossing the strait needs command of the sea"), {}
            if kind == M.EMBARK:
                return ("no_port", N_("ships can be boarded only at a friendly port")
                        if obs.navy else N_("it has no fleet to put to sea"), {})
            if kind in (M.SEA, M.LAND_FROM_SEA):
                return "no_fleet", N_("it has no fleet"), {}
            return "blocked", N_("the way is blocked"), {}
    if hm.is_water(step):
        return "water", N_("that is water"), {}
    return "impassable", N_("the terrain is impassable"), {}


def _army(a) -> Named:
    return Named(a.name, "army", a.id)


def _town(c) -> Named:
    return Named(c.name, "city", c.id)


def _side(fid: str, english: str | None = None) -> Named:
    return Named(english or fid, "faction", fid)


def _at(state: GameState, h: Hex, prep: str = "at") -> Named:
    return Named(Q.place_phrase(state, h, prep), "place", (h, prep))


def _adjacent_target(state: GameState, a, target: Hex) -> None:
    if hex_distance(a.hex, target) != 1:
        raise Refused("not_adjacent", N_("that hex is not next to {army}"), army=_army(a))


def _check_attack(state: GameState, o: Attack) -> None:
    a = _own_army(state, o)
    _may_strike(a)
    if o.target == a.hex and _sally(state, a):
        return
    _adjacent_target(state, a, o.target)
    # only an enemy the side can see may be attacked; an unseen one gets the same answer
    # as an empty hex, so a refusal never gives it away
    enemies = [x for x in vision.armies_known_at(state, a.faction, o.target)
               if Q.hostile(state, a.faction, x.faction)]
    if not enemies:
        city = Q.city_at(state, o.target)
        if city is not None:
            city = vision.city_as_known(state, a.faction, city)
        if city is not None and Q.hostile(state, a.faction, city.owner):
            raise Refused("attack_city", N_("{city} has no army in the field: besiege or "
                                            "assault it"), city=_town(city))
        raise Refused("no_enemy", N_("no enemy army stands {place}"), place=_at(state, o.target))
    _check_reach(state, a, o.target)


def _sally(state: GameState, a) -> bool:
    """May the army attack its own hex: it stands in a city of its side (or an ally's)
    that an enemy it can see is besieging there."""
    c = Q.city_at(state, a.hex)
    return (c is not None and c.siege is not None and Q.friendly(state, a.faction, c.owner)
            and Q.hostile(state, a.faction, c.siege.by)
            and any(Q.hostile(state, a.faction, x.faction)
                    for x in vision.armies_known_at(state, a.faction, a.hex)))


def _check_reach(state: GameState, a, target: Hex) -> None:
    """Could the army step onto target, ignoring whoever stands there?"""
    hm = Q.hexmap(state)
    obs = M.obstacles_known(state, a.faction)
    j = hm.index(target)
    obs = replace(obs, blocked=obs.blocked - {j}, stop=obs.stop - {j})    # never change it
    if M.step_cost(state, a.hex, target, a.faction, obs) is None:
        rule, why = _reason(state, a, a.hex, target, obs, occupant=False)
        raise Refused(rule, N_("{army} cannot reach it {place}: {why}"), army=_army(a),
                      place=_at(state, target), why=why)


def _city(state: GameState, cid: str):
    c = state.cities.get(cid)
    if c is None:
        raise Refused("no_such_city", N_("there is no city {city}"), city=repr(cid))
    return c


def _check_besiege(state: GameState, o: Besiege) -> None:
    a = _own_army(state, o)
    c = vision.city_as_known(state, a.faction, _city(state, o.city))
    if not Q.hostile(state, a.faction, c.owner):
        raise Refused("not_at_war", N_("{city} belongs to a faction {side} is not at war with"),
                      city=_town(c), side=_side(a.faction))
    if a.hex != c.hex:
        _may_strike(a)
        _adjacent_target(state, a, c.hex)
        _check_reach(state, a, c.hex)
    elif c.siege is not None and c.siege.by == a.faction:
        raise Refused("already_besieging", N_("{army} is already besieging {city}"),
                      army=_army(a), city=_town(c))
    else:
        _may_strike(a)
    # an army in a walled, garrisoned city is besieged with it (see game.rules.siege);
    # one in an open town must be beaten in the field first
    if (c.walls == 0 or c.garrison == 0) and any(
            Q.hostile(state, a.faction, x.faction)
            for x in vision.armies_known_at(state, a.faction, c.hex)):
        raise Refused("relief_army", N_("an enemy army stands in {city}: defeat it first"),
                      city=_town(c))


def _check_assault(state: GameState, o: Assault) -> None:
    a = _own_army(state, o)
    c = _city(state, o.city)
    if a.hex != c.hex or c.siege is None or c.siege.by != a.faction:
        raise Refused("not_besieging", N_("{army} must be besieging {city} to storm it"),
                      army=_army(a), city=_town(c))
    _may_strike(a)


def _check_raise(state: GameState, o: Raise) -> None:
    c = _city(state, o.city)
    if c.owner != o.faction:
        raise Refused("not_your_city", N_("{city} is not held by {side}"), city=_town(c),
                      side=_side(o.faction))
    if c.siege is not None:
        raise Refused("city_besieged", N_("{city} is under siege"), city=_town(c))
    if o.men < 100 or o.men % 100:
        raise Refused("bad_amount", N_("raise men in hundreds, at least 100"))
    limit = economy.raise_limit(state) - state.raised.get(c.id, 0)
    if o.men > limit:
        raise Refused("raise_limit", N_("{city} can raise only {men} more men this turn"),
                      city=_town(c), men=max(0, limit))
    cost = economy.raise_cost(state, o.men)
    if cost > state.factions[o.faction].treasury:
        raise Refused("no_money", N_("raising {men} men costs {cost}; the treasury holds {gold}"),
                      men=o.men, cost=cost, gold=state.factions[o.faction].treasury)
    if any(Q.hostile(state, o.faction, x.faction) for x in Q.armies_at(state, c.hex)):
        raise Refused("enemy_present", N_("an enemy army stands in {city}"), city=_town(c))


def _check_merge(state: GameState, o: Merge) -> None:
    a = _own_army(state, o)
    b = state.armies.get(o.into)
    if b is None or b.faction != o.faction:
        raise Refused("no_such_army", N_("there is no army {army} of {side}"), army=repr(o.into),
                      side=_side(o.faction))
    if a.id == b.id:
        raise Refused("same_army", N_("an army cannot merge with itself"))
    if a.hex != b.hex:
        raise Refused("not_together", N_("{army} and {other} must stand on the same hex"),
                      army=_army(a), other=_army(b))


def _check_split(state: GameState, o: Split) -> None:
    a = _own_army(state, o)
    least = Q.rules(state)["min_army_men"]
    if o.men < least or a.men - o.men < least:
        raise Refused("bad_amount", N_("both parts must keep at least {men} men"), men=least)


def _check_end(state: GameState, o: EndTurn) -> None:
    return None


def _check_choose(state: GameState, o: Choose) -> None:
    if not any(p.event == o.event and p.faction == o.faction for p in state.pending):
        raise Refused("no_choice", N_("{side} has no choice to make for {event}"),
                      side=_side(o.faction), event=repr(o.event))
    ev = event_by_id(state, o.event)
    if ev is None or o.option not in {c.id for c, _ in ev.choices}:
        raise Refused("no_option", N_("{event} has no option {option}"), event=repr(o.event),
                      option=repr(o.option))


def _check_mix(state: GameState, o: MixDice) -> None:
    if not is_mix(o.mix):
        raise Refused("bad_mix", N_("the dice mix must be 64 hexadecimal digits"))


_CHECKS = {Move: _check_move, Attack: _check_attack, Besiege: _check_besiege,
           Assault: _check_assault, Raise: _check_raise, Merge: _check_merge, Split: _check_split,
           EndTurn: _check_end, Choose: _check_choose, MixDice: _check_mix}


def is_legal(state: GameState, order: Order) -> bool:
    try:
        check(state, order)
    except Refused:
        return False
    return True


# --- applying --------------------------------------------------------------------

def apply(state: GameState, order: Order) -> list[Event]:
    """Check the order, then carry it out.  Returns what happened."""
    check(state, order)
    # what the acting side saw before, to report what the order revealed to it (its turn
    # is over once it ends it: what follows is news for its next turn, not a revelation)
    seen = None if isinstance(order, EndTurn) else vision.watch(state, order.faction)
    between.changed(state)          # nothing kept about the state before this holds after it
    state.rng = Rng.for_order(state.seed, state.turn, dice_key(state, order), state.rng.draws,
                              state.dice_mix)
    if isinstance(order, Move):
        events = _apply_move(state, order, seen)
    else:
        events = _APPLY[type(order)](state, order)
    if not state.over:
        events += victory.check(state)
    events += vision.after_order(state, seen)
    return dated(events + turns.pass_if_out_of_war(state), state)


def dice_key(state: GameState, order: Order) -> str:
    """What an order's dice are keyed on besides the seed and the turn: the order itself
    (and the strength of the army giving it, so that a second identical attack in a turn
    rolls afresh); the end of a turn by the side ending it.  Nothing given or seen earlier
    in the turn enters it."""
    if isinstance(order, EndTurn):
        return f"end|{order.faction}"
    army = state.armies.get(getattr(order, "army", ""))
    text = json.dumps(order.to_dict(), sort_keys=True)
    return text + (f"|{army.men}" if army is not None else "")


def _after_order(state: GameState) -> list[Event]:
    return check_events(state, "order")


def _apply_move(state: GameState, o: Move, eyes: vision.Watch | None = None) -> list[Event]:
    """March step by step.  The order was checked against what the side knew; the march
    meets the truth.  It halts on the hex before an army or a barred city it did not
    know of, or on the first hex of a zone of control it did not know of; it pays for the
    steps taken and loses the rest of its movement this turn (surprise).  A march that
    ends next to the enemy, halted or as planned, leaves the army its one strike of the
    turn: it may still attack or lay siege (see `_may_strike`)."""
    a = state.armies[o.army]
    hm = Q.hexmap(state)
    obs = M.obstacles(state, a.faction)
    start = a.hex
    walked: list[Hex] = []
    sightings: list[Event] = []
    halt: Event | None = None
    for k, step in enumerate(o.path):
        cost = M.step_cost(state, a.hex, step, a.faction, obs)
        if cost is None:        # only possible with fog: something unseen bars the way
            halt = _halt(state, a, step, "runs into")
            break
        a.moves -= cost
        a.hex = step
        walked.append(step)
        sightings += vision.look(state, eyes, a)
        if k < len(o.path) - 1 and hm.index(step) in obs.stop:
            halt = _halt(state, a, step, "meets")   # an unseen enemy's zone of control
            break
    vision.end_march(state, eyes)
    events: list[Event] = []
    if walked:
        events.append(Event("moved", f"{a.name} marches {Q.place_phrase(state, a.hex, 'to')}",
                            a.hex, (a.faction,),
                            Moved(a.id, a.name, a.faction, start, tuple(walked),
                                  halted=halt is not None)))
    if halt is not None and eyes is not None and halt.data.enemy is not None:
        # the enemy that halted it is told of once, by the halt
        sightings = [e for e in sightings if e.data.army != halt.data.enemy]
        eyes.reported.add(halt.data.enemy)
    events += sightings
    if halt is not None:
        events.append(halt)
        a.moves = 0
    city = Q.city_at(state, a.hex)
    if walked and city is not None and Q.hostile(state, a.faction, city.owner):
        events += C.capture_city(state, city, a.faction, a)
    if hm.index(a.hex) in obs.stop:
        a.moves = 0
    events += C.lift_sieges_without_army(state)
    return events + _after_order(state)


def _halt(state: GameState, a, near: Hex, verb: str) -> Event:
    """The `spotted` event of a march cut short by an enemy (or city) it had not seen."""
    if verb == "meets":         # a zone of control: the hostile armies next to it
        foes = [x for h in hex_neighbors(near) for x in Q.armies_at(state, h)
                if Q.hostile(state, a.faction, x.faction)]
    else:                       # the army (of any side not friendly) standing in the way
        foes = [x for x in Q.armies_at(state, near) if not Q.friendly(state, a.faction, x.faction)]
    foes.sort(key=lambda x: x.id)
    if foes:
        what, where = foes[0].name, foes[0].hex
        data = Spotted(a.id, halted=True, enemy=foes[0].id)
    else:
        city = Q.city_at(state, near)
        what = city.name if city is not None else "the enemy"
        where = near
        data = Spotted(a.id, halted=True, city=city.id if city is not None else None)
    return Event("spotted", f"{a.name} {verb} {what} {Q.place_phrase(state, where)} and halts",
                 where, (a.faction,), data)


def _apply_attack(state: GameState, o: Attack) -> list[Event]:
    return combat.fight(state, state.armies[o.army], o.target) + _after_order(state)


def _apply_besiege(state: GameState, o: Besiege) -> list[Event]:
    a = state.armies[o.army]
    events = siege.begin(state, a, state.cities[o.city])
    return events + C.lift_sieges_without_army(state) + _after_order(state)


def _apply_assault(state: GameState, o: Assault) -> list[Event]:
    return siege.assault(state, state.armies[o.army], state.cities[o.city]) + _after_order(state)


def _apply_raise(state: GameState, o: Raise) -> list[Event]:
    c = state.cities[o.city]
    cost = economy.raise_cost(state, o.men)
    C.add_treasury(state, o.faction, -cost)
    state.raised[c.id] = state.raised.get(c.id, 0) + o.men
    here = sorted((x for x in Q.armies_at(state, c.hex) if x.faction == o.faction),
                  key=lambda x: x.id)
    if here:
        a = here[0]
        a.morale = (a.morale * a.men + Q.rules(state)["morale_base"] * o.men) // (a.men + o.men)
        a.men += o.men
    else:
        a = C.spawn_army(state, o.faction, c.hex, o.men, f"Levy of {c.name}")
    return [Event("raised", f"{o.men} men raised at {c.name} for {cost}", c.hex, (o.faction,),
                  MenOf(a.id, o.men, cost))]


def _apply_merge(state: GameState, o: Merge) -> list[Event]:
    a, b = state.armies[o.army], state.armies[o.into]
    total = a.men + b.men
    b.morale = (a.morale * a.men + b.morale * b.men) // total
    b.supply = (a.supply * a.men + b.supply * b.men) // total
    b.moves = min(a.moves, b.moves)
    b.may_strike = a.may_strike and b.may_strike
    b.men = total
    if b.commander is None and a.commander is not None:
        b.commander = a.commander
    del state.armies[a.id]
    return [Event("merged", f"{a.name} joins {b.name}", b.hex, (o.faction,),
                  Merged(a.id, b.id))]


def _apply_split(state: GameState, o: Split) -> list[Event]:
    a = state.armies[o.army]
    a.men -= o.men
    b = C.spawn_army(state, a.faction, a.hex, o.men, f"Detachment of {a.name}", None, a.morale)
    b.supply, b.moves, b.may_strike = a.supply, a.moves, a.may_strike
    return [Event("split", f"{o.men} men leave {a.name}", a.hex, (o.faction,),
                  SplitOff(a.id, b.id))]


def _apply_end(state: GameState, o: EndTurn) -> list[Event]:
    if o.plans:
        state.plans[o.faction] = o.plans
    else:
        state.plans.pop(o.faction, None)
    return turns.end_faction_turn(state)


def _apply_choose(state: GameState, o: Choose) -> list[Event]:
    return apply_choice(state, event_by_id(state, o.event), o.option) + check_events(state, "order")


def _apply_mix(state: GameState, o: MixDice) -> list[Event]:
    """The dice of the rest of the turn (and of what its end brings) hang on the mix.
    Reported as random, so undo can never go back before it."""
    state.dice_mix = o.mix
    return [Event("message", "The dice of this turn are cast", None, (o.faction,),
                  random=True)]


_APPLY = {Move: _apply_move, Attack: _apply_attack, Besiege: _apply_besiege,
          Assault: _apply_assault, Raise: _apply_raise, Merge: _apply_merge, Split: _apply_split,
          EndTurn: _apply_end, Choose: _apply_choose, MixDice: _apply_mix}


# --- what may be done --------------------------------------------------------------

def legal_orders(state: GameState, moves_per_army: int | None = None) -> list[Order]:
    """Every order the side to play may give now (moves limited per army if asked)."""
    if state.over:
        return []
    fid = state.active_faction
    pending = [p for p in state.pending if p.faction == fid]
    if pending:
        ev = event_by_id(state, pending[0].event)
        return [Choose(fid, ev.spec.id, c.id) for c, _ in ev.choices]
    out: list[Order] = []
    for a in sorted(Q.armies_of(state, fid), key=lambda x: x.id):
        if a.moves > 0:
            reach = M.reachable(state, a)
            dests = sorted((j for j in reach if j != Q.hexmap(state).index(a.hex)),
                           key=lambda j: (reach[j][0], j))
            if moves_per_army is not None:
                dests = dests[:moves_per_army]
            for j in dests:
                out.append(Move(fid, a.id, M.path_to(state, reach, Q.hexmap(state).hex_of(j))))
        if a.may_strike:
            for n in [a.hex, *hex_neighbors(a.hex)]:
                o = Attack(fid, a.id, n)
                if is_legal(state, o):
                    out.append(o)
        for n in [a.hex, *hex_neighbors(a.hex)]:
            c = Q.city_at(state, n)
            if c is not None and Q.hostile(state, fid, c.owner):
                for o in (Besiege(fid, a.id, c.id), Assault(fid, a.id, c.id)):
                    if is_legal(state, o):
                        out.append(o)
        for b in Q.armies_at(state, a.hex):
            if b.faction == fid and b.id > a.id:
                out.append(Merge(fid, a.id, b.id))
    for c in sorted(Q.cities_of(state, fid), key=lambda c: c.id):
        for men in (1000, economy.raise_limit(state) // 100 * 100):
            o = Raise(fid, c.id, men)
            if men >= 100 and is_legal(state, o):
                out.append(o)
    out.append(EndTurn(fid))
    return out
