"""What applying an order yields: a list of `Event` records.

These are reports of what happened (an army moved, a battle was fought, a
city fell, a scripted event fired).  They carry the hexes and factions
concerned so that each side can be told only what it could see.  Rules code
emits them; the UI, the command line and logs read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from game.codec import DecodeError, class_of_kind, decode, encode_sparse
from game.hexgrid import Hex
from game.rules.event_data import PAYLOADS


@dataclass(frozen=True)
class Event:
    kind: str                        # see game.rules.event_data.KINDS
    text: str                        # one line, for logs and summaries
    at: Hex | None = None            # where it happened, if anywhere
    factions: tuple[str, ...] = ()   # the sides directly concerned (always told)
    # what it carries besides its text: the payload of its kind (event_data.PAYLOADS),
    # its kind's empty one if not given; written by to_dict, read by from_dict
    data: Any = field(default=None, compare=False, metadata={"saved": False})
    random: bool = False             # used the generator (closes undo)
    public: bool = False             # everyone is told (e.g. a scripted event for all)
    when: tuple[int, int, int] | None = field(default=None, compare=False)
    # (turn, year, month) of the turn in which it happened; stamped by `dated`, so that
    # what happens at the last side's end of turn is not dated by the round after it

    def __post_init__(self):
        want = PAYLOADS.get(self.kind)
        if want is None:
            raise ValueError(f"not an event kind: {self.kind!r}")
        if self.data is None:
            object.__setattr__(self, "data", want())
        elif type(self.data) is not want:
            raise TypeError(f"a {self.kind!r} event carries {want.__name__}, "
                            f"not {type(self.data).__name__}")

    def to_dict(self) -> dict:
        """The event as data: its fields, each left out at its default; its payload's
        fields likewise, under `data` (left out if all are at their defaults)."""
        d = encode_sparse(self)
        data = encode_sparse(self.data)
        if data:
            d["data"] = data
        return d

    @classmethod
    def from_dict(cls, d, path: str = "event") -> "Event":
        """Rebuild an event from `to_dict`; a DecodeError (a ValueError) saying where and
        what is wrong if it is malformed."""
        payload = class_of_kind(PAYLOADS, d, path, "event kind")
        e = decode(cls, d, path)
        e = replace(e, data=decode(payload, d.get("data", {}), f"{path}.data"))
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
