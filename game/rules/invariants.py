"""What must be true of every game state, whatever orders led to it.

`check_invariants(state)` returns one line per broken promise (an empty list
when all hold).  The order fuzz tests run it after every order, the soak
(`python -m game.soak`) after every turn, and anyone may call it while
debugging the rules or the computer player.  It only reads the state.
"""
from __future__ import annotations

from game import terrain as T
from game.rules import queries as Q
from game.rules.movement import INF, terrain_cost
from game.rules.state import GameState


def check_invariants(state: GameState) -> list[str]:
    """Every broken invariant of the state, as readable lines."""
    out: list[str] = []
    scn = state.scenario
    hm = scn.map
    factions = state.factions
    known = {f.id for f in scn.spec.factions}

    if set(factions) != known:
        out.append(f"the factions {sorted(factions)} are not the scenario's {sorted(known)}")
    if not state.order or not 0 <= state.active < len(state.order):
        out.append(f"the side to play ({state.active}) is not in the turn order")
    elif not state.over and not factions[state.active_faction].in_play:
        out.append(f"{state.active_faction} is to play but is not in the war")

    for f in factions.values():
        if f.treasury < 0:
            out.append(f"{f.id} has a negative treasury ({f.treasury})")
        if not 0 <= f.war_weariness <= 100:
            out.append(f"{f.id} has war-weariness {f.war_weariness} outside 0-100")
        if f.income < 0:
            out.append(f"{f.id} has a negative income ({f.income})")

    # armies: where they stand, how many they are, who leads them
    by_hex: dict = {}
    led: dict[str, str] = {}
    for a in state.armies.values():
        if a.faction not in factions:
            out.append(f"army {a.id} serves an unknown faction {a.faction!r}")
            continue
        if a.men <= 0:
            out.append(f"army {a.id} has {a.men} men")
        if not 0 <= a.morale <= 100 or not 0 <= a.supply <= 100:
            out.append(f"army {a.id} has morale {a.morale} / supply {a.supply} outside 0-100")
        if a.moves < 0:
            out.append(f"army {a.id} has negative movement ({a.moves})")
        if not hm.contains(a.hex):
            out.append(f"army {a.id} is off the map at {a.hex}")
            continue
        t = hm.terrain_at(a.hex)
        if t == T.LAKE:
            out.append(f"army {a.id} stands on a lake at {a.hex}")
        elif t == T.SEA and not factions[a.faction].navy:
            out.append(f"army {a.id} of {a.faction}, which has no fleet, is at sea at {a.hex}")
        elif t != T.SEA and terrain_cost(scn.rules, t, False, a.hex in hm.pass_at) >= INF:
            out.append(f"army {a.id} stands on impassable {T.TERRAINS[t].key} at {a.hex}")
        for b in by_hex.get(a.hex, ()):
            if Q.hostile(state, a.faction, b.faction):
                out.append(f"hostile armies {b.id} ({b.faction}) and {a.id} ({a.faction}) share "
                           f"hex {a.hex}")
        by_hex.setdefault(a.hex, []).append(a)
        if a.commander is not None:
            if a.commander not in state.commanders:
                out.append(f"army {a.id} is led by an unknown commander {a.commander!r}")
            elif a.commander in led:
                out.append(f"commander {a.commander} leads both {led[a.commander]} and {a.id}")
            led[a.commander] = a.id

    # cities: one owner each, from the scenario's factions, where the scenario put them
    for c in state.cities.values():
        if c.owner not in factions:
            out.append(f"city {c.id} is owned by {c.owner!r}, not a faction of the scenario")
        if scn.city_at.get(c.hex) != c.id:
            out.append(f"city {c.id} is not where the scenario put it ({c.hex})")
        if c.garrison < 0:
            out.append(f"city {c.id} has a negative garrison ({c.garrison})")
        if not 0 <= c.walls <= c.max_walls <= 5:
            out.append(f"city {c.id} has walls {c.walls} of {c.max_walls}")
        if c.siege is not None:
            if c.siege.by not in factions:
                out.append(f"city {c.id} is besieged by an unknown faction {c.siege.by!r}")
            elif c.siege.by == c.owner:
                out.append(f"city {c.id} is besieged by its own owner")
            if c.siege.food < 0 or c.siege.turns < 0:
                out.append(f"the siege of {c.id} has food {c.siege.food}, turns {c.siege.turns}")
    if set(scn.city_at.values()) != set(state.cities):
        out.append("the cities in play differ from the scenario's")

    for p in state.pending:
        if p.faction not in factions or not any(e.spec.id == p.event for e in scn.events):
            out.append(f"a pending choice names an unknown event or faction: {p}")
    if state.over and state.winner is not None and state.winner not in factions:
        out.append(f"the winner {state.winner!r} is not a faction of the scenario")
    return out
