"""The game state: plain dataclasses, written to JSON by game.codec, with its generator.

The static scenario (map, rules table, compiled events) hangs off
`GameState.scenario` and is never saved: a save names its scenario by id and
file, as Unciv's saves name their ruleset.  Everything else here is the
game as it stands, and the same state plus the same orders always gives the
same next state.  What never changes of a faction, a city or a commander (a
faction's name and colour, a city's name and hex, a commander's ratings) is
not held here either: each points by `spec` at its static part on the
scenario (game.scenario.scenario.Statics), shared by every copy of the
state, and reads those fields through it (`city.hex` is `city.spec.hex`).
A save and the state's hash leave them out; reading a state points them at
its scenario again.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from game import calendar as cal
from game.codec import DecodeError, decode, encode
from game.hexgrid import Hex
from game.rules.rng import Rng
from game.scenario.scenario import CityStatic, CommanderStatic, FactionStatic

if TYPE_CHECKING:
    from game.scenario.scenario import Scenario



def _reads(static: type):
    """Give a state class a read-only field for each field of its static part: `x.name`
    reads `x.spec.name` (by a C getter).  The static part is the scenario's and never
    changes; the class holds only what does, and `spec`."""
    def add(cls):
        for f in dataclasses.fields(static):
            setattr(cls, f.name, property(attrgetter(f"spec.{f.name}"),
                                          doc=f"The scenario's {f.name} (never changes)."))
        return cls
    return add


def _spec_field():
    """The reference to the static part: shared, never saved, hashed or compared."""
    return field(default=None, compare=False, repr=False, metadata={"saved": False})


@_reads(FactionStatic)          # name, color, playable, major, navy
@dataclass
class Faction:
    id: str
    in_play: bool
    treasury: int
    income: int
    war_weariness: int
    capital: str | None = None
    ruler: str | None = None
    men_lost: int = 0
    lost_by_last_year: int = 0     # men_lost when the last year began (for quiet years)
    spec: FactionStatic = _spec_field()


@_reads(CommanderStatic)        # name, strategy, tactics, siege, loyalty
@dataclass
class Commander:
    id: str
    faction: str
    traits: list[str] = field(default_factory=list)
    alive: bool = True
    spec: CommanderStatic = _spec_field()


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
    # may still attack, lay a siege or storm this turn: once a turn, whatever movement is
    # left, so an army whose march ends next to the enemy can still fight (not one raised
    # or arrived this turn)
    may_strike: bool = False


@dataclass
class Siege:
    by: str            # the besieging faction
    turns: int = 0     # turns the siege has lasted
    food: int = 0      # turns of food left in the city


@_reads(CityStatic)             # name, kind, hex, income, port, holy
@dataclass
class City:
    id: str
    owner: str
    walls: int
    max_walls: int
    garrison: int
    siege: Siege | None = None
    spec: CityStatic = _spec_field()


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
    # with fog of war: side -> the factions whose figures it shared that round (itself and
    # its allies then), so a new ally's figures appear from the round it became one
    friends: dict[str, list[str]] = field(default_factory=dict)
    # with fog of war: side -> the factions it had come to know of by the end of that round
    # (seen an army of, believed to hold a city, or allied with), so another side's line
    # appears from the round it became visible
    known: dict[str, list[str]] = field(default_factory=dict)


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
class Aim:
    """One thing a faction's computer player is told to want (see game.ai.aims)."""
    kind: str                   # take, hold, threaten, shadow
    target: str                 # a city or place id, `col,row`, or a commander id (shadow)
    weight: int
    hex: Hex | None = None      # where, for every kind but shadow
    start: int | None = None    # first month it holds (a month index), if any
    end: int | None = None      # last month it holds, if any
    within: int = 0
    men: int = 0
    leader: str | None = None


@dataclass
class Direction:
    """What the author wants of a faction's computer player now: its aims and posture,
    set from the scenario's `ai:` at the start and changed by events."""
    posture: str = ""           # conquer, defend, raid; "" for the faction's nature
    aims: list[Aim] = field(default_factory=list)


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
    plans: dict[str, str] = field(default_factory=dict)  # side -> its last EndTurn's plans
    direction: dict[str, Direction] = field(default_factory=dict)   # faction -> author's aims
    next_serial: int = 1
    over: bool = False
    winner: str | None = None
    loser: str | None = None            # set when a game ends in a named side's defeat
    result_kind: str = ""
    result_text: str = ""
    dice_mix: str = ""   # play by e-mail: the players' revealed secrets, mixed into the dice
    # the loaded scenario this game is played on (static: never saved, shared by clones)
    scenario: Scenario | None = field(default=None, compare=False, repr=False,
                                      metadata={"saved": False})

    # --- small conveniences (derived, never stored) ---
    @property
    def active_faction(self) -> str:
        return self.order[self.active]

    @property
    def season(self) -> str:
        return cal.season_of(self.month)

    @property
    def winter(self) -> bool:
        return self.season == "winter"

    def date_text(self) -> str:
        return cal.turn_name(self.year, self.month, self.months_per_turn)


@lru_cache(maxsize=4096)      # asked a few hundred thousand times a game, of a few pairs
def relation_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a < b else f"{b}|{a}"


# --- JSON (through game.codec) ----------------------------------------------------

# The static parts: the fields each kind reads from its scenario (saves of format 1 wrote
# them, and hashed them; see game.session.save.saved_hash).
STATIC: dict[str, tuple[str, ...]] = {
    part: tuple(f.name for f in dataclasses.fields(static))
    for part, static in (("factions", FactionStatic), ("cities", CityStatic),
                         ("commanders", CommanderStatic))}


def state_to_dict(state: GameState) -> dict:
    d = encode(state)
    if not d["plans"]:
        del d["plans"]      # no computer's notes: the same data (and checksum) as before them
    for a in d["armies"].values():
        # an army's strike is written only where its movement does not imply it (it has
        # none left but may still fight, or the reverse): games saved before the rule of
        # one strike a turn read back with the same data and checksum
        if a["may_strike"] == (a["moves"] > 0):
            del a["may_strike"]
    if not d["direction"]:
        del d["direction"]  # no aims: the same data (and checksum) as before there were any
    if not d["dice_mix"]:
        del d["dice_mix"]   # not a game by e-mail: the same data (and checksum) as before
    return d


def with_static(d: Any, scn) -> Any:
    """`state_to_dict` data with the static fields put in from the scenario, as saves of
    format 1 wrote them (a copy; the scenario's values win over any in the data)."""
    if not isinstance(d, dict):
        return d
    out = dict(d)
    for part, names in STATIC.items():
        got = d.get(part)
        specs = getattr(scn.statics, part)
        if isinstance(got, dict):
            out[part] = {k: {**v, **{n: encode(getattr(specs[k], n)) for n in names}}
                         if isinstance(v, dict) and k in specs else v
                         for k, v in got.items()}
    return out


def state_from_dict(d: Any, scn) -> GameState:
    """Rebuild a state of scenario `scn` from `state_to_dict` data, checking every field's
    shape; the static parts come from the scenario.  The state is tied to `scn`."""
    state = decode(GameState, d, "state")
    state.scenario = scn
    for part in STATIC:
        specs = getattr(scn.statics, part)
        for k, v in getattr(state, part).items():
            if k not in specs:
                raise DecodeError(f"state.{part}.{k}", "not in the scenario")
            v.spec = specs[k]
    for aid, a in d["armies"].items():
        if isinstance(a, dict) and "may_strike" not in a:
            state.armies[aid].may_strike = state.armies[aid].moves > 0    # see state_to_dict
    return state


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def state_hash(state: GameState) -> str:
    return dict_hash(state_to_dict(state))


def format1_hash(state: GameState) -> str:
    """The state's hash as saves of format 1 and turn files of version 1 gave it: with the
    static fields of factions, cities and commanders, taken from the scenario."""
    return dict_hash(with_static(state_to_dict(state), state.scenario))


def dict_hash(data: dict) -> str:
    """The hash of a state from its `state_to_dict` data (the same as `state_hash`)."""
    return hashlib.sha256(canonical_json(data).encode()).hexdigest()[:16]


def clone(state: GameState) -> GameState:
    """A deep copy that shares the (static) scenario."""
    memo = {id(state.scenario): state.scenario}
    return copy.deepcopy(state, memo)
