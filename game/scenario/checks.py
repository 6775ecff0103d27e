"""The checks of a scenario's sections, one function per section.

Each takes the typed spec, the map, the collector and what the earlier
sections found (a `Found`), reports what is wrong with its section and
records what the later sections need.  Errors stop the load; the meaning
checks that only warn are in game.scenario.meaning.  Positions in messages
are written as the author wrote them (a place id or `col,row`), never as
the engine's internal coordinates.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game import terrain as T
from game.events.compile import RefContext, check_flags, compile_condition, compile_effects
from game import calendar as cal
from game.calendar import parse_date
from game.hexgrid import Hex
from game.hexmap import HexMap
from game.rules.movement import INF, terrain_cost
from game.rules.table import RULES, make_rules, rule_problems
from game.rules.traits import TRAITS
from game.scenario.aims import build_direction
from game.scenario.model import ScenarioSpec
from game.scenario.scenario import CompiledEvent, CompiledVictory
from game.scenario.schema import suggest
from game.scenario.yamlsrc import Collector


@dataclass
class Found:
    """What the sections checked so far found, by id, for the later ones."""
    factions: dict = field(default_factory=dict)
    commanders: dict = field(default_factory=dict)
    cities: dict = field(default_factory=dict)
    armies: dict = field(default_factory=dict)
    city_hex: dict[str, Hex] = field(default_factory=dict)
    city_at: dict[Hex, str] = field(default_factory=dict)
    army_hex: dict[str, Hex] = field(default_factory=dict)
    relations: dict = field(default_factory=dict)       # sorted pair -> RelationSpec
    rules: dict = field(default_factory=dict)
    victory: list = field(default_factory=list)
    events: list = field(default_factory=list)
    direction: dict = field(default_factory=dict)      # faction -> its aims (scenario/aims.py)

    def hostile(self, a: str, b: str) -> bool:
        r = self.relations.get(tuple(sorted((a, b))))
        return r is not None and r.status == "war"

    def allied(self, a: str, b: str) -> bool:
        r = self.relations.get(tuple(sorted((a, b))))
        return r is not None and r.status == "alliance"


def unique(items, what: str, col: Collector) -> dict:
    seen = {}
    for it in items:
        if it.id in seen:
            it.loc.report(col, "id", f"{what} {it.id!r} is defined twice")
        else:
            seen[it.id] = it
    return seen


def ref(col: Collector, obj, name: str, value, table, what: str) -> bool:
    """Whether `value` (if given) is a key of `table`; reports it when not."""
    if value is not None and value not in table:
        obj.loc.report(col, name, f"unknown {what} {value!r}{suggest(value, table)}")
        return False
    return True


def check_ids(spec: ScenarioSpec, col: Collector, found: Found) -> None:
    found.factions = unique(spec.factions, "faction", col)
    found.commanders = unique(spec.commanders, "commander", col)
    found.cities = unique(spec.cities, "city", col)
    found.armies = unique(spec.armies, "army", col)
    unique(spec.events, "event", col)
    unique([v for v in spec.victory if v.id is not None], "victory", col)
    if not found.factions:
        spec.loc.report(col, "factions", "a scenario needs at least one faction")


def check_dates(spec: ScenarioSpec, col: Collector) -> None:
    loc = spec.loc
    start, end = parse_date(spec.start), parse_date(spec.end)
    if start is not None and end is not None and end < start:
        loc.report(col, "end", f"the scenario ends ({spec.end}) before it starts ({spec.start})")
    if spec.turn_length == "season":
        for name in ("start", "end"):
            d = parse_date(getattr(spec, name))
            if d is not None and not cal.starts_season(d):
                loc.report(col, name, "seasonal turns begin in March, June, September or "
                                      "December (month 03, 06, 09 or 12)")
        if start is not None and end is not None and (end - start) % 3:
            loc.report(col, "end", "the end must fall a whole number of seasons after the start")


def check_commanders(spec: ScenarioSpec, col: Collector, found: Found) -> None:
    for c in spec.commanders:
        ref(col, c, "faction", c.faction, found.factions, "faction")
        for t in c.traits:
            if t not in TRAITS:
                c.loc.report(col, "traits", f"unknown trait {t!r}{suggest(t, TRAITS)}")


def check_cities(spec: ScenarioSpec, hm: HexMap, col: Collector, found: Found) -> None:
    for c in spec.cities:
        ref(col, c, "owner", c.owner, found.factions, "faction")
        where = c.at if c.at is not None else c.id
        name = "at" if c.at is not None else "id"
        h = hm.resolve(where)
        if h is None:
            c.loc.report(col, name, f"no place {where!r} on the map {hm.id}"
                                    f"{suggest(where, hm.places)}; give `at: col,row` for a "
                                    "city the map does not name")
            continue
        place = hm.places.get(where)
        if c.at is None and place is not None and place.kind == "site":
            c.loc.report(col, "id", f"{where!r} is a site on the map, not a city or fortress")
        if hm.is_water(h):
            c.loc.report(col, name, f"the city stands on water at {where}")
            continue
        if h in found.city_at:
            c.loc.report(col, name, f"two cities on one hex: {found.city_at[h]!r} is already "
                                    f"at {where}")
            continue
        if c.port and not hm.is_coastal(h):
            c.loc.report(col, "port", "a port must touch the sea")
        found.city_hex[c.id] = h
        found.city_at[h] = c.id


def check_factions(spec: ScenarioSpec, col: Collector, found: Found) -> None:
    commanders = found.commanders
    for f in spec.factions:
        ref(col, f, "capital", f.capital, found.cities, "city")
        if ref(col, f, "ruler", f.ruler, commanders, "commander") and f.ruler is not None:
            if commanders[f.ruler].faction != f.id:
                f.loc.report(col, "ruler", f"{f.ruler!r} serves {commanders[f.ruler].faction!r}, "
                                           f"not {f.id!r}")


def check_relations(spec: ScenarioSpec, col: Collector, found: Found) -> None:
    for r in spec.relations:
        ok = (ref(col, r, "a", r.a, found.factions, "faction")
              & ref(col, r, "b", r.b, found.factions, "faction"))
        if not ok:
            continue
        if r.a == r.b:
            r.loc.report(col, "b", "a faction cannot have a relation with itself")
            continue
        pair = tuple(sorted((r.a, r.b)))
        if pair in found.relations:
            r.loc.report(col, None, f"the relation {pair[0]}/{pair[1]} is given twice")
        found.relations[pair] = r
        if r.status == "tribute" and r.payer not in (r.a, r.b):
            r.loc.report(col, "payer", "tribute needs a payer, one of a or b")


def check_armies(spec: ScenarioSpec, hm: HexMap, col: Collector, found: Found) -> None:
    rules = dict(make_rules())
    factions, commanders = found.factions, found.commanders
    led: dict[str, str] = {}
    for a in spec.armies:
        ok_f = ref(col, a, "faction", a.faction, factions, "faction")
        h = found.city_hex.get(a.at) or hm.resolve(a.at)
        if h is None:
            a.loc.report(col, "at", f"no place {a.at!r} on the map{suggest(a.at, hm.places)} "
                                    "(give a place id or `col,row`)")
        else:
            t = hm.terrain_at(h)
            if t == T.LAKE or (t == T.SEA and not (ok_f and factions[a.faction].navy)):
                a.loc.report(col, "at", f"{a.id} stands on {T.TERRAINS[t].name.lower()} at "
                                        f"{a.at} (only a faction with a navy may be at sea)")
            elif t != T.SEA and terrain_cost(rules, t, False, h in hm.pass_at) >= INF:
                a.loc.report(col, "at", f"{a.id} stands on impassable "
                                        f"{T.TERRAINS[t].name.lower()} at {a.at}")
            else:
                found.army_hex[a.id] = h
        if ref(col, a, "commander", a.commander, commanders, "commander") and a.commander:
            cm = commanders[a.commander]
            if ok_f and cm.faction != a.faction:
                a.loc.report(col, "commander", f"{cm.id!r} serves {cm.faction!r}, not "
                                               f"{a.faction!r}")
            if not cm.alive:
                a.loc.report(col, "commander", f"{cm.id!r} is dead at the start")
            if a.commander in led:
                a.loc.report(col, "commander", f"{cm.id!r} already leads {led[a.commander]!r}")
            led[a.commander] = a.id
    # the first army of each faction on each hex: an army is checked against the factions
    # there, not against every army, so the check is linear in the armies
    on_hex: dict[Hex, dict[str, object]] = {}
    for a in spec.armies:
        h = found.army_hex.get(a.id)
        if h is None or a.faction not in factions:
            continue
        here = on_hex.setdefault(h, {})
        for fid, b in here.items():
            if found.hostile(a.faction, fid):
                a.loc.report(col, "at", f"{a.id} shares {a.at} with the hostile army {b.id!r}")
        here.setdefault(a.faction, a)
        cid = found.city_at.get(h)
        if cid is None:
            continue
        owner = found.cities[cid].owner
        if owner == a.faction or found.allied(a.faction, owner):
            continue
        # a hostile army may start besieging a walled city (its siege is set by events)
        if not found.hostile(a.faction, owner):
            a.loc.report(col, "at", f"{a.id} stands in {cid!r}, a city of {owner!r}, "
                                    "which is neither its own nor an ally's")


def check_rules(spec: ScenarioSpec, col: Collector, found: Found) -> None:
    loc = spec.loc
    rules = dict(make_rules())
    line, column = loc.keys.get("rules", (loc.line, loc.column))
    for k in spec.rules:
        if k not in RULES:
            col.add(line, column, f"rules.{k}", f"unknown rule {k!r}{suggest(k, RULES)}")
    known = {k: v for k, v in spec.rules.items() if k in RULES}
    for k, why in rule_problems(known):
        col.add(line, column, f"rules.{k}", why)
    rules.update(known)
    found.rules = rules


def ref_context(spec: ScenarioSpec, hm: HexMap, col: Collector, found: Found) -> RefContext:
    from game.scenario.load import spawned_ids
    return RefContext(col, hm, set(found.factions), set(found.city_hex) | set(found.cities),
                      set(found.armies) | spawned_ids(spec), set(found.commanders),
                      {e.id for e in spec.events}, found.city_hex)


def check_victory(spec: ScenarioSpec, ctx: RefContext, found: Found) -> None:
    for v in spec.victory:
        ref(ctx.col, v, "faction", v.faction, found.factions, "faction")
        when = compile_condition(v.when, ctx, v.loc.sub("when"))
        if when is not None:
            found.victory.append(CompiledVictory(v, when))


def check_ai(spec: ScenarioSpec, hm: HexMap, col: Collector, found: Found) -> None:
    loc = spec.loc
    places = set(found.city_hex) | set(hm.places)
    for fid, ai in spec.ai.items():
        if fid not in found.factions:
            line, column = loc.keys.get("ai", (loc.line, loc.column))
            col.add(line, column, f"ai.{fid}",
                    f"unknown faction {fid!r}{suggest(fid, found.factions)}")
        for target in ai.targets:
            if target not in found.city_hex and target not in hm.places:
                ai.loc.report(col, "targets", f"unknown place {target!r}"
                                              f"{suggest(target, places)}")
        if ai.home is not None:
            h = found.city_hex.get(ai.home) or hm.resolve(ai.home)
            if h is None:
                ai.loc.report(col, "home", f"unknown place {ai.home!r}"
                                           f"{suggest(ai.home, places)}")
            elif hm.is_water(h):
                ai.loc.report(col, "home", f"home {ai.home!r} is on water")
        d = build_direction(ai, col, hm, found.city_hex, set(found.commanders))
        if d is not None and fid in found.factions:
            found.direction[fid] = d


def check_event(e, ctx: RefContext, found: Found) -> CompiledEvent | None:
    col = ctx.col
    for f in e.to:
        ref(col, e, "to", f, found.factions, "faction")
    for f in e.text_for:
        ref(col, e, "text_for", f, found.factions, "faction")
    ref(col, e, "on_turn_of", e.on_turn_of, found.factions, "faction")
    ref(col, e, "chooser", e.chooser, found.factions, "faction")
    when = compile_condition(e.when, ctx, e.loc.sub("when"))
    effects = compile_effects(e.effects, ctx, e.loc.sub("effects")) if e.effects else ()
    choices = []
    if e.cooldown and not e.repeat:
        e.loc.report(col, "cooldown", "a cooldown only matters for an event with "
                                      "`repeat: true`")
    if e.chooser is not None and e.to and e.chooser not in e.to:
        e.loc.report(col, "chooser", f"the chooser {e.chooser!r} is not among the factions "
                                     "told of the event (`to`)")
    if e.choices and not any(ch.ai_weight > 0 for ch in e.choices):
        e.loc.report(col, "choices", "at least one option needs an `ai_weight` above 0, "
                                     "or the computer cannot choose")
    if e.chooser is not None and not e.choices:
        e.loc.report(col, "choices", "a chooser is named but there are no options to choose")
    if e.choices:
        if e.chooser is None:
            e.loc.report(col, "chooser", "an event with choices needs a `chooser` faction")
        if len(e.choices) < 2:
            e.loc.report(col, "choices", "a choice needs at least two options")
        ids = set()
        for ch in e.choices:
            if ch.id in ids:
                ch.loc.report(col, "id", f"option {ch.id!r} is given twice")
            ids.add(ch.id)
            fx = compile_effects(ch.effects, ctx, ch.loc.sub("effects")) if ch.effects else ()
            choices.append((ch, fx or ()))
    if when is not None and effects is not None:
        return CompiledEvent(e, when, effects, choices)
    return None


def check_events(spec: ScenarioSpec, ctx: RefContext, found: Found) -> None:
    for e in spec.events:
        compiled = check_event(e, ctx, found)
        if compiled is not None:
            found.events.append(compiled)
    roots = [(v.when, v.loc.sub("when")) for v in spec.victory]
    for e in spec.events:
        roots += [(e.when, e.loc.sub("when")), (e.effects, e.loc.sub("effects"))]
        roots += [(ch.effects, ch.loc.sub("effects")) for ch in e.choices]
    check_flags(ctx.col, roots)


def check_all(spec: ScenarioSpec, hm: HexMap, col: Collector) -> Found:
    """Every error check of a scenario, section by section; what they found."""
    found = Found()
    check_ids(spec, col, found)
    check_dates(spec, col)
    check_commanders(spec, col, found)
    check_cities(spec, hm, col, found)
    check_factions(spec, col, found)
    check_relations(spec, col, found)
    check_armies(spec, hm, col, found)
    check_rules(spec, col, found)
    ctx = ref_context(spec, hm, col, found)
    check_victory(spec, ctx, found)
    check_ai(spec, hm, col, found)
    check_events(spec, ctx, found)
    return found
