"""Operations: which army goes where, new troops, and armies joined into one.

Armies are assigned to goals greedily, best (value over travel time) first,
each goal taking armies until it has the men it needs and a margin more, so
that force is concentrated rather than spread: a goal that cannot gather
enough men (70% of its need) is given up and its armies go to the next.
Armies left over join the most valuable goal that is already under way.
Out of season a minor power's armies head home; in winter armies out of
supply head for winter quarters.
"""
from __future__ import annotations

import numpy as np

from game.ai import minor
from game.ai.knowledge import Knowledge
from game.ai.memory import errand_name, goalless
from game.ai.strategy import Goal, aims, city_defence, city_value
from game.ai.tactics import Errand, beleaguered, besieging, falling, starving, starving_inside
from game.hexgrid import hex_distance
from game.rules import economy, engine
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.orders import Merge, Raise, Split
from game.rules.state import Army

HORIZON = 6          # turns of marching beyond which a goal is not considered
TURN_COST = 80       # how fast a goal's worth falls with the turns of marching to it (percent)
RETURN = 60          # the worth of the goal an army last gave up, to go back to it (percent)
ONE_PLACE = 4        # hexes: a defence and a hold this close are one errand (steady)
NEXT_TO = 1          # hexes: the same for an urgent defence (Constantinople and Chalcedon)
CALLED_FROM = 2      # turns: an army bound to another errand answers an emergency from this near


def guarding(g: Goal) -> bool:
    """A goal that keeps an army at a place of its own side's: a defence, a relief, a hold."""
    if g.kind in ("defend", "relieve"):
        return True
    return g.kind == "visit" and not g.key.startswith(("threaten:", "shadow:", "escort:"))


def one_errand(a: Goal, b: Goal) -> bool:
    """Whether two goals are one errand to the army on it: the same goal, or a defence and a
    hold (or two defences) of one city or of places near each other.  Not a relief: only an
    attack lifts a siege, and an army holding a place nearby does not.  And for an urgent
    defence (a capital, a city whose loss ends the war) only a place next to it: an army
    holding Dastagerd, four hexes off, does not defend Ctesiphon."""
    if a is b or a.name == b.name:
        return True
    if not (guarding(a) and guarding(b)) or "relieve" in (a.kind, b.kind):
        return False
    return hex_distance(a.hex, b.hex) <= (NEXT_TO if a.urgent or b.urgent else ONE_PLACE)


def may_take(k: Knowledge, army: Army, goal: Goal) -> bool:
    """Whether the army may take the goal this turn: not one it has gone back and forth on
    (`k.tired`, a level with `back_and_forth`), unless the campaign's plan gives it to its
    commander."""
    return goal.leader is not None or k.tired.get(army.id) != goal.name


def travel(k: Knowledge, army: Army, goal: Goal) -> int | None:
    """Movement points from the army to the goal (None if it cannot get there)."""
    if goal.kind in ("attack", "relieve"):          # a moving target: a rough measure
        if not k.connected(army.hex, goal.hex):
            return None
        return hex_distance(army.hex, goal.hex) * 2
    d = k.field(goal.hex)[k.index(army.hex)]
    return None if d >= M.INF else d


def assign(k: Knowledge, goals: list[Goal], reserved: dict[str, str] | None = None,
           habits: dict[str, str] | None = None,
           left: dict[str, str] | None = None) -> dict[str, Errand]:
    """Army id -> errand for every army that can still act this turn.

    `reserved` maps armies detached this turn to the goal (by name) they were
    detached for; they keep it while it is still a goal.  `habits` maps armies
    to the goal they marched for last turn: it counts for more (the level's `commit`), so
    an army does not turn back for a goal only a little better; `left` maps armies to
    the goal they last gave up, which counts for less (RETURN), so that two goals
    cannot take turns.
    """
    state = k.state
    out: dict[str, Errand] = {}
    reserved = reserved or {}
    habits = habits or {}
    left = left or {}
    home = minor.home_hex(state, k.profile, k.own_cities())
    if not minor.in_season(state, k.profile):
        for a in k.armies:
            out[a.id] = Errand("home", home)
        return out
    if not any(k.hostile(f) for f in state.factions if state.factions[f].in_play):
        # at peace: places a victory checked at the end asks it to reach still count (an
        # army home by the end); not the places of a war still to come, or its armies
        # would march off before it begins
        final = aims(state.scenario, k.faction).final
        visits = [g for g in goals if g.kind == "visit" and g.hex in final]
        for a in k.armies:
            def cost(g, a=a):
                t = travel(k, a, g)
                return M.INF if t is None else t     # 0: it is there already
            g = min((g for g in visits if g.leader in (None, a.commander)),
                    key=lambda g: (cost(g), g.name), default=None)
            if g is not None and travel(k, a, g) is not None:
                g.assigned.append(a.id)
                out[a.id] = Errand(g.kind, g.hex, g)
            else:
                out[a.id] = Errand("hold", _hold_hex(k, a) if k.profile.major else home)
        return out
    free: list[Army] = []
    by_name = {g.name: g for g in goals}
    held: dict[str, int] = {}
    for a in k.armies:
        g = by_name.get(reserved.get(a.id, ""))
        if g is not None:               # (the campaign's plan, even back and forth)
            g.assigned.append(a.id)
            held[g.name] = held.get(g.name, 0) + a.men
            out[a.id] = Errand(g.kind, g.hex, g)
        elif _needs_quarters(k, a):
            out[a.id] = Errand("quarters", winter_quarters(
                k, a, habits.get(a.id) if k.level.back_and_forth else None))
        else:
            free.append(a)
    raider_horizon = 3 if k.profile.raider else HORIZON
    steady = k.level.steady

    def bound(a: Army, g: Goal) -> int:
        """(steady) 0: the army is free for `g`; 1: the goal it marched for last turn is
        still a goal and another errand than `g`'s; 2: `g`'s errand is the one it gave up."""
        l_name = left.get(a.id)
        if l_name is not None:
            l_goal = by_name.get(l_name)
            if l_name == g.name or (l_goal is not None and one_errand(l_goal, g)):
                return 2
        h = by_name.get(habits.get(a.id, ""))
        return 1 if h is not None and not one_errand(h, g) else 0

    # guard duty first: a place that denies a live enemy's victory gets the nearest armies
    for g in sorted((g for g in goals if g.urgent), key=lambda g: (-g.value, g.name)):
        near = sorted(((travel(k, a, g), a.id, a) for a in free if may_take(k, a, g)),
                      key=lambda x: (x[0] if x[0] is not None else M.INF, x[1]))
        if steady:
            # the free armies first; an army on another errand only when they are too few
            # (near at hand before far); and an army back to the errand it gave up, only
            # from within CALLED_FROM turns (from farther it would come too late for the
            # emergency, and only swap back and forth)
            tier = []
            for cost, aid, a in near:
                if cost is None:
                    continue
                turns = cost // max(1, k.budget(a))
                far = turns > CALLED_FROM
                tied = bound(a, g)
                if turns > HORIZON or (tied == 2 and far):
                    continue
                rank = (1 if tied else 0) + (2 if far else 0)
                tier.append((rank, cost, aid, a))
            near = [(cost, aid, a) for _t, cost, aid, a in sorted(tier, key=lambda x: x[:3])]
        got = held.get(g.name, 0)
        for cost, _aid, a in near:
            if got >= g.need * 11 // 10 or cost is None or cost // max(1, k.budget(a)) > HORIZON:
                break
            h = by_name.get(habits.get(a.id, "")) if steady else None
            if h is not None and h is not g and one_errand(h, g):
                h.assigned.append(a.id)     # already on this errand under another name: it
                out[a.id] = Errand(h.kind, h.hex, h)    # keeps it, and its men count here
                held[h.name] = held.get(h.name, 0) + a.men
            else:
                g.assigned.append(a.id)
                # (in_time) a turn's march off, it could be back before the enemy: it stays
                stay = g.in_time and cost <= k.budget(a)
                out[a.id] = Errand(g.kind, a.hex if stay else g.hex, g)
            if not starving_inside(k, a):
                got += a.men      # (shut in a starving capital, it cannot join a relief)
            free.remove(a)
        held[g.name] = got
    # a camp out of supply and starving is not fed with more men
    hungry = {g.name for g in goals if g.kind == "take" and not k.supplied(g.hex)
              and any(x.hex == g.hex and starving(k, x) for x in k.armies)}
    pairs = []
    near = _Nearest(goals)
    for a in free:
        budget = max(1, k.budget(a))
        sieged = besieging(k, a)
        mine = [g for g in goals if g.leader is None or g.leader == a.commander]
        rough = near.shortlist(a, k.level.shortlist)
        rough += [g for g in mine if g.name == habits.get(a.id) and g not in rough]
        for g in rough:
            if (g.name in hungry and a.hex != g.hex) or not may_take(k, a, g):
                continue
            if steady and g.name != habits.get(a.id) and _same_errand(by_name, habits.get(a.id), g):
                continue        # its errand under another name: it keeps the one it had
            cost = travel(k, a, g)
            if cost is None:
                continue
            turns = cost // budget
            if turns > raider_horizon:
                continue
            score = g.value * 1000 // (100 + k.level.turn_cost * turns)
            if sieged is not None and g.kind == "take" and g.key == sieged.id:
                score = score * 3 // 2          # a siege under way is worth finishing
            if habits.get(a.id) == g.name:
                score = score * k.level.commit // 100   # the goal it marched for last turn
            elif left.get(a.id) == g.name and not g.urgent and not (
                    k.level.back_and_forth and goalless(habits.get(a.id))):
                score = score * RETURN // 100   # the goal it gave up: not back and forth (a
                                                # march back from winter quarters is none)
            elif steady and (left.get(a.id) == g.name
                             or _same_errand(by_name, left.get(a.id), g)):
                score = score * RETURN // 100   # (steady: an emergency too)
            if turns > 1 and not k.supplied(g.hex):
                score = score * 2 // 3          # a long march beyond its supply lines
                if state.season == "autumn" and k.level.minds_supply:
                    score //= 2                 # and not with winter coming
            pairs.append((score, a.id, g.name, a, g))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    dropped: set[str] = set()
    for _round in range(3):
        got: dict[str, int] = dict(held)
        chosen: dict[str, Goal] = {}
        for _s, aid, gname, a, g in pairs:
            if aid in chosen or gname in dropped:
                continue
            if got.get(gname, 0) >= g.need * (100 if g.kind == "defend" else k.level.margin) // 100:
                continue
            chosen[aid] = g
            got[gname] = got.get(gname, 0) + a.men
        # a goal that cannot gather enough men is given up, except the relief of a
        # city of its own: armies gather for that even while too few to strike
        short = {g.name for g in chosen.values()
                 if g.kind in ("take", "attack") and got[g.name] < g.need * 7 // 10}
        if not short:
            break
        dropped |= short
    for a in free:
        g = chosen.get(a.id)
        if g is not None:
            g.assigned.append(a.id)
            out[a.id] = Errand(g.kind, g.hex, g)
    # the rest join the most valuable errand under way, or hold a city of value
    live = sorted({g.name: g for g in chosen.values()}.values(), key=lambda g: (-g.value, g.name))
    for a in free:
        if a.id in out:
            continue
        joined = None
        for g in live:
            cost = travel(k, a, g) if may_take(k, a, g) else None
            if cost is not None and cost // max(1, k.budget(a)) <= raider_horizon:
                joined = g
                break
        if joined is not None:
            joined.assigned.append(a.id)
            out[a.id] = Errand(joined.kind, joined.hex, joined)
            continue
        kept = _kept_defence(k, a, habits.get(a.id), by_name) if steady else None
        if kept is not None:
            kept.assigned.append(a.id)
            out[a.id] = Errand(kept.kind, kept.hex, kept)
        else:
            out[a.id] = Errand("hold", _hold_hex(k, a))
    return out


def _kept_defence(k: Knowledge, a: Army, habit: str | None,
                  by_name: dict[str, Goal]) -> Goal | None:
    """(steady) For an army with nothing else to do: the defence it marched for last turn,
    if the city is still its side's and free, though the threat has stepped back (so that
    it does not leave and come back as the enemy steps in and out of reach)."""
    if not habit or not habit.startswith("defend:"):
        return None
    g = by_name.get(habit)
    if g is not None:
        return g
    c = k.cities.get(habit.partition(":")[2])
    if c is None or c.owner != k.faction or c.siege is not None:
        return None
    # sized to the army itself: it spares no men for detachments on this account
    return Goal("defend", c.id, c.hex, city_value(k, c), a.men)


def _same_errand(by_name: dict[str, Goal], name: str | None, g: Goal) -> bool:
    """Whether the goal called `name` (if it is still a goal) is `g`'s errand."""
    h = by_name.get(name or "")
    return h is not None and one_errand(h, g)


def _needs_quarters(k: Knowledge, a: Army) -> bool:
    if not k.level.minds_supply or starving_inside(k, a):
        return False      # (shut in a starving capital at hard: it sallies or stays)
    if k.state.season != "winter":
        # out of winter, only a camp already starving goes back into supply (a siege
        # about to fall is seen through)
        city = besieging(k, a)
        return starving(k, a) and (city is None or not falling(k, city))
    c = Q.commander_of(k.state, a)
    if c is not None and "winter_campaigner" in c.traits:
        return False
    if k.supplied(a.hex):
        return False
    city = besieging(k, a)
    if city is not None and city.garrison < a.men // 4:
        return False                # the city is about to fall: see it through
    return True


def _shortlist(army: Army, goals: list[Goal], n: int) -> list[Goal]:
    """The n goals worth most for how near they lie (as the crow flies; by name among
    equals, then in the order given): those an army weighs by the true cost of the march.
    The hex distance is worked out inline: this runs for every army and goal of a plan."""
    aq, ar = army.hex
    keyed = []
    for i, g in enumerate(goals):
        dq = aq - g.hex[0]
        dr = ar - g.hex[1]
        apart = (abs(dq) + abs(dr) + abs(dq + dr)) // 2
        keyed.append((-g.value * 100 // (10 + apart), g.name, i))
    keyed.sort()
    return [goals[i] for _w, _name, i in keyed[:n]]


class _Nearest:
    """`_shortlist` for every army of a plan over the same goals, with numpy: what does not
    depend on the army (where each goal is, its worth, the order of the names) is laid out
    once.  An army's goals are those it may take up (no leader, or its commander); the
    answer is `_shortlist(army, those goals, n)`, the same goals in the same order."""

    def __init__(self, goals: list[Goal]):
        self.goals = goals
        self.q = np.array([g.hex[0] for g in goals], dtype=np.int64)
        self.r = np.array([g.hex[1] for g in goals], dtype=np.int64)
        self.worth = np.array([-g.value * 100 for g in goals], dtype=np.int64)
        names = [g.name for g in goals]
        rank = {name: i for i, name in enumerate(sorted(set(names)))}
        self.name_rank = np.array([rank[name] for name in names], dtype=np.int64)
        self.order = np.arange(len(goals), dtype=np.int64)
        self.leaders = [g.leader for g in goals]
        self.led = any(x is not None for x in self.leaders)

    def shortlist(self, army: Army, n: int) -> list[Goal]:
        if self.led:
            mine = np.array([x is None or x == army.commander for x in self.leaders],
                            dtype=bool)
            pick = np.flatnonzero(mine)
        else:
            pick = self.order
        dq = army.hex[0] - self.q[pick]
        dr = army.hex[1] - self.r[pick]
        apart = (np.abs(dq) + np.abs(dr) + np.abs(dq + dr)) // 2
        key = self.worth[pick] // (10 + apart)
        # by worth for the distance, then by name, then in the order given
        best = np.lexsort((pick, self.name_rank[pick], key))[:n]
        goals = self.goals
        return [goals[i] for i in pick[best].tolist()]


def nearest_own_city(k: Knowledge, a: Army):
    cities = [c for c in k.own_cities() if c.siege is None]
    if not cities:
        return minor.home_hex(k.state, k.profile, [])
    return min(cities, key=lambda c: (hex_distance(c.hex, a.hex), c.id)).hex


def winter_quarters(k: Knowledge, a: Army, habit: str | None = None):
    """Where an army goes to eat: the city it made for last turn (`habit`, its errand's name
    in the note, `quarters:q,r`), while still its side's and free; else the nearest own
    city.  (Choosing afresh each turn, an army between two cities with the sea or the
    mountains in its way turned from one to the other every turn and reached neither.)"""
    if habit and goalless(habit):
        for c in k.own_cities():
            if c.siege is None and habit == errand_name(Errand("quarters", c.hex)):
                return c.hex
    return nearest_own_city(k, a)


def _hold_hex(k: Knowledge, a: Army):
    """Where an army with no errand waits: the most valuable own city near it."""
    cities = [c for c in k.own_cities() if c.siege is None]
    if not cities:
        return a.hex
    return max(cities, key=lambda c: (city_value(k, c) * 10 // (3 + hex_distance(c.hex, a.hex)),
                                      c.id)).hex


def detachments(k: Knowledge, errands: dict[str, Errand], goals: list[Goal]
                ) -> list[tuple[Split, Goal]]:
    """Men an army can spare beyond its own errand, split off for a goal nobody has taken."""
    if not k.level.concentrates:
        return []
    least = max(Q.rules(k.state)["min_army_men"] * 5, 2000)
    open_goals = [g for g in goals if not g.assigned and g.kind in ("attack", "relieve", "take")]
    out = []
    for army in sorted(k.armies, key=lambda a: (-a.men, a.id)):
        if len(out) >= k.level.detachments:
            break
        e = errands.get(army.id)
        g = e.goal if e is not None else None
        if g is None or g.kind != "defend" or army.moves <= 0:
            continue                 # only an army tied to a city's defence spares men
        reach = k.level.detach_reach
        home = Q.city_at(k.state, army.hex)
        walled = home is not None and home.owner == k.faction and home.walls > 0
        if k.index(army.hex) in k.danger and not (reach > 1 and walled):
            continue                 # in contact with the enemy: keep the army whole
        others = sum(a.men for a in k.armies if a.id != army.id and a.id in g.assigned)
        keep = max(g.need * 12 // 10 - others, least)
        surplus = army.men - keep
        best, best_score = None, 0
        for og in open_goals:
            size = -(-og.need * 13 // 1000) * 100
            if size < least or size > surplus:
                continue
            if hex_distance(army.hex, og.hex) > k.budget(army) * reach:
                continue             # a column goes only to work close at hand
            cost = travel(k, army, og)
            if cost is None:
                continue
            turns = cost // max(1, k.budget(army))
            if turns > reach + 1:
                continue
            score = og.value * 1000 // (100 + TURN_COST * turns)
            if score > best_score:
                best, best_score = og, score
        if best is not None:
            size = -(-best.need * 13 // 1000) * 100
            out.append((Split(k.faction, army.id, size), best))
            open_goals.remove(best)
    return out


# --- new troops ----------------------------------------------------------------------

def raise_orders(k: Knowledge, threat: dict[str, int]) -> list[Raise]:
    """Troops worth raising now: where threatened, else where an army musters."""
    state = k.state
    if not k.level.raises or k.profile.raider:
        return []
    fid = k.faction
    f = state.factions[fid]
    inc, up = economy.income(state, fid), economy.upkeep(state, fid)
    r = Q.rules(state)
    # money in hand: enough for three turns of any shortfall and half a turn's upkeep
    spend = f.treasury - max(3 * max(0, up - inc), up // 2, 10)
    if spend <= 0:
        return []
    # keep the books balanced for a few turns: new men cost upkeep every turn
    per_1000_turn = r["upkeep_per_1000"] * state.months_per_turn
    cost_100 = economy.raise_cost(state, 100)
    men = spend // max(1, cost_100) * 100
    after = f.treasury - economy.raise_cost(state, men)
    margin = inc - up + after // max(1, k.level.reserve_turns)
    afford = max(0, margin) * 1000 // max(1, per_1000_turn)
    men = min(afford, men)
    men = men // 100 * 100
    if men < 1000:
        return []
    cities = [c for c in k.own_cities() if c.siege is None
              and not any(e.hex == c.hex for e in k.enemies)]
    if not cities:
        return []

    def rank(c):
        t = threat.get(c.id, 0)
        pressed = t > city_defence(k, c)
        mustering = any(a.hex == c.hex for a in k.armies)
        return (not pressed, not mustering, -city_value(k, c), c.id)
    out = []
    limit = economy.raise_limit(state)
    for c in sorted(cities, key=rank)[:4]:
        n = min(men, limit - state.raised.get(c.id, 0)) // 100 * 100
        if n < 1000:
            continue
        o = Raise(fid, c.id, n)
        if engine.is_legal(state, o):
            out.append(o)
            men -= n
        if men < 1000:
            break
    return out


# --- joining armies ----------------------------------------------------------------

def _leader_first(state, a: Army) -> tuple:
    """Sort key of armies that join: the one whose commander is best at battles and sieges
    takes the others in (then the biggest)."""
    c = Q.commander_of(state, a)
    return (-(c.tactics + c.siege if c else -1), -a.men, a.id)


def sally_merges(k: Knowledge) -> list[Merge]:
    """(a level with `relief`) The armies shut in a beleaguered city of its own (its capital or
    one whose loss ends the war, besieged with the food gone, tactics.beleaguered) join into
    one before any of them acts: one sally of all of them may break a siege that each alone
    could not, and they starve together either way."""
    if not k.level.relief:
        return []
    state = k.state
    out = []
    for c in sorted(k.own_cities(), key=lambda c: c.id):
        if not beleaguered(k, c):
            continue
        group = [a for a in Q.armies_at(state, c.hex) if a.faction == k.faction]
        if len(group) < 2:
            continue

        group.sort(key=lambda a: _leader_first(state, a))
        out += [Merge(k.faction, other.id, group[0].id) for other in group[1:]]
    return out


def merge_orders(k: Knowledge, errands: dict[str, Errand]) -> list[Merge]:
    """Armies standing together on one errand become one army (stronger in attack)."""
    if not k.level.concentrates:
        return []
    state = k.state
    by_hex: dict = {}
    for a in sorted(Q.armies_of(state, k.faction), key=lambda a: a.id):
        by_hex.setdefault(a.hex, []).append(a)
    out = []
    for h, group in sorted(by_hex.items(), key=lambda x: (x[0].q, x[0].r)):
        if len(group) < 2:
            continue

        group.sort(key=lambda a: _leader_first(state, a))
        main = group[0]
        main_goal = errands.get(main.id)
        for other in group[1:]:
            e = errands.get(other.id)
            same = (e is not None and main_goal is not None and e.goal is not None
                    and e.goal is main_goal.goal)
            idle = e is None or e.goal is None or main_goal is None or main_goal.goal is None
            if not same and not idle:
                continue            # on different errands: each goes its own way
            if Q.commander_of(state, other) is not None and not (
                    same and main.men < e.goal.need):
                continue            # two generals with their own work: keep both
            out.append(Merge(k.faction, other.id, main.id))
    return out
