"""Who plays each side (its seat), and whose eyes the screen shows.

A seat is a person (`human`), the computer at a difficulty level
(`computer:LEVEL`, LEVEL from game.ai.LEVELS) or the simple baseline policy
(`placeholder`).  A person may be named (`human:NAME`), which a game by
e-mail needs to know who sends each side's turns.  Every command line, the
new-game screen and saves write seats in these words; `ai` and `ai:LEVEL`,
which `simulate --side` took before, are still read as `computer` and
`computer:LEVEL`.  A human seat may have a password; the session keeps its
salted hash (game.session.password).

The viewer is the only human, or, with two or more (a hot-seat game), the
side that holds the screen; with no human at all the view is omniscient
(None).  `next_human` says whose hands the screen goes to next.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.ai import LEVELS

HUMAN, COMPUTER, PLACEHOLDER = "human", "computer", "placeholder"
KINDS = (HUMAN, COMPUTER, PLACEHOLDER)
OLD_COMPUTER = "ai"                   # simulate's former word for the computer
WORDS = (f"human, human:NAME, computer, computer:LEVEL (a level from {'/'.join(LEVELS)}) "
         "or placeholder")


@dataclass(frozen=True)
class Seat:
    """Who plays one side: a person, the computer at a level, or the baseline policy."""
    kind: str = HUMAN
    level: str = "normal"             # the computer's difficulty (a computer seat only)
    password: str = ""                # the salted hash of a person's password, if one is set
    name: str = ""                    # the person's name, where one was given (human:NAME)

    @property
    def human(self) -> bool:
        return self.kind == HUMAN

    def __str__(self) -> str:
        return f"{COMPUTER}:{self.level}" if self.kind == COMPUTER else self.kind

    def describe(self) -> str:
        if self.kind == COMPUTER:
            return f"Computer ({self.level})"
        return self.kind.capitalize()

    def play_turn(self, state) -> list:
        """Play the side-to-play's whole turn on `state`: the (order, events) pairs."""
        if self.kind == PLACEHOLDER:
            from game.ai import placeholder
            return placeholder.play_turn(state)
        if self.kind == COMPUTER:
            import game.ai
            return game.ai.play_turn(state, self.level)
        raise ValueError("a person plays this side")


def parse(text: str) -> Seat:
    """'human', 'human:NAME', 'computer', 'computer:hard', 'placeholder' (or the old
    'ai[:LEVEL]') -> a Seat; ValueError naming the words it takes if the text is none of these."""
    kind, colon, rest = str(text).strip().partition(":")
    kind = COMPUTER if kind == OLD_COMPUTER else kind
    if kind == COMPUTER and (not colon or rest in LEVELS):
        return Seat(COMPUTER, rest or "normal")
    if kind == HUMAN and colon and rest.strip():
        return Seat(HUMAN, name=rest.strip())
    if kind in (HUMAN, PLACEHOLDER) and not colon:
        return Seat(kind)
    raise ValueError(f"say {WORDS}")


def seat_of(who: str | None) -> Seat:
    """The seat a saved or given word names; anything unreadable plays as the computer."""
    try:
        return parse(who or "")
    except ValueError:
        return Seat(COMPUTER)


def computer(level: str = "normal") -> str:
    return str(Seat(COMPUTER, level))


def is_human(who: str | None) -> bool:
    return who == HUMAN


def level_of(who: str) -> str:
    return seat_of(who).level


def describe(who: str) -> str:
    return seat_of(who).describe()


def default_sides(scn) -> dict[str, str]:
    """The first playable faction is human; everyone else is the computer."""
    sides = {}
    human_given = False
    for f in scn.spec.factions:
        if f.playable and not human_given:
            sides[f.id] = HUMAN
            human_given = True
        else:
            sides[f.id] = computer()
    return sides


def parse_side(spec: str, factions: dict) -> tuple[str, Seat]:
    """One `--side FACTION=WHO` option -> (faction, seat); ValueError saying what is wrong."""
    fid, eq, who = spec.partition("=")
    fid, who = fid.strip(), who.strip()
    if not eq or not fid or not who:
        raise ValueError(f"--side {spec!r}: write FACTION=WHO, WHO being {WORDS}")
    if fid not in factions:
        raise ValueError(f"--side {spec!r}: the scenario has no faction {fid!r} (it has "
                         f"{', '.join(factions)})")
    try:
        seat = parse(who)
    except ValueError:
        raise ValueError(f"--side {spec!r}: say {WORDS} (e.g. computer:hard)") from None
    return fid, seat


def parse_sides(specs: list[str], scn) -> dict[str, str]:
    """`--side FACTION=WHO` options over the defaults; ValueError if wrong."""
    sides = default_sides(scn)
    factions = {f.id: f for f in scn.spec.factions}
    given = {}
    for spec in specs:
        fid, seat = parse_side(spec, factions)
        if seat.human and not factions[fid].playable:
            raise ValueError(f"--side {spec!r}: {factions[fid].name} is not playable")
        given[fid] = str(seat)
    if any(is_human(w) for w in given.values()):
        # humans were named: every faction not named is the computer's
        sides = {f: computer() for f in sides}
    sides.update(given)
    return sides


def humans(sides: dict[str, str]) -> list[str]:
    return [f for f, w in sides.items() if is_human(w)]


def viewer(sides: dict[str, str], owner: str | None) -> str | None:
    """Whose eyes the screen shows: the only human; with two or more, the `owner` holding
    the screen (None while nobody holds it); with no human, None (everything)."""
    people = humans(sides)
    if len(people) == 1:
        return people[0]
    return owner if owner in people else None


def hotseat(sides: dict[str, str], passwords=None) -> bool:
    """Two or more people share the screen, or a side has a password: a locked side is
    behind the gate whenever it is to play, whoever plays the others."""
    return len(humans(sides)) >= 2 or any(f in (passwords or {}) for f in humans(sides))


def next_human(state, sides: dict[str, str]) -> str | None:
    """The human side that plays next: the side to play if a person plays it, else the
    first human side in play after it in the turn order (None if there is none)."""
    order = state.order
    n = len(order)
    for k in range(n):
        f = order[(state.active + k) % n]
        if is_human(sides.get(f)) and state.factions[f].in_play:
            return f
    return None


def clean_sides(raw, factions) -> dict[str, str]:
    """Who plays each side, from a save: unknown factions and malformed entries dropped."""
    if not isinstance(raw, dict):
        return {}
    out = {}
    for f, w in raw.items():
        if f in factions and isinstance(w, str):
            if w.startswith(COMPUTER):
                out[f] = w                   # as before: an unknown level plays at normal
            elif w in (HUMAN, PLACEHOLDER):
                out[f] = w
    return out


def seats(sides: dict[str, str], passwords: dict[str, str] | None = None) -> dict[str, Seat]:
    """Every side's Seat, with the password hash of a locked human side."""
    locks = passwords or {}
    return {f: Seat(s.kind, s.level, locks.get(f, "") if s.human else "")
            for f, s in ((f, seat_of(w)) for f, w in sides.items())}
