"""A loaded, checked scenario: typed specs, its map, rules and compiled events.

This is static for the whole game; the state points at it and never saves it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from game import calendar as cal
from game.hexgrid import Hex
from game.hexmap import HexMap
from game.scenario.model import ChoiceSpec, EventSpec, ScenarioSpec, VictorySpec


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
