"""What each kind of event carries besides its text: one small frozen dataclass a kind.

(Named for what happened, and never as an order is: `SplitOff`, not `Split`.)

`Event.data` is one of these, picked by the event's kind (`PAYLOADS`).  The
codec writes a payload sparse, each field at its default left out, under
the names the free dictionaries of older saves used (`from` included), so
old saves and turn files read the same.  Every field has a default, so an
event made without details (a test's, or a save's with none) carries its
kind's empty payload, and a reader never meets a missing key.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.hexgrid import Hex

_FROM = {"key": "from"}        # written as `from`, a word Python keeps for itself


@dataclass(frozen=True)
class Moved:
    """An army marched (or, trimmed to what another side saw, was seen on the march)."""
    army: str = ""
    name: str = ""
    faction: str = ""
    start: Hex | None = field(default=None, metadata=_FROM)    # None: its start was not seen
    path: tuple[Hex, ...] = ()
    halted: bool = False       # stopped by an enemy it had not seen
    partial: bool = False      # only the steps another side saw


@dataclass(frozen=True)
class Spotted:
    """An army or city sighted, or a march halted by one (`halted`)."""
    army: str | None = None    # the army sighted, or the army halted
    faction: str | None = None
    men: int | None = None
    halted: bool = False
    enemy: str | None = None   # the enemy army that halted the march
    city: str | None = None
    owner: str | None = None   # who the side now believes holds the sighted city


@dataclass(frozen=True)
class Captured:
    city: str = ""
    owner_before: str | None = field(default=None, metadata=_FROM)
    loot: int = 0
    ceded: bool = False        # handed over by a scripted event
    sacked: bool = False       # taken by a ruthless commander


@dataclass(frozen=True)
class Losses:
    """The casualty report of a battle or a storm: each side's men before it, and lost."""
    attacker_faction: str = ""
    attacker_men: int = 0
    attacker_lost: int = 0
    defender_men: int = 0
    defender_lost: int = 0


@dataclass(frozen=True)
class Battle(Losses):
    attacker: str = ""
    defenders: tuple[str, ...] = ()
    winner: str = ""


@dataclass(frozen=True)
class Stormed(Losses):
    """A storm of a city's walls."""
    city: str = ""
    army: str = ""
    won: bool = False
    garrison: int = 0


@dataclass(frozen=True)
class OfArmy:
    """An army fell back, was destroyed, or otherwise left the map."""
    army: str = ""


@dataclass(frozen=True)
class OfSiege:
    """A siege was laid (by `army`) or lifted."""
    city: str = ""
    army: str = ""


@dataclass(frozen=True)
class SiegeProgress:
    """A siege went on (its figures), or the city surrendered (the city alone)."""
    city: str = ""
    walls: int | None = None
    food: int | None = None
    garrison: int | None = None
    turns: int | None = None


@dataclass(frozen=True)
class MenOf:
    """Men an army gained (raised, at a cost) or lost (to hunger and cold)."""
    army: str = ""
    men: int = 0
    cost: int = 0


@dataclass(frozen=True)
class Merged:
    army: str = ""
    into: str = ""


@dataclass(frozen=True)
class SplitOff:
    army: str = ""
    new: str = ""


@dataclass(frozen=True)
class OfTurn:
    """A side's turn began (in round `turn`) or ended."""
    faction: str = ""
    turn: int = 0


@dataclass(frozen=True)
class Income:
    income: int = 0
    upkeep: int = 0
    net: int = 0
    unpaid: bool = False       # the treasury could not pay the troops


@dataclass(frozen=True)
class Option:
    """One option of a scripted event's choice, as its chooser is shown it."""
    id: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Fired:
    """A scripted event fired: its text for all and for some sides, and its options."""
    event: str = ""
    text: str = ""
    text_for: dict[str, str] = field(default_factory=dict)
    choices: tuple[Option, ...] = ()
    chooser: str | None = None


@dataclass(frozen=True)
class OfEvent:
    """A side must choose an option of a scripted event."""
    event: str = ""


@dataclass(frozen=True)
class Chosen:
    event: str = ""
    option: str = ""
    chooser: str | None = None


@dataclass(frozen=True)
class Message:
    """A line of news: from a scripted event (`event`), about some sides (`concerns`)."""
    event: str | None = None
    concerns: tuple[str, ...] | None = None   # None: not a note tied to a place
    army: str | None = None
    commander: str | None = None


@dataclass(frozen=True)
class GameOver:
    winner: str | None = None
    loser: str | None = None
    kind: str = ""
    by: str | None = None      # the victory condition's id


@dataclass(frozen=True)
class CommanderDied:
    commander: str = ""


@dataclass(frozen=True)
class Reloaded:
    """A side went back to an earlier point of its turn (or opened a game by e-mail's turn
    more than once): the other sides are told."""
    side: str = ""
    turn: int | None = None
    fresh: bool | None = None
    opens: int | None = None


@dataclass(frozen=True)
class Nothing:
    """A kind that carries nothing besides its text."""


# every kind of event and what it carries
PAYLOADS: dict[str, type] = {
    "moved": Moved, "captured": Captured, "battle": Battle, "retreated": OfArmy,
    "destroyed": OfArmy, "siege_begun": OfSiege, "siege_lifted": OfSiege,
    "siege_progress": SiegeProgress, "assault": Stormed, "raised": MenOf, "merged": Merged,
    "split": SplitOff, "turn_began": OfTurn, "turn_ended": OfTurn, "supply": Nothing,
    "attrition": MenOf, "income": Income, "fired": Fired, "choice": OfEvent,
    "chosen": Chosen, "message": Message, "game_over": GameOver,
    "commander_died": CommanderDied, "spotted": Spotted, "reloaded": Reloaded,
}
KINDS = tuple(PAYLOADS)
