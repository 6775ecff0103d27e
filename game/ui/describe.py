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
import re

from game import calendar as cal
from game import terrain as T
from game.hexgrid import Hex, hex_distance
from game.rules import combat, economy, siege
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.orders import Refused
from game.rules.report import Event
from game.rules.state import Army, City, GameState
from game.rules.traits import TRAITS
from game.i18n import N_, Named, _, ngettext, number, pgettext
from game.scenario.lang import text as scenario_text


def esc(text) -> str:
    return html.escape(str(text), quote=False)


def n(x: int) -> str:
    return number(x)


def faction_name(state: GameState, fid: str | None) -> str:
    f = state.factions.get(fid) if fid else None
    if f is None:
        return fid or _("nobody")
    return scenario_text(state.scenario, f"factions.{fid}.name", f.name)


def place_name(state: GameState, pid: str, english: str) -> str:
    """A place's name in the language in use (a city of the scenario or a place of its map)."""
    scn = state.scenario
    if any(c.id == pid and c.name for c in scn.spec.cities):
        return scenario_text(scn, f"cities.{pid}.name", english)
    return scenario_text(scn, f"places.{pid}.name", english)


def place_phrase(state: GameState, h: Hex, prep: str = "at") -> str:
    """queries.place_phrase in the language in use: 'at Dara', 'near Tiflis', 'in Armenia'."""
    how, english, key = Q.where(state, h)
    section, _dot, ident = (key or "").partition(".")
    name = (place_name(state, ident, english) if section in ("cities", "places") else
            scenario_text(state.scenario, f"{key}.name", english) if key else None)
    if how == "at" and prep == "to":
        return _("to {place}").format(place=name)
    # TRANSLATORS: the context says what the place is (a city, a fortress, a named spot
    # of the map), for a language that words "at" and "near" differently for each.
    c = state.cities.get(ident) if section == "cities" else None
    if how == "at":
        line = (pgettext("place", "at {place}") if c is None else
                pgettext("fortress", "at {place}") if c.kind == "fortress" else
                pgettext("city", "at {place}"))
        return line.format(place=name)
    if how == "near":
        line = (pgettext("place", "near {place}") if c is None else
                pgettext("fortress", "near {place}") if c.kind == "fortress" else
                pgettext("city", "near {place}"))
        return line.format(place=name)
    if how == "in":
        return (_("into {region}") if prep == "to" else _("in {region}")).format(region=name)
    return _("in open country") if how == "open" else _("off the map")


def pass_name(state: GameState, pid: str) -> str:
    return scenario_text(state.scenario, f"passes.{pid}.name",
                         state.scenario.map.passes[pid].name)


def commander_name(state: GameState, cid: str, english: str) -> str:
    return scenario_text(state.scenario, f"commanders.{cid}.name", english)


TERRAIN_NAMES = {"sea": N_("sea"), "lake": N_("lake"), "plain": N_("plain"),
                 "farmland": N_("farmland"), "hills": N_("hills"), "mountains": N_("mountains"),
                 "peaks": N_("high peaks (impassable)"), "forest": N_("forest"),
                 "marsh": N_("marsh"), "desert": N_("desert"), "steppe": N_("steppe")}


def terrain_name(tid) -> str:
    kind = T.TERRAINS[tid]
    return _(TERRAIN_NAMES[kind.key]) if kind.key in TERRAIN_NAMES else kind.name.lower()


SEASON_NAMES = {"spring": N_("Spring {year}"), "summer": N_("Summer {year}"),
                "autumn": N_("Autumn {year}"), "winter": N_("Winter {year}")}
MONTH_DATES = (N_("January {year}"), N_("February {year}"), N_("March {year}"),
               N_("April {year}"), N_("May {year}"), N_("June {year}"), N_("July {year}"),
               N_("August {year}"), N_("September {year}"), N_("October {year}"),
               N_("November {year}"), N_("December {year}"))


def date_text(state: GameState, year: int, month: int) -> str:
    """A past date as the game writes its own: "Spring 603" or "June 603" (in the
    language in use)."""
    if state.months_per_turn == 3:
        return _(SEASON_NAMES[cal.season_of(month)]).format(year=year)
    return _(MONTH_DATES[month - 1]).format(year=year)


LEVEL_NAMES = {"easy": N_("easy"), "normal": N_("normal"), "hard": N_("hard")}


def level_text(level: str) -> str:
    """A difficulty's name in the language in use."""
    return _(LEVEL_NAMES[level]) if level in LEVEL_NAMES else level


def level_description(level: str) -> str:
    """What a difficulty level does, and that it gets no bonus, in the language in use (the
    text is the computer's own, game.ai.describe_level; tools/i18n.py extracts it)."""
    from game.ai import describe_level
    return _(describe_level(level))


def seat_text(who: str) -> str:
    """Who plays a side, for the player: "Human", "Computer (hard)"."""
    from game.session import seats
    seat = seats.seat_of(who)
    if seat.kind == seats.COMPUTER:
        return _("Computer ({level})").format(level=level_text(seat.level))
    if seat.kind == seats.HUMAN:
        return _("Human")
    return _("Placeholder")


def now_text(state: GameState) -> str:
    """The date of the turn being played."""
    return date_text(state, state.year, state.month)


def where(state: GameState, h: Hex) -> str:
    hm = state.scenario.map
    parts = []
    pid = hm.place_at.get(h)
    if pid:
        parts.append(place_name(state, pid, hm.places[pid].name))
    region = hm.region_of(h)
    if region:
        parts.append(scenario_text(state.scenario, f"regions.{region}.name",
                                   hm.region_names.get(region, region)))
    parts.append(terrain_name(hm.terrain_at(h)))
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
        return _("seen now")
    turn = view.city_seen.get(c.id, 0)
    if turn <= 0:
        return _("as known when the war began")
    return _("as last seen in {date}").format(date=turn_date(state, turn))


def siege_words(state: GameState, view, c: City) -> str | None:
    """A city's siege as the viewer knows it (None if it knows of none)."""
    if c.siege is None:
        return None
    by = faction_name(state, c.siege.by)
    if not seen_now(view, c):
        return _("Besieged by {side} ({seen})").format(side=by, seen=last_seen(state, view, c))
    st = siege.status(state, c)
    return ngettext("Besieged by {side} for {n} turn; food for {food} more",
                    "Besieged by {side} for {n} turns; food for {food} more",
                    st["turns"]).format(side=by, n=st["turns"], food=st["food"])


def army_html(view, a: Army, own: bool) -> str:
    state = view.world
    lines = [f"<font color='#e6c467'><b>{esc(army_name(state, a))}</b></font> "
             f"<i>({esc(faction_name(state, a.faction))})</i>",
             _("Men: {men}   Morale: {morale}   Supply: {supply}").format(
                 men=f"<b>{n(a.men)}</b>", morale=f"<b>{a.morale}</b>",
                 supply=f"<b>{a.supply}</b>")]
    if own:
        budget = M.move_budget(state, a)
        lines.append(_("Movement left: {left} of {budget}").format(left=f"<b>{a.moves}</b>",
                                                                    budget=budget))
    lines.append(_("At: {place}").format(place=esc(where(state, a.hex))))
    c = state.commanders.get(a.commander) if a.commander else None
    if c is not None and c.alive:
        lines.append(_("Commander: {name}").format(
            name=f"<b>{esc(commander_name(state, c.id, c.name))}</b>"))
        lines.append("   " + _("strategy {strategy}, tactics {tactics}, siegecraft {siege}, "
                               "loyalty {loyalty}").format(strategy=c.strategy,
                                                           tactics=c.tactics, siege=c.siege,
                                                           loyalty=c.loyalty))
        for t in c.traits:
            said = _(TRAITS[t]) if t in TRAITS else ""
            lines.append(f"   <i>{esc(trait_name(t))}</i>: {esc(said)}")
    else:
        lines.append(_("Commander: {name}").format(name="<i>" + _("none") + "</i>"))
    c = view.cities.get(state.scenario.city_at.get(a.hex))
    if c is not None and c.siege is not None and c.siege.by == a.faction:
        lines.append(_("Besieging {city}").format(
            city=f"<b>{esc(place_name(state, c.id, c.name))}</b>"))
    return "<br>".join(lines)


TRAIT_NAMES = {"valour": N_("valour"), "winter_campaigner": N_("winter campaigner"),
               "fortress_defender": N_("fortress defender"),
               "siege_engineer": N_("siege engineer"), "duellist": N_("duellist"),
               "glory_seeker": N_("glory seeker"), "seasonal": N_("seasonal"),
               "tyrant": N_("tyrant"), "ruthless": N_("ruthless"),
               "inexperienced": N_("inexperienced")}


def trait_name(t: str) -> str:
    """A commander's trait as the player reads it."""
    return _(TRAIT_NAMES[t]) if t in TRAIT_NAMES else t.replace("_", " ")


def army_name(state: GameState, a) -> str:
    """An army's name in the language in use: the scenario's own, else the name the rules
    gave it ("Army of" its commander, "Levy of" a city, ...) in its words."""
    return army_called(state, a.id, a.name)


def army_called(state: GameState, aid: str | None, english: str) -> str:
    """An army's name in the language in use from its id and its English name alone, so
    that an army gone from the map (destroyed, merged, out of sight) is named too."""
    if aid and any(x.id == aid and x.name for x in state.scenario.spec.armies):
        return scenario_text(state.scenario, f"armies.{aid}.name", english)
    return made_name(state, english)


def made_name(state: GameState, english: str) -> str:
    """A name the rules make for a new army, in the language in use: 'Army of Heraclius',
    'Byzantium army', 'Levy of Dara', 'Detachment of ...'; any other name as it is."""
    spec = next((x for x in state.scenario.spec.armies if x.name == english), None)
    if spec is not None:
        return scenario_text(state.scenario, f"armies.{spec.id}.name", english)
    head, sep, rest = english.partition(" of ")
    if sep and head == "Army":
        c = next((c for c in state.commanders.values() if c.name == rest), None)
        if c is not None:
            return _("Army of {commander}").format(commander=commander_name(state, c.id, c.name))
    if sep and head == "Levy":
        c = next((c for c in state.cities.values() if c.name == rest), None)
        if c is not None:
            return _("Levy of {city}").format(city=place_name(state, c.id, c.name))
    if sep and head == "Escort":
        c = next((c for c in state.commanders.values() if c.name == rest), None)
        if c is not None:
            return _("Escort of {commander}").format(
                commander=commander_name(state, c.id, c.name))
    if sep and head == "Detachment":
        return _("Detachment of {army}").format(army=made_name(state, rest))
    f = next((f for f in state.factions.values() if english == f"{f.name} army"), None)
    if f is not None:
        return _("{side} army").format(side=faction_name(state, f.id))
    return english


def city_html(view, c: City, own: bool) -> str:
    state = view.world
    f = state.factions.get(c.owner)
    capital = f is not None and f.capital == c.id
    kind = (_("fortress of {side}") if c.kind == "fortress" else _("city of {side}")).format(
        side=esc(faction_name(state, c.owner)))
    tags = [t for t, on in ((_("capital"), capital), (_("port"), c.port),
                            (_("holy city"), c.holy)) if on]
    lines = [f"<font color='#e6c467'><b>{esc(place_name(state, c.id, c.name))}</b></font> "
             f"<i>({kind}{', ' + ', '.join(tags) if tags else ''})</i>",
             _("Walls: {walls} of {most}   Garrison: {men}").format(
                 walls=f"<b>{c.walls}</b>", most=c.max_walls, men=f"<b>{n(c.garrison)}</b>"),
             _("Income: {gold} a month").format(gold=f"<b>{c.income}</b>")
             + ("" if c.siege is None else " <i>" + _("(none while besieged)") + "</i>")]
    if not seen_now(view, c):
        words = last_seen(state, view, c)
        lines.append(f"<i>{esc(words[:1].upper() + words[1:])}</i>")
    words = siege_words(state, view, c)
    if words:
        lines.append(f"<font color='#e05a50'>{esc(words)}</font>")
    if own:
        left = economy.raise_limit(state) - state.raised.get(c.id, 0)
        lines.append(_("May raise {men} more men this turn, {cost} per 1,000").format(
            men=n(max(0, left)), cost=state.scenario.rules['raise_cost_per_1000']))
    lines.append(_("At: {place}").format(place=esc(where(state, c.hex))))
    return "<br>".join(lines)


def faction_tip(view, fid: str) -> str:
    state = view.world
    f = state.factions[fid]
    gross = economy.income(state, fid)
    cost = economy.upkeep(state, fid)
    return _("{side}: treasury {gold}, income {income} and upkeep {upkeep} a turn (net {net}).  "
             "War-weariness {weary} of 100.  Men lost so far: {lost}.").format(
        side=faction_name(state, fid), gold=n(f.treasury), income=n(gross), upkeep=n(cost),
        net=('+' if gross - cost >= 0 else '') + n(gross - cost), weary=f.war_weariness,
        lost=n(f.men_lost))


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
            lines.append(_("Impassable"))
        else:
            winter = state.winter and cost != M.terrain_cost(rules, t, False, h in hm.pass_at)
            lines.append((_("Costs {cost} movement to enter (winter)") if winter else
                          _("Costs {cost} movement to enter")).format(cost=cost))
    pid = hm.pass_at.get(h)
    if pid:
        closed = M.pass_closed(state, pid)
        lines.append(f"{pass_name(state, pid)}: {_('closed') if closed else _('open')}")
    cid = state.scenario.city_at.get(h)
    city = view.cities.get(cid) if cid else None
    if city is not None:
        lines.append(_("{city}: {side}, walls {walls}/{most}, garrison {men}").format(
            city=place_name(state, city.id, city.name), side=faction_name(state, city.owner),
            walls=city.walls, most=city.max_walls, men=n(city.garrison)))
        if not seen_now(view, city):
            lines.append(f"   {last_seen(state, view, city)}")
        words = siege_words(state, view, city)
        if words:
            lines.append(words)
    here = [a for a in view.armies.values() if a.hex == h]
    for a in here:
        lines.append(ngettext("{army} ({side}): {men} man", "{army} ({side}): {men} men",
                              a.men).format(army=army_name(state, a),
                                            side=faction_name(state, a.faction), men=n(a.men)))
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
    first = head or _("Storm {city} (T)").format(city=place_name(state, city.id, city.name))
    wait = (ngettext("food for {n} more turn, then", "food for {n} more turns, then", f["food"])
            .format(n=f["food"]) if f["food"] > 0 else _("no food left:"))
    out = [_("{what}: {percent}% chance to take it").format(what=first,
                                                            percent=f['take_percent'])
           + ("" if a.may_strike or head else " " + _("(not this turn: the army has fought)")),
           "   " + _("expected losses: you {lost} of {men}, they {their_lost} of {their_men}")
           .format(lost=n(f['attacker_loss']), men=n(f['attacker_men']),
                   their_lost=n(f['defender_loss']), their_men=n(f['defender_men'])),
           "   " + _("or wait: {food} {men} of the garrison starve each turn").format(
               food=wait, men=n(f['starve_per_turn']))]
    return out


def _action_lines(state, view, h, a: Army, here, city) -> list[str]:
    from game.rules.queries import hostile
    out = []
    enemies = [x for x in here if hostile(state, a.faction, x.faction)]
    if enemies and hex_distance(a.hex, h) == 1 and not (view.omniscient or view.sees(h)):
        out.append(_("Attack: what stands there is not seen clearly"))
    elif enemies and hex_distance(a.hex, h) == 1:
        o = combat.odds(state, a, h)       # the hex is seen: nothing there is hidden
        out.append(_("Attack: {percent}% chance to win").format(percent=o['win_percent'])
                   + ("" if a.may_strike else " " + _("(it has already fought this turn)")))
        out.append("   " + _("you {men} men (strength {strength}) against {their_men} "
                               "(strength {their_strength})").format(
            men=n(o['attacker_men']), strength=n(o['attacker_strength']),
            their_men=n(o['defender_men']), their_strength=n(o['defender_strength'])))
    elif city is not None and hostile(state, a.faction, city.owner) and not enemies \
            and hex_distance(a.hex, h) == 1:
        st = siege.status(state, city)
        name = place_name(state, city.id, city.name)
        if city.walls == 0 or city.garrison == 0:
            out.append(_("{city} lies open: marching in takes it").format(city=name))
        else:
            out.append(ngettext("Besiege {city}: walls {walls}/{most}, garrison {men}, food for "
                                "{food} turn",
                                "Besiege {city}: walls {walls}/{most}, garrison {men}, food for "
                                "{food} turns", st['food']).format(
                city=name, walls=st['walls'], most=st['max_walls'], men=n(st['garrison']),
                food=st['food']))
            if seen_now(view, city):
                out += storm_lines(state, a, city,
                                   "   " + _("a storm, once besieged, as things stand"))[:2]
    elif city is not None and hostile(state, a.faction, city.owner) and city.walls > 0 \
            and city.garrison > 0 and hex_distance(a.hex, h) > 1:
        out.append(_("{city} is walled: no march goes in; stand next to it and "
                     "besiege it (B)").format(city=place_name(state, city.id, city.name)))
    return out


def path_label(cost: int, moves: int, budget: int) -> tuple[str, bool]:
    """'cost 6, this turn' or 'cost 30, 3 turns' -> (label, reachable this turn)."""
    if cost <= moves:
        return _("{cost} of {moves} movement: this turn").format(cost=cost, moves=moves), True
    budget = max(1, budget)
    turns = 1 + -(-(cost - moves) // budget)
    return ngettext("{cost} movement: {n} turn", "{cost} movement: {n} turns", turns).format(
        cost=cost, n=turns), False


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
        parts.append(_("takes {city}").format(city=place_name(state, town.id, town.name)))
    foes = sorted((x for x in view.armies.values() if hex_distance(x.hex, dest) == 1
                   and hostile(state, a.faction, x.faction)), key=lambda x: (-x.men, x.id))
    walls = sorted((c for c in view.cities.values() if hex_distance(c.hex, dest) == 1
                    and hostile(state, a.faction, c.owner) and c.walls > 0 and c.garrison > 0),
                   key=lambda c: c.id)
    if foes:
        first = army_name(state, foes[0])
        parts.append(_("stops next to {army}").format(army=first) if len(foes) == 1 else
                     ngettext("stops next to {army} and {n} more",
                              "stops next to {army} and {n} more", len(foes) - 1).format(
                         army=first, n=len(foes) - 1))
    wall = place_name(state, walls[0].id, walls[0].name) if walls else ""
    if foes or walls:
        if not a.may_strike:
            parts.append(_("has fought this turn: no attack"))
        elif foes and walls:
            parts.append(_("may attack or besiege {city}").format(city=wall))
        elif foes:
            parts.append(_("may attack"))
        else:
            parts.append(_("may besiege {city}").format(city=wall))
    if not foes:
        parts.append(ngettext("{n} movement left", "{n} movement left", left).format(n=left)
                     if left > 0 else _("no movement left"))
    return ", ".join(parts)


# --- what happened ------------------------------------------------------------------

HEADINGS = {
    "battle": N_("Battles"), "assault": N_("Battles"), "retreated": N_("Battles"),
    "captured": N_("Cities"), "siege_begun": N_("Sieges"), "siege_progress": N_("Sieges"),
    "siege_lifted": N_("Sieges"), "fired": N_("Events"), "chosen": N_("Events"),
    "destroyed": N_("Armies"), "commander_died": N_("Armies"), "attrition": N_("Armies"),
    "raised": N_("Armies"), "income": N_("Treasury"), "game_over": N_("The war"),
    "reloaded": N_("The war"),
}
ORDER = [N_("The war"), N_("Events"), N_("Battles"), N_("Cities"), N_("Sieges"), N_("Armies"),
         N_("Treasury")]


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
        text = event_text(state, e) if state is not None else e.text
        if e.kind in ("battle", "assault") and state is not None and losses(state, e):
            # TRANSLATORS: between the sides in "Lost: A 900 of 15,000; B 2,160 of 8,000"
            text += ". " + _("Lost: {list}").format(list=_("; ").join(
                _("{side} {lost} of {men}").format(side=name, lost=n(lost), men=n(men))
                for name, men, lost in losses(state, e)))
        rows.append((ORDER.index(head), len(rows), _(head), text))
    rows.sort()
    return [(h, t) for *_ignored, h, t in rows]


def losses(state: GameState, e: Event) -> list[tuple[str, int, int]]:
    """(side, men before, men lost) for the attacker and the defender of a battle event;
    empty for an event that does not carry them."""
    d = e.data
    if e.kind not in ("battle", "assault") or not d.attacker_faction:
        return []
    att = d.attacker_faction
    others = [f for f in e.factions if f != att]
    return [(faction_name(state, att), d.attacker_men, d.attacker_lost),
            (_(" and ").join(faction_name(state, f) for f in others) or _("the defenders"),
             d.defender_men, d.defender_lost)]


def casualty_report(state: GameState, e: Event, after: list[Event]) -> tuple[str, str]:
    """The title and text of the report after a battle or a storm: who fought with how
    many, who lost how many, who won (or whether the walls fell), and what followed
    (retreats, armies lost, commanders fallen, the city taken)."""
    (att, men_a, lost_a), (dfn, men_d, lost_d) = losses(state, e)
    storm = e.kind == "assault"

    def share(lost, men):
        return f"{lost * 100 // max(1, men)}%"
    winner = None if storm else e.data.winner
    lines = [(_("{side} stormed with {men} men and lost {lost} ({share}).") if storm else
              _("{side} attacked with {men} men and lost {lost} ({share}).")).format(
                 side=att, men=n(men_a), lost=n(lost_a), share=share(lost_a, men_a)),
             (_("{side} held the walls with {men} men and lost {lost} ({share}).") if storm else
              _("{side} stood with {men} men and lost {lost} ({share}).")).format(
                 side=dfn, men=n(men_d), lost=n(lost_d), share=share(lost_d, men_d)),
             (_("The walls are taken.") if e.data.won else _("The walls hold.")) if storm
             else (_("{side} win the field.") if Q.is_plural(state, winner) else
                   _("{side} wins the field.")).format(side=faction_name(state, winner))
             if winner in state.factions else ""]
    lines += [event_text(state, x) + "." for x in after
              if x.kind in ("retreated", "destroyed", "commander_died", "captured")]
    if storm:
        city = state.scenario.city_at.get(e.at) if e.at is not None else None
        name = place_name(state, city, state.cities[city].name) if city in state.cities else ""
        return (_("Storm of {city}: the losses").format(city=name) if name
                else _("The losses of the storm"), "\n".join(x for x in lines if x))
    place = place_phrase(state, e.at) if e.at is not None else ""
    return (_("Battle {place}: the losses").format(place=place) if place
            else _("The losses of the battle"), "\n".join(x for x in lines if x))


LOG_KINDS = {"battle", "assault", "captured", "siege_begun", "fired", "chosen", "destroyed",
             "commander_died", "game_over", "reloaded"}


def log_line(state: GameState, e: Event) -> str | None:
    if e.kind not in LOG_KINDS:
        return None
    if e.kind == "siege_progress" and "surrenders" not in e.text:
        return None
    return f"{event_date(state, e)}: {event_text(state, e)}"


def log_entry_line(state: GameState, entry) -> str:
    """A scripted event of the game's own record (`state.log`), dated, with the option
    taken, in the language in use: for a save whose chronicle was not kept with it."""
    scn = state.scenario
    line = "{}: {}".format(date_text(state, entry.year, entry.month),
                           scenario_text(scn, f"events.{entry.event}.title", entry.title))
    if entry.choice:
        spec = next((x for x in scn.spec.events if x.id == entry.event), None)
        choice = next((c for c in spec.choices if c.id == entry.choice), None) if spec else None
        label = (scenario_text(scn, f"events.{spec.id}.choices.{choice.id}.label", choice.label)
                 if choice is not None else entry.choice)
        line += f" ({label})"
    return line


def siege_progress_text(e: Event, city: str) -> str:
    """A turn of siege, as the rules report it (its notes read back from their words)."""
    notes = []
    for part in e.text.split(": ", 1)[1].split(", ") if ": " in e.text else []:
        if part == "a breach in the walls":
            notes.append(_("a breach in the walls"))
        elif part == "the food runs out":
            notes.append(_("the food runs out"))
        elif part.endswith(" of the garrison starve") and part.split(" ")[0].isdigit():
            notes.append(_("{n} of the garrison starve").format(n=part.split(" ")[0]))
        elif part.endswith(" men of the armies inside starve") and part.split(" ")[0].isdigit():
            notes.append(_("{n} men of the armies inside starve").format(n=part.split(" ")[0]))
        else:
            notes.append(part)
    text = _("The siege of {city} goes on").format(city=city)
    return text + (": " + ", ".join(notes) if notes else "")


def victory_text(state: GameState, english: str) -> str:
    """A victory's text from the scenario, in the language in use."""
    for i, v in enumerate(state.scenario.spec.victory):
        if v.text and v.text == english:
            return scenario_text(state.scenario, f"victory.{v.id or i}.text", english)
    # the rules' own words, when a victory has no text or nobody won
    if english == "no side achieved its aims by the end date":
        return _("no side achieved its aims by the end date")
    for f in state.factions.values():
        if english in (f"{f.name} prevails", f"{f.name} prevail"):
            return (_("{side} prevail") if Q.is_plural(state, f.id) else
                    _("{side} prevails")).format(side=faction_name(state, f.id))
    return english


def peace_note(state: GameState, side: str) -> str | None:
    """The line for a side at war with nobody yet (game.session.objectives.peace_note),
    in the language in use."""
    from game.session import objectives
    if objectives.peace_note(state, side) is None:
        return None
    others = [faction_name(state, f) for f in state.order
              if f != side and state.factions[f].in_play]
    names = ", ".join(others[:-1]) + _(" and ") + others[-1] if len(others) > 1 else others[0]
    return _("At peace with {sides}: no battle or siege until war comes (O: aims)").format(
        sides=names)


def event_text(state: GameState, e: Event) -> str:
    """What an event of the rules says, in the language in use: a scripted event's title
    from the scenario's texts; the rules' own reports as they wrote them (English)."""
    d, scn = e.data, state.scenario
    if e.kind == "fired" and d.event:
        return scenario_text(scn, f"events.{d.event}.title", e.text)
    if e.kind == "chosen" and d.event and d.option:
        spec = next((x for x in scn.spec.events if x.id == d.event), None)
        choice = next((c for c in spec.choices if c.id == d.option), None) if spec else None
        if choice is not None:
            return "{}: {}".format(
                scenario_text(scn, f"events.{spec.id}.title", spec.title),
                scenario_text(scn, f"events.{spec.id}.choices.{choice.id}.label",
                              choice.label))
    if e.kind == "income" and e.factions and e.factions[0] in state.factions \
            and (d.income or d.upkeep or d.unpaid):
        side = faction_name(state, e.factions[0])
        if d.unpaid:
            return _("{side} cannot pay its troops: morale falls and men desert").format(
                side=side)
        return _("{side}: income {income}, upkeep {upkeep}").format(
            side=side, income=n(d.income), upkeep=n(d.upkeep))
    if e.kind == "commander_died" and d.commander in state.commanders:
        c = state.commanders[d.commander]
        return _("{commander} is dead").format(commander=commander_name(state, c.id, c.name))
    cid = getattr(d, "city", None)        # the kinds whose payload names a city
    city = state.cities.get(cid) if cid else None
    if city is not None:
        where = place_name(state, city.id, city.name)
        if e.kind == "siege_begun" and " lays siege to " in e.text:
            return _("{army} lays siege to {city}").format(
                army=army_called(state, d.army, e.text.split(" lays siege to ")[0]),
                city=where)
        if e.kind == "captured" and d.ceded and e.factions:
            return _("{city} is handed to {side}").format(
                city=where, side=faction_name(state, e.factions[0]))
        if e.kind == "siege_lifted":
            return _("The siege of {city} is lifted").format(city=where)
        if e.kind == "siege_progress" and d.walls is not None:
            return siege_progress_text(e, where)
        if e.kind == "siege_progress" and "surrenders" in e.text:
            return ngettext("{city} surrenders after {n} turn of siege",
                            "{city} surrenders after {n} turns of siege",
                            d.turns).format(city=where, n=d.turns) \
                if d.turns is not None else e.text
        if e.kind == "captured" and e.factions and e.factions[0] in state.factions \
                and d.owner_before is not None:
            many = Q.is_plural(state, e.factions[0])
            if d.sacked:
                text = _("{side} take and sack {city}") if many else \
                    _("{side} takes and sacks {city}")
            else:
                text = _("{side} take {city}") if many else _("{side} takes {city}")
            return text.format(side=faction_name(state, e.factions[0]), city=where)
    return rules_report(state, e) or e.text



# --- the rules' own reports, in the language in use -----------------------------------
# The rules word their events in English (the logs, the command line and the golden
# games read that); the screen says the same from the event's ids and figures.  Where a
# name is needed of an army that may be gone, the English text gives it and made_name or
# the scenario's texts word it.

_BATTLE = re.compile(r"^Battle .+?: (?P<a>.+) \([\d,]+ men\) against (?P<d>.+) \([\d,]+ men\);")
_WHY = {"is broken and disbands": N_("{army} is broken and disbands"),
        "is cut off and surrenders": N_("{army} is cut off and surrenders"),
        "goes home": N_("{army} goes home"), "leaves the war": N_("{army} leaves the war")}
_STATUS = {"are at war": N_("{side} and {other} are at war"),
           "make peace": N_("{side} and {other} make peace"),
           "are allies": N_("{side} and {other} are allies"),
           "agree a tribute": N_("{side} and {other} agree a tribute")}


def _city_here(state: GameState, e: Event):
    cid = getattr(e.data, "city", None) if isinstance(getattr(e.data, "city", None), str) else \
        state.scenario.city_at.get(e.at) if e.at is not None else None
    return state.cities.get(cid) if cid else None


def _army_in(state: GameState, e: Event, english: str, key: str = "army") -> str:
    return army_called(state, getattr(e.data, key, None), english)


def rules_report(state: GameState, e: Event) -> str | None:
    """An event the rules word themselves (a battle, a storm, a retreat, an army lost, a
    levy, a sighting, the end of the war...) in the language in use; None for a text
    that is not the rules' own (a scenario's message stays as the scenario gives it)."""
    d, text, kind = e.data, e.text, e.kind
    city = _city_here(state, e)
    cname = place_name(state, city.id, city.name) if city is not None else ""
    if kind == "battle" and getattr(d, "attacker_men", 0) and (m := _BATTLE.match(text)):
        att = _army_in(state, e, m["a"], "attacker")
        ids, parts = list(d.defenders or ()), m["d"].split(", ")
        if ids and len(ids) == len(parts):
            dfn = ", ".join(army_called(state, i, p) for i, p in zip(ids, parts))
        elif not ids and city is not None and m["d"] == city.name:
            dfn = cname
        elif not ids and m["d"] == "defenders":
            dfn = _("the defenders")
        else:
            dfn = m["d"]
        att_won = d.winner == d.attacker_faction
        line = (_("Battle {place}: {attacker} ({men} men) against {defender} ({their_men} "
                  "men); {attacker} wins") if att_won else
                _("Battle {place}: {attacker} ({men} men) against {defender} ({their_men} "
                  "men); {defender} win") if len(ids) > 1 else
                _("Battle {place}: {attacker} ({men} men) against {defender} ({their_men} "
                  "men); {defender} wins"))
        return line.format(place=place_phrase(state, e.at) if e.at is not None else "",
                           attacker=att, defender=dfn, men=n(d.attacker_men),
                           their_men=n(d.defender_men))
    if kind == "assault" and " storms " in text and city is not None:
        who = _army_in(state, e, text.split(" storms ", 1)[0])
        return (_("{army} storms {city}: the walls are taken") if getattr(d, "won", False) else
                _("{army} storms {city}: the assault fails")).format(army=who, city=cname)
    if kind == "retreated" and text.endswith(" falls back"):
        return _("{army} falls back").format(army=_army_in(state, e, text[:-11]))
    if kind in ("destroyed", "message") and getattr(d, "army", None):
        for why, line in _WHY.items():
            if text.endswith(" " + why):
                return _(line).format(army=_army_in(state, e, text[:-len(why) - 1]))
        head, sep, _rest = text.partition(" is destroyed in the fall of ")
        if sep:
            return _("{army} is destroyed in the fall of {city}").format(
                army=_army_in(state, e, head), city=cname or _rest)
        head, sep, _rest = text.partition(" is trapped ")
        if sep and text.endswith(" and disbands") and e.at is not None:
            return _("{army} is trapped {place} and disbands").format(
                army=_army_in(state, e, head), place=place_phrase(state, e.at))
        if kind == "destroyed":
            return None
    if kind == "attrition" and " loses " in text and getattr(d, "men", 0):
        return ngettext("{army} loses {n} man to hunger and cold",
                        "{army} loses {n} men to hunger and cold", d.men).format(
            army=_army_in(state, e, text.rsplit(" loses ", 1)[0]), n=n(d.men))
    if kind == "raised" and city is not None and getattr(d, "men", 0):
        return _("{men} men raised at {city} for {cost} solidi").format(
            men=n(d.men), city=cname, cost=n(d.cost))
    if kind == "merged" and " joins " in text:
        b = state.armies.get(getattr(d, "into", None))
        first, last = (text[:-len(b.name) - 7], b.name) if b is not None and \
            text.endswith(" joins " + b.name) else text.split(" joins ", 1)
        return _("{army} joins {other}").format(army=_army_in(state, e, first),
                                                other=_army_in(state, e, last, "into"))
    if kind == "split" and " men leave " in text:
        men, _sep, name = text.partition(" men leave ")
        return _("{men} men leave {army}").format(men=n(int(men.replace(",", ""))),
                                                  army=_army_in(state, e, name)) \
            if men.replace(",", "").isdigit() else None
    if kind == "moved" and e.at is not None:
        for verb, line in ((" marches ", _("{army} marches {place}")),
                           (" withdraws ", _("{army} withdraws {place}"))):
            if verb in text:
                return line.format(army=_army_in(state, e, text.split(verb, 1)[0]),
                                   place=place_phrase(state, e.at, "to"))
        return None
    if kind == "spotted":
        return _spotted(state, e, city, cname)
    if kind == "message" and text == "The dice of this turn are cast":
        return _("The dice of this turn are cast") \
            if text == "The dice of this turn are cast" else None
    if kind == "message" and len(e.factions) == 2 and e.public:
        for words, line in _STATUS.items():
            a, b = (state.factions.get(f) for f in e.factions)
            if a is not None and b is not None and text in (
                    f"{a.name} and {b.name} {words}", f"{b.name} and {a.name} {words}"):
                first, second = e.factions if text.startswith(a.name) else e.factions[::-1]
                return _(line).format(side=faction_name(state, first),
                                      other=faction_name(state, second))
        return None
    if kind == "message" and getattr(d, "event", None):
        said = _scripted(state, e) or _message_effect(state, e)
        if said:
            return said
    if kind == "moved" and " is now " in text and e.at is not None:
        return _("{army} is now {place}").format(
            army=_army_in(state, e, text.split(" is now ", 1)[0]), place=place_phrase(state, e.at))
    if kind == "message" and getattr(d, "commander", None) in state.commanders \
            and " now rules " in text:
        c = state.commanders[d.commander]
        side = e.factions[0] if e.factions else None
        return _("{commander} now rules {side}").format(
            commander=commander_name(state, c.id, c.name), side=faction_name(state, side))
    if kind == "game_over":
        return game_over_text(state, d)
    if kind == "reloaded" and getattr(d, "side", None) in state.factions:
        line = (_("{side} reloaded to the start of its turn, {date}") if d.fresh else
                _("{side} reloaded to a point within its turn, {date}"))
        line = line.format(side=faction_name(state, d.side), date=event_date(state, e))
        if "without a seal" in text:
            line += " " + _("(from a save without a seal: an older game's, or edited by hand)")
        return line
    return None


def _message_effect(state: GameState, e: Event) -> str | None:
    """The text of an event's `message` effect in the language in use (the scenario's
    language files give it by key path; game.scenario.lang.message_texts)."""
    from game.scenario.lang import message_texts
    scn = state.scenario
    spec = next((x for x in scn.spec.events if x.id == e.data.event), None)
    if spec is None:
        return None
    found = scn.cached(("message texts", spec.id), lambda: {
        **message_texts(spec.effects, f"events.{spec.id}.effects"),
        **{k: v for ch in spec.choices
           for k, v in message_texts(ch.effects, f"events.{spec.id}.choices.{ch.id}.effects")
           .items()}})
    key = next((k for k, english in found.items() if english == e.text), None)
    return scenario_text(scn, key, e.text) if key is not None else None


def _scripted(state: GameState, e: Event) -> str | None:
    """The messages an event's effects word themselves (a side entering the war, an army
    appearing, a commander changing sides...), in the language in use."""
    d, text = e.data, e.text
    sides = {f.name: f.id for f in state.factions.values()}
    chiefs = {c.name: c.id for c in state.commanders.values()}
    for head, line in (("Entering the war: ", _("Entering the war: {side}")),
                       ("Leaving the war: ", _("Leaving the war: {side}"))):
        if text.startswith(head) and text[len(head):] in sides:
            return line.format(side=faction_name(state, sides[text[len(head):]]))
    m = re.match(r"^(.+) \(([\d,]+) men\) appears ", text)
    if m and getattr(d, "army", None) and e.at is not None:
        return _("{army} ({men} men) appears {place}").format(
            army=_army_in(state, e, m[1]), men=n(int(m[2].replace(",", ""))),
            place=place_phrase(state, e.at))
    who, sep, side = text.partition(" goes over to ")
    if sep and who in chiefs and side in sides:
        return _("{commander} goes over to {side}").format(
            commander=commander_name(state, chiefs[who], who),
            side=faction_name(state, sides[side]))
    m = re.match(r"^(.+) takes command of (.+) from (.+)$", text)
    if m and m[1] in chiefs and m[3] in chiefs:
        return _("{commander} takes command of {army} from {other}").format(
            commander=commander_name(state, chiefs[m[1]], m[1]), army=_army_in(state, e, m[2]),
            other=commander_name(state, chiefs[m[3]], m[3]))
    who, sep, rest = text.partition(" takes command of ")
    if sep and who in chiefs and e.at is not None:
        tail = " " + Q.place_phrase(state, e.at)
        if rest.endswith(tail):
            return _("{commander} takes command of {army} {place}").format(
                commander=commander_name(state, chiefs[who], who),
                army=_army_in(state, e, rest[:-len(tail)]), place=place_phrase(state, e.at))
    return None


def _spotted(state: GameState, e: Event, city, cname: str) -> str | None:
    d, text = e.data, e.text
    if getattr(d, "men", None) is not None and " sighted " in text and " (" in text:
        return _("{army} ({side}, {men} men) sighted {place}").format(
            army=_army_in(state, e, text.split(" (", 1)[0]), side=faction_name(state,
                                                                               d.faction),
            men=n(d.men), place=place_phrase(state, e.at) if e.at is not None else "")
    if getattr(d, "halted", False) and e.at is not None:
        for verb, line in ((" runs into ", _("{army} runs into {what} {place} and halts")),
                           (" meets ", _("{army} meets {what} {place} and halts"))):
            if verb in text:
                head, _sep, rest = text.partition(verb)
                tail = f" {Q.place_phrase(state, e.at)} and halts"
                if not rest.endswith(tail):
                    return None
                english = rest[:-len(tail)]
                what = (army_called(state, d.enemy, english) if d.enemy
                        else cname if city is not None and english == city.name
                        else _("the enemy") if english == "the enemy" else english)
                return line.format(army=_army_in(state, e, head), what=what,
                                   place=place_phrase(state, e.at))
        return None
    if city is not None and " is seen to be held by " in text:
        return _("{city} is seen to be held by {side}").format(
            city=cname, side=faction_name(state, d.owner))
    m = re.match(r"^News of .+: walls (\d+), garrison ([\d,]+)(?:, besieged by (.+))?$", text)
    if city is not None and m:
        line = _("News of {city}: walls {walls}, garrison {men}").format(
            city=cname, walls=m[1], men=n(int(m[2].replace(",", ""))))
        if m[3]:
            by = next((f.id for f in state.factions.values() if f.name == m[3]), None)
            line += ", " + _("besieged by {side}").format(
                side=faction_name(state, by) if by else m[3])
        return line
    return None


def game_over_text(state: GameState, d) -> str:
    """How the war ended (victory.headline), in the language in use."""
    w, loser, kind = d.winner, d.loser, d.kind
    many = Q.is_plural(state, w) if w in state.factions else False
    if kind == "peace":
        head = ((_("{side} win a negotiated peace") if many else
                 _("{side} wins a negotiated peace")).format(side=faction_name(state, w))
                if w else _("A negotiated peace"))
    elif w:
        head = (_("{side} win") if many else _("{side} wins")).format(
            side=faction_name(state, w))
        if loser:
            head = _("{head}; defeat for {side}").format(head=head,
                                                         side=faction_name(state, loser))
    elif loser:
        head = _("Defeat for {side}").format(side=faction_name(state, loser))
    else:
        head = _("The war is undecided")
    why = victory_text(state, state.result_text) if state.over and state.result_text else ""
    return f"{head}: {why}" if why else head


def refusal_text(state: GameState, r: Refused) -> str:
    """Why the rules refuse an order, in the language in use, as a sentence."""
    text = _say(state, r.template, r.values)
    return text[:1].upper() + text[1:]


def _say(state: GameState, template: str, values: dict) -> str:
    return _(template).format(**{k: _word(state, v) for k, v in values.items()})


def _word(state: GameState, v) -> str:
    """One value of a refusal in the language in use: a name worded, a number grouped."""
    if isinstance(v, bool) or not isinstance(v, (int, Named)):
        return str(v)
    if isinstance(v, int):
        return n(v)
    if v.kind == "army":
        return army_called(state, v.ref, v.english)
    if v.kind == "city":
        c = state.cities.get(v.ref)
        return place_name(state, v.ref, c.name if c is not None else v.english)
    if v.kind == "faction":
        return faction_name(state, v.ref)
    if v.kind == "pass" and v.ref in state.scenario.map.passes:
        return pass_name(state, v.ref)
    if v.kind == "place":
        return place_phrase(state, *v.ref)
    if v.kind == "event":
        spec = next((x for x in state.scenario.spec.events if x.id == v.ref), None)
        return scenario_text(state.scenario, f"events.{v.ref}.title", spec.title) \
            if spec is not None else v.english
    if v.kind == "phrase":
        return _say(state, *v.ref)
    if v.kind == "commander":
        return commander_name(state, v.ref, v.english)
    if v.kind == "region":
        return scenario_text(state.scenario, f"regions.{v.ref}.name",
                             state.scenario.map.region_names.get(v.ref, v.english))
    if v.kind == "cities":
        names = [place_name(state, c, state.cities[c].name) for c in v.ref if c in state.cities]
        return (", ".join(names[:-1]) + _(" and ") + names[-1]) if len(names) > 1 else \
            "".join(names)
    if v.kind == "spot":
        return spot_name(state, v.ref)
    return v.english


def spot_name(state: GameState, h: Hex) -> str:
    """queries.place_name in the language in use: the place at a hex, else the country near
    the nearest, else its region."""
    how, english, key = Q.where(state, h)
    section, _dot, ident = (key or "").partition(".")
    name = (place_name(state, ident, english) if section in ("cities", "places") else
            scenario_text(state.scenario, f"{key}.name", english) if key else None)
    if how == "at" or how == "in":
        return name
    if how == "near":
        return _("the country near {place}").format(place=name)
    return _("open country") if how == "open" else _("off the map")


def say(state: GameState, v: Named | None, english: str = "") -> str:
    """A phrase of headless code (game.i18n.said) in the language in use; `english` when
    there is none."""
    return english if v is None else _word(state, v)


def event_date(state: GameState, e: Event) -> str:
    """The date of the turn in which it happened (not the turn it is now read in)."""
    return date_text(state, e.when[1], e.when[2]) if e.when else now_text(state)


def left_to_move_text(names: list[str]) -> str:
    """The question before ending a turn with armies that could still march."""
    more = len(names) - 4
    shown = ", ".join(names[:4]) + (ngettext(" and {n} more", " and {n} more", more).format(
        n=more) if more > 0 else "")
    count = len(names)
    return (ngettext("One army could still march this turn: {names}.",
                     "{n} armies could still march this turn: {names}.", count).format(
        n=count, names=shown) + "\n\n"
        + _("End the turn anyway?  (Tab selects the next army that can move or strike; "
            "this question can be turned off in the settings.)"))
