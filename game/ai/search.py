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
weariness, and the scripted steps taken towards a victory (`steps`: the flags
a victory's events ask for, such as a palace sacked before a king's fall).
Two variants are plans for more than one turn (`rally`): every army free to
march against the enemy's biggest army, or to its most urgent defence; their
rounds on the copy keep to them.  The best variant is played for real, through the ordinary plan
and order path; on a tie the first (its own settings) wins.  A level with `keep_plan`
writes the plan it played into its note (`plan N`, game.ai.memory); the next turn that
plan stands in place of its own settings, and another (its own settings too) is played
only if it leads it by the same margin (`pick`).

Emergency defence comes first.  When its own plan sends armies to defend a
threatened capital or a city whose loss ends the war (or to relieve a siege
of one), a variant that leaves that city with fewer men near it than its own
plan did, and fewer than it needs, is not weighed at all (`guarded`,
`abandons`): two rounds are too short to see the city fall, so its score
would not count the risk.

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
from dataclasses import dataclass, replace

from game.ai import levels, memory, operations
from game.ai.levels import Level
from game.ai.strategy import KIND_WEIGHT, aims, city_worth, flag_setters, flags_set
from game.hexgrid import hex_distance
from game.rules import queries as Q
from game.rules import vision
from game.rules.rng import Rng
from game.rules.state import Army, GameState, Siege, clone

WIN = 1_000_000
last: list = []      # the scores of the last search, for looking into it
left_out: set = set()  # the variants it did not weigh (they abandoned a vital city)

# the variants tried, in order: each is the level's own settings with these changed
VARIANTS: tuple[tuple[str, dict], ...] = (
    ("own", {}),
    ("first", {"focus": 1}),
    ("second", {"focus": 2}),
    ("third", {"focus": 3}),
    ("first, second army", {"focus": 1, "focus_army": 2}),
    ("second, second army", {"focus": 2, "focus_army": 2}),
    ("bold", {"odds_shift": -8, "margin": 110}),
    ("all on their army", {"rally": 1}),
    ("all to defend", {"rally": 2}),
    ("cautious", {"odds_shift": 10, "margin": 160, "detachments": 0}),
    ("third, second army", {"focus": 3, "focus_army": 2}),
    ("far", {"detach_reach": 6, "trade_share": True}),
    ("watchful", {"lookahead": 4, "commit": 200}),
    ("massed", {"detachments": 0, "concentrates": True, "margin": 180}),
)

def focus(k, goals: list, errands: dict, rank: int, army_rank: int = 1,
          kept: dict | None = None) -> None:
    """Send the side's biggest army (`army_rank` 2: its second biggest; never one
    besieging, nor one whose commander the scenario's aims name as leader, now or later
    in the war) to its `rank`-th most valuable goal of taking, attacking or defending,
    whatever it was given.  The author's road is not for two rounds of look-ahead to
    change: in the Road to Ctesiphon a detour towards Alexandria scored better over two
    rounds and cost the march on Dastagerd, and so the war.  With `kept` (army id -> the
    goal it marched for last turn, when this plan was played then too), the army keeps to
    its goal if that is still one of them, whatever its rank now."""
    ranked = sorted((g for g in goals if g.kind in ("take", "attack", "defend", "relieve")),
                    key=lambda g: (-g.value, g.name))
    free = sorted(_free_armies(k, errands), key=lambda a: (-a.men, a.id))
    if len(ranked) < rank or len(free) < army_rank:
        return
    army, goal = free[army_rank - 1], ranked[rank - 1]
    goal = next((g for g in ranked if g.name == (kept or {}).get(army.id)), goal)
    if operations.may_take(k, army, goal):     # not back to a goal it went back and forth on
        _send(errands, army, goal)


def _free_armies(k, errands: dict) -> list:
    """The side's armies a variant may send elsewhere: given an errand by its own plan, not
    besieging, and not led by a commander the scenario's aims name (now or later)."""
    from game.ai import aims, tactics
    held = aims.leaders(k.state, k.faction)
    return [a for a in k.armies if a.id in errands and tactics.besieging(k, a) is None
            and (a.commander is None or a.commander not in held)]


def _send(errands: dict, army, goal) -> None:
    """Give an army a new errand: the goal, taken off the one it had."""
    from game.ai.tactics import Errand
    old = errands[army.id].goal
    if old is goal:
        return
    if old is not None and army.id in old.assigned:
        old.assigned.remove(army.id)
    goal.assigned.append(army.id)
    errands[army.id] = Errand(goal.kind, goal.hex, goal)


def rally(k, goals: list, errands: dict, how: int) -> None:
    """Send every army of the side that is free to march (not besieging, not led by a
    commander the scenario's aims name) to one goal: `how` 1, to attack the biggest enemy
    army it knows of (all against the enemy's main army); 2, to its most valuable urgent
    goal (a vital city to defend or relieve, or a place an enemy's victory needs it to
    hold), or else its most valuable city to defend.  Its own plan shares its armies out
    among many goals by value and distance; these put
    everything on the one that may decide the war (an enemy army whose commander's death
    wins it, a city or place its victory needs)."""
    if how == 1:
        men = {e.id: e.men for e in k.enemies}
        pool = [g for g in goals if g.kind in ("attack", "relieve") and g.key in men]
        key = lambda g: (-men[g.key], -g.value, g.name)             # noqa: E731
    else:
        pool = [g for g in goals if g.urgent] or [g for g in goals if g.kind == "defend"]
        key = lambda g: (-g.value, g.name)                          # noqa: E731
    if not pool:
        return
    goal = min(pool, key=key)
    for a in _free_armies(k, errands):
        if (goal.leader is None or goal.leader == a.commander) and operations.may_take(k, a, goal):
            _send(errands, a, goal)


def candidates(level: Level) -> list[Level]:
    """The plans a searching level tries: its own settings first, then variants."""
    base = replace(level, plans=1)
    return [replace(base, variant=i, **changes)
            for i, (_name, changes) in enumerate(VARIANTS[:max(1, level.plans)])]


def choose(state: GameState, level: Level) -> Level:
    """The settings to play this turn with: the level itself, or the best of its variants.

    A variant is played only if it scores more than `level.switch` points above the
    level's own plan on every dice sample (a small lead is as likely the dice as the plan).
    Variants whose orders this turn are the same as an earlier one's are not played out
    again: after this turn every plan goes on with the level's own settings (a rally keeps
    to its goal), so the same orders on the same dice give the same future."""
    if level.plans <= 1:
        return level
    options = candidates(level)
    faction = state.active_faction
    if state.over or not state.factions[faction].in_play:
        return options[0]
    chosen, options = options, [replace(o, choice_samples=0) for o in options]   # no search
    # of event choices inside the copies: there they are answered by the author's weights
    horizon = level.horizon
    left = state.scenario.total_turns - state.turn      # rounds after this one
    if left <= level.to_end:
        horizon = left + 1                              # to the end of the war
    results: list[list[int]] = []
    played: dict[tuple, int] = {}
    watch: list[list[Watch]] = []        # per sample: the vital cities its own plan guards
    out: set[int] = set()                # variants that would abandon one of them
    for i, option in enumerate(options):
        scores = []
        for sample in range(level.samples):
            copy = believed_copy(state, faction)
            reseed(copy, state, faction, sample)
            plan, orders = played_turn(copy, option)
            if sample == 0:
                j = played.setdefault((option.rally, orders), i)
                if j != i:
                    scores = list(results[j])
                    if j in out:
                        out.add(i)
                    break
            if i == 0:
                watch.append(guarded(copy, plan, faction))
            elif abandons(copy, faction, watch[sample]):
                out.add(i)         # not a candidate: its later rounds need not be played
                break
            # a rally is a plan for more than one turn: its rounds keep to it
            later = replace(options[0], rally=option.rally) if option.rally else options[0]
            scores.append(play_on(copy, state.turn, faction, later, horizon))
        results.append(scores)
    global last, left_out
    last = results
    left_out = out
    return chosen[pick(results, out, level.switch,
                       memory.recall_variant(state, faction) if level.keep_plan else 0)]


def pick(results: list[list[int]], out: set[int], switch: int, kept: int = 0) -> int:
    """The plan to play, from each plan's scores per sample: the standing plan (`kept`, the
    one played last turn, if it was weighed this turn; else its own settings, 0) unless
    another leads it by more than `switch` points in every sample; of those, the best total."""
    stand = kept if 0 < kept < len(results) and kept not in out and results[kept] else 0
    best, best_total = stand, sum(results[stand])
    for i in range(len(results)):
        if i == stand or i in out:
            continue
        ahead = all(s - o > switch for s, o in zip(results[i], results[stand]))
        if ahead and sum(results[i]) > best_total:
            best, best_total = i, sum(results[i])
    return best


def first_turn(copy: GameState, option: Level) -> tuple:
    """Play the side's turn on the copy with `option`; its orders, to compare plans by."""
    return played_turn(copy, option)[1]


def played_turn(copy: GameState, option: Level):
    """Play the side's turn on the copy with `option`; the plan it played and its orders."""
    from game.ai.player import Plan, drive_turn
    plan = Plan(copy, option)
    return plan, tuple(repr(o) for o, _events in drive_turn(copy, plan.next_order, plan.refused))


# --- emergency defence: no variant may abandon a threatened capital --------------------

@dataclass(frozen=True)
class Watch:
    """A vital city (capital, or one whose loss ends the war) that the side's own plan sent
    armies to defend or relieve this turn: where it is, the men it needs, how near its
    guards ended the own plan's turn (`reach`), and the side's men within that reach then."""
    city: str
    hex: tuple
    need: int
    reach: int
    held: int


def near(state: GameState, faction: str, at, reach: int) -> int:
    """The side's men within `reach` hexes of `at`."""
    return sum(a.men for a in state.armies.values()
               if a.faction == faction and hex_distance(a.hex, at) <= reach)


def guarded(copy: GameState, plan, faction: str) -> list[Watch]:
    """After the own plan's turn on `copy`: the vital cities its emergency defence (urgent
    defend or relieve goals, strategy.goals) sent armies to, as Watches."""
    out = []
    for g in plan.goals:
        if not (g.urgent and g.kind in ("defend", "relieve") and g.assigned):
            continue
        city = copy.scenario.city_at.get(g.hex)
        if city is None:
            continue
        guards = [copy.armies[a] for a in g.assigned if a in copy.armies]
        reach = max([1] + [hex_distance(a.hex, g.hex) for a in guards])
        # the men it needs, or the enemy's strength able to reach it next turn if that is
        # more: a variant may not leave a capital with fewer men near it than march on it
        need = max(g.need, plan.threat.get(city, 0))
        out.append(Watch(city, g.hex, need, reach, near(copy, faction, g.hex, reach)))
    return out


def abandons(copy: GameState, faction: str, watch: list[Watch]) -> bool:
    """Whether a variant, its turn played on `copy`, left a city its own plan guarded with
    fewer men near it than the own plan did and fewer than the city needs: it sent away the
    army the emergency defence had given the city.  The look-ahead is too short to see a
    capital fall two marches on, so such a variant is not weighed at all."""
    for w in watch:
        held = near(copy, faction, w.hex, w.reach)
        if held < w.held and held < w.need:
            return True
    return False


def play_on(copy: GameState, start: int, faction: str, own: Level, horizon: int,
            now: Level | None = None) -> int:
    """After the side's turn: `horizon` rounds in which it plays `own` and every other side
    Normal; the copy's score for `faction`.  If it is still the side's turn `start`, it
    plays the rest of it with `now` (by default `own`)."""
    from game.ai.player import Plan, drive_turn
    normal = levels.get("normal")
    while not copy.over:
        if copy.active_faction == faction and copy.turn > start + horizon - 1:
            break
        if copy.active_faction != faction:
            lvl = normal
        else:
            lvl = now if now is not None and copy.turn == start else own
        p = Plan(copy, lvl)
        drive_turn(copy, p.next_order, p.refused)
    return score(copy, faction)


# --- event choices ---------------------------------------------------------------------

def outcomes(effects) -> list[tuple[int | None, int]]:
    """The ways the dice of an option's effects may fall, as (roll out of a hundred, chances
    in a hundred): the `chance` conditions of its `if` effects cut the hundred into spans
    (`chance: 65` alone: a roll below 65, 65 times in a hundred, or not, 35 times).  An
    option without dice is one way, (None, 100); so is one whose dice are a `mean_time`
    (left to the samples' own dice)."""
    from game.events.compile import walk
    cuts: set[int] = set()
    sampled = False

    def go(fxs):
        nonlocal sampled
        for fx in fxs:
            if fx.name != "if":
                continue
            for leaf, _positive in walk(fx.args["when"]):
                if leaf.name == "chance" and 0 < leaf.args["percent"] < 100:
                    cuts.add(leaf.args["percent"])
                elif leaf.name == "mean_time":
                    sampled = True
            go(fx.args["then"])
            go(fx.args.get("otherwise") or ())

    go(effects)
    if sampled or not cuts:
        return [(None, 100)]
    edges = [0, *sorted(cuts), 100]
    return [(lo, hi - lo) for lo, hi in zip(edges, edges[1:])]


def has_dice(effects) -> bool:
    """Whether an option's effects roll dice of their own (a `chance` or `mean_time` in the
    condition of one of their `if` effects)."""
    from game.events.compile import walk

    def go(fxs):
        for fx in fxs:
            if fx.name != "if":
                continue
            if any(leaf.name in ("chance", "mean_time") for leaf, _p in walk(fx.args["when"])):
                return True
            if go(fx.args["then"]) or go(fx.args.get("otherwise") or ()):
                return True
        return False
    return go(effects)


def choice_seed(state: GameState, faction: str, event: str, sample: int) -> int:
    """The seed of a copy that weighs an event's choice (see search_seed)."""
    r = random.Random(f"choice:{state.seed}:{state.turn}:{faction}:{event}:{sample}")
    return r.getrandbits(63)


def weigh_options(state: GameState, faction: str, ev, options: list[str], level: Level
                  ) -> dict[str, list[int]]:
    """How each option of a pending event choice turns out for `faction`, per sample of the
    other dice (higher is better): each option is taken on a copy of what the side knows,
    once for each way its own dice can fall (`outcomes`), and those scores are summed
    weighed by their chances in a hundred; this over `level.choice_samples` samples of
    fresh dice for the rest.  On each copy the side plays out its turn and `horizon` rounds
    as in the plans' search (`play_on`), and the copy is scored.  Every option meets the
    same samples.  The game is not touched."""
    from game.events import dice
    from game.rules import engine
    from game.rules.orders import Choose
    now = replace(level, plans=1, choice_samples=0)
    later = replace(now, focus=0, focus_army=1)
    effects = {c.id: fx for c, fx in ev.choices}
    out: dict[str, list[int]] = {}
    for option in options:
        total = [0] * level.choice_samples
        for roll, odds in outcomes(effects[option]):
            for sample in range(level.choice_samples):
                copy = believed_copy(state, faction)
                copy.seed = choice_seed(state, faction, ev.spec.id, sample)
                copy.rng = Rng.from_seed(copy.seed)
                order = Choose(faction, ev.spec.id, option)
                if roll is None:
                    engine.apply(copy, order)
                else:
                    with dice.forced({ev.spec.id: roll}):
                        engine.apply(copy, order)
                total[sample] += odds * play_on(copy, state.turn, faction, later,
                                                level.horizon, now)
        out[option] = total
    return out


def best_options(worth: dict[str, list[int]], switch: int) -> list[str]:
    """The options to choose between, by the author's weights, from what each came to
    (`weigh_options`): with `switch` 0, those with the best expected score (the sum over
    the samples); above 0, every option that no other beats by more than `switch` points
    in every sample (a small lead is as likely the dice as the option)."""
    if switch <= 0:
        best = max(sum(v) for v in worth.values())
        return [o for o, v in worth.items() if sum(v) == best]
    margin = switch * 100                  # the scores are weighed by chances in a hundred
    return [o for o, v in worth.items()
            if not any(all(x - y > margin for x, y in zip(w, v)) for w in worth.values())]


def dice_for(state: GameState, faction: str, sample: int) -> Rng:
    """Fresh dice for a copy: from the game's seed, the turn, the side and the sample, never
    from the game's own generator (whose draws are the real future)."""
    return Rng.from_seed(search_seed(state, faction, sample))


def search_seed(state: GameState, faction: str, sample: int) -> int:
    """The seed a copy plays with.  The engine draws every order's dice (and every event's
    `chance`) afresh from the game's seed, the turn and the order, so a copy that kept the
    game's seed would roll the real future's dice: each copy gets a seed of its own."""
    r = random.Random(f"search:{state.seed}:{state.turn}:{faction}:{sample}")
    return r.getrandbits(63)


def reseed(copy: GameState, state: GameState, faction: str, sample: int) -> None:
    """Give the copy its own dice for this sample (see search_seed)."""
    copy.seed = search_seed(state, faction, sample)
    copy.rng = dice_for(state, faction, sample)


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
    reseed(copy, state, faction, 0)
    return copy


def play_out(state: GameState, faction: str, option: Level, horizon: int, sample: int) -> int:
    """Play this turn on a believed copy with `option`, then `horizon` rounds in which the
    side keeps to its own settings and every other side plays Normal; the copy's score for
    `faction`."""
    copy = believed_copy(state, faction)
    reseed(copy, state, faction, sample)
    first_turn(copy, option)
    return play_on(copy, state.turn, faction, replace(option, plans=1, focus=0, focus_army=1),
                   horizon)


INFLUENCE_REACH = 10   # hexes within which an army counts towards holding a city
INFLUENCE = 3          # times a city's worth that having all the men near it is worth
STANDING = 20          # times a victory's weight (strategy.KIND_WEIGHT) that it is worth now
LIVES = 20             # times the weight of a victory a commander's life or death decides
STEP = 20              # times a victory's weight that a scripted step towards it is worth


def score(state: GameState, faction: str) -> int:
    """How well `faction` stands: the game's result if it is over, else its cities weighed
    by their worth and by what the victory conditions make them worth, who holds the
    ground near each city, the men on both sides, the treasuries, the war weariness of
    both sides, the commanders whose lives a victory turns on, and which victory would be
    declared if the war ended now."""
    result = 0
    if state.over:
        # won or lost, how it stands still counts: among lost lines, the least bad
        if state.winner == faction or (state.winner and not Q.hostile(state, faction,
                                                                       state.winner)):
            result = WIN
        elif state.loser == faction or state.winner is not None:
            result = -WIN
    want = aims(state.scenario, faction)
    armies = [(a.hex, a.men, a.faction == faction, Q.hostile(state, faction, a.faction))
              for a in state.armies.values()]
    total = 0
    for c in state.cities.values():
        worth = city_worth(state, c) + want.cities.get(c.id, 0)
        if c.owner == faction:
            total += worth * 10
        elif c.owner and Q.hostile(state, faction, c.owner):
            total -= worth * 10
            if c.siege is not None and c.siege.by == faction:
                total += worth * 3
        ours = theirs = 0
        for h, men, own, foe in armies:
            if not (own or foe):
                continue
            d = hex_distance(h, c.hex)
            if d >= INFLUENCE_REACH:
                continue
            w = men * (INFLUENCE_REACH - d)
            if own:
                ours += w
            else:
                theirs += w
        if ours or theirs:
            total += worth * INFLUENCE * (ours - theirs) // (ours + theirs)
    own = sum(a.men for a in state.armies.values() if a.faction == faction)
    foes = sum(a.men for a in state.armies.values() if Q.hostile(state, faction, a.faction))
    total += (own - foes) // 200
    f = state.factions[faction]
    total += f.treasury // 50 - f.war_weariness * 5
    for fid, other in state.factions.items():
        if fid != faction and other.in_play and Q.hostile(state, faction, fid):
            total += other.war_weariness * 5
    for cid, w in want.commanders.items():
        c = state.commanders.get(cid)
        if c is not None and not c.alive:
            total += w * LIVES
    for cid, w in want.guard.items():
        c = state.commanders.get(cid)
        if c is not None and not c.alive:
            total -= w * LIVES
    return result + total + standing(state, faction) + steps_taken(state, faction)


def steps(scn) -> list[tuple[str, int, str, bool]]:
    """The flags on the way to a victory that needs a scripted event (cached): (flag, worth,
    whose victory, whether it brings that victory nearer or bars it).  A victory that needs a
    flag (say, the king overthrown) is followed to the events that set it and the flags
    their conditions ask for (the palace sacked: nearer; a battle the king's general won:
    barred), two events deep; the worth halves with each event passed."""
    def make():
        from game.events.compile import walk
        setters = flag_setters(scn)
        out: dict[tuple, int] = {}

        def follow(cond, w, whose, depth, seen, own=frozenset()):
            for leaf, positive in walk(cond):
                if leaf.name != "flag":
                    continue
                flag = leaf.args.get("name")
                if not positive and flag in own:
                    continue         # an event's guard against firing twice, not a bar
                if depth > 0:
                    k = (flag, whose, positive)
                    out[k] = max(out.get(k, 0), w)
                if positive and depth < 3:
                    for ev in setters.get(flag, []):
                        if ev.spec.id not in seen:
                            follow(ev.when, w // 2, whose, depth + 1, seen | {ev.spec.id},
                                   frozenset(flags_set(ev)))

        for v in scn.victory:
            follow(v.when, KIND_WEIGHT.get(v.spec.kind, 30) * STEP, v.spec.faction, 0, set())
        return [(f, w, whose, pos) for (f, whose, pos), w in sorted(out.items())]
    return scn.cached("search_steps", make)


def steps_taken(state: GameState, faction: str) -> int:
    """The scripted steps towards each side's victory that have been taken (flags set), for
    `faction`: plus for its side's or an ally's, minus for an enemy's; a flag that bars a
    victory counts the other way."""
    total = 0
    for flag, w, whose, positive in steps(state.scenario):
        if flag not in state.flags or whose not in state.factions:
            continue
        if not positive:
            w = -w
        if Q.friendly(state, faction, whose):
            total += w
        elif Q.hostile(state, faction, whose):
            total -= w
    return total


def standing(state: GameState, faction: str) -> int:
    """The victory that would be declared if the war ended now, for `faction`: its weight
    (STANDING times strategy.KIND_WEIGHT), plus for its side or an ally, minus for an enemy."""
    for v in state.scenario.victory:
        if not v.when(state):
            continue
        w = KIND_WEIGHT.get(v.spec.kind, 30) * STANDING
        if Q.friendly(state, faction, v.spec.faction):
            return w
        return -w if Q.hostile(state, faction, v.spec.faction) else 0
    return 0
