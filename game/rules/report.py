"""What applying an order yields: a list of `Event` records.

These are reports of what happened (an army moved, a battle was fought, a
city fell, a scripted event fired).  They carry the hexes and factions
concerned so that each side can be told only what it could see.  Rules code
emits them; the UI, the command line and logs read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.codec import DecodeError, decode, encode_sparse
from game.hexgrid import Hex


@dataclass(frozen=True)
class Event:
    kind: str                        # see KINDS
    text: str                        # one line, for logs and summaries
    at: Hex | None = None            # where it happened, if anywhere
    factions: tuple[str, ...] = ()   # the sides directly concerned (always told)
    data: dict = field(default_factory=dict, compare=False)
    random: bool = False             # used the generator (closes undo)
    public: bool = False             # everyone is told (e.g. a scripted event for all)
    when: tuple[int, int, int] | None = field(default=None, compare=False)
    # (turn, year, month) of the turn in which it happened; stamped by `dated`, so that
    # what happens at the last side's end of turn is not dated by the round after it

    def to_dict(self) -> dict:
        """The event as data: its fields, each left out at its default."""
        return encode_sparse(self)

    @classmethod
    def from_dict(cls, d, path: str = "event") -> "Event":
        """Rebuild an event from `to_dict`; a DecodeError (a ValueError) saying where and
        what is wrong if it is malformed."""
        e = decode(cls, d, path)
        if e.kind not in KINDS:
            raise DecodeError(f"{path}.kind", f"not an event kind: {e.kind!r:.60}")
        if e.when is not None and not (all(0 <= v < 100_000 for v in e.when)
                                       and 1 <= e.when[2] <= 12):
            raise DecodeError(f"{path}.when", "a damaged date")
        return e


def dated(events: list[Event], state) -> list[Event]:
    """The events, each stamped with the state's present turn and date unless it has one.

    Called before the date moves on (at the end of a round) and after every order.
    """
    now = (state.turn, state.year, state.month)
    return [e if e.when is not None else replace(e, when=now) for e in events]


KINDS = (
    "moved", "captured", "battle", "retreated", "destroyed", "siege_begun", "siege_lifted",
    "siege_progress", "assault", "raised", "merged", "split", "turn_began", "turn_ended",
    "supply", "attrition", "income", "fired", "choice", "chosen", "message", "game_over",
    "commander_died", "spotted", "reloaded",
)
