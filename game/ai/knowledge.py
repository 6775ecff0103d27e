"""What the computer knows at a moment of its turn, and the measures it derives.

Everything is read through the rules' public API.  Under fog of war the
armies of other factions and the cities come from the rules of sight
(`game.rules.vision`, the same source `session.view.observe` draws on, read
without the view's copies): the armies on hexes its side sees now, the
cities as it last saw them.  So the computer acts only on what its side
knows; a level that openly cheats (`sees_all`) reads the state instead.
Its own armies are always known.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.ai import distances, memory
from game.ai.levels import Level
from game.ai.minor import Profile
from game import terrain as T
from game.hexgrid import Hex
from game.rules import combat
from game.rules import movement as M
from game.rules import paths
from game.rules import vision
from game.rules import queries as Q
from game.rules.state import Army, City, GameState
from game.rules.supply import supply_costs, supply_lines


@dataclass
class Knowledge:
    state: GameState
    faction: str
    level: Level
    profile: Profile
    armies: list[Army]                 # its own, by id
    others: list[Army]                 # every other army it knows of
    enemies: list[Army]                # the hostile ones among them
    cities: dict[str, City]            # every city, as it knows them
    obs: M.Obstacles                   # its own obstacles, from the armies it knows of
    danger: "Danger | dict" = field(default_factory=dict)  # hex -> [(attack, from hex)]: Danger
    ghosts: list = field(default_factory=list)  # hostile armies out of sight it remembers
    habits: dict = field(default_factory=dict)  # army -> last turn's goal (read by a steady
                                                # general's aims: one it has reached is kept)
    soon: dict = field(default_factory=dict)    # (in_time) vital city -> the enemy men able
                                                # to reach it next turn (strategy.threats)
    tired: dict = field(default_factory=dict)   # army -> the goal it may not go back to this
                                                # turn (it has gone back and forth enough)
    throws: frozenset = frozenset()  # (last_throw) the cities it stakes the lost war on
                                     # this turn (strategy.throw_cities)
    _supply: dict[int, int] | None = None
    _caps: dict[str, tuple] = field(default_factory=dict)   # faction -> field capabilities
    _supply_memo: dict = field(default_factory=dict)   # shared by the side's plans (lasting_memo)
    _fields: dict = field(default_factory=dict)   # (hex, faction) -> field, for this plan

    @property
    def hexmap(self):
        return self.state.scenario.map

    def index(self, h: Hex) -> int:
        return self.hexmap.index(h)

    def supply(self) -> dict[int, int]:
        """Hexes its armies are supplied in (computed when first asked, kept while the
        cities and the hostile armies that shape it stay as they are)."""
        if self._supply is None:
            st = self.state
            # what it knows, not the truth: a hidden army across a supply line is not
            # given away by the forecast (the end of the turn still meets the truth)
            closed, sources = supply_lines(st, self.faction, self.others, self.cities.values())
            sources = frozenset(sources)
            kept = self._supply_memo.get("supply")
            if kept is not None and _same_supply(kept, closed, sources, st.winter):
                self._supply = kept[4]
            else:
                d = supply_costs(st, closed, sorted(sources))
                self._supply = paths.as_dict(d)
                self._supply_memo["supply"] = (closed, sources, st.winter,
                                               _looked_into(st, np.isfinite(d)), self._supply)
        return self._supply

    def supplied(self, h: Hex) -> bool:
        return self.supplied_at(self.index(h))

    def supplied_at(self, j: int) -> bool:
        """Whether an army at hex index j is fed (at sea a fleet feeds it)."""
        fed = self._supply              # asked tens of thousands of times a war
        if fed is None:
            fed = self.supply()
        return j in fed or j in water_indices(self.state.scenario)

    @property
    def fog(self) -> bool:
        """Whether the rules judge its marches by a partial view (so they may refuse one)."""
        return vision.fog(self.state)

    def caps(self, faction: str | None = None) -> tuple:
        """The movement capabilities of its own armies (or another faction's), for fields."""
        faction = faction or self.faction
        caps = self._caps.get(faction)
        if caps is None:
            if faction == self.faction:
                obs = self.obs
            else:
                known = self.armies + [a for a in self.others if a.faction != faction]
                obs = M.obstacles(self.state, faction, known_armies=known)
            caps = self._caps[faction] = distances.capabilities(self.state, obs)
        return caps

    def field(self, h: Hex, faction: str | None = None) -> list[int]:
        """Movement cost from anywhere to h for its own armies (or another faction's)."""
        f = self._fields.get((h, faction))
        if f is None:
            f = self._fields[h, faction] = distances.field_to(self.state, self.index(h),
                                                              self.caps(faction))
        return f

    def connected(self, a: Hex, b: Hex) -> bool:
        """Whether its armies could ever march from a to b (straits, seas, peaks)."""
        labels = distances.regions(self.state, self.caps())
        return labels[self.index(a)] == labels[self.index(b)]

    def budget(self, army: Army) -> int:
        return M.move_budget(self.state, army)

    def own_cities(self) -> list[City]:
        return sorted((c for c in self.cities.values() if c.owner == self.faction),
                      key=lambda c: c.id)

    def hostile(self, other: str) -> bool:
        return Q.hostile(self.state, self.faction, other)


_REACH_KEPT = 2000      # enemy armies' reach kept per side before the lot is dropped


def lasting_memo(state: GameState, faction: str) -> dict:
    """What the side's plans may reuse from its earlier plans, this turn or any before:
    its supply map and where each enemy army could strike (`Knowledge.supply`, `_reach`).
    Kept per scenario and side.  Each entry is given again only after checking that
    everything it was worked out from is as it was (see `_same_supply`, `_reach`), so it
    is never given for a changed world, and plans come out the same with it or without."""
    memos = state.scenario.cache.setdefault("ai_lasting_memo", {})
    memo = memos.get(faction)
    if memo is None:
        memo = memos[faction] = {}
    reach = memo.get("reach")
    if reach is not None and len(reach) > _REACH_KEPT:
        reach.clear()
    return memo


def _same_supply(kept: tuple, closed: set[int], sources: frozenset[int], winter: bool) -> bool:
    """Whether a supply map kept from an earlier plan of the turn holds now: the same
    cities feed it, in the same season, and no hex its search reached or looked into
    from one it reached has been closed or opened since."""
    was_closed, was_sources, was_winter, looked, _map = kept
    if was_sources != sources or was_winter != winter:
        return False
    changed = closed ^ was_closed
    return not changed or not looked[np.fromiter(changed, dtype=np.intp,
                                                 count=len(changed))].any()


def _looked_into(state: GameState, reached: np.ndarray) -> np.ndarray:
    """Bool per hex index: the hexes reached (bool per hex) and their neighbours."""
    nb = state.scenario.map.neighbor_index()
    looked = reached.copy()
    near = nb[reached]
    looked[near[near >= 0]] = True
    return looked


def water_indices(scn) -> frozenset[int]:
    w = scn.cache.get("ai_water")
    if w is None:
        terrain = scn.map.terrain.ravel()
        w = frozenset(np.flatnonzero(np.isin(terrain, list(T.WATER_IDS))).tolist())
        scn.cache["ai_water"] = w
    return w


def known_world(state: GameState, faction: str, level: Level) -> tuple[list[Army], dict]:
    """The other factions' armies and the cities, as the side knows them.

    Without fog, or for a level that openly sees everything, that is the state.
    """
    if level.sees_all or not vision.fog(state):
        return [a for a in state.armies.values() if a.faction != faction], state.cities
    vis = vision.visible(state, faction).ravel()
    others = [a for a in vision.known_armies(state, faction, vis) if a.faction != faction]
    return others, vision.known_cities(state, faction, vis)


def signature(state: GameState, faction: str, level: Level) -> tuple:
    """A cheap fingerprint of what the side knows of others: the armies it sees and the
    owners of the cities it sees (a city out of sight changes hands unknown to it)."""
    if level.sees_all or not vision.fog(state):
        armies = [a for a in state.armies.values() if a.faction != faction]
        owners = tuple(c.owner for c in state.cities.values())
    else:
        vis = vision.visible(state, faction).ravel()
        armies = [a for a in vision.known_armies(state, faction, vis) if a.faction != faction]
        owners = tuple([c.owner if seen else None for c, seen in
                        zip(state.cities.values(), vision.city_sight_bits(state, vis))])
    return tuple(sorted((a.id, a.hex, a.men) for a in armies)), owners


def gather(state: GameState, faction: str, level: Level, profile: Profile,
           memo: dict | None = None) -> Knowledge:
    others, cities = known_world(state, faction, level)
    others = sorted(others, key=lambda a: a.id)
    mine = sorted(Q.armies_of(state, faction), key=lambda a: a.id)
    enemies = [a for a in others if Q.hostile(state, faction, a.faction)]
    if vision.fog(state):
        obs = M.obstacles_known(state, faction)   # exactly what the rules check a march by
    else:
        obs = M.obstacles(state, faction)
    k = Knowledge(state, faction, level, profile, mine, others, enemies, cities, obs)
    if memo is not None:
        k._supply_memo = memo
    k.danger = _danger_map(k)
    if vision.fog(state) and not level.sees_all:
        seen = {a.id for a in others}
        k.ghosts = [g for g in memory.remembered(state, faction, seen)
                    if g.faction in state.factions and Q.hostile(state, faction, g.faction)]
    return k


def in_sight(state: GameState, faction: str, level: Level):
    """A test of whether its side sees a hex now (everything, without fog)."""
    if level.sees_all or not vision.fog(state):
        return lambda h: True
    vis = vision.visible(state, faction).ravel()
    hm = state.scenario.map
    return lambda h: hm.index(h) >= 0 and bool(vis[hm.index(h)])


def attack_strength(state: GameState, army: Army) -> int:
    """What an army brings to an attack, before the ground and the dice."""
    s = army.men * combat.army_quality(state, army, True) // 100
    if state.scenario.map.is_water(army.hex):
        s = s * (100 - Q.rules(state)["amphibious_penalty"]) // 100
    return s


class Danger:
    """Hex index -> the attacks enemies could make on it on their next turn.

    An attack comes from a neighbouring hex, so a hex has at most six, one
    from each side; from each side only the strongest counts.  `j in danger`
    says whether any enemy can attack hex j; `danger.get(j)` lists the
    attacks as (strength, from hex), strongest first, then by hex index (None
    when there is none).  Kept as a table [hex index, side] of strengths (-1
    for none), filled with numpy: the computer builds one at every plan.
    """

    def __init__(self, strongest: np.ndarray, neighbours: list, hexes: list,
                 attacked: np.ndarray | None = None):
        self.strongest = strongest
        self._neighbours = neighbours      # per hex index, its neighbour on each side
        self._hexes = hexes
        if attacked is None:               # bool per hex index: any attack on it at all
            attacked = strongest.max(axis=1) >= 0
        self.reached = set(np.flatnonzero(attacked).tolist())

    def __contains__(self, j: int) -> bool:
        return j in self.reached

    def __len__(self) -> int:
        return len(self.reached)

    def get(self, j: int, default=None):
        if j not in self.reached:
            return default
        nb = self._neighbours[j]
        found = sorted((-s, nb[d]) for d, s in enumerate(self.strongest[j].tolist()) if s >= 0)
        return [(-ns, self._hexes[i]) for ns, i in found]

    def by_side(self, j: int) -> list[int]:
        """The strongest attack on hex j from each of its sides (-1: none)."""
        return self.strongest[j].tolist()


_OPPOSITE = np.array([(d + 3) % 6 for d in range(6)], dtype=np.intp)


def _danger_map(k: Knowledge) -> Danger:
    """The attacks enemies could make on each hex on their next turn (see `Danger`).

    An army may attack once a turn after its march, even one a zone of control
    ended (the rules' one strike a turn), so an enemy threatens every hex next
    to a hex it can reach in a turn's march, as far as this side knows the map.
    """
    hm = k.hexmap
    state = k.state
    nb = hm.neighbor_index()                  # [hex, side] -> neighbour index, -1 off the map
    strongest = np.full(nb.shape, -1, dtype=np.int64)
    attacked = np.zeros(len(nb), dtype=bool)
    obs_of: dict[str, M.Obstacles] = {}
    for e in k.enemies:
        s = attack_strength(state, e)
        obs = obs_of.get(e.faction)
        if obs is None:
            known = k.armies + [a for a in k.others if a.faction != e.faction]
            obs = obs_of[e.faction] = M.obstacles(state, e.faction, known_armies=known)
        j, d = _reach(k, e, obs, nb)
        strongest[j, d] = np.maximum(strongest[j, d], s)   # each (hex, side) once per army
        attacked[j] = True
    return Danger(strongest, _neighbour_lists(state.scenario), hm.hex_table(), attacked)


_SIDES = np.broadcast_to(_OPPOSITE, (1, 6))


def _reach(k: Knowledge, e: Army, obs: M.Obstacles, nb: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Where the army could attack on its next turn: (hex index, side the attack comes
    from) as two arrays, for every hex next to one it can reach (`movement.reachable`).

    Kept in the side's memo (`lasting_memo`) and given again to a later plan, of
    this turn or a later one, while the army stands where it stood, with the
    same movement, and nothing the search looked at has changed: no hex it
    reached or looked into from one it reached became, or stopped being,
    barred, a zone of control or a port (and the season, the fleet and the
    straits are as they were).
    """
    state = k.state
    budget = M.move_budget(state, e)
    kept = k._supply_memo.setdefault("reach", {})
    got = kept.get(e.id)
    if got is not None:
        where, moves, winter, was, looked, j, d = got
        if (where == e.hex and moves == budget and winter == state.winter
                and _same_within(was, obs, looked)):
            return j, d
    reach = M.reachable(state, e, budget=budget, obs=obs)
    sources = np.fromiter(reach, dtype=np.intp, count=len(reach))
    targets = nb[sources]                 # the hexes next to each one it can reach
    on_map = targets >= 0
    # the target sees the attack coming from the side opposite the step's direction
    j = targets[on_map]
    d = np.broadcast_to(_SIDES, targets.shape)[on_map]
    looked = np.zeros(len(nb), dtype=bool)
    looked[sources] = True
    looked[j] = True
    kept[e.id] = (e.hex, budget, state.winter, obs, looked, j, d)
    return j, d


def _same_within(a: M.Obstacles, b: M.Obstacles, looked: np.ndarray) -> bool:
    """Whether two sets of obstacles agree on every hex `looked` marks (bool per hex
    index), and in what does not depend on the hex: the fleet, the straits."""
    if a is b:
        return True
    if a.navy != b.navy or a.straits != b.straits:
        return False
    changed = (a.blocked ^ b.blocked) | (a.stop ^ b.stop) | \
        (a.closed_passes ^ b.closed_passes) | (a.ports ^ b.ports)
    return not changed or not looked[np.fromiter(changed, dtype=np.intp,
                                                 count=len(changed))].any()


def _neighbour_lists(scn) -> list[list[int]]:
    got = scn.cache.get("ai_neighbours")
    if got is None:
        got = scn.cache["ai_neighbours"] = scn.map.neighbor_index().tolist()
    return got
