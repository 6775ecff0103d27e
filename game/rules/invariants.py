"""What must be true of every game state, whatever orders led to it.

Two steps, each check written once:

- `references(state)`: everything the state names exists and fits its
  scenario (factions, the turn order, commanders, armies on the map, the
  scenario's cities where it put them, relations, straits, passes, events,
  the winner, each side's memory).  The other checks, and the rules, take
  these for granted.
- `invariants(state)`: what the rules keep true (no negative treasury,
  morale and supply in 0-100, no hostile armies sharing a hex (but the
  besiegers of a city and the armies shut in it), no army at
  sea without a fleet, one army per commander, walls within bounds...).

`check_invariants(state)` runs both (the second only when the first finds
nothing) and returns one line per broken promise, an empty list when all
hold.  The order fuzz tests run it after every order, the soak (`python -m
game.soak`) after every turn; loading a save runs the two steps once each
(game.session.save), and anyone may call them while debugging the rules or
the computer player.  They only read the state.
"""
from __future__ import annotations

from game import calendar as cal
from game import terrain as T
from game.rules import queries as Q
from game.rules import vision
from game.rules.movement import INF, terrain_cost
from game.rules.state import GameState

STATUSES = ("war", "peace", "alliance", "tribute")


def check_invariants(state: GameState) -> list[str]:
    """Every broken promise of the state, as readable lines."""
    return references(state) or invariants(state)


def references(state: GameState) -> list[str]:
    """What the state names that does not exist or does not fit its scenario."""
    out: list[str] = []
    scn = state.scenario
    hm = scn.map
    factions = state.factions
    known = {f.id for f in scn.spec.factions}
    event_ids = {e.spec.id for e in scn.events}
    if state.scenario_id != scn.id:
        out.append(f"it is a game of {state.scenario_id!r}, not {scn.id!r}")
    if set(factions) != known or any(k != f.id for k, f in factions.items()):
        out.append(f"the factions {sorted(factions)} are not the scenario's {sorted(known)}")
    if sorted(state.order) != sorted(factions):
        out.append("the turn order does not list each faction once")
    if not 0 <= state.active < max(1, len(state.order)):
        out.append(f"the side to play ({state.active}) is not in the turn order")
    if not cal.is_month(state.month) or state.months_per_turn not in cal.TURN_LENGTHS or (
            state.turn < 1):
        out.append("the date is impossible")
    for f in factions.values():
        if f.capital is not None and f.capital not in state.cities:
            out.append(f"faction {f.id!r} has an unknown capital")
        if f.ruler is not None and f.ruler not in state.commanders:
            out.append(f"faction {f.id!r} has an unknown ruler")
    for k, c in state.commanders.items():
        if k != c.id or c.faction not in factions:
            out.append(f"commander {k!r} is damaged")
    for k, a in state.armies.items():
        if k != a.id or a.faction not in factions:
            out.append(f"army {k!r} is damaged or serves an unknown faction {a.faction!r}")
        if not hm.contains(a.hex):
            out.append(f"army {k} is off the map at {a.hex}")
        if a.commander is not None and a.commander not in state.commanders:
            out.append(f"army {k} is led by an unknown commander {a.commander!r}")
    if set(scn.city_at.values()) != set(state.cities):
        out.append("the cities in play differ from the scenario's")
    for k, c in state.cities.items():
        if k != c.id:
            out.append(f"city {k!r} is damaged")
        if c.owner not in factions:
            out.append(f"city {k} is owned by {c.owner!r}, not a faction of the scenario")
        if scn.city_at.get(c.hex) != c.id:
            out.append(f"city {k} is not where the scenario put it ({c.hex})")
        if c.siege is not None and c.siege.by not in factions:
            out.append(f"city {k} is besieged by an unknown faction {c.siege.by!r}")
    for k, r in state.relations.items():
        a, _, b = k.partition("|")
        if a not in factions or b not in factions or a >= b or r.status not in STATUSES or (
                r.payer not in (None, a, b)):
            out.append(f"the relation {k!r} is damaged")
    straits = set(hm.strait_of_edge.values())
    for s, fs in state.strait_open.items():
        if s not in straits or any(f not in factions for f in fs):
            out.append(f"the strait {s!r} is damaged")
    for pid, v in state.pass_override.items():
        if pid not in hm.passes or v not in ("open", "closed"):
            out.append(f"the pass {pid!r} is damaged")
    for p in state.pending:
        if p.faction not in factions or p.event not in event_ids:
            out.append(f"a pending choice names an unknown event or faction: {p}")
    if any(e not in event_ids for e in state.fired) or any(
            e.event not in event_ids for e in state.log):
        out.append("the record of fired events names unknown events")
    if state.winner is not None and state.winner not in factions:
        out.append(f"the winner {state.winner!r} is not a faction of the scenario")
    if not out:
        out += vision.check_memory(state)
    return out


def invariants(state: GameState) -> list[str]:
    """What the rules keep true of a state whose references hold (see `references`)."""
    out: list[str] = []
    scn = state.scenario
    hm = scn.map
    factions = state.factions
    if not state.over and not factions[state.active_faction].in_play:
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
        if a.men <= 0:
            out.append(f"army {a.id} has {a.men} men")
        if not 0 <= a.morale <= 100 or not 0 <= a.supply <= 100:
            out.append(f"army {a.id} has morale {a.morale} / supply {a.supply} outside 0-100")
        if a.moves < 0:
            out.append(f"army {a.id} has negative movement ({a.moves})")
        t = hm.terrain_at(a.hex)
        if t == T.LAKE:
            out.append(f"army {a.id} stands on a lake at {a.hex}")
        elif t == T.SEA and not factions[a.faction].navy:
            out.append(f"army {a.id} of {a.faction}, which has no fleet, is at sea at {a.hex}")
        elif t != T.SEA and terrain_cost(scn.rules, t, False, a.hex in hm.pass_at) >= INF:
            out.append(f"army {a.id} stands on impassable {T.TERRAINS[t].key} at {a.hex}")
        for b in by_hex.get(a.hex, ()):
            if Q.hostile(state, a.faction, b.faction) and not Q.besieged_together(state, a, b):
                out.append(f"hostile armies {b.id} ({b.faction}) and {a.id} ({a.faction}) share "
                           f"hex {a.hex}")
        by_hex.setdefault(a.hex, []).append(a)
        if a.commander is not None:
            if a.commander in led:
                out.append(f"commander {a.commander} leads both {led[a.commander]} and {a.id}")
            led[a.commander] = a.id

    # cities: garrisons, walls and sieges within what the rules allow
    for c in state.cities.values():
        if c.garrison < 0:
            out.append(f"city {c.id} has a negative garrison ({c.garrison})")
        if not 0 <= c.walls <= c.max_walls <= 5:
            out.append(f"city {c.id} has walls {c.walls} of {c.max_walls}")
        if c.siege is not None:
            if c.siege.by == c.owner:
                out.append(f"city {c.id} is besieged by its own owner")
            if c.siege.food < 0 or c.siege.turns < 0:
                out.append(f"the siege of {c.id} has food {c.siege.food}, turns {c.siege.turns}")
    return out

