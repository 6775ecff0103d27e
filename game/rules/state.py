"""The game state: plain dataclasses, serialisable to JSON, with its generator.

The static scenario (map, rules table, compiled events) hangs off
`GameState.scenario` and is never saved: a save names its scenario by id and
file, as Unciv's saves name their ruleset.  Everything else here is the
game as it stands, and the same state plus the same orders always gives the
same next state.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Union, get_args, get_origin

from game.hexgrid import Hex
from game.rules.rng import Rng

MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def season_of(month: int) -> str:
    if month in (3, 4, 5):
        return "spring"
    if month in (6, 7, 8):
        return "summer"
    if month in (9, 10, 11):
        return "autumn"
    return "winter"


@dataclass
class Faction:
    id: str
    name: str
    color: str
    playable: bool
    major: bool
    in_play: bool
    treasury: int
    income: int
    war_weariness: int
    navy: bool
    capital: str | None = None
    ruler: str | None = None
    men_lost: int = 0


@dataclass
class Commander:
    id: str
    name: str
    faction: str
    strategy: int
    tactics: int
    siege: int
    loyalty: int
    traits: list[str] = field(default_factory=list)
    alive: bool = True


@dataclass
class Army:
    id: str
    name: str
    faction: str
    hex: Hex
    men: int
    commander: str | None = None
    morale: int = 70
    supply: int = 100
    moves: int = 0


@dataclass
class Siege:
    by: str            # the besieging faction
    turns: int = 0     # turns the siege has lasted
    food: int = 0      # turns of food left in the city


@dataclass
class City:
    id: str
    name: str
    kind: str
    hex: Hex
    owner: str
    walls: int
    max_walls: int
    garrison: int
    income: int
    port: bool
    holy: bool
    siege: Siege | None = None


@dataclass
class Relation:
    status: str                 # war, peace, alliance, tribute
    payer: str | None = None    # for tribute
    amount: int = 0


@dataclass
class LogEntry:
    """A scripted event that fired: what, when, and who was told."""
    turn: int
    year: int
    month: int
    event: str
    title: str
    seen_by: list[str]
    choice: str | None = None


@dataclass
class PendingChoice:
    event: str
    faction: str


@dataclass
class TurnStats:
    """One row of the end-of-game charts, taken at the end of each round."""
    turn: int
    year: int
    month: int
    cities: dict[str, int]
    men: dict[str, int]
    treasury: dict[str, int]
    # with fog of war: side -> faction -> cities that side believed the faction held
    believed_cities: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class CitySeen:
    """A city as one side last saw it (fog of war)."""
    owner: str
    walls: int
    garrison: int
    besieger: str | None = None
    turn: int = 0          # the turn it was last seen; 0: known only from the start of the war


@dataclass
class SideMemory:
    """What one side remembers of the map (fog of war; see game.rules.vision).

    `explored` is every hex the side has ever seen, one bit per hex in
    row-major order, packed and written as base64 text so a save stays small.
    """
    explored: str
    cities: dict[str, CitySeen] = field(default_factory=dict)


@dataclass
class GameState:
    scenario_id: str
    seed: int
    turn: int
    year: int
    month: int
    months_per_turn: int
    order: list[str]                    # faction ids in turn order
    active: int                         # index into order
    factions: dict[str, Faction]
    commanders: dict[str, Commander]
    armies: dict[str, Army]
    cities: dict[str, City]
    relations: dict[str, Relation]      # key "a|b" with a < b
    rng: Rng
    flags: dict[str, int] = field(default_factory=dict)
    strait_open: dict[str, list[str]] = field(default_factory=dict)  # strait -> factions
    pass_override: dict[str, str] = field(default_factory=dict)      # pass -> open|closed
    log: list[LogEntry] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)              # event -> turn last fired
    pending: list[PendingChoice] = field(default_factory=list)
    history: list[TurnStats] = field(default_factory=list)
    memory: dict[str, SideMemory] = field(default_factory=dict)      # side -> what it has seen
    raised: dict[str, int] = field(default_factory=dict)             # city -> men this turn
    next_serial: int = 1
    over: bool = False
    winner: str | None = None
    loser: str | None = None            # set when a game ends in a named side's defeat
    result_kind: str = ""
    result_text: str = ""
    scenario: Any = field(default=None, compare=False, repr=False)

    # --- small conveniences (derived, never stored) ---
    @property
    def active_faction(self) -> str:
        return self.order[self.active]

    @property
    def season(self) -> str:
        return season_of(self.month)

    @property
    def winter(self) -> bool:
        return self.season == "winter"

    def date_text(self) -> str:
        if self.months_per_turn == 3:
            return f"{self.season.capitalize()} {self.year}"
        return f"{MONTH_NAMES[self.month]} {self.year}"


def relation_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a < b else f"{b}|{a}"


# --- JSON ------------------------------------------------------------------------

def to_json(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, numbers, text)."""
    if isinstance(obj, Hex):
        return [obj.q, obj.r]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.compare or f.name != "scenario"}
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_json(v) for v in obj]
    return obj


def state_to_dict(state: GameState) -> dict:
    d = to_json(state)
    d.pop("scenario", None)
    return d


class DecodeError(ValueError):
    """A saved value does not have the shape the game expects."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path


_hint_cache: dict[type, dict] = {}


def _hints(cls: type) -> dict:
    h = _hint_cache.get(cls)
    if h is None:
        h = typing.get_type_hints(cls)
        _hint_cache[cls] = h
    return h


def from_json(tp: Any, value: Any, path: str) -> Any:
    """Rebuild a value of type `tp` from JSON data, checking its shape."""
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        others = [a for a in args if a is not type(None)]
        last: Exception | None = None
        for a in others:
            try:
                return from_json(a, value, path)
            except DecodeError as exc:
                last = exc
        raise last or DecodeError(path, "unexpected null")
    if tp is Hex:
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            raise DecodeError(path, "expected a hex [q, r]")
        return Hex(value[0], value[1])
    if origin is list:
        if not isinstance(value, list):
            raise DecodeError(path, "expected a list")
        (it,) = get_args(tp)
        return [from_json(it, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise DecodeError(path, "expected an object")
        _, vt = get_args(tp)
        return {k: from_json(vt, v, f"{path}.{k}") for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise DecodeError(path, f"expected an object ({tp.__name__})")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name == "scenario":
                continue
            if f.name not in value:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise DecodeError(f"{path}.{f.name}", "missing")
                continue
            kwargs[f.name] = from_json(hints[f.name], value[f.name], f"{path}.{f.name}")
        return tp(**kwargs)
    if tp is bool:
        if not isinstance(value, bool):
            raise DecodeError(path, "expected true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise DecodeError(path, "expected a whole number")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise DecodeError(path, "expected text")
        return value
    raise TypeError(f"cannot decode {tp!r}")  # pragma: no cover - programming error


def state_from_dict(d: Any) -> GameState:
    """Rebuild a state from `state_to_dict` data, checking every field's shape."""
    return from_json(GameState, d, "state")


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def state_hash(state: GameState) -> str:
    return hashlib.sha256(canonical_json(state_to_dict(state)).encode()).hexdigest()[:16]


def clone(state: GameState) -> GameState:
    """A deep copy that shares the (static) scenario."""
    memo = {id(state.scenario): state.scenario}
    return copy.deepcopy(state, memo)
