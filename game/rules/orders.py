"""Orders: the only way anything in a game changes.

Each order is a small frozen dataclass holding ids and hexes, never object
references, so it can be saved, replayed and sent between players.  Checking
an order (game.rules.engine.check) is separate from applying it
(game.rules.engine.apply); a refusal is a `Refused` naming the rule broken.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from game.codec import decode_tagged, encode_tagged
from game.hexgrid import Hex
from game.i18n import Named  # noqa: F401  (the names in a refusal)


class Refused(Exception):
    """An order that breaks a rule.  `rule` is a short id, `message` says why in English.

    The message is `template` filled with `values`; the template is marked for
    translation (N_) and a value that names something is a `game.i18n.Named`, so a screen
    can say the same in its own language (game.ui.describe.refusal_text)."""

    def __init__(self, rule: str, template: str, **values):
        self.rule = rule
        self.template = template
        self.values = values
        self.message = template.format(**values) if values else template
        super().__init__(f"{self.message} [{rule}]")


@dataclass(frozen=True)
class Order:
    kind: ClassVar[str] = ""
    faction: str

    def to_dict(self) -> dict:
        """The order as data: its kind, then its fields (left out at their default, so
        older saves read the same)."""
        return encode_tagged(self)


@dataclass(frozen=True)
class Move(Order):
    """March `army` along `path` (adjacent hexes, not including where it stands)."""
    kind: ClassVar[str] = "move"
    army: str
    path: tuple[Hex, ...]


@dataclass(frozen=True)
class Attack(Order):
    """Attack the hostile armies in the adjacent hex `target`."""
    kind: ClassVar[str] = "attack"
    army: str
    target: Hex


@dataclass(frozen=True)
class Besiege(Order):
    """Invest the hostile walled city next to (or under) `army`."""
    kind: ClassVar[str] = "besiege"
    army: str
    city: str


@dataclass(frozen=True)
class Assault(Order):
    """Storm the walls of a city `army` is besieging."""
    kind: ClassVar[str] = "assault"
    army: str
    city: str


@dataclass(frozen=True)
class Raise(Order):
    """Pay to raise `men` at a city: they join an army there or form a new one."""
    kind: ClassVar[str] = "raise"
    city: str
    men: int


@dataclass(frozen=True)
class Merge(Order):
    """Fold `army` into `into`, which stands on the same hex."""
    kind: ClassVar[str] = "merge"
    army: str
    into: str


@dataclass(frozen=True)
class Split(Order):
    """Detach `men` from `army` as a new army on the same hex."""
    kind: ClassVar[str] = "split"
    army: str
    men: int


@dataclass(frozen=True)
class EndTurn(Order):
    """End the side's turn.  `plans` is the computer's note of what each of its armies
    marched for (written and read by `game.ai.memory`); a person's is empty."""
    kind: ClassVar[str] = "end_turn"
    plans: str = ""


@dataclass(frozen=True)
class Choose(Order):
    """Answer an event's choice with one of its option ids."""
    kind: ClassVar[str] = "choose"
    event: str
    option: str


@dataclass(frozen=True)
class MixDice(Order):
    """Play by e-mail: from this order on the dice also hang on `mix`, made from the
    players' revealed secrets for this turn (game/pbem/dice.py).  The first order of a
    player's turn; the computer never gives it."""
    kind: ClassVar[str] = "mix_dice"
    mix: str


ORDER_TYPES: dict[str, type[Order]] = {
    cls.kind: cls for cls in (Move, Attack, Besiege, Assault, Raise, Merge, Split, EndTurn, Choose,
                              MixDice)
}


def order_from_dict(d: dict, path: str = "order") -> Order:
    """Rebuild an order from its dict; a DecodeError (a ValueError) saying where and what
    is wrong if it is malformed."""
    return decode_tagged(ORDER_TYPES, d, path)
