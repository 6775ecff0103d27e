"""Conditions and effects of the event language, registered by name.

A condition or effect is a plain function decorated with `@condition` or
`@effect`, which names it and declares its arguments and their kinds:

    @condition("owns", "Whether a faction holds a city.", faction="faction", city="city")
    def owns(state, faction, city): ...

An argument kind ending in `?` is optional.  At load time the compiler
checks the name, every argument's presence and kind, and every reference
(cities, armies, commanders, places...) against the scenario, so a typo
fails validation with file, line and key instead of failing in play.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Arg:
    name: str
    kind: str
    optional: bool


@dataclass(frozen=True)
class Definition:
    name: str
    doc: str
    args: tuple[Arg, ...]
    fn: Callable
    example: str = ""


CONDITIONS: dict[str, Definition] = {}
EFFECTS: dict[str, Definition] = {}


def _register(table: dict, name: str, doc: str, example: str, kinds: dict[str, str]):
    args = tuple(Arg(k, v.rstrip("?"), v.endswith("?")) for k, v in kinds.items())
    unknown = [a.kind for a in args if a.kind not in KINDS]
    if unknown:
        raise ValueError(f"{name}: unknown argument kinds {unknown}")

    def deco(fn):
        if name in table:
            raise ValueError(f"{name} registered twice")
        table[name] = Definition(name, doc, args, fn, example)
        return fn
    return deco


def condition(name: str, doc: str, example: str = "", /, **kinds: str):
    """Register a condition: fn(state, **args) -> bool."""
    return _register(CONDITIONS, name, doc, example, kinds)


def effect(name: str, doc: str, example: str = "", /, **kinds: str):
    """Register an effect: fn(state, fire, **args) -> list[Event]."""
    return _register(EFFECTS, name, doc, example, kinds)


# Argument kinds and what they mean (shown in the docs).
KINDS: dict[str, str] = {
    "int": "a whole number (may be negative)",
    "count": "a whole number, 0 or more",
    "percent": "a whole number from 0 to 100",
    "month": "a month of the year, 1 to 12",
    "text": "text",
    "bool": "true or false",
    "faction": "a faction id",
    "factions": "a list of faction ids (or just one)",
    "city": "a city id",
    "cities": "a list of city ids (or just one)",
    "army": "an army id (from `armies`, or created by a `spawn_army` effect with that `id`)",
    "commander": "a commander id",
    "place": "where: a city or place id, or `col,row`",
    "region": "a region id from the map",
    "regions": "a list of region ids (or just one)",
    "strait": "a strait id from the map",
    "pass": "a pass id from the map",
    "event": "an event id",
    "date": "a date, YEAR-MM",
    "status": "a relation: war, peace, alliance or tribute",
    "season": "spring, summer, autumn or winter",
    "outcome": "victory, defeat or peace",
    "victory_kind": "decisive, major or minor",
    "result": "how a game ended: decisive, major, minor, peace or undecided",
    "pass_state": "open, closed or auto (as the seasons say)",
    "trait": "a commander trait id (see the traits table)",
    "posture": "conquer, defend or raid (see Aims)",
    "aims": "a list of aims, written as under `ai:` (see Aims)",
    "condition": "a condition (see Conditions)",
    "conditions": "a list of conditions",
    "effects": "a list of effects",
}


# --- cross-argument rules, checked at load --------------------------------------
#
# A condition or effect may carry a `.check(ctx, **args)` that returns a
# message when its arguments do not fit together.  These build the common
# ones, so that the same mistake always reads the same way.

def exactly_one(*names: str) -> Callable:
    def rule(ctx, **a):
        given = [n for n in names if n in a]
        if len(given) != 1:
            shown = ", ".join(f"`{n}`" for n in names)
            found = ("none" if not given else ", ".join(f"`{n}`" for n in given))
            return f"give exactly one of {shown} (found {found})"
        return None
    return rule


def at_least_one(*names: str) -> Callable:
    def rule(ctx, **a):
        if not any(n in a for n in names):
            return f"give at least one of {', '.join(f'`{n}`' for n in names)}"
        return None
    return rule


def ordered(low: str, high: str) -> Callable:
    """`low` must not be above `high` when both are given (numbers, or dates)."""
    def rule(ctx, **a):
        if low in a and high in a and a[low] > a[high]:
            if low == "start":   # dates are month counts: show them as written
                from game.calendar import iso
                return (f"`{low}` ({iso(a[low])}) is after `{high}` ({iso(a[high])}): "
                        "the window is empty")
            return f"`{low}` ({a[low]}) is more than `{high}` ({a[high]}): nothing can match"
        return None
    return rule


def different(first: str, second: str) -> Callable:
    def rule(ctx, **a):
        if first in a and second in a and a[first] == a[second]:
            return f"`{first}` and `{second}` name the same faction {a[first]!r}"
        return None
    return rule


def needs(arg: str, *others: str) -> Callable:
    """`arg` only makes sense together with one of `others`."""
    def rule(ctx, **a):
        if arg in a and not any(o in a for o in others):
            return f"`{arg}` needs {' or '.join(f'`{o}`' for o in others)}"
        return None
    return rule


def checks(*rules: Callable) -> Callable:
    """Combine rules into one `.check`: the first message found is reported."""
    def check(ctx, **a):
        for r in rules:
            message = r(ctx, **a)
            if message:
                return message
        return None
    return check


def args_signature(d: Definition) -> str:
    parts = []
    for a in d.args:
        parts.append(f"{a.name}{'?' if a.optional else ''}: {a.kind}")
    return ", ".join(parts)


def lookup(table: dict, name: str) -> Definition | None:
    return table.get(name)

