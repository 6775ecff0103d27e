"""Strategy: what the computer wants, read from the scenario, and what threatens it.

Its aims come from four places, added together:
  * the victory conditions: cities a faction must own to win (its own, to
    take or hold; an enemy's, to deny), places its armies must reach,
    commanders whose death wins the war;
  * the author's `ai: targets` weights;
  * every city's own worth: income, walls, holiness, being a capital;
  * the author's aims as they stand this turn (game.ai.aims: set by `ai:` and
    changed by events), which may outweigh all the rest.
From these and the armies it knows of it makes a list of goals: cities to
take, its own cities to defend, enemy armies to beat, places to reach.  Each
goal has a value and the men it needs; operations.py assigns armies to them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.ai import memory
from game.ai import aims as author
from game.ai.knowledge import Knowledge
from game.events.compile import walk
from game.hexgrid import Hex, hex_distance
from game.rules import combat, siege
from game.rules import queries as Q
from game.rules.state import Army, City, GameState, clone

KIND_WEIGHT = {"decisive": 150, "major": 80, "minor": 50, "peace": 30}


@dataclass
class Aims:
    cities: dict[str, int] = field(default_factory=dict)      # city -> value to own
    places: dict[Hex, int] = field(default_factory=dict)      # hex -> value to stand on
    commanders: dict[str, int] = field(default_factory=dict)  # commander -> value of his fall
    guard: dict[str, int] = field(default_factory=dict)       # own commander -> his life's worth
    radius: dict[Hex, int] = field(default_factory=dict)      # place -> how near is near enough
    leader: dict[Hex, str] = field(default_factory=dict)      # place -> who must lead there
    # places an enemy's victory needs it away from: hex -> (worth, men to hold it with, the
    # enemies whose victory it denies)
    holds: dict[Hex, tuple[int, int, frozenset]] = field(default_factory=dict)
    # places a victory checked at the end asks for directly (where to be when the war
    # ends): the only places worth marching to while at peace
    final: set[Hex] = field(default_factory=set)
    # victories that need some of a list of cities: (cities, how many, worth, whose victory);
    # the cities still missing are worth more the fewer are missing (see count_bonus)
    counts: list[tuple[tuple[str, ...], int, int, str]] = field(default_factory=list)
    # cities whose loss alone would end the war: an enemy's decisive victory is to own one
    vital: set[str] = field(default_factory=set)


def aims(scn, faction: str) -> Aims:
    """The faction's aims from the victory conditions and the author's targets (cached)."""
    return scn.cached(("ai_aims", faction), lambda: _read_aims(scn, faction))


def _walk(cond):
    """Yield (name, args, positive) for each leaf of a compiled condition."""
    for leaf, positive in walk(cond):
        yield leaf.name, leaf.args, positive


def _cities_of(scn, args) -> list[str]:
    if args.get("city"):
        return [args["city"]]
    if args.get("cities"):
        return list(args["cities"])
    region = args.get("region")
    if region:
        hm = scn.map
        return sorted(cid for h, cid in scn.city_at.items() if hm.region_of(h) == region)
    return []


def flags_set(ev) -> list[str]:
    """The flags an event's effects (or one of its options) set, in their order."""
    runs = list(ev.effects) + [r for _c, fx in ev.choices for r in fx]
    return [run.args["name"] for run in runs if run.name == "set_flag"]


def flag_setters(scn) -> dict[str, list]:
    """Flag -> the events whose effects (or one of whose options) set it."""
    out: dict[str, list] = {}
    for ev in scn.events:
        for flag in flags_set(ev):
            out.setdefault(flag, []).append(ev)
    return out


CHAIN_DEPTH = 3     # how far back it follows flags and fired events to what causes them


def _read_aims(scn, faction: str) -> Aims:
    out = Aims()
    spec = scn.spec
    commander_side = {c.id: c.faction for c in spec.commanders}
    allies = {frozenset((r.a, r.b)) for r in spec.relations if r.status == "alliance"}
    setters = flag_setters(scn)
    events = {ev.spec.id: ev for ev in scn.events}

    def add(table, k, v):
        table[k] = table.get(k, 0) + v

    def read(cond, w: int, mine: bool, depth: int, seen: set, by: str = faction,
             end: bool = False) -> None:
        """Add the aims in one condition of a victory (or of an event a victory needs);
        `end`: a victory checked when the last turn ends."""
        for name, args, positive in _walk(cond):
            if name == "owns":
                cities = _cities_of(scn, args)
                share = w if not args.get("count") else max(1, w * args["count"]
                                                            // max(1, len(cities)))
                wants = args["faction"] == faction
                if args.get("count") and positive and (mine == wants):
                    out.counts.append((tuple(cities), args["count"], w, args["faction"]))
                if mine and positive == wants:
                    for c in cities:          # ours to take or hold, or theirs to deny
                        add(out.cities, c, share)
                elif not mine and positive:
                    for c in cities:          # the enemy needs them: deny him
                        add(out.cities, c, share * 4 // 5)
            elif name in ("army_near", "commander_at") and positive == mine:
                who = args.get("faction") or commander_side.get(args.get("commander"))
                place = args.get("place")
                if who != faction or place is None:
                    continue
                if mine:                      # ours to reach
                    add(out.places, place, w)
                    if end and depth == 0:
                        out.final.add(place)
                    r = args.get("within") or 0
                    out.radius[place] = min(out.radius.get(place, r), r)
                    if args.get("commander"):
                        out.leader[place] = args["commander"]
                else:                         # the enemy needs us away from it: ours to hold
                    v, men, whose = out.holds.get(place, (0, 0, frozenset()))
                    out.holds[place] = (v + w, max(men, args.get("men") or 0),
                                        whose | {by})
            elif name == "commander_alive":
                ours = commander_side.get(args["commander"]) == faction
                if mine and not positive and not ours:
                    add(out.commanders, args["commander"], w)     # his fall is our victory
                elif ours and positive == mine:
                    add(out.guard, args["commander"], w)          # his life is needed
            elif name == "besieged" and positive and (args.get("by") == faction) == mine:
                add(out.cities, args["city"], w // 2)     # ours to invest, or to keep free
            elif name in ("flag", "fired") and positive and depth < CHAIN_DEPTH:
                # a victory that needs a scripted event: aim at what makes it happen (or,
                # for an enemy's victory, at what stops it)
                causes = (setters.get(args.get("name"), []) if name == "flag"
                          else [events[args["event"]]] if args.get("event") in events else [])
                for ev in causes:
                    if ev.spec.id not in seen:
                        read(ev.when, w * 4 // 5, mine, depth + 1, seen | {ev.spec.id}, by)

    for v in scn.victory:
        mine = v.spec.faction == faction
        if not mine and frozenset((faction, v.spec.faction)) in allies:
            continue
        if not mine and v.spec.kind == "decisive":
            for name, args, positive in _walk(v.when):
                if name == "owns" and positive and not args.get("count") \
                        and args.get("faction") == v.spec.faction:
                    cities = _cities_of(scn, args)
                    if len(cities) == 1:
                        out.vital.add(cities[0])
        read(v.when, KIND_WEIGHT.get(v.spec.kind, 30), mine, 0, set(), v.spec.faction,
             v.spec.check == "end")
    ai = spec.ai.get(faction)
    if ai is not None:
        for target, weight in ai.targets.items():
            if target in {c.id for c in spec.cities}:
                add(out.cities, target, weight)
            else:
                h = scn.map.resolve(target)
                if h is not None:
                    cid = scn.city_at.get(h)
                    if cid is not None:
                        add(out.cities, cid, weight)
                    else:
                        add(out.places, h, weight)
    return out


def city_worth(state: GameState, c: City) -> int:
    """What any city is worth to anyone: income, walls, holiness, a capital."""
    v = 4 + c.income + c.walls * 2
    if c.holy:
        v += 15
    if c.id in [f.capital for f in state.factions.values()]:
        v += 20
    return v


def count_bonus(k: Knowledge, c: City) -> int:
    """More worth for a city in a victory that needs some of a list of cities, the closer
    that victory is: the last city missing is worth the whole victory to the side that
    lacks it, and as much (four fifths) to the side that must deny it.  The worth read
    from the conditions spreads the victory over all the cities; this adds the rest."""
    t = k.__dict__.get("_count_bonus")
    if t is None:
        t = {}
        for cities, count, w, whose in aims(k.state.scenario, k.faction).counts:
            held = sum(1 for x in cities if x in k.cities and k.cities[x].owner == whose)
            missing = count - held
            if missing <= 0 or missing > 3:
                continue             # won already, or still far off: the even share will do
            share = max(1, w * count // max(1, len(cities)))
            extra = w // missing - share
            if whose != k.faction:
                extra = extra * 4 // 5
            if extra <= 0:
                continue
            for x in cities:
                if x in k.cities and k.cities[x].owner != whose:
                    t[x] = t.get(x, 0) + extra
        k.__dict__["_count_bonus"] = t
    return t.get(c.id, 0)


def city_value(k: Knowledge, c: City) -> int:
    v = city_worth(k.state, c) + aims(k.state.scenario, k.faction).cities.get(c.id, 0)
    v += count_bonus(k, c)
    if k.level.follows_aims:
        v += author.city_bonus(k, c)                # the author's aims, as they stand now
    v = max(1, v)
    if c.owner == k.faction and k.state.factions[k.faction].capital == c.id:
        v += 30
    if k.profile.raider and c.owner != k.faction:      # raiders want loot, not land
        v = 4 + c.income * Q.rules(k.state)["capture_loot_per_income"]
    return v


# --- sizing strength -------------------------------------------------------------

def ratio_for(state: GameState, percent: int) -> int:
    """Least strength ratio (in percent) that wins a battle `percent` of the time."""
    table = state.scenario.cache.get("ai_ratio")
    if table is None:
        table = {}
        r = 50
        for p in range(0, 101):
            while r < 400 and combat.win_chance(state, r * 100, 10000) < p:
                r += 1
            table[p] = r
        state.scenario.cache["ai_ratio"] = table
    return table[max(0, min(100, percent))]


def defence_strength(state: GameState, army: Army, at: Hex, walls: int = 0) -> int:
    """An army's strength when attacked where it stands (ground and walls, no river)."""
    s = army.men * combat.army_quality(state, army, False) // 100
    return s * (100 + combat.ground_bonus(state, at, None, walls)) // 100


STARVE_UNSUPPLIED = 2500  # largest garrison it means to starve out beyond its supply lines
WALLED_STACK = 50    # percent of its worth left to a city an enemy army holds behind walls
SALLY_MARGIN = 120   # besiegers wanted per man of the armies shut in a city, percent
CONTESTED_LEAST = 20  # least worth of a city held by an army too strong to attack
GUARD_ODDS = 15     # more win percent wanted when a commander the war turns on leads


def required_odds(k: Knowledge, base: int = 60, army: Army | None = None) -> int:
    """The win percent it wants before a battle: its level, the author's aggression, and
    more when the army is led by a commander whose death would lose it the war."""
    want = base + k.level.odds_shift - (k.profile.aggression - 5) * 3
    if army is not None and army.commander is not None and \
            army.commander in aims(k.state.scenario, k.faction).guard:
        want += GUARD_ODDS
    return max(35, min(90, want))


def attack_need(k: Knowledge, enemy: Army, with_: list[Army] | None = None) -> int:
    """Men needed to beat `enemy` where it stands at the wanted odds (with the other
    armies it knows of on that hex, or those `with_` names)."""
    c = Q.city_at(k.state, enemy.hex)
    walls = c.walls if c is not None and c.owner == enemy.faction else 0
    d = defence_strength(k.state, enemy, enemy.hex, walls)
    if c is not None and c.owner == enemy.faction:
        d += c.garrison * (100 + combat.ground_bonus(k.state, enemy.hex, None, walls)) // 100
    others = k.enemies if with_ is None else with_
    d += sum(defence_strength(k.state, a, a.hex, walls) for a in others
             if a.hex == enemy.hex and a.id != enemy.id)
    return d * ratio_for(k.state, required_odds(k)) // 100


def known_inside(k: Knowledge, c: City) -> list[Army]:
    """The enemy armies it knows of in a city: seen there now, or last seen there (an army
    behind walls seldom leaves them)."""
    out = [e for e in k.enemies if e.hex == c.hex]
    for g in k.ghosts:
        if g.hex == c.hex and c.owner == g.faction:
            out.append(Army(g.id, g.id, g.faction, g.hex, g.men))
    return out


def _inside_index(k: Knowledge):
    """`known_inside` for many cities of one plan: the enemies and the remembered armies
    grouped by hex once (each group in the order of its list), then looked up."""
    enemies: dict[Hex, list[Army]] = {}
    for e in k.enemies:
        enemies.setdefault(e.hex, []).append(e)
    ghosts: dict[Hex, list] = {}
    for g in k.ghosts:
        ghosts.setdefault(g.hex, []).append(g)

    def inside(c: City) -> list[Army]:
        out = list(enemies.get(c.hex, ()))
        for g in ghosts.get(c.hex, ()):
            if c.owner == g.faction:
                out.append(Army(g.id, g.id, g.faction, g.hex, g.men))
        return out
    return inside


def storm_need(k: Knowledge, c: City, inside: bool = True) -> int:
    """Men (of average quality) needed to storm the city now at the wanted odds."""
    return _storm_need(k, c, known_inside(k, c) if inside else [])


def _storm_need(k: Knowledge, c: City, inside: list[Army]) -> int:
    """`storm_need` with the armies it knows inside the city given."""
    if not k.armies:
        return 1 << 30
    # only the armies it knows of (the defence does not depend on who storms)
    dfn = siege.assault_defence(k.state, c, inside)
    ratio = k.__dict__.get("_storm_ratio")       # the same for every city of a plan
    if ratio is None:
        ratio = k.__dict__["_storm_ratio"] = ratio_for(k.state, required_odds(k, 65))
    return dfn * ratio // 100


def may_starve(k: Knowledge, c: City) -> bool:
    """Whether it means to starve the city out rather than storm it: a major power within
    its supply lines (beyond them, only a small garrison; the besiegers would starve first)."""
    return not k.profile.raider and (k.supplied(c.hex) or c.garrison <= STARVE_UNSUPPLIED)


def take_need(k: Knowledge, c: City, inside: bool = True) -> int:
    """Men needed to take a city: to storm it, or (a major power) to starve it out; the
    armies it knows inside must be beaten or starved with it (unless `inside` is false)."""
    return _take_need(k, c, known_inside(k, c) if inside else [])


def _take_need(k: Knowledge, c: City, inside: list[Army]) -> int:
    """`take_need` with the armies it knows inside the city given ([] to leave them out)."""
    need = _storm_need(k, c, inside)
    if inside:
        # one battle against all of them together (the garrison fights with them)
        need = max(need, attack_need(k, inside[0], inside))
    if not may_starve(k, c):
        return need
    # a siege starves the garrison (and the armies shut in with it, the sooner): the
    # besiegers need only outlast a sally and any relief, so a modest force will do when
    # storming is too dear
    sally = sum(a.men for a in inside) * SALLY_MARGIN // 100
    return min(need, max(sally, c.garrison * 2, Q.rules(k.state)["min_army_men"] * 10))


# --- threats ---------------------------------------------------------------------

def vital_city(k: Knowledge, c: City) -> bool:
    """Its capital, or a city whose loss would end the war (an enemy's decisive victory)."""
    return (k.state.factions[k.faction].capital == c.id
            or c.id in aims(k.state.scenario, k.faction).vital)


STEP_TAKEN_BY = {"owns": "faction", "besieged": "by"}   # the leaves that take a city


def step_cities(scn) -> dict[str, frozenset]:
    """Side -> the cities whose taking (or siege) by that side sets a flag on the way to its
    victory (cached): those named, with that side as owner or besieger, in the condition
    of an event setting a flag that search.steps counts as bringing its victory nearer
    (the Road: Dastagerd, whose sack opens the coup)."""
    def make():
        from game.ai.search import steps
        setters = flag_setters(scn)
        out: dict[str, set] = {}
        for flag, _w, whose, nearer in steps(scn):
            if not nearer:
                continue
            for ev in setters.get(flag, []):
                for name, args, positive in _walk(ev.when):
                    key = STEP_TAKEN_BY.get(name)
                    if positive and key and args.get(key) == whose:
                        out.setdefault(whose, set()).update(_cities_of(scn, args))
        return {f: frozenset(v) for f, v in out.items() if v}
    return scn.cached("step_cities", make)


def deterred_city(k: Knowledge, c: City) -> bool:
    """(deter_steps, in the field defence's window) a city of its own, not vital, whose
    taking by an enemy would be a step towards that enemy's victory: a step, once taken,
    is not taken back (a palace is sacked once), as a capital lost late is not won back."""
    if not k.level.deter_steps or not field_defence(k) or vital_city(k, c):
        return False
    return any(c.id in cities and k.hostile(whose)
               for whose, cities in step_cities(k.state.scenario).items())


def victory_cities(scn, faction: str) -> list[str]:
    """The cities named in an `owns` of the victory conditions of `faction` (cached)."""
    def make():
        out = set()
        for v in scn.victory:
            if v.spec.faction != faction:
                continue
            for name, args, positive in _walk(v.when):
                if name == "owns" and positive and args.get("faction") == faction:
                    out.update(_cities_of(scn, args))
        return sorted(out)
    return scn.cached(("victory_cities", faction), make)


def throw_cities(k: Knowledge) -> frozenset[str]:
    """(a level with `last_throw`) In its last rounds of the war (`throw_rounds` more at most),
    when the victory that would be declared if the war ended now is an enemy's, the hostile
    cities whose taking would turn that: the war is lost as it stands, so a storm at poor
    odds risks nothing the end would not take anyway.  Only while its best army could storm
    the city as it knows it (garrison, armies inside, walls) at the level's odds: else the
    armies keep to their other work (a king come out of his walls can still be beaten in the
    field).  Each is tried on a copy of the game with the city given to the side."""
    state = k.state
    if not k.level.last_throw or state.scenario.total_turns - state.turn > k.level.throw_rounds:
        return frozenset()
    from game.ai.search import standing
    if standing(state, k.faction) >= 0:
        return frozenset()
    out = set()
    copy = None
    for cid in victory_cities(state.scenario, k.faction):
        c = k.cities.get(cid)
        if c is None or not k.hostile(c.owner):
            continue
        inside = known_inside(k, c)
        if not any(combat.win_chance(state, *siege.assault_strengths(state, a, c, inside))
                   >= k.level.last_throw for a in k.armies):
            continue
        if copy is None:
            copy = clone(state)
        was, copy.cities[cid].owner = copy.cities[cid].owner, k.faction
        if standing(copy, k.faction) > 0:
            out.add(cid)
        copy.cities[cid].owner = was
    return frozenset(out)


def threats(k: Knowledge, kept: frozenset = frozenset()) -> dict[str, int]:
    """Own city -> enemy strength able to reach it next turn (its capital and the cities whose
    loss would end the war: within the level's lookahead).  For the other cities in `kept` (an
    army marched to defend them last turn) one turn further: a defence, once taken up, lasts
    while the enemy stays that near, so that it is not dropped and taken up again every other
    turn as the enemy steps in and out of a turn's reach.  Not for a vital city: its defence
    is urgent and calls armies off their errands, which a threat two turns off should not."""
    out: dict[str, int] = {}
    soon = k.soon if k.level.in_time else None
    if soon is not None:
        soon.clear()
    # (q, r, turns, city): pairs of enemy and city are many, so the hex distance is taken
    # inline, as the largest of |dq|, |dr|, |dq + dr| (compared, not worked out)
    own = []
    for c in k.own_cities():
        vital = vital_city(k, c) or deterred_city(k, c)
        own.append((c.hex[0], c.hex[1], k.level.lookahead if vital
                    else 2 if c.id in kept else 1, c))
    sieging = {c.hex for c in k.cities.values() if c.siege is not None}
    for e in k.enemies:
        if e.hex in sieging:
            continue          # tied to its siege (which is answered by a relief goal)
        s = e.men
        march = k.budget(e)
        j = k.index(e.hex)
        eq, er = e.hex
        for cq, cr, turns, c in own:
            budget = march * turns
            far = budget + 1            # farther than this: out of reach
            dq = eq - cq
            if dq > far or dq < -far:
                continue
            dr = er - cr
            if dr > far or dr < -far:
                continue
            ds = dq + dr
            if ds > far or ds < -far:
                continue
            if -1 <= dq <= 1 and -1 <= dr <= 1 and -1 <= ds <= 1:     # next to it
                out[c.id] = out.get(c.id, 0) + s
                if soon is not None:
                    soon[c.id] = soon.get(c.id, 0) + s
                continue
            f = k.field(c.hex, e.faction)
            if f[j] <= budget:
                out[c.id] = out.get(c.id, 0) + s
                if soon is not None and (turns == 1 or f[j] <= march):
                    soon[c.id] = soon.get(c.id, 0) + s
    base = ghost_budget(k)
    for g in k.ghosts:
        # an army seen earlier, now out of sight: it may have marched a turn's distance
        # for every turn since, and counts for less the older the sighting
        age = g.age(k.state.turn)
        s = g.men * memory.fade(age) // 100
        if s <= 0 or g.hex in sieging:
            continue
        j = k.index(g.hex)
        gq, gr = g.hex
        for cq, cr, turns, c in own:
            budget = base * (turns + age)
            far = budget + 1
            dq = gq - cq
            dr = gr - cr
            ds = dq + dr
            if dq > far or dq < -far or dr > far or dr < -far or ds > far or ds < -far:
                continue
            f = k.field(c.hex, g.faction)
            if j >= 0 and f[j] <= budget:
                out[c.id] = out.get(c.id, 0) + s
                if soon is not None and f[j] <= base * (1 + age):
                    soon[c.id] = soon.get(c.id, 0) + s
    return out


def ghost_budget(k: Knowledge) -> int:
    """A turn's march of an army it cannot see (its commander unknown: the best he could do)."""
    r = k.state.scenario.rules
    base = r["move_points_season"] if k.state.months_per_turn == 3 else r["move_points_month"]
    return base + r["strategy_move_bonus"]


def city_defence(k: Knowledge, c: City, armies: bool = True) -> int:
    """What defends a city: its garrison behind its walls (and the armies in it)."""
    walls_pct = 100 + c.walls * Q.rules(k.state)["defence_per_wall"]
    s = c.garrison * walls_pct // 100
    if armies:
        s += sum(a.men * walls_pct // 100 for a in k.armies if a.hex == c.hex)
    return s


# --- goals -------------------------------------------------------------------------

@dataclass
class Goal:
    kind: str            # take, defend, attack, relieve (attack a siege of ours), visit
    key: str             # city id, army id or place
    hex: Hex
    value: int
    need: int            # men wanted
    assigned: list[str] = field(default_factory=list)
    urgent: bool = False  # guard duty: armies are sent to it before any other goal
    leader: str | None = None  # only an army this commander leads will do
    in_time: bool = False  # (a level with in_time) an urgent defence no enemy can reach
                           # next turn: an army a turn's march from it guards it where it is

    def __post_init__(self):
        # asked a million times a game; kind and key never change.  Set here rather than
        # as a cached property, whose first reading takes a lock (Python 3.11)
        self.name = f"{self.kind}:{self.key}"


def field_defence(k: Knowledge) -> bool:
    """Whether the defence of its capital (or a city whose loss ends the war) asks for men
    enough to beat the threat in the field: always at a level with `field_defence`, and in
    the war's last `late_field_defence` months, when a capital lost is not won back."""
    if k.level.field_defence:
        return True
    months = k.level.late_field_defence
    state = k.state
    return bool(months) and \
        (state.scenario.total_turns - state.turn) * state.months_per_turn < months


def goals(k: Knowledge, threat: dict[str, int]) -> list[Goal]:
    state = k.state
    out: list[Goal] = []
    a = aims(state.scenario, k.faction)
    strongest = max((x.men for x in k.armies), default=0)
    total = sum(x.men for x in k.armies)
    inside_of = _inside_index(k)
    for c in sorted(k.cities.values(), key=lambda c: c.id):
        if c.owner == k.faction:
            t = threat.get(c.id, 0)
            if t and k.level.heeds_threats and c.siege is None:
                vital, deterred = vital_city(k, c), deterred_city(k, c)
                # the garrison alone against the threat: armies in the city count only
                # if they are assigned to stay, so that they do not march off
                walls_pct = 100 + c.walls * Q.rules(state)["defence_per_wall"]
                need = (t * ratio_for(state, 50) // 100 - city_defence(k, c, False)) \
                    * 100 // walls_pct
                if field_defence(k) and vital:
                    # besieged, the men inside starve within a few turns: the war-ending
                    # city needs men enough to beat the threat in the field, when the threat
                    # outnumbers the men inside (garrison and armies) and all its armies
                    # together could; else it rests on its walls, as at normal.  (Without
                    # those two checks 8,000 Persians at Chalcedon and then 80,000 Avars
                    # called Theodore home from Shahin in the Year of Two Sieges)
                    field = t * ratio_for(state, required_odds(k)) // 100
                    inside = c.garrison + sum(x.men for x in k.armies if x.hex == c.hex)
                    if t > inside and field <= total:
                        need = max(need, field)
                elif deterred:
                    # the enemy will not attack men as many as its own where they stand
                    field = t * 100 // ratio_for(state, 50)
                    if field <= total:
                        need = max(need, field)
                if need > 0:
                    alone = max(1, city_defence(k, c, False))
                    v = city_value(k, c) * min(200, 50 + 100 * t // alone) // 100
                    # a capital or a war-ending city in danger outranks any errand
                    g = Goal("defend", c.id, c.hex, v, need, urgent=vital or deterred)
                    # (in_time) no enemy can be there next turn: a turn's march off will do
                    g.in_time = g.urgent and k.level.in_time and not k.soon.get(c.id)
                    out.append(g)
            continue
        if not k.hostile(c.owner):
            continue
        if c.siege is not None and c.siege.by != k.faction:
            continue               # an ally's or a third party's siege: leave it
        inside = inside_of(c)
        need = _take_need(k, c, inside)
        value = city_value(k, c)
        held = bool(inside)
        if k.profile.raider and not held:
            if need > strongest or c.walls > 3:
                continue           # raiders take only what they can storm at once
        if need > total * 3 // 2:
            if not held or k.profile.raider:
                continue
            # an army too strong to fight holds it: wait before its walls for that army
            # to march off (or to come out), at a worth that falls with its strength
            value = value * total // need
            need = _take_need(k, c, [])
            if value < CONTESTED_LEAST:
                continue
        if held and c.walls > 0 and c.garrison > 0 and not may_starve(k, c):
            # beaten, an army behind walls stays (and is refilled), and no siege of ours
            # could starve it here: a poor objective while softer ones are to be had
            value = value * WALLED_STACK // 100
        out.append(Goal("take", c.id, c.hex, value, need))
    mine = {c.hex: c for c in k.own_cities()}
    walled = {c.hex for c in k.cities.values()
              if k.hostile(c.owner) and c.walls > 0 and c.garrison > 0}
    for e in k.enemies:
        if e.hex in walled:
            continue     # behind its own walls: beaten it stays put, so only a siege gets it
        v = 2 + e.men // 1500 + a.commanders.get(e.commander or "", 0)
        city = mine.get(e.hex)
        if city is not None:                         # besieging one of ours: relieve it
            v += city_value(k, city) * 2
            out.append(Goal("relieve", e.id, e.hex, v, attack_need(k, e),
                            urgent=vital_city(k, city)))
            continue
        eq, er = e.hex              # the hex distance, inline: every enemy and own city
        near = [c for (q, r), c in mine.items()
                if (abs(q - eq) + abs(r - er) + abs(q - eq + r - er)) // 2 <= 2]
        v += max((city_value(k, c) // 2 for c in near), default=0)
        out.append(Goal("attack", e.id, e.hex, v, attack_need(k, e)))
    takes = {g.hex: g for g in out if g.kind == "take"}
    for h, w in sorted(a.places.items()):
        r = a.radius.get(h, 0)
        who = a.leader.get(h)
        if who is not None and not any(x.commander == who for x in k.armies):
            continue         # he leads no army now
        if who is not None and h in takes and takes[h].leader is None and r <= 2:
            # a city he must come to in person: his to take (to come within a wider
            # radius of it, he need not take it)
            takes[h].leader = who
            takes[h].value += w
            continue
        if r > 2:
            near = [x for x in k.armies if hex_distance(x.hex, h) <= r
                    and (who is None or x.commander == who)]
            if near:         # already near enough; a small radius is held, so it stays a goal
                here = author.arrived(k, near, f"visit:{h.q},{h.r}")
                if here is not None:     # (steady) kept for the army that came: it stays
                    out.append(Goal("visit", f"{h.q},{h.r}", here.hex, w // 2,
                                    Q.rules(state)["min_army_men"], leader=who))
                continue
        out.append(Goal("visit", f"{h.q},{h.r}", h, w, Q.rules(state)["min_army_men"],
                        leader=who))
    for h, (w, men, whose) in sorted(a.holds.items()):
        # denying an enemy's victory matters most while that enemy is in the war
        live = any(state.factions[f].in_play for f in whose)
        out.append(Goal("visit", f"{h.q},{h.r}", h, w, max(men, Q.rules(state)["min_army_men"]),
                        urgent=live))
    if k.level.follows_aims:
        author.add_goals(k, out)
    k.throws = throw_cities(k)
    if k.throws:
        # the last throw outranks every errand: all its armies, and no "leave it be"
        top = max((g.value for g in out), default=0) * 2 + 1
        for cid in sorted(k.throws):
            c = k.cities[cid]
            g = next((g for g in out if g.kind == "take" and g.key == cid), None)
            if g is None:
                g = Goal("take", cid, c.hex, 0, 0)
                out.append(g)
            g.value, g.need, g.urgent, g.leader = top, max(1, total), True, None
    return author.weigh(k, out)
