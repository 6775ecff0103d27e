"""The computer's turn: one plan per faction turn, giving one order at a time.

A turn goes: answer any event choice, raise troops, then each army in turn
(besiegers first, then armies in contact, then the rest by the value of
their errand) gives its orders until it has nothing more to do, then armies
standing together are joined, and the turn ends.  The plan is made when the
turn begins and made again whenever the world it knows of changes (a battle,
a city taken, an army gone): its own marches do not change it.

The plan draws only on its own generator, seeded from the game's seed, the
turn, the faction and what it is deciding, so it never touches the game's
generator and the same game always gets the same orders.
"""
from __future__ import annotations

import random

from game.ai import aims, knowledge, levels, memory, operations, search, strategy, tactics
from game.ai.knowledge import Knowledge, gather
from game.ai.tactics import Errand
from game.events.runner import event_by_id
from game.rules import between, engine
from game.rules import queries as Q
from game.rules.orders import Besiege, Choose, EndTurn, Order, Refused
from game.rules.state import GameState


def rng_for(state: GameState, faction: str, what: str) -> random.Random:
    return random.Random(f"{state.seed}:{state.turn}:{faction}:{what}")


def choose_option(state: GameState, faction: str, rng: random.Random | None = None,
                  level: "levels.Level | None" = None) -> Order | None:
    """Answer the first pending event choice by the author's weights (drawn with `rng`, by
    default the plan's own generator for that choice).  A level that weighs choices
    (`choice_samples`, hard) first plays each option out on copies of what its side knows
    (search.weigh_options) and keeps those that turn out best; the weights decide among
    them.  It does so only where an option's outcome is left to dice of its own, unless
    the level says `choices_without_dice`: weighed over two rounds, options whose effects
    are certain were measured to do worse than the author's weights (docs/ai.md).  An
    option the author weighted zero is never taken."""
    pending = [p for p in state.pending if p.faction == faction]
    if not pending:
        return None
    ev = event_by_id(state, pending[0].event)
    weights = [max(0, c.ai_weight) for c, _ in ev.choices]
    if sum(weights) == 0:
        weights = [1] * len(weights)
    if rng is None:
        rng = rng_for(state, faction, f"choice:{ev.spec.id}:{len(state.log)}")
    allowed = [i for i, w in enumerate(weights) if w > 0]
    if level is not None and level.choice_samples > 0 and len(allowed) > 1 \
            and state.active_faction == faction and (
                level.choices_without_dice or any(search.has_dice(ev.choices[i][1])
                                                  for i in allowed)):
        worth = search.weigh_options(state, faction, ev, [ev.choices[i][0].id for i in allowed],
                                     level)
        keep = set(search.best_options(worth, level.choice_switch))
        allowed = [i for i in allowed if ev.choices[i][0].id in keep]
    pick = rng.choices(allowed, weights=[weights[i] for i in allowed])[0]
    return Choose(faction, ev.spec.id, ev.choices[pick][0].id)


class Plan:
    """The computer's plan for one faction's turn."""

    def __init__(self, state: GameState, level: "str | levels.Level" = "normal"):
        self.level = level if isinstance(level, levels.Level) else levels.get(level)
        self.faction = state.active_faction
        self.turn = state.turn
        self.profile = aims.profile(state, self.faction)   # the posture may make it a raider
        self.stage = "start"           # start -> raise -> split -> armies -> join -> end
        self.done: set[str] = set()
        self.marched: set[str] = set()
        self.queue: list[str] = []
        self.pending: list[Order] = []
        self.splits: list = []
        self.split_for: tuple | None = None        # (own ids before, goal name)
        self.reserved: dict[str, str] = {}         # detachment -> goal name
        self.errands: dict[str, Errand] = {}
        self.k: Knowledge | None = None
        self.threat: dict[str, int] = {}
        self.goals: list = []
        self.sig = None
        self.memo = knowledge.lasting_memo(state, self.faction)   # what a replan may reuse
        self.habits: dict[str, str] | None = None  # army -> last turn's goal (memory.recall)
        self.left: dict[str, str] = {}             # army -> the goal it last gave up
        self.changes: dict | None = None           # army -> (goal, goal given up, turns it
                                                   # changed goal back and forth): last turn's
        self.seen_at_start: dict | None = None     # enemy armies in sight when the turn began
        self.remembered: list = []                  # and those it remembered out of sight

    def matches(self, state: GameState) -> bool:
        return state.turn == self.turn and state.active_faction == self.faction

    # --- the world it knows ---------------------------------------------------
    def _signature(self, state: GameState):
        """What, changing, calls for a new plan: the armies and owners it knows, relations."""
        rel = tuple(r.status for r in state.relations.values())
        return knowledge.signature(state, self.faction, self.level), rel, len(state.relations)

    def _replan(self, state: GameState) -> None:
        k = gather(state, self.faction, self.level, self.profile, self.memo)
        self.k = k
        if self.habits is None:
            self.habits = memory.recall(state, self.faction)
            self.left = memory.recall_left(state, self.faction)
            self.changes = (memory.recall_changes(state, self.faction)
                            if self.level.back_and_forth else None)
        most = self.level.back_and_forth
        k.tired = {aid: gave_up for aid, (_goal, gave_up, n) in (self.changes or {}).items()
                   if n > most}
        # a steady general keeps up the defences its armies marched for last turn while
        # the enemy stays within a turn more of them (strategy.threats)
        kept = frozenset(g.partition(":")[2] for g in self.habits.values()
                         if g.startswith("defend:")) if self.level.steady else frozenset()
        if self.level.steady:
            k.habits = self.habits     # an aim an army has reached stays its errand (aims)
        self.threat = strategy.threats(k, kept)
        self.goals = strategy.goals(k, self.threat)
        if self.seen_at_start is None:
            self.seen_at_start = {a.id: memory.Sighting(a.id, a.faction, a.hex, a.men, state.turn)
                                  for a in k.enemies}
            self.remembered = list(k.ghosts)
        # a commander the author's aims name keeps to them (then detachments to theirs)
        planned = aims.errands(k, self.goals) if self.level.follows_aims else {}
        reserved = {**planned, **self.reserved}
        self.errands = operations.assign(k, self.goals, reserved, self.habits, self.left)
        if self.level.focus:
            # (keep_plan 2: the plan played last turn too keeps its army's goal by name)
            kept = self.level.keep_plan > 1 and \
                self.level.variant == memory.recall_variant(state, self.faction)
            search.focus(k, self.goals, self.errands, self.level.focus,
                         self.level.focus_army, self.habits if kept else None)
        if self.level.rally:
            search.rally(k, self.goals, self.errands, self.level.rally)
        if self.stage != "join" and self.stage != "end":
            self.queue = self._order_armies(k)

    def _take_detachment(self, state: GameState) -> None:
        """After a Split: give the new army its goal and its place in the queue."""
        before, goal_name = self.split_for
        self.split_for = None
        k = self.k
        k.armies = sorted((a for a in state.armies.values() if a.faction == self.faction),
                          key=lambda a: a.id)
        goal = next((g for g in self.goals if g.name == goal_name), None)
        for a in k.armies:
            if a.id not in before and goal is not None:
                self.reserved[a.id] = goal_name
                goal.assigned.append(a.id)
                self.errands[a.id] = Errand(goal.kind, goal.hex, goal)
                self.queue.insert(0, a.id)

    def _order_armies(self, k: Knowledge) -> list[str]:
        def rank(a):
            e = self.errands.get(a.id)
            sieging = tactics.besieging(k, a) is not None
            contact = k.index(a.hex) in k.danger
            value = e.goal.value if e is not None and e.goal is not None else 0
            return (not sieging, not contact, -value, a.id)
        return [a.id for a in sorted(k.armies, key=rank)
                if (a.moves > 0 or a.may_strike) and a.id not in self.done]

    # --- orders ----------------------------------------------------------------
    def next_order(self, state: GameState) -> Order:
        fid = self.faction
        choice = choose_option(state, fid, level=self.level)
        if choice is not None:
            return choice
        sig = self._signature(state)
        if sig != self.sig:
            self.split_for = None
            self._replan(state)
            self.sig = sig
        elif self.split_for is not None:
            self._take_detachment(state)
        if self.stage == "start":
            self.stage = "raise"
            self.pending = operations.sally_merges(self.k) + \
                operations.raise_orders(self.k, self.threat)
        while self.pending:
            o = self.pending.pop(0)
            if engine.is_legal(state, o):
                return o
        if self.stage == "raise":
            self.stage = "split"
            self.splits = operations.detachments(self.k, self.errands, self.goals)
        while self.splits:
            o, goal = self.splits.pop(0)
            if engine.is_legal(state, o):
                self.split_for = ({a.id for a in self.k.armies}, goal.name)
                return o
        self.stage = "armies"
        while self.queue:
            aid = self.queue[0]
            order = self._army_order(state, aid)
            if order is not None:
                return order
            self.done.add(aid)
            self.queue.pop(0)
        if self.stage == "armies":
            self.stage = "join"
            self.pending = operations.merge_orders(self.k, self.errands)
            while self.pending:
                o = self.pending.pop(0)
                if engine.is_legal(state, o):
                    return o
        self.stage = "end"
        return EndTurn(fid, memory.note(state, self.errands, self._sightings(state),
                                        self.habits, self.left, self.changes,
                                        self.level.variant if self.level.keep_plan else 0))

    def _sightings(self, state: GameState) -> list:
        """The enemy armies to remember (under fog only: otherwise it sees them all)."""
        if self.level.sees_all or not knowledge.vision.fog(state) or self.seen_at_start is None:
            return []
        others, _cities = knowledge.known_world(state, self.faction, self.level)
        now = [a for a in others if Q.hostile(state, self.faction, a.faction)]
        return memory.carry(state, now, self.seen_at_start, self.remembered,
                            knowledge.in_sight(state, self.faction, self.level))

    def refused(self, order: Order) -> None:
        """The rules refused an order it gave: its army does nothing more this turn."""
        aid = getattr(order, "army", None)
        if aid is not None:
            self.done.add(aid)
            if aid in self.queue:
                self.queue.remove(aid)

    def _army_order(self, state: GameState, aid: str) -> Order | None:
        army = state.armies.get(aid)
        k = self.k
        if army is None or (army.moves <= 0 and not army.may_strike) or k is None:
            return None
        errand = self.errands.get(aid) or Errand("hold", army.hex)
        if self.level.blunder_percent and aid not in self.marched:
            rng = rng_for(state, self.faction, f"blunder:{aid}")
            if rng.randrange(100) < self.level.blunder_percent:
                self.marched.add(aid)
                return self._blunder(k, army, rng)
        city = tactics.besieging(k, army)
        if city is not None:
            o = tactics.siege_order(k, army, city)
            if o is None:
                return None
            if o != "leave":
                return o if engine.is_legal(state, o) else None
            errand = Errand("hold", operations.nearest_own_city(k, army))
        if errand.goal is not None and errand.goal.kind == "take" and errand.goal.key in k.throws:
            # (last_throw) at the gates of the city the lost war is staked on: the siege
            # first, not a battle with the men inside that leaves them there
            o = tactics.invest(k, army, errand.goal, army.men)
            if o is not None:
                return o
        o = tactics.best_attack(k, army, errand)
        later = None
        if o is not None:
            if aid in self.marched or not tactics.fight_later(k, army, errand, o):
                return o
            later = o            # march on first: it may still fight where it arrives
        home = tactics.shut_in(k, army)
        # (never out of its capital or a city whose loss ends the war: that loss is the war)
        breakout = home is not None and home.siege.food == 0 and army.moves > 0 and \
            not strategy.vital_city(k, home) and not any(
            b.id != army.id and b.hex == army.hex and b.may_strike
            and tactics.best_attack(k, b, Errand("hold", b.hex)) is not None
            for b in k.armies)        # unless another army shut in with it will sally
        if breakout:
            # starving with the garrison and too weak to sally: break out, and live
            errand = Errand("hold", operations.nearest_own_city(k, army))
        o = tactics.on_the_way(k, army, errand, self.goals)
        if o is not None:
            return o
        goal = errand.goal
        if goal is not None and goal.kind == "take":
            committed = sum(a.men for a in k.armies
                            if a.id in goal.assigned and Q.within(a.hex, goal.hex, 1))
            if army.id not in goal.assigned or not Q.within(army.hex, goal.hex, 1):
                committed += army.men
            o = tactics.invest(k, army, goal, committed)
            if o is not None:
                return o
        if aid in self.marched:
            return None
        self.marched.add(aid)
        reach = tactics.reachable(k, army)
        here = k.index(army.hex)
        away = {j: v for j, v in reach.items() if j != here}
        if breakout and away:         # out of the starving city, wherever it can get to
            return tactics.march(k, army, tactics.choose_destination(k, army, errand, away),
                                 reach)
        dest = tactics.choose_destination(k, army, errand, reach)
        if dest == here and errand.hex is not None and errand.hex != army.hex:
            f = k.field(errand.hex)
            if 0 < f[here] < tactics.INF and not any(f[j] < f[here] for j in reach):
                fort = tactics.fortress_in_the_road(k, army, errand.hex)
                if fort is not None:
                    o = Besiege(self.faction, army.id, fort.id)
                    if engine.is_legal(state, o):
                        return o        # a fortress bars the road: invest it
                alt = tactics.stalled_route(k, army, errand.hex, reach)
                if alt is not None:
                    dest = alt
        if dest == here:
            return later
        return tactics.march(k, army, dest, reach) or later

    def _blunder(self, k: Knowledge, army, rng: random.Random) -> Order | None:
        """A careless order: wander somewhere within reach, or idle."""
        if rng.randrange(2) == 0:
            return None
        reach = tactics.reachable(k, army)
        here = k.index(army.hex)
        options = sorted(j for j in reach if j != here)
        if not options:
            return None
        return tactics.march(k, army, rng.choice(options), reach)


def play_turn(state: GameState, level: str = "normal", limit: int = 1000) -> list:
    """Play the side-to-play's whole turn; returns the (order, events) pairs."""
    plan = Plan(state, search.choose(state, levels.get(level)))
    return drive_turn(state, plan.next_order, plan.refused, limit)


def drive_turn(state: GameState, next_order, refused=None, limit: int = 1000) -> list:
    """Apply `next_order(state)` until the side to play ends its turn; the (order, events) pairs.

    The one turn loop of every computer policy.  An order the rules refuse goes
    to `refused(order)` and the turn goes on (without `refused`, the refusal is
    raised); after `limit` orders the turn is ended for it.
    """
    out = []
    fid, turn = state.active_faction, state.turn
    for _ in range(limit):
        if state.over or state.active_faction != fid or state.turn != turn:
            break
        # the plan and the check of its order read the state as it stands: what they both
        # ask is worked out once (engine.apply ends that as it begins to change the state)
        with between.steady(state):
            order = next_order(state)
            try:
                events = engine.apply(state, order)
            except Refused:
                if refused is None or isinstance(order, EndTurn):
                    raise
                refused(order)        # a misjudged order: that army waits, the turn goes on
                continue
        out.append((order, events))
        if isinstance(order, EndTurn):
            break
    else:
        out.append((EndTurn(fid), engine.apply(state, EndTurn(fid))))
    return out

