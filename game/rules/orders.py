"""Orders: the only way anything in a game changes.

Each order is a small frozen dataclass holding ids and hexes, never object
references, so it can be saved, replayed and sent between players.  Checking
an order (game.rules.engine.check) is separate from applying it
(game.rules.engine.apply); a refusal is a `Refused` naming the rule broken.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from game.hexgrid import Hex


class Refused(Exception):
    """An order that breaks a rule.  `rule` is a short id, `message` says why."""

    def __init__(self, rule: str, message: str):
        super().__init__(f"{message} [{rule}]")
        self.rule = rule
        self.message = message


@dataclass(frozen=True)
class Order:
    kind: ClassVar[str] = ""
    faction: str

    def to_dict(self) -> dict:
        d = {"kind": self.kind}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if f.default is not dataclasses.MISSING and v == f.default:
                continue            # left out at its default: older saves read the same
            if isinstance(v, Hex):
                v = [v.q, v.r]
            elif isinstance(v, tuple):
                v = [[h.q, h.r] for h in v]
            d[f.name] = v
        return d


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


_shapes: dict[type, tuple[tuple[str, str, bool], ...]] = {}


def _shape(cls: type[Order]) -> tuple[tuple[str, str, bool], ...]:
    """(field name, type name, has a default) of each field of an order class (cached)."""
    shape = _shapes.get(cls)
    if shape is None:
        shape = _shapes[cls] = tuple(
            (f.name, f.type if isinstance(f.type, str) else f.type.__name__,
             f.default is not dataclasses.MISSING)
            for f in dataclasses.fields(cls))
    return shape


def _whole(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_pair(x) -> bool:
    return isinstance(x, list) and len(x) == 2 and all(_whole(y) for y in x)


def _hexes(v) -> tuple[Hex, ...] | None:
    """A list of [q, r] pairs as hexes, or None if it is not one."""
    if not isinstance(v, list):
        return None
    out = []
    for x in v:
        if not (type(x) is list and len(x) == 2 and type(x[0]) is int
                and type(x[1]) is int) and not _is_pair(x):
            return None
        out.append(Hex(x[0], x[1]))
    return tuple(out)


def order_from_dict(d: dict) -> Order:
    """Rebuild an order from its dict, raising ValueError with the reason if malformed."""
    if not isinstance(d, dict):
        raise ValueError("an order must be an object")
    kind = d.get("kind")
    cls = ORDER_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown order kind {d.get('kind')!r}")
    kwargs = {}
    for name, ftype, optional in _shape(cls):
        if name not in d:
            if optional:
                continue
            raise ValueError(f"{cls.kind} order lacks {name!r}")
        v = d[name]
        if ftype == "Hex":
            if not _is_pair(v):
                raise ValueError(f"{cls.kind}.{name} must be [q, r]")
            v = Hex(*v)
        elif ftype.startswith("tuple"):
            v = _hexes(v)
            if v is None:
                raise ValueError(f"{cls.kind}.{name} must be a list of [q, r]")
        elif ftype == "int":
            if isinstance(v, bool) or not isinstance(v, int):
                raise ValueError(f"{cls.kind}.{name} must be a whole number")
        elif ftype == "str":
            if not isinstance(v, str):
                raise ValueError(f"{cls.kind}.{name} must be text")
        kwargs[name] = v
    return cls(**kwargs)
