"""A game in progress: its state, the orders given so far, undo, and each side's news.

Undo keeps a snapshot before each order of the current turn.  It closes
(the snapshots are dropped) whenever an order let its side see a hex it did
not see before (Wesnoth's rule: exploring is information), or told it of
something random, a sighting (`spotted`), a scripted event or the end of the
turn, so undo can never reroll a battle or un-see anything.  Only what the
mover was told counts: an event it was not told of (one whose conditions hang
on positions it cannot see) leaves undo open, so that undo says nothing about
it; its dice are a pure function of the seed, the event and the turn, so
doing the order again fires it again the same way.

News: for each side, the events it was told of since it last ended its turn,
each already cut to what that side could see when it happened (the union of
its sight before and after the order; see `game.session.view.events_for`).
This is what the "while you were away" replay shows at the start of a
side's turn.

Logs: the war's record as each side read it on screen, one line of text per
entry, kept by the interface (`logs[side]`; `logs[None]` is the whole record,
shown once the war is over).  Saves keep them, so the record is whole after
any number of loads; each side's log holds only what that side was told.

Delayed fog updates (a setting, as Wesnoth's "delay shroud updates"): with
`delay_fog` on, a person's moves show no new ground until the side asks
(`update_fog`) or ends its turn.  The side keeps looking through the view it
had before its first such move (`held`), with its own and its allies' armies
where they are now, so a move that only reveals empty ground stays
undoable.  Anything it is told (a sighting, a battle, an event) updates the
fog at once and closes undo as usual; asking for the update closes undo if
the update shows new ground.

Passwords: a hot-seat side may lock its turn; only a salted hash is kept
(game.session.password), saved with the sides.  A side's own orders are not news to it, but what follows its
own EndTurn (its sieges, its supply, the other sides' turns) is.  Nothing
one side may not know is ever stored under another side's name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.rules import engine, vision
from game.rules.orders import EndTurn, Order
from game.rules.event_data import Reloaded
from game.rules.report import Event
from game.rules.state import GameState, clone, state_hash
from game.session import seats
from game.session.autosaves import is_game_id, new_game_id
from game.session.view import View, events_for, known_world, observe

# Events after which undo would leak or reroll something.
CLOSING_KINDS = {"battle", "assault", "fired", "chosen", "choice", "spotted", "turn_ended",
                 "turn_began", "game_over", "siege_progress"}


def closes_undo(told: list[Event], saw_new_ground: bool = False) -> bool:
    """Whether undo must close after an order whose side was `told` these events."""
    if saw_new_ground:
        return True
    return any(e.random or e.kind in CLOSING_KINDS for e in told)


def _sight(st: GameState, side: str):
    """(hexes seen now, hexes ever explored) of a side, or None without fog."""
    if not vision.fog(st):
        return None
    return vision.visible(st, side).copy(), vision.explored(st, side).copy()


def saw_new_ground(before, after) -> bool:
    """Did the side come to see a hex it did not see before the order (now, or on the way:
    a march remembers every hex it passed in sight of)?"""
    if before is None or after is None:
        return False
    (vis0, exp0), (vis1, exp1) = before, after
    return bool((vis1 & ~vis0).any() or (exp1 & ~exp0).any())


@dataclass
class Session:
    state: GameState
    orders: list[Order] = field(default_factory=list)
    # (state before the order, its index in orders, each side's news count before it)
    undo_stack: list[tuple[GameState, int, dict[str, int]]] = field(default_factory=list)
    sides: dict[str, str] = field(default_factory=dict)   # faction -> its seat's word (seats.py)
    news: dict[str, list[Event]] = field(default_factory=dict)   # side -> its news (see above)
    passwords: dict[str, str] = field(default_factory=dict)     # side -> salted hash
    logs: dict[str | None, list[str]] = field(default_factory=dict)   # side -> its log (above)
    logs_saved: bool = True          # False: loaded from a save made before logs were kept
    game_id: str = ""                # names this game's autosaves (game/session/autosaves.py)
    unsealed: bool = False      # loaded from a save without a seal (older, or edited)
    delay_fog: bool = False     # moves show no new ground until update_fog (see above)
    held: dict[str, View] = field(default_factory=dict)   # side -> the view it keeps meanwhile

    @classmethod
    def new(cls, scn, seed: int, sides: dict[str, str] | None = None
            ) -> tuple["Session", list[Event]]:
        state, events = engine.new_game(scn, seed)
        s = cls(state, sides=dict(sides or {}), game_id=new_game_id(scn.id))
        first = state.active_faction
        s._tell({f: vision.visible(state, f) for f in state.factions if f != first}, events)
        return s, events

    def do(self, order: Order) -> list[Event]:
        """Check and apply an order; raises Refused (and changes nothing) if illegal."""
        st = self.state
        engine.check(st, order)
        ends = isinstance(order, EndTurn)
        # only a person's orders within a turn can be taken back: skip the copy otherwise
        undoable = not ends and seats.is_human(self.sides.get(order.faction, seats.HUMAN))
        snapshot = clone(st) if undoable else None
        counts = {f: len(n) for f, n in self.news.items()}
        watching = {f: vision.visible(st, f) for f in st.factions if f != order.faction or ends}
        mine = _sight(st, order.faction) if undoable else None
        delaying = self.delay_fog and undoable and mine is not None
        if delaying and order.faction not in self.held:
            self.held[order.faction] = observe(st, order.faction)
        events = engine.apply(st, order)
        self.orders.append(order)
        if ends:
            self.news[order.faction] = []      # its turn is over: news starts afresh
        self._tell(watching, events)
        after = _sight(st, order.faction) if undoable else None
        seen = st if mine is None or after is None else mine[0] | after[0]
        told = events_for(events, seen, order.faction) if undoable else []
        new_ground = saw_new_ground(mine, after) and not delaying   # held back: not seen
        if not undoable or closes_undo(told, new_ground):
            self.undo_stack.clear()
            self.held.pop(order.faction, None)     # told of something: the fog updates
        else:
            self.undo_stack.append((snapshot, len(self.orders) - 1, counts))
        return events

    def update_fog(self, side: str) -> bool:
        """Show `side` what its moves have revealed since its fog was last updated (with
        `delay_fog`).  Undo closes if that shows new ground.  True if it showed any."""
        held = self.held.pop(side, None)
        if held is None or not vision.fog(self.state):
            return False
        now = _sight(self.state, side)
        new = saw_new_ground((held.visible, held.explored), now)
        if new:
            self.undo_stack.clear()
        return new

    def view_for(self, side: str | None) -> View:
        """What `side` is shown: `observe`, or, while its fog updates are held back, the view
        it had then with its own and its allies' armies where they are now."""
        held = self.held.get(side) if side is not None else None
        if held is None or self.state.over or self.state.active_faction != side:
            return observe(self.state, side)
        import copy
        friends = vision.friends(self.state, side)
        armies = {k: a for k, a in held.armies.items() if a.faction not in friends}
        armies.update({a.id: copy.copy(a) for a in self.state.armies.values()
                       if a.faction in friends})
        cities = dict(held.cities)
        for cid, c in self.state.cities.items():
            if c.owner in friends:
                cities[cid] = copy.deepcopy(c)
        v = View(held.side, held.visible.copy(), held.explored.copy(), armies, cities,
                 observe(self.state, side).log, held.history, dict(held.city_seen), False)
        v.world = known_world(self.state, v)
        return v

    def _tell(self, watching: dict, events: list[Event]) -> None:
        """Add to each watching side's news what it saw (sight before | after) of events."""
        for f, before in watching.items():
            told = events_for(events, before | vision.visible(self.state, f), f)
            if told:
                self.news.setdefault(f, []).extend(told)

    def news_for(self, side: str) -> list[Event]:
        """What `side` was told of since it last ended its turn (for "while you were away")."""
        return list(self.news.get(side, []))

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        snapshot, n, counts = self.undo_stack.pop()
        if not self.undo_stack:           # back before the first held move: nothing held
            self.held.pop(self.orders[n].faction, None)
        self.state = snapshot
        del self.orders[n:]
        self.news = {f: items[:counts.get(f, 0)] for f, items in self.news.items()}
        return True

    def announce_reload(self) -> Event | None:
        """Tell every other human, in its next news, that the side to play loaded a save
        (a quick-load, a load or an autosave): with two or more people at the table, a
        reload is how one could take back what undo refuses.  Nothing with one human."""
        st = self.state
        people = [f for f in seats.humans(self.sides) if f in st.factions]
        if len(people) < 2 or st.over:
            return None
        n = len(st.order)       # the side to play, or the next person after it (the gate's)
        side = next((st.order[(st.active + k) % n] for k in range(n)
                     if st.order[(st.active + k) % n] in people), people[0])
        fresh = not self.orders or isinstance(self.orders[-1], EndTurn)   # no order yet
        where = "the start of its turn" if fresh else "a point within its turn"
        name = st.factions[side].name
        text = f"{name} reloaded to {where}, {st.date_text()}"
        if self.unsealed:
            text += " (from a save without a seal: an older game's, or edited by hand)"
        e = Event("reloaded", text, None,
                  tuple(people), Reloaded(side, st.turn, fresh),
                  when=(st.turn, st.year, st.month))
        for f in people:
            if f != side:
                self.news.setdefault(f, []).append(e)
        return e

    def hash(self) -> str:
        return state_hash(self.state)

    # --- saving ---
    def save(self, path, label: str = "", extra: dict | None = None) -> None:
        """Save the game with who plays each side, their passwords (hashed) and every
        side's news, atomically.  `extra` is kept alongside (the interface's own notes)."""
        from game.session.save import save_game
        doc = dict(extra or {})
        doc["news"] = {f: [e.to_dict() for e in items] for f, items in self.news.items()}
        if self.passwords:
            doc["passwords"] = dict(self.passwords)
        doc["logs"] = {ALL_LOG if f is None else f: list(lines) for f, lines in self.logs.items()}
        if self.game_id:
            doc["game_id"] = self.game_id
        save_game(path, self.state, self.orders, self.sides, label, doc)

    @classmethod
    def load(cls, path, scenario_loader=None) -> "Session":
        """Load a saved game (see game.session.save.load_game); undo starts closed."""
        from game.session.save import load_game
        return cls.from_loaded(load_game(path, scenario_loader), path)

    @classmethod
    def from_loaded(cls, loaded, path="the save") -> "Session":
        """The Session of a save already read by load_game; SaveError if its news or
        passwords are damaged."""
        from game.session.password import is_hash
        from game.session.save import SaveError
        extra = loaded.meta.extra if isinstance(loaded.meta.extra, dict) else {}
        raw = extra.get("news", {})
        try:
            if not isinstance(raw, dict) or not all(f in loaded.state.factions for f in raw):
                raise ValueError("news for unknown sides")
            news = {f: [Event.from_dict(e, f"news.{f}[{i}]") for i, e in enumerate(items)]
                    for f, items in raw.items()}
        except (ValueError, TypeError) as exc:
            raise SaveError(f"{path}: the save's news of the last turns is damaged: {exc}"
                            ) from None
        locks = extra.get("passwords", {})
        if not isinstance(locks, dict) or not all(
                f in loaded.state.factions and is_hash(h) for f, h in locks.items()):
            raise SaveError(f"{path}: the save's passwords are damaged")
        sides = loaded.meta.sides if isinstance(loaded.meta.sides, dict) else {}
        logs = _decode_logs(extra.get("logs"), loaded.state, path)
        game_id = extra.get("game_id")
        if game_id is None:              # a save from before games had ids: a new one
            game_id = new_game_id(loaded.state.scenario_id)
        elif not is_game_id(game_id):
            raise SaveError(f"{path}: the save's game id is damaged")
        s = cls(loaded.state, loaded.orders, [], dict(sides), news, dict(locks),
                logs or {}, logs is not None, game_id)
        s.unsealed = not getattr(loaded, "sealed", True)
        return s


ALL_LOG = "*"             # the key of the whole record in a save (None in `Session.logs`)
MAX_LOG_LINE = 4000       # characters in one line of a saved log


def _decode_logs(raw, state, path) -> dict[str | None, list[str]] | None:
    """The saved logs, checked; None for a save made before logs were kept.  SaveError
    naming what is wrong if they are damaged."""
    from game.session.save import SaveError
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SaveError(f"{path}: the save's record of the war is damaged (not a table of logs)")
    logs: dict[str | None, list[str]] = {}
    for side, lines in raw.items():
        if side != ALL_LOG and side not in state.factions:
            raise SaveError(f"{path}: the save's record of the war is damaged (a log for an "
                            f"unknown side {str(side)[:40]!r})")
        if not isinstance(lines, list) or not all(
                isinstance(x, str) and len(x) <= MAX_LOG_LINE for x in lines):
            name = "the whole record" if side == ALL_LOG else f"the log of {side}"
            raise SaveError(f"{path}: the save's record of the war is damaged ({name} is not "
                            "a list of lines of text)")
        logs[None if side == ALL_LOG else side] = list(lines)
    return logs


def replay(scn, seed: int, orders: list[Order], on_turn=None) -> GameState:
    """Play recorded orders from the start; on_turn(state) is called as each round begins."""
    state, _ = engine.new_game(scn, seed)
    turn = state.turn
    for o in orders:
        engine.apply(state, o)
        if on_turn is not None and state.turn != turn:
            turn = state.turn
            on_turn(state)
    return state
