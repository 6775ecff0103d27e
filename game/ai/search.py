"""Hard's look-ahead: try a few plans for the turn on copies of the game, keep the best.

At the start of its turn a level with `plans` > 1 (hard) considers that many
ways to play the turn: its own settings, then variants of them in the order
of VARIANTS (its main army sent to one of its best aims, bolder, more
cautious; the later ones are there for measuring with more plans).  Each is
played out on a copy of the game: this turn with that variant, then
`horizon` more rounds in which its own side keeps to the variant and every
other side plays Normal.  The copy is then scored for the side (`score`): the game
won or lost, else the cities it holds weighed by what the victory
conditions make them worth, the men of both sides, its treasury and its
weariness.  The best variant is played for real, through the ordinary plan
and order path; on a tie the first (its own settings) wins.

No peeking.  The copy is built from what the side knows, not from the
game: under fog of war, enemy armies it neither sees nor remembers are taken
out, those it remembers stand where it last saw them with the men it saw,
and cities out of sight are as it last saw them (`believed_copy`); the notes
other sides keep of their plans (`state.plans`) are left out.  The copy's
dice are reseeded from the game's seed, the turn, the side and the sample,
so the real future's dice are not known; every variant meets the same dice,
so they are compared fairly.  All of this is deterministic: the same game
gives the same choice, on any thread.
"""
from __future__ import annotations

import random
from dataclasses import replace

from game.ai import levels, memory
from game.ai.levels import Level
from game.ai.strategy import aims, city_worth
from game.rules import queries as Q
from game.rules import vision
from game.rules.rng import Rng
from game.rules.state import Army, GameState, Siege, clone

WIN = 1_000_000

# the variants tried, in order: each is the level's own settings with these changed
VARIANTS: tuple[tuple[str, dict], ...] = (
    ("own", {}),
    ("first", {"focus": 1}),
    ("second", {"focus": 2}),
    ("third", {"focus": 3}),
    ("bold", {"odds_shift": -8, "margin": 110}),
    ("cautious", {"odds_shift": 10, "margin": 160, "detachments": 0}),
    ("far", {"detach_reach": 6, "trade_share": True}),
    ("watchful", {"lookahead": 4, "commit": 200}),
    ("massed", {"detachments": 0, "concentrates": True, "margin": 180}),
)


def focus(k, goals: list, errands: dict, rank: int) -> None:
    """Send the side's biggest army (not one besieging) to its `rank`-th most valuable goal of
    taking, attacking or defending, whatever it was given."""
    from game.ai import tactics
    from game.ai.tactics import Errand
    ranked = sorted((g for g in goals if g.kind in ("take", "attack", "defend", "relieve")),
                    key=lambda g: (-g.value, g.name))
    free = sorted((a for a in k.armies if a.id in errands and tactics.besieging(k, a) is None),
                  key=lambda a: (-a.men, a.id))
    if len(ranked) < rank or not free:
        return
    goal, army = ranked[rank - 1], free[0]
    old = errands[army.id].goal
    if old is goal:
        return
    if old is not None and army.id in old.assigned:
        old.assigned.remove(army.id)
    goal.assigned.append(army.id)
    errands[army.id] = Errand(goal.kind, goal.hex, goal)


def candidates(level: Level) -> list[Level]:
    """The plans a searching level tries: its own settings first, then variants."""
    base = replace(level, plans=1)
    return [replace(base, **changes) for _name, changes in VARIANTS[:max(1, level.plans)]]


def choose(state: GameState, level: Level) -> Level:
    """The settings to play this turn with: the level itself, or the best of its variants."""
    if level.plans <= 1:
        return level
    options = candidates(level)
    faction = state.active_faction
    if state.over or not state.factions[faction].in_play:
        return options[0]
    best, best_score = options[0], None
    for option in options:
        total = 0
        for sample in range(level.samples):
            total += play_out(state, faction, option, level.horizon, sample)
        if best_score is None or total > best_score:
            best, best_score = option, total
    return best


def dice_for(state: GameState, faction: str, sample: int) -> Rng:
    """Fresh dice for a copy: from the game's seed, the turn, the side and the sample, never
    from the game's own generator (whose draws are the real future)."""
    r = random.Random(f"search:{state.seed}:{state.turn}:{faction}:{sample}")
    return Rng.from_seed(r.getrandbits(63))


def believed_copy(state: GameState, faction: str) -> GameState:
    """A copy of the game as `faction` knows it (see the module text), with fresh dice."""
    copy = clone(state)
    # the notes other sides keep of their own plans are theirs: its side cannot read them
    copy.plans = {f: note for f, note in copy.plans.items() if f == faction}
    if vision.fog(state):
        friends = vision.friends(state, faction)
        vis = vision.visible(state, faction).ravel()
        hm = state.scenario.map
        hidden = [aid for aid, a in copy.armies.items()
                  if a.faction not in friends and not vis[hm.index(a.hex)]]
        for aid in hidden:
            del copy.armies[aid]
        seen = set(copy.armies)
        for s in memory.remembered(state, faction, seen):
            if s.faction in copy.factions and s.id not in copy.armies:
                copy.armies[s.id] = Army(s.id, s.id, s.faction, s.hex, s.men)
        known = vision.known_cities(state, faction, vis)
        for cid, c in copy.cities.items():
            k = known[cid]
            if k is state.cities[cid]:
                continue
            c.owner, c.walls, c.garrison = k.owner, k.walls, k.garrison
            c.siege = None if k.siege is None else Siege(k.siege.by)
    copy.rng = dice_for(state, faction, 0)
    return copy


def play_out(state: GameState, faction: str, option: Level, horizon: int, sample: int) -> int:
    """Play this turn on a believed copy with `option`, then `horizon` rounds of Normal for
    every side; the copy's score for `faction`."""
    from game.ai.player import Plan, drive_turn
    copy = believed_copy(state, faction)
    copy.rng = dice_for(state, faction, sample)
    plan = Plan(copy, option)
    drive_turn(copy, plan.next_order, plan.refused)
    normal = levels.get("normal")
    start = state.turn
    while not copy.over:
        if copy.active_faction == faction and copy.turn > start + horizon - 1:
            break
        p = Plan(copy, option if copy.active_faction == faction else normal)
        drive_turn(copy, p.next_order, p.refused)
    return score(copy, faction)


def score(state: GameState, faction: str) -> int:
    """How well `faction` stands: the game's result if it is over, else its cities weighed
    by their worth and by what the victory conditions make them worth, the men on both
    sides, its treasury and its war weariness."""
    if state.over:
        if state.winner == faction or (state.winner and not Q.hostile(state, faction,
                                                                       state.winner)):
            return WIN
        if state.loser == faction or state.winner is not None:
            return -WIN
    want = aims(state.scenario, faction).cities
    total = 0
    for c in state.cities.values():
        worth = city_worth(state, c) + want.get(c.id, 0)
        if c.owner == faction:
            total += worth * 10
        elif c.owner and Q.hostile(state, faction, c.owner):
            total -= worth * 10
            if c.siege is not None and c.siege.by == faction:
                total += worth * 3
    own = sum(a.men for a in state.armies.values() if a.faction == faction)
    foes = sum(a.men for a in state.armies.values() if Q.hostile(state, faction, a.faction))
    total += (own - foes) // 200
    f = state.factions[faction]
    total += f.treasury // 50 - f.war_weariness * 5
    return total
