"""What applying an order yields: a list of `Event` records.

These are reports of what happened (an army moved, a battle was fought, a
city fell, a scripted event fired).  They carry the hexes and factions
concerned so that each side can be told only what it could see.  Rules code
emits them; the UI, the command line and logs read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

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
        d = {"kind": self.kind, "text": self.text, "factions": list(self.factions)}
        if self.at is not None:
            d["at"] = [self.at.q, self.at.r]
        if self.data:
            d["data"] = self.data
        if self.random:
            d["random"] = True
        if self.public:
            d["public"] = True
        if self.when is not None:
            d["when"] = list(self.when)
        return d

    @classmethod
    def from_dict(cls, d) -> "Event":
        """Rebuild an event from `to_dict`; ValueError saying what is wrong if malformed."""
        if not isinstance(d, dict) or d.get("kind") not in KINDS:
            raise ValueError(f"not an event: {d!r:.60}")
        text, factions, at = d.get("text"), d.get("factions", []), d.get("at")
        if not isinstance(text, str):
            raise ValueError(f"a {d['kind']} event without its text")
        if not isinstance(factions, list) or not all(isinstance(f, str) for f in factions):
            raise ValueError(f"a {d['kind']} event with damaged factions")
        if at is not None and not (isinstance(at, list) and len(at) == 2 and all(
                isinstance(v, int) and not isinstance(v, bool) for v in at)):
            raise ValueError(f"a {d['kind']} event with a damaged place")
        data = d.get("data", {})
        if not isinstance(data, dict):
            raise ValueError(f"a {d['kind']} event with damaged data")
        when = d.get("when")
        if when is not None and not (isinstance(when, list) and len(when) == 3 and all(
                isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 100_000
                for v in when) and 1 <= when[2] <= 12):
            raise ValueError(f"a {d['kind']} event with a damaged date")
        return cls(d["kind"], text, Hex(*at) if at is not None else None, tuple(factions), data,
                   d.get("random") is True, d.get("public") is True,
                   tuple(when) if when is not None else None)


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
