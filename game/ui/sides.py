"""Who plays each faction, and whose eyes the screen shows.

A side is "human" or "computer:LEVEL" (LEVEL from game.ai.LEVELS).  The
viewer is the human whose turn it is, else the only human, else the human
who played last; with no human at all the view is omniscient (None).

Two or more human sides make a hot-seat game: the screen changes hands
between them behind the handover gate (game.ui.screens.handover), and
`next_human` says whose hands it goes to.
"""
from __future__ import annotations

from game.ai import LEVELS

HUMAN = "human"


def computer(level: str = "normal") -> str:
    return f"computer:{level}"


def is_human(who: str | None) -> bool:
    return who == HUMAN


def level_of(who: str) -> str:
    _, _, level = who.partition(":")
    return level if level in LEVELS else "normal"


def describe(who: str) -> str:
    return "Human" if is_human(who) else f"Computer ({level_of(who)})"


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


def parse_sides(specs: list[str], scn) -> dict[str, str]:
    """`--side FACTION=human|computer[:LEVEL]` options over the defaults; ValueError if wrong."""
    sides = default_sides(scn)
    factions = {f.id: f for f in scn.spec.factions}
    given = {}
    for spec in specs:
        fid, eq, who = spec.partition("=")
        fid, who = fid.strip(), who.strip()
        if not eq or not fid or not who:
            raise ValueError(f"--side {spec!r}: write FACTION=human or FACTION=computer[:LEVEL]")
        if fid not in factions:
            raise ValueError(f"--side {spec!r}: the scenario has no faction {fid!r} (it has "
                             f"{', '.join(factions)})")
        kind, _, level = who.partition(":")
        if kind == HUMAN and not level:
            if not factions[fid].playable:
                raise ValueError(f"--side {spec!r}: {factions[fid].name} is not playable")
            given[fid] = HUMAN
        elif kind == "computer" and (not level or level in LEVELS):
            given[fid] = computer(level or "normal")
        else:
            raise ValueError(f"--side {spec!r}: say human, or computer with a level from "
                             f"{', '.join(LEVELS)} (e.g. computer:hard)")
    if any(is_human(w) for w in given.values()):
        # humans were named: every faction not named is the computer's
        sides = {f: computer() for f in sides}
    sides.update(given)
    return sides


def viewer(sides: dict[str, str], active: str, last: str | None = None) -> str | None:
    humans = [f for f, w in sides.items() if is_human(w)]
    if not humans:
        return None
    if active in humans:
        return active
    if len(humans) == 1:
        return humans[0]
    return last if last in humans else humans[0]


def humans(sides: dict[str, str]) -> list[str]:
    return [f for f, w in sides.items() if is_human(w)]


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
    return {f: w for f, w in raw.items()
            if f in factions and isinstance(w, str) and (is_human(w) or w.startswith("computer"))}
