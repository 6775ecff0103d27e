"""What applying an order yields: a list of `Event` records.

These are reports of what happened (an army moved, a battle was fought, a
city fell, a scripted event fired).  They carry the hexes and factions
concerned so that each side can be told only what it could see.  Rules code
emits them; the UI, the command line and logs read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

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

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "text": self.text, "factions": list(self.factions)}
        if self.at is not None:
            d["at"] = [self.at.q, self.at.r]
        if self.data:
            d["data"] = self.data
        return d


KINDS = (
    "moved", "captured", "battle", "retreated", "destroyed", "siege_begun", "siege_lifted",
    "siege_progress", "assault", "raised", "merged", "split", "turn_began", "turn_ended",
    "supply", "attrition", "income", "fired", "choice", "chosen", "message", "game_over",
    "commander_died", "spotted",
)
