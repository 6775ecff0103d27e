"""A loaded, checked scenario: typed specs, its map, rules and compiled events.

This is static for the whole game; the state points at it and never saves it.
What never changes of a faction, a city or a commander (a name, a colour, a
hex, a rating) is here too, resolved once at load (`FactionStatic`,
`CityStatic`, `CommanderStatic`): every state of the scenario points its
factions, cities and commanders at these, and holds only what changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from game import calendar as cal
from game.hexgrid import Hex
from game.hexmap import HexMap
from game.scenario.model import ChoiceSpec, EventSpec, ScenarioSpec, VictorySpec


class _Shared:
    """A static part: shared by every state of the scenario and every copy of one."""

    def __deepcopy__(self, memo):
        return self


@dataclass(frozen=True)
class FactionStatic(_Shared):
    """What never changes of a faction in a game."""
    name: str
    color: str
    playable: bool
    major: bool
    navy: bool


@dataclass(frozen=True)
class CityStatic(_Shared):
    """What never changes of a city in a game: the scenario's values, else its map place's."""
    name: str
    kind: str                  # city, fortress
    hex: Hex
    income: int
    port: bool
    holy: bool


@dataclass(frozen=True)
class CommanderStatic(_Shared):
    """What never changes of a commander in a game: his name and ratings."""
    name: str
    strategy: int
    tactics: int
    siege: int
    loyalty: int


@dataclass(frozen=True)
class Statics:
    """The static parts of a scenario's factions, cities and commanders, by id."""
    factions: dict[str, FactionStatic]
    cities: dict[str, CityStatic]
    commanders: dict[str, CommanderStatic]


def statics_of(spec: ScenarioSpec, hm: HexMap, city_at: dict[Hex, str]) -> Statics:
    """Resolve the static parts once: a city's name, kind, income, port and holiness are
    the scenario's if it gives them, else its map place's."""
    hex_of = {cid: h for h, cid in city_at.items()}
    cities = {}
    for c in spec.cities:
        place = hm.places.get(c.at if c.at is not None else c.id)
        cities[c.id] = CityStatic(
            _pick(c.name, place.name if place else c.id),
            _pick(c.kind, place.kind if place and place.kind != "site" else "city"),
            hex_of[c.id], _pick(c.income, place.income if place else 0),
            _pick(c.port, place.port if place else False),
            _pick(c.holy, place.holy if place else False))
    return Statics(
        {f.id: FactionStatic(f.name, f.color, f.playable, f.major, f.navy)
         for f in spec.factions},
        cities,
        {c.id: CommanderStatic(c.name, c.strategy, c.tactics, c.siege, c.loyalty)
         for c in spec.commanders})


def _pick(value, default):
    return value if value is not None else default


@dataclass
class CompiledEvent:
    spec: EventSpec
    when: Callable
    effects: tuple
    choices: list[tuple[ChoiceSpec, tuple]]


@dataclass
class CompiledVictory:
    spec: VictorySpec
    when: Callable


@dataclass
class Scenario:
    spec: ScenarioSpec
    path: str                    # as shown in messages
    file: str                    # absolute path
    sha256: str
    map: HexMap
    rules: dict
    city_at: dict[Hex, str]
    events: list[CompiledEvent]
    victory: list[CompiledVictory]
    # faction -> the author's aims and posture at the start (the game copies them)
    direction: dict = field(default_factory=dict)
    # the static parts of its factions, cities and commanders (`statics_of`)
    statics: Statics | None = field(default=None, repr=False)
    cache: dict = field(default_factory=dict, repr=False)
    warnings: list = field(default_factory=list, repr=False)   # Problems of severity warning
    # language -> key path -> text, from the files in lang/ beside it (game.scenario.lang)
    translations: dict = field(default_factory=dict, repr=False)

    def cached(self, key, make):
        """What `make()` gives, worked out once per loaded scenario (which never changes)."""
        value = self.cache.get(key)
        if value is None:
            value = self.cache[key] = make()
        return value

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def months_per_turn(self) -> int:
        return 3 if self.spec.turn_length == "season" else 1

    @property
    def start(self) -> tuple[int, int]:
        y, m = self.spec.start.rsplit("-", 1)
        return int(y), int(m)

    @property
    def end(self) -> tuple[int, int]:
        y, m = self.spec.end.rsplit("-", 1)
        return int(y), int(m)

    @property
    def total_turns(self) -> int:
        return cal.total_turns(self.start, self.end, self.months_per_turn)

    def years(self) -> str:
        a, b = self.start[0], self.end[0]
        return f"{a}" if a == b else f"{a}-{b}"
