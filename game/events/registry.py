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
    """Register an effect: fn(state, ctx, **args) -> list[Event]."""
    return _register(EFFECTS, name, doc, example, kinds)


# Argument kinds and what they mean (shown in the docs).
KINDS: dict[str, str] = {
    "int": "a whole number",
    "percent": "a whole number from 0 to 100",
    "text": "text",
    "bool": "true or false",
    "faction": "a faction id",
    "factions": "a list of faction ids",
    "city": "a city id",
    "cities": "a list of city ids",
    "army": "an army id (from `armies` or created by a `spawn_army` effect)",
    "commander": "a commander id",
    "place": "where: a city or place id, or `col,row`",
    "region": "a region id from the map",
    "strait": "a strait id from the map",
    "pass": "a pass id from the map",
    "event": "an event id",
    "date": "a date, YEAR-MM",
    "status": "a relation: war, peace, alliance or tribute",
    "season": "spring, summer, autumn or winter",
    "outcome": "decisive, major, minor or peace",
    "condition": "a condition (see Conditions)",
    "conditions": "a list of conditions",
    "effects": "a list of effects",
}


def args_signature(d: Definition) -> str:
    parts = []
    for a in d.args:
        parts.append(f"{a.name}{'?' if a.optional else ''}: {a.kind}")
    return ", ".join(parts)


def lookup(table: dict, name: str) -> Definition | None:
    return table.get(name)

