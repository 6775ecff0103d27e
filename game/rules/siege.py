"""Sieges: investing a walled city, its slow fall, and storming it.

A siege lasts while an army of the besieger stands on the city's hex.  Each
turn it lasts, the city eats into its food and the besiegers may knock a
level off the walls (more likely under a good siege commander).  When the
food is gone the garrison starves; when the garrison is gone the city
falls.  An assault is quicker and bloodier: a battle against the garrison
behind its walls.

An army of the city's side standing in it is shut in with the garrison: it
eats the same food (so the food lasts fewer turns), starves with the garrison
once the food is gone, may sally against the besiegers, march out, or help
beat off a storm; if the city falls it falls with it.
"""
from __future__ import annotations

from game.rules import changes as C
from game.rules import combat
from game.rules import queries as Q
from game.rules.event_data import OfSiege, SiegeProgress, Stormed
from game.rules.report import Event
from game.rules.state import Army, City, GameState, Siege


def food_turns(state: GameState) -> int:
    r = Q.rules(state)
    return r["siege_food_season"] if state.months_per_turn == 3 else r["siege_food_month"]


def food_with(state: GameState, city: City, shut_in: int) -> int:
    """Turns of food the city holds when `shut_in` men of armies stand in it besides
    the garrison: more mouths eat it sooner (counted up to `siege_mouths_max`)."""
    base = food_turns(state)
    if shut_in <= 0 or city.garrison <= 0:
        return base
    mouths = min(Q.rules(state)["siege_mouths_max"],
                 100 * (city.garrison + shut_in) // city.garrison)
    return max(1, base * 100 // mouths)


def begin(state: GameState, army: Army, city: City) -> list[Event]:
    army.hex = city.hex
    army.moves = 0
    army.may_strike = False
    shut_in = _defenders(state, city)
    if not shut_in and (city.walls == 0 or city.garrison == 0):
        return C.capture_city(state, city, army.faction, army)
    if city.siege is None or city.siege.by != army.faction:
        city.siege = Siege(army.faction, 0,
                           food_with(state, city, sum(a.men for a in shut_in)))
    return [Event("siege_begun", f"{army.name} lays siege to {city.name}", city.hex,
                  (army.faction, city.owner), OfSiege(city.id, army.id))]


def _defenders(state: GameState, city: City) -> list[Army]:
    return [a for a in Q.armies_at(state, city.hex)
            if a.faction == city.owner or Q.friendly(state, a.faction, city.owner)]


def assault_strengths(state: GameState, army: Army, city: City,
                      defenders: list[Army] | None = None) -> tuple[int, int]:
    """(stormers, defenders) strength before the random factors.

    `defenders` are the armies standing in the city (default: those in the
    state; a player estimating a storm passes the ones it knows of).
    """
    r = Q.rules(state)
    c = Q.commander_of(state, army)
    siege_skill = c.siege if c else r["siege_skill_leaderless"]
    att = army.men * combat.army_quality(state, army, True) // 100
    att = att * (100 + r["assault_per_siege_point"] * (siege_skill - r["rating_average"])) // 100
    return att, assault_defence(state, city, defenders)


def assault_defence(state: GameState, city: City, defenders: list[Army] | None = None) -> int:
    """The defenders' side of `assault_strengths`: the garrison and the armies in the city
    (`defenders` as there) behind its walls; it does not depend on who storms."""
    if defenders is None:
        defenders = _defenders(state, city)
    d_men = city.garrison + sum(a.men * combat.army_quality(state, a, False) // 100
                                for a in defenders)
    return d_men * (100 + city.walls * Q.rules(state)["assault_wall_percent"]) // 100


def assault_odds(state: GameState, army: Army, city: City) -> dict:
    """What a player is shown before storming: both strengths and the chance to win."""
    att, dfn = assault_strengths(state, army, city)
    return {"attacker_strength": att, "defender_strength": dfn,
            "win_percent": combat.win_chance(state, att, dfn)}


def _repulse_range(state: GameState) -> tuple[int, int]:
    """Fewest and most of the garrison lost beating off a storm, percent (uniform)."""
    r = Q.rules(state)
    return r["assault_repulse_min"], r["assault_repulse_max"]


def _stormers_lost(state: GameState, men: int, roll: int, won: bool) -> int:
    """Men the stormers lose for a loss roll (a percent), before an army breaks."""
    pct = roll + Q.rules(state)["assault_extra_loss"]
    if won:
        pct = pct // 2
    return men * pct // 100


def _repulse_lost(garrison: int, roll: int) -> int:
    """Men of the garrison lost beating off a storm, for a roll in `_repulse_range`."""
    return garrison * roll // 100


def storm_forecast(state: GameState, army: Army, city: City,
                   defenders: list[Army] | None = None) -> dict:
    """What storming `city` with `army` now would bring, worked out exactly from the
    storm's own rule (`assault`), over every roll it could make, without touching the
    game's generator or anything else in the state.

    take_percent: the chance the city falls to the storm (the stormers win and are not
    broken by their losses); attacker_loss / defender_loss: the men each side should
    expect to lose (a broken army counted whole; the armies in a fallen city too);
    food: turns of food the city has left (0: it starves, losing starve_per_turn men a
    turn).  `defenders` as for `assault_strengths`.
    """
    r = Q.rules(state)
    att, dfn = assault_strengths(state, army, city, defenders)
    if defenders is None:
        defenders = _defenders(state, city)
    wins, pairs = combat.win_pairs(state, att, dfn)
    least = r["min_army_men"]
    rolls = range(r["loss_loser_min"], r["loss_loser_max"] + 1)

    def stormers(won: bool) -> tuple[float, float]:
        """Expected men lost and the chance of breaking, for a won or a failed storm."""
        lost, broken = 0, 0
        for k in rolls:
            n = min(_stormers_lost(state, army.men, k, won), army.men)
            if army.men - n < least:
                n, broken = army.men, broken + 1
            lost += n
        return lost / len(rolls), broken / len(rolls)
    p_win = wins / pairs
    lost_won, broken_won = stormers(True)
    lost_failed, _ = stormers(False)
    lo, hi = _repulse_range(state)
    repulse = [_repulse_lost(city.garrison, k) for k in range(lo, hi + 1)]
    fallen = city.garrison + sum(a.men for a in defenders)
    food = (city.siege.food if city.siege is not None
            else food_with(state, city, sum(a.men for a in defenders)))
    return {"attacker_strength": att, "defender_strength": dfn,
            "win_percent": combat.win_chance(state, att, dfn),
            "take_percent": round(100 * p_win * (1 - broken_won)),
            "attacker_loss": round(p_win * lost_won + (1 - p_win) * lost_failed),
            "defender_loss": round(p_win * fallen + (1 - p_win) * sum(repulse) / len(repulse)),
            "attacker_men": army.men, "defender_men": fallen,
            "food": food, "starve_per_turn": starve_per_turn(state, city)}


def starve_per_turn(state: GameState, city: City) -> int:
    """Men of the garrison that starve each turn once the food is gone."""
    r = Q.rules(state)
    return min(city.garrison, max(1, city.garrison * r["siege_starve_percent"] // 100))


def assault(state: GameState, army: Army, city: City) -> list[Event]:
    """Storm the walls: the garrison fights with every level of walls behind it."""
    r = Q.rules(state)
    rng = state.rng
    att, dfn = assault_strengths(state, army, city)
    defenders = _defenders(state, city)
    roll_a = rng.randint(r["battle_roll_min"], r["battle_roll_max"])
    roll_d = rng.randint(r["battle_roll_min"], r["battle_roll_max"])
    won = att * roll_a > dfn * roll_d
    army.moves = 0
    army.may_strike = False
    loss_roll = rng.randint(r["loss_loser_min"], r["loss_loser_max"])
    men_before = army.men
    text = (f"{army.name} storms {city.name}: "
            f"{'the walls are taken' if won else 'the assault fails'}")
    told = (army.faction, city.owner)
    garrison = city.garrison
    lost = C.clamp(_stormers_lost(state, men_before, loss_roll, won), 0, men_before)
    holding = city.garrison + sum(a.men for a in defenders)
    events = C.lose_men(state, army, lost)
    if won:
        defender_lost = holding
        C.record_losses(state, city.owner, city.garrison)
        city.garrison = 0
        for a in defenders:
            events += C.remove_army(state, a, f"is destroyed in the fall of {city.name}")
        if army.id in state.armies:
            events += C.capture_city(state, city, army.faction, army)
        else:
            city.siege = None
    else:
        army.morale = C.clamp(army.morale - r["morale_loss"], 0, 100)
        defender_lost = loss = _repulse_lost(city.garrison, rng.randint(*_repulse_range(state)))
        city.garrison -= loss
        C.record_losses(state, city.owner, loss)
        events += C.lift_sieges_without_army(state)
    # the report first, with the figures of the casualty report (what the storm cost each side)
    figures = Stormed(army.faction, men_before, lost, holding, defender_lost, city=city.id,
                      army=army.id, won=won, garrison=garrison)
    return [Event("assault", text, city.hex, told, figures, random=True)] + events


def progress(state: GameState, faction: str) -> list[Event]:
    """Advance every siege `faction` is conducting by one turn (at the end of its turn)."""
    r = Q.rules(state)
    events: list[Event] = C.lift_sieges_without_army(state)
    for city in sorted(state.cities.values(), key=lambda c: c.id):
        s = city.siege
        if s is None or s.by != faction:
            continue
        besiegers = [a for a in Q.armies_at(state, city.hex) if a.faction == faction]
        s.turns += 1
        best = max((Q.commander_of(state, a) for a in besiegers),
                   key=lambda c: c.siege if c else 0, default=None)
        chance = r["siege_breach_percent"] + r["siege_breach_per_point"] * (
            (best.siege if best else r["siege_skill_leaderless"]) - r["rating_average"])
        if best is not None and "siege_engineer" in best.traits:
            chance += r["trait_siege_engineer"]
        note = []
        if city.walls > 0 and state.rng.percent(chance):
            city.walls -= 1
            note.append("a breach in the walls")
        if s.food > 0:
            s.food -= 1
            if s.food == 0:
                note.append("the food runs out")
        else:
            starved = starve_per_turn(state, city)
            city.garrison -= starved
            C.record_losses(state, city.owner, starved)
            note.append(f"{starved} of the garrison starve")
            shut_in = _defenders(state, city)
            if shut_in:
                hungry = [max(1, a.men * r["siege_starve_percent"] // 100) for a in shut_in]
                note.append(f"{sum(hungry)} men of the armies inside starve")
                for a, n in zip(shut_in, hungry):
                    events += C.lose_men(state, a, n)
        if city.garrison < r["min_army_men"] // 2:
            city.garrison = 0
            events.append(Event("siege_progress", f"{city.name} surrenders after {s.turns} "
                                                  "turns of siege", city.hex,
                                (faction, city.owner), SiegeProgress(city.id), random=True))
            for a in _defenders(state, city):
                events += C.remove_army(state, a, f"is destroyed in the fall of {city.name}")
            events += C.capture_city(state, city, faction, besiegers[0] if besiegers else None)
        else:
            text = f"The siege of {city.name} goes on" + (": " + ", ".join(note) if note else "")
            events.append(Event("siege_progress", text, city.hex, (faction, city.owner),
                                SiegeProgress(city.id, city.walls, s.food, city.garrison,
                                              s.turns), random=True))
    return events


def status(state: GameState, city: City) -> dict:
    """What a player is shown when hovering a besieged (or besiegeable) city."""
    s = city.siege
    return {"city": city.id, "walls": city.walls, "max_walls": city.max_walls,
            "garrison": city.garrison, "besieged_by": s.by if s else None,
            "turns": s.turns if s else 0, "food": s.food if s else food_turns(state)}
