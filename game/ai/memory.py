"""What the computer remembers from one of its turns to the next: each army's errand, and
the enemy armies it has seen.

A general who changes his mind every season gets nowhere, so an army keeps
the goal it marched for last turn unless another is clearly better (see
`operations.assign`).  The note is carried in the game itself: the computer
writes it into the order that ends its turn (`EndTurn.plans`), applying that
order keeps it in `state.plans`, and the next turn reads it back.  So a save,
a replay or an undo carries the notes like everything else, and a game loaded
in a fresh process plays on exactly as it would have in the process that
saved it.  An army's note counts only if the army still stands where its
side's last turn left it.

Under fog of war the note also keeps the enemy armies its side has seen
(`seen id faction q r men turn`): where, how strong and when.  An army out of
sight is remembered for MEMORY_TURNS of its side's turns, as a threat that
could have marched a turn's distance further for every turn since it was
seen, and counts for less the older the sighting (`fade`).  It is forgotten
sooner only when its side sees that it is gone: seen at the start of the
turn, its hex still in sight at the end and the army no longer there (it
was beaten and destroyed, or merged).  Nothing else is read: an army
destroyed out of sight is still feared until the memory fades, as a person
would.

The note is text: the turn it was written, then for each army
`id q r goal [given-up [changes]]` (goal names such as `take:dara` or
`visit:12,40` hold no spaces; an army with no goal is named by its errand and
place, `quarters:12,40`; the last goal it gave up for another, if any; and,
on a turn it changed its goal, how many turns in a row it has done so going
back and forth, see `changes`), then the sightings, and last `plan N` if the look-ahead
(hard) played its N-th plan, separated by semicolons.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from game.hexgrid import Hex
from game.rules.state import GameState

MEMORY_TURNS = 3     # own turns an enemy army out of sight is remembered


@dataclass(frozen=True)
class Sighting:
    """An enemy army as its side last saw it."""
    id: str
    faction: str
    hex: Hex
    men: int
    turn: int

    def age(self, turn: int) -> int:
        return max(0, turn - self.turn)


def fade(age: int) -> int:
    """How much (percent) of a remembered army's strength is still feared."""
    return 100 if age <= 1 else 100 >> (age - 1) if age <= MEMORY_TURNS else 0


def errand_name(e) -> str | None:
    """The name an errand goes by in the note: its goal's, or (no goal: winter quarters, a
    hold, home) its kind and place, such as `quarters:12,40`."""
    if e.goal is not None:
        return e.goal.name
    return None if e.hex is None else f"{e.kind}:{e.hex.q},{e.hex.r}"


def goalless(name: str | None) -> bool:
    """Whether a name in the note is an errand with no goal (`errand_name`)."""
    return name is not None and name.startswith(("quarters:", "hold:", "home:"))


def changes(goal: str, before: str | None, left: str | None, last: int) -> int:
    """How many turns in a row an army has changed its goal going back and forth, this
    turn's included: 0 if it kept last turn's goal (`before`); 1 more than `last`, last
    turn's count, if it goes back to the goal it gave up then (`left`) after changing on
    that turn too; else 1.  So A B A B counts 1 2 3 on its last three turns."""
    if goal == before:
        return 0
    if before is not None and last >= 1 and goal == left:
        return last + 1
    return 1


def note(state: GameState, errands: dict, seen: list[Sighting] = (),
         before: dict[str, str] | None = None, left: dict[str, str] | None = None,
         last: dict[str, tuple[str, str, int]] | None = None, variant: int = 0) -> str:
    """At the end of a faction's turn: each army's place, the goal it marched for and the
    last goal it gave up for another (from `before`, last turn's goals, and `left`, what
    last turn's note said it had given up), on a turn it changed its goal the `changes`
    count (from `last`, `recall_changes` of last turn's note; None: no count is kept, and an
    army with no goal is left out), the enemy armies it remembers, and (`plan N`) which of
    its look-ahead's plans it played, if not its own settings (`recall_variant`)."""
    counts = last is not None        # (a level with no `back_and_forth` limit: no counts,
    before, left, last = before or {}, left or {}, last or {}      # no errands without goal)
    items = [str(state.turn)]
    for aid in sorted(errands):
        a = state.armies.get(aid)
        e = errands[aid]
        g = errand_name(e) if counts or e.goal is not None else None
        if a is not None and g is not None:
            # (an army that changed its goal last turn is followed wherever it stands)
            prev, gave, count = last.get(aid, (before.get(aid), left.get(aid), 0))
            gave_up = prev if prev is not None and prev != g else gave
            tail = f" {gave_up}" if gave_up and gave_up != g else ""
            n = changes(g, prev, gave, count)
            if tail and n and counts:
                tail += f" {n}"
            items.append(f"{aid} {a.hex.q} {a.hex.r} {g}{tail}")
    for s in sorted(seen, key=lambda s: s.id):
        items.append(f"seen {s.id} {s.faction} {s.hex.q} {s.hex.r} {s.men} {s.turn}")
    if variant:
        items.append(f"plan {variant}")
    return ";".join(items)


def recall_variant(state: GameState, faction: str) -> int:
    """Which of its look-ahead's plans the side played on its last turn (0: its own
    settings, or no note of last turn)."""
    for item in last_turns_items(state, faction):
        parts = item.split(" ")
        if parts[0] == "plan" and len(parts) == 2:
            return int(parts[1])
    return 0


def sightings(state: GameState, faction: str) -> dict[str, Sighting]:
    """Army id -> the side's last sighting of it, as its last note kept them (any age)."""
    out = {}
    for item in state.plans.get(faction, "").split(";")[1:]:
        parts = item.split(" ")
        if len(parts) != 7 or parts[0] != "seen":
            continue
        try:
            q, r, men, turn = (int(x) for x in parts[3:])
        except ValueError:
            continue
        out[parts[1]] = Sighting(parts[1], parts[2], Hex(q, r), men, turn)
    return out


def remembered(state: GameState, faction: str, visible_ids: set[str]) -> list[Sighting]:
    """The sightings still worth fearing: out of sight now, and not too old."""
    return [s for _i, s in sorted(sightings(state, faction).items())
            if s.id not in visible_ids and s.age(state.turn) <= MEMORY_TURNS]


def carry(state: GameState, now: list, at_start: dict[str, Sighting], old: list[Sighting],
          in_sight) -> list[Sighting]:
    """The sightings to keep at the end of a turn.

    `now`: the enemy armies it sees now; `at_start`: those it saw when its turn began;
    `old`: what it remembered then of armies out of sight; `in_sight(hex)`: whether its
    side sees that hex now.  An army seen at the start whose hex is still in sight but
    empty of it is gone (no other side moves during this turn), so it is dropped.
    """
    out = {a.id: Sighting(a.id, a.faction, a.hex, a.men, state.turn) for a in now}
    for s in at_start.values():
        if s.id not in out and not in_sight(s.hex):
            out[s.id] = Sighting(s.id, s.faction, s.hex, s.men, state.turn)
    for s in old:
        if s.id not in out and s.id not in at_start:
            out[s.id] = s
    return [out[k] for k in sorted(out)]


def last_turns_items(state: GameState, faction: str) -> list[str]:
    """The items of the note the side wrote on its last turn (after the turn number); none
    if it wrote none then, or the note cannot be read."""
    text = state.plans.get(faction, "")
    if not isinstance(text, str) or note_problem(text):
        return []
    items = text.split(";")
    return items[1:] if int(items[0]) == state.turn - 1 else []


def recall(state: GameState, faction: str, which: int = 3, moved_too: bool = False
           ) -> dict[str, str]:
    """Army id -> the goal it marched for on its side's last turn (if it still stands where
    that turn left it, or with `moved_too` wherever it is).  A note it cannot read is
    ignored."""
    out = {}
    for item in last_turns_items(state, faction):
        parts = item.split(" ")
        if len(parts) not in (4, 5, 6) or parts[0] == "seen":
            continue
        aid, q, r = parts[:3]
        a = state.armies.get(aid)
        if (a is not None and a.faction == faction
                and (moved_too or (f"{a.hex.q}" == q and f"{a.hex.r}" == r))):
            if len(parts) > which:
                out[aid] = parts[which]
    return out


def recall_left(state: GameState, faction: str) -> dict[str, str]:
    """Army id -> the goal it last gave up for another (to go back to it, another goal must
    be clearly worse: so an army does not swap between two goals every turn)."""
    return recall(state, faction, which=4)


def recall_changes(state: GameState, faction: str) -> dict[str, tuple[str, str, int]]:
    """Army id -> (the goal it marched for on its side's last turn, the goal it gave up for
    it, its `changes` count), for armies that changed their goal on that turn, wherever
    they stand now (driven off by a battle, an army has still gone back and forth)."""
    goal = recall(state, faction, which=3, moved_too=True)
    left = recall(state, faction, which=4, moved_too=True)
    return {aid: (goal[aid], left[aid], int(n))
            for aid, n in recall(state, faction, which=5, moved_too=True).items()}


def goals_in_note(plans: str) -> dict[str, str]:
    """Army id -> the goal (or errand) named for it in a note, wherever the army is now: for
    tools that read a game's record."""
    out = {}
    for item in plans.split(";")[1:]:
        parts = item.split(" ")
        if len(parts) in (4, 5, 6) and parts[0] != "seen":
            out[parts[0]] = parts[3]
    return out


_NUMBER = re.compile(r"-?[0-9]{1,9}")
MAX_NOTE_CHARS = 1_000_000


def note_problem(text: str) -> str | None:
    """Why `text` is not a note the computer could have written, or None."""
    if len(text) > MAX_NOTE_CHARS:
        return f"it is {len(text)} characters long"
    items = text.split(";")
    if not _NUMBER.fullmatch(items[0]):
        return "it does not start with a turn number"
    for item in items[1:]:
        parts = item.split(" ")
        if parts[0] == "seen":         # seen id faction q r men turn
            if len(parts) != 7 or not all(_NUMBER.fullmatch(x) for x in parts[3:]) \
                    or not parts[1] or not parts[2]:
                return f"the item {item[:40]!r} is not `seen army faction q r men turn`"
            continue
        if parts[0] == "plan":          # plan N: the look-ahead's plan it played
            if len(parts) != 2 or not _NUMBER.fullmatch(parts[1]) or int(parts[1]) < 0:
                return f"the item {item[:40]!r} is not `plan number`"
            continue
        if (len(parts) not in (4, 5, 6) or not _NUMBER.fullmatch(parts[1])
                or not _NUMBER.fullmatch(parts[2]) or not all(parts[i] for i in (0, 3))
                or (len(parts) >= 5 and not parts[4])
                or (len(parts) == 6 and not _NUMBER.fullmatch(parts[5]))):
            return f"the item {item[:40]!r} is not `army q r goal [given-up [changes]]`"
    return None
