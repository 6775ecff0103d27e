"""Words for the player: details of an army or city, hover notes, summaries.

Pure functions of the view, the state's public facts and the rules' own
helpers (odds, siege status, movement): no pygame.  Text is HTML-ish for
pygame_gui's text boxes where it says so, plain lines otherwise.

Every function here is given the viewer's View (or its `world`, the game as the
viewer knows it: game/session/view.py), never the full state.  Armies and cities
come from the View; from its world are read the map, names, dates, the rules,
commanders of armies it can see, and its own treasury.  A city the viewer does not see now
is described as it was last seen, and its siege without turns or food; the
odds of an attack are given only against a hex the viewer sees.
"""
from __future__ import annotations

import html

from game import calendar as cal
from game import terrain as T
from game.hexgrid import Hex, hex_distance
from game.rules import combat, economy, siege
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.report import Event
from game.rules.state import Army, City, GameState
from game.rules.traits import TRAITS


def esc(text) -> str:
    return html.escape(str(text), quote=False)


def n(x: int) -> str:
    return f"{x:,}"


def faction_name(state: GameState, fid: str | None) -> str:
    f = state.factions.get(fid) if fid else None
    return f.name if f else (fid or "nobody")


def date_text(state: GameState, year: int, month: int) -> str:
    """A past date as the game writes its own: "Spring 603" or "June 603"."""
    return cal.turn_name(year, month, state.months_per_turn)


def where(state: GameState, h: Hex) -> str:
    hm = state.scenario.map
    parts = []
    pid = hm.place_at.get(h)
    if pid:
        parts.append(hm.places[pid].name)
    region = hm.region_of(h)
    if region:
        parts.append(hm.region_names.get(region, region))
    parts.append(T.TERRAINS[hm.terrain_at(h)].name.lower())
    return ", ".join(parts)


# --- the side panel -------------------------------------------------------------

def turn_date(state: GameState, turn: int) -> str:
    """The date of a turn of this war, as the game writes it."""
    k = cal.turn_start(state.scenario.start, turn, state.months_per_turn)
    return date_text(state, *cal.year_month(k))


def seen_now(view, c: City) -> bool:
    return view.omniscient or view.sees(c.hex)


def last_seen(state: GameState, view, c: City) -> str:
    """'seen now', 'as last seen in Spring 603', or 'as known when the war began'."""
    if seen_now(view, c):
        return "seen now"
    turn = view.city_seen.get(c.id, 0)
    if turn <= 0:
        return "as known when the war began"
    return f"as last seen in {turn_date(state, turn)}"


def siege_words(state: GameState, view, c: City) -> str | None:
    """A city's siege as the viewer knows it (None if it knows of none)."""
    if c.siege is None:
        return None
    by = faction_name(state, c.siege.by)
    if not seen_now(view, c):
        return f"Besieged by {by} ({last_seen(state, view, c)})"
    st = siege.status(state, c)
    return (f"Besieged by {by} for {st['turns']} turn{'s' * (st['turns'] != 1)}; "
            f"food for {st['food']} more")


def army_html(view, a: Army, own: bool) -> str:
    state = view.world
    lines = [f"<font color='#e6c467'><b>{esc(a.name)}</b></font> "
             f"<i>({esc(faction_name(state, a.faction))})</i>",
             f"Men: <b>{n(a.men)}</b>   Morale: <b>{a.morale}</b>   Supply: <b>{a.supply}</b>"]
    if own:
        budget = M.move_budget(state, a)
        lines.append(f"Movement left: <b>{a.moves}</b> of {budget}")
    lines.append(f"At: {esc(where(state, a.hex))}")
    c = state.commanders.get(a.commander) if a.commander else None
    if c is not None and c.alive:
        lines.append(f"Commander: <b>{esc(c.name)}</b>")
        lines.append(f"   strategy {c.strategy}, tactics {c.tactics}, siegecraft {c.siege}, "
                     f"loyalty {c.loyalty}")
        for t in c.traits:
            lines.append(f"   <i>{esc(t.replace('_', ' '))}</i>: {esc(TRAITS.get(t, ''))}")
    else:
        lines.append("Commander: <i>none</i>")
    c = view.cities.get(state.scenario.city_at.get(a.hex))
    if c is not None and c.siege is not None and c.siege.by == a.faction:
        lines.append(f"Besieging <b>{esc(c.name)}</b>")
    return "<br>".join(lines)


def city_html(view, c: City, own: bool) -> str:
    state = view.world
    f = state.factions.get(c.owner)
    capital = f is not None and f.capital == c.id
    kind = "fortress" if c.kind == "fortress" else "city"
    tags = [t for t, on in (("capital", capital), ("port", c.port), ("holy city", c.holy)) if on]
    lines = [f"<font color='#e6c467'><b>{esc(c.name)}</b></font> <i>({kind} of "
             f"{esc(faction_name(state, c.owner))}{', ' + ', '.join(tags) if tags else ''})</i>",
             f"Walls: <b>{c.walls}</b> of {c.max_walls}   Garrison: <b>{n(c.garrison)}</b>",
             f"Income: <b>{c.income}</b> a month" + ("" if c.siege is None else
                                                      " <i>(none while besieged)</i>")]
    if not seen_now(view, c):
        words = last_seen(state, view, c)
        lines.append(f"<i>{esc(words[:1].upper() + words[1:])}</i>")
    words = siege_words(state, view, c)
    if words:
        lines.append(f"<font color='#e05a50'>{esc(words)}</font>")
    if own:
        left = economy.raise_limit(state) - state.raised.get(c.id, 0)
        lines.append(f"May raise {n(max(0, left))} more men this turn, "
                     f"{state.scenario.rules['raise_cost_per_1000']} per 1,000")
    lines.append(f"At: {esc(where(state, c.hex))}")
    return "<br>".join(lines)


def faction_tip(view, fid: str) -> str:
    state = view.world
    f = state.factions[fid]
    gross = economy.income(state, fid)
    cost = economy.upkeep(state, fid)
    return (f"{f.name}: treasury {n(f.treasury)}, income {n(gross)} and upkeep {n(cost)} a turn "
            f"(net {'+' if gross - cost >= 0 else ''}{n(gross - cost)}).  War-weariness "
            f"{f.war_weariness} of 100.  Men lost so far: {n(f.men_lost)}.")


# --- hovering the map ---------------------------------------------------------------

def hover_lines(view, h: Hex, selected: Army | None) -> list[str]:
    """Plain lines for the tooltip of hex h: what is there, and what an attack would mean."""
    state = view.world
    hm = state.scenario.map
    rules = state.scenario.rules
    first = where(state, h)
    lines = [first[:1].upper() + first[1:]]
    t = hm.terrain_at(h)
    if t not in T.WATER_IDS:
        cost = M.terrain_cost(rules, t, state.winter, h in hm.pass_at)
        if cost >= M.INF:
            lines.append("Impassable")
        else:
            extra = " (winter)" if state.winter and cost != M.terrain_cost(rules, t, False,
                                                                             h in hm.pass_at) else ""
            lines.append(f"Costs {cost} movement to enter{extra}")
    pid = hm.pass_at.get(h)
    if pid:
        closed = M.pass_closed(state, pid)
        lines.append(f"{hm.passes[pid].name}: {'closed' if closed else 'open'}")
    cid = state.scenario.city_at.get(h)
    city = view.cities.get(cid) if cid else None
    if city is not None:
        lines.append(f"{city.name}: {faction_name(state, city.owner)}, walls {city.walls}/"
                     f"{city.max_walls}, garrison {n(city.garrison)}")
        if not seen_now(view, city):
            lines.append(f"   {last_seen(state, view, city)}")
        words = siege_words(state, view, city)
        if words:
            lines.append(words)
    here = [a for a in view.armies.values() if a.hex == h]
    for a in here:
        lines.append(f"{a.name} ({faction_name(state, a.faction)}): {n(a.men)} men")
    if selected is not None and selected.hex != h:
        lines += _action_lines(state, view, h, selected, here, city)
    elif selected is not None and city is not None and city.siege is not None \
            and city.siege.by == selected.faction:
        lines += storm_lines(state, selected, city)
    return lines


def storm_lines(state: GameState, a: Army, city: City, head: str = "") -> list[str]:
    """The storm forecast, as the odds of a battle are shown: the chance to take the city,
    the losses each side should expect, and how long its food lasts."""
    f = siege.storm_forecast(state, a, city)
    first = head or f"Storm {city.name} (T)"
    out = [f"{first}: {f['take_percent']}% chance to take it"
           + ("" if a.may_strike or head else " (not this turn: the army has fought)"),
           f"   expected losses: you {n(f['attacker_loss'])} of {n(f['attacker_men'])}, "
           f"they {n(f['defender_loss'])} of {n(f['defender_men'])}",
           "   or wait: " + (f"food for {f['food']} more turn{'s' * (f['food'] != 1)}, then "
                             if f["food"] > 0 else "no food left: ")
           + f"{n(f['starve_per_turn'])} of the garrison starve each turn"]
    return out


def _action_lines(state, view, h, a: Army, here, city) -> list[str]:
    from game.rules.queries import hostile
    out = []
    enemies = [x for x in here if hostile(state, a.faction, x.faction)]
    if enemies and hex_distance(a.hex, h) == 1 and not (view.omniscient or view.sees(h)):
        out.append("Attack: what stands there is not seen clearly")
    elif enemies and hex_distance(a.hex, h) == 1:
        o = combat.odds(state, a, h)       # the hex is seen: nothing there is hidden
        out.append(f"Attack: {o['win_percent']}% chance to win"
                   + ("" if a.may_strike else " (it has already fought this turn)"))
        out.append(f"   you {n(o['attacker_men'])} men (strength {n(o['attacker_strength'])}) "
                   f"against {n(o['defender_men'])} (strength {n(o['defender_strength'])})")
    elif city is not None and hostile(state, a.faction, city.owner) and not enemies \
            and hex_distance(a.hex, h) == 1:
        st = siege.status(state, city)
        if city.walls == 0 or city.garrison == 0:
            out.append(f"{city.name} lies open: marching in takes it")
        else:
            out.append(f"Besiege {city.name}: walls {st['walls']}/{st['max_walls']}, garrison "
                       f"{n(st['garrison'])}, food for {st['food']} turns")
            if seen_now(view, city):
                out += storm_lines(state, a, city,
                                   "   a storm, once besieged, as things stand")[:2]
    elif city is not None and hostile(state, a.faction, city.owner) and city.walls > 0 \
            and city.garrison > 0 and hex_distance(a.hex, h) > 1:
        out.append(f"{city.name} is walled: no march goes in; stand next to it and "
                   "besiege it (B)")
    return out


def path_label(cost: int, moves: int, budget: int) -> tuple[str, bool]:
    """'cost 6, this turn' or 'cost 30, 3 turns' -> (label, reachable this turn)."""
    if cost <= moves:
        return f"{cost} of {moves} movement: this turn", True
    budget = max(1, budget)
    turns = 1 + -(-(cost - moves) // budget)
    return f"{cost} movement: {turns} turns", False


def after_march(view, a: Army, dest: Hex, cost: int) -> str:
    """What the army may still do once a march of this turn ends at dest, as its side
    knows the map: 'stops next to Army of Shahin: may attack', 'takes Edessa',
    'may besiege Dara', '4 movement left'."""
    state = view.world
    from game.rules.queries import hostile
    known = M.obstacles_known(state, a.faction)
    hm = state.scenario.map
    stops = hm.index(dest) in known.stop
    left = 0 if stops else a.moves - cost
    parts = []
    cid = state.scenario.city_at.get(dest)
    town = view.cities.get(cid) if cid else None
    if town is not None and hostile(state, a.faction, town.owner):
        parts.append(f"takes {town.name}")
    foes = sorted((x for x in view.armies.values() if hex_distance(x.hex, dest) == 1
                   and hostile(state, a.faction, x.faction)), key=lambda x: (-x.men, x.id))
    walls = sorted((c for c in view.cities.values() if hex_distance(c.hex, dest) == 1
                    and hostile(state, a.faction, c.owner) and c.walls > 0 and c.garrison > 0),
                   key=lambda c: c.id)
    if foes:
        parts.append(f"stops next to {foes[0].name}"
                     + (f" and {len(foes) - 1} more" if len(foes) > 1 else ""))
    verbs = (["attack"] if foes else []) + ([f"besiege {walls[0].name}"] if walls else [])
    if verbs:
        parts.append("may " + " or ".join(verbs) if a.may_strike
                     else "has fought this turn: no attack")
    if not foes:
        parts.append(f"{left} movement left" if left > 0 else "no movement left")
    return ", ".join(parts)


# --- what happened ------------------------------------------------------------------

HEADINGS = {
    "battle": "Battles", "assault": "Battles", "retreated": "Battles",
    "captured": "Cities", "siege_begun": "Sieges", "siege_progress": "Sieges",
    "siege_lifted": "Sieges", "fired": "Events", "chosen": "Events",
    "destroyed": "Armies", "commander_died": "Armies", "attrition": "Armies",
    "raised": "Armies", "income": "Treasury", "game_over": "The war", "reloaded": "The war",
}
ORDER = ["The war", "Events", "Battles", "Cities", "Sieges", "Armies", "Treasury"]


def concerns(e: Event, side: str | None, friends: frozenset | set = frozenset()) -> bool:
    """Whether an event is the side's business: public, its own, or (given its friends)
    an ally's, such as an ally taking a city."""
    return side is None or e.public or side in e.factions or bool(friends & set(e.factions))


def summary_lines(events: list[Event], side: str | None,
                  state: GameState | None = None) -> list[tuple[str, str]]:
    """(heading, text) for the notable events the side may know of, grouped in ORDER;
    with the state, its allies' deeds are among them and each battle or storm says who
    lost how many."""
    from game.rules import vision
    friends = vision.friends(state, side) if state is not None and side in state.factions \
        else set()
    rows = []
    for e in events:
        head = HEADINGS.get(e.kind)
        if head is None or not concerns(e, side, friends):
            continue
        if e.kind == "income" and side is not None and e.factions != (side,):
            continue
        text = e.text
        if e.kind in ("battle", "assault") and state is not None and losses(state, e):
            text += ". Lost: " + "; ".join(f"{name} {n(lost)} of {n(men)}"
                                            for name, men, lost in losses(state, e))
        rows.append((ORDER.index(head), len(rows), head, text))
    rows.sort()
    return [(h, t) for _, _, h, t in rows]


def losses(state: GameState, e: Event) -> list[tuple[str, int, int]]:
    """(side, men before, men lost) for the attacker and the defender of a battle event;
    empty for an event that does not carry them."""
    d = e.data
    if e.kind not in ("battle", "assault") or "attacker_lost" not in d:
        return []
    att = d.get("attacker_faction")
    others = [f for f in e.factions if f != att]
    return [(faction_name(state, att), d["attacker_men"], d["attacker_lost"]),
            (" and ".join(faction_name(state, f) for f in others) or "the defenders",
             d["defender_men"], d["defender_lost"])]


def casualty_report(state: GameState, e: Event, after: list[Event]) -> tuple[str, str]:
    """The title and text of the report after a battle or a storm: who fought with how
    many, who lost how many, who won (or whether the walls fell), and what followed
    (retreats, armies lost, commanders fallen, the city taken)."""
    (att, men_a, lost_a), (dfn, men_d, lost_d) = losses(state, e)
    storm = e.kind == "assault"

    def share(lost, men):
        return f"{lost * 100 // max(1, men)}%"
    winner = e.data.get("winner")
    lines = [f"{att} {'stormed' if storm else 'attacked'} with {n(men_a)} men and lost "
             f"{n(lost_a)} ({share(lost_a, men_a)}).",
             f"{dfn} {'held the walls' if storm else 'stood'} with {n(men_d)} men and lost "
             f"{n(lost_d)} ({share(lost_d, men_d)}).",
             ("The walls are taken." if e.data.get("won") else "The walls hold.") if storm
             else f"{faction_name(state, winner)} {Q.agree(state, winner, 'wins', 'win')} "
                  "the field." if winner in state.factions else ""]
    lines += [x.text + "." for x in after
              if x.kind in ("retreated", "destroyed", "commander_died", "captured")]
    if storm:
        city = state.scenario.city_at.get(e.at) if e.at is not None else None
        name = state.cities[city].name if city in state.cities else ""
        return (f"Storm of {name}: the losses" if name else "The losses of the storm",
                "\n".join(x for x in lines if x))
    place = Q.place_phrase(state, e.at) if e.at is not None else ""
    return (f"Battle {place}: the losses" if place else "The losses of the battle",
            "\n".join(x for x in lines if x))


LOG_KINDS = {"battle", "assault", "captured", "siege_begun", "fired", "chosen", "destroyed",
             "commander_died", "game_over", "reloaded"}


def log_line(state: GameState, e: Event) -> str | None:
    if e.kind not in LOG_KINDS:
        return None
    if e.kind == "siege_progress" and "surrenders" not in e.text:
        return None
    return f"{event_date(state, e)}: {e.text}"


def event_date(state: GameState, e: Event) -> str:
    """The date of the turn in which it happened (not the turn it is now read in)."""
    return date_text(state, e.when[1], e.when[2]) if e.when else state.date_text()


def left_to_move_text(names: list[str]) -> str:
    """The question before ending a turn with armies that could still march."""
    shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
    n = len(names)
    return (f"{'One army' if n == 1 else f'{n} armies'} could still march this turn: {shown}."
            "\n\nEnd the turn anyway?  (Tab selects the next army that can move or strike; "
            "this question can be turned off in the settings.)")
