"""Money and men: income, tribute, upkeep, raising troops, war-weariness.

Income and upkeep are stated per month and multiplied by the months in a
turn, so seasonal and monthly scenarios keep the same economy.
"""
from __future__ import annotations

from game.rules import changes as C
from game.rules import queries as Q
from game.rules.event_data import Income
from game.rules.report import Event
from game.rules.state import GameState


def income(state: GameState, faction: str) -> int:
    """Gross income of one turn: cities not under siege, lands off the map, tribute."""
    f = state.factions[faction]
    monthly = f.income + sum(c.income for c in state.cities.values()
                             if c.owner == faction and c.siege is None)
    for key, rel in state.relations.items():
        if rel.status == "tribute" and rel.payer is not None:
            a, b = key.split("|")
            if faction in (a, b):
                other = b if faction == a else a
                if rel.payer == faction:
                    monthly -= rel.amount
                elif rel.payer == other:
                    monthly += rel.amount
    return monthly * state.months_per_turn


def upkeep(state: GameState, faction: str) -> int:
    r = Q.rules(state)
    men = Q.total_men(state, faction)
    garrison = sum(c.garrison for c in state.cities.values() if c.owner == faction)
    monthly = men * r["upkeep_per_1000"] // 1000 + garrison * r["garrison_upkeep_per_1000"] // 2000
    return monthly * state.months_per_turn


def raise_cost(state: GameState, men: int) -> int:
    return (men * Q.rules(state)["raise_cost_per_1000"] + 999) // 1000


def raise_limit(state: GameState) -> int:
    return Q.rules(state)["raise_max_per_month"] * state.months_per_turn


def end_of_round(state: GameState) -> list[Event]:
    """Collect income and pay upkeep for every faction in play."""
    r = Q.rules(state)
    events: list[Event] = []
    for fid in state.order:
        f = state.factions[fid]
        if not f.in_play:
            continue
        gross, cost = income(state, fid), upkeep(state, fid)
        net = gross - cost
        if f.treasury + net >= 0:
            f.treasury += net
            events.append(Event("income", f"{f.name}: income {gross:,}, upkeep {cost:,}", None,
                                (fid,), Income(gross, cost, net)))
            continue
        f.treasury = 0
        events.append(Event("income", f"{f.name} cannot pay its troops: morale falls and men "
                                      "desert", None, (fid,),
                            Income(gross, cost, net, unpaid=True)))
        for a in sorted(Q.armies_of(state, fid), key=lambda a: a.id):
            a.morale = C.clamp(a.morale - r["unpaid_morale"], 0, 100)
            pct = r["unpaid_desertion"]
            c = Q.commander_of(state, a)
            if c is not None and c.loyalty < r["disloyal_below"]:
                pct = min(100, pct * r["disloyal_desertion"] // 100)
            events += C.lose_men(state, a, a.men * pct // 100)
    return events


def new_year(state: GameState) -> None:
    """Yearly changes to war-weariness and walls, at the first turn of spring (March).

    War-weariness grows each year at war, falls each year at peace, and falls
    more than it grows in a quiet year of war (few men lost since last spring)."""
    r = Q.rules(state)
    for fid, f in state.factions.items():
        if not f.in_play:
            continue
        at_war = any(Q.hostile(state, fid, other) for other in state.factions
                     if other != fid and state.factions[other].in_play)
        lost = f.men_lost - f.lost_by_last_year
        f.lost_by_last_year = f.men_lost
        if at_war:
            C.add_weariness(state, fid, r["weariness_yearly"])
            if lost < r["weariness_quiet_men"]:
                # a quiet year: few dead, and the war feels further away
                C.add_weariness(state, fid, -r["weariness_quiet_recovery"])
        else:
            C.add_weariness(state, fid, -r["weariness_peace_recovery"])
        ruler = state.commanders.get(f.ruler) if f.ruler else None
        if ruler is not None and "tyrant" in ruler.traits:
            C.add_weariness(state, fid, r["weariness_tyrant"])
    for c in state.cities.values():
        if c.siege is None and c.walls < c.max_walls:
            c.walls += 1
