"""The typed objects a scenario (and a map file) is read into.

Every key here is documented in place; `python -m game.scenario.docs`
writes the reference in docs/scenario-format.md from these declarations.
Positions in files are written either as a place id from the map
("antioch") or as offset coordinates "col,row" (column first, row 0 at the
top, odd rows shifted half a hex to the right).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.scenario.schema import Loc, key, loc_field
from game.scenario.yamlsrc import Node

ID = r"[a-z][a-z0-9_]*"
ID_EXAMPLE = "lower_case_words (letters, digits and _, starting with a letter)"
DATE = r"-?\d{1,4}-(0[1-9]|1[0-2])"
DATE_EXAMPLE = "YEAR-MM, e.g. 603-03"
COLOR = r"#[0-9a-fA-F]{6}"


# --- map files -------------------------------------------------------------

@dataclass(kw_only=True)
class ProjectionSpec:
    kind: Literal["equirectangular"] = key(
        "How latitude/longitude become map positions.  Equirectangular: x grows with "
        "longitude scaled by the cosine of the standard parallel, y with latitude.")
    standard_parallel: float = key("Latitude (degrees) where the scale is true.", min=-80, max=80)
    origin_lat: float = key("Latitude of the centre of hex col 0, row 0 (the top-left hex).",
                            min=-90, max=90)
    origin_lon: float = key("Longitude of the centre of hex col 0, row 0.", min=-180, max=180)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class RegionSpec:
    id: str = key("Region id, used by scenarios and events.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    char: str = key("The single character marking this region in `region_rows`.",
                    pattern=r"[A-Za-z0-9]", example="one letter or digit")
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class RiverSpec:
    id: str = key("River id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    edges: str = key("The hex edges the river runs along, as space-separated `col,row,dir` "
                     "triples; dir is 0=E, 1=NE, 2=NW, 3=W, 4=SW, 5=SE.",
                     example="40,31,0 40,31,1 41,30,5", long=True)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class RoadSpec:
    id: str = key("Road id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.", "")
    kind: Literal["roman", "persian", "track"] = key("Who built it (drawn differently).", "roman")
    path: str = key("Space-separated `col,row` hexes, each adjacent to the one before.",
                    example="10,5 11,5 11,6", long=True)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class StraitSpec:
    id: str = key("Strait id, used by events that open or close it.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    edges: str = key("The hex edges between the two shores, as `col,row,dir` triples.",
                     example="33,12,5", long=True)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class CrossingSpec:
    id: str = key("Crossing id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    kind: Literal["bridge", "ford"] = key("A bridge removes the river penalty; a ford reduces it.")
    edge: str = key("The river edge it crosses, `col,row,dir`.", example="40,31,0")
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class PassSpec:
    id: str = key("Pass id, used by events that open or close it.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    hex: str = key("The pass hex, `col,row`.  It must not be water.", example="35,40")
    winter_closed: bool = key("Whether snow closes the pass in winter turns.", True)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class PlaceSpec:
    id: str = key("Place id, used by scenarios (cities, armies) and events.", pattern=ID,
                  example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    kind: Literal["city", "fortress", "site"] = key(
        "A city or fortress can be owned and besieged; a site is only a named location.", "city")
    hex: str = key("Where it is on the grid, `col,row`.", example="33,12")
    lat: float | None = key("Latitude in degrees, if the place is a real one.", None, min=-90, max=90)
    lon: float | None = key("Longitude in degrees.", None, min=-180, max=180)
    port: bool = key("Whether ships can embark here (the hex must touch the sea).", False)
    walls: int = key("Default walls, 0 (none) to 5 (Constantinople).", 0, min=0, max=5)
    income: int = key("Default income in solidi-thousands a month.", 0, min=0, max=100)
    holy: bool = key("A holy city (its fall shakes morale).", False)
    importance: int = key("1 (minor) to 3 (great city): sizes the name on the map.", 1, min=1, max=3)
    notes: str = key("Free text for authors (sources, disputed positions).", "")
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class MapSpec:
    id: str = key("Map id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name of the map.")
    hex_km: float = key("Width of a hex from flat side to flat side, in kilometres.", 30.0,
                        min=1, max=1000)
    projection: ProjectionSpec | None = key(
        "How lat/lon turns into hexes.  Optional for made-up maps.", None)
    width: int = key("Number of columns.", min=1, max=400)
    height: int = key("Number of rows.", min=1, max=400)
    terrain: str = key(
        "One line per row, one character per hex: ~ sea, % lake, . plain, : farmland, "
        "h hills, m mountains, M high peaks (impassable), f forest, w marsh, d desert, s steppe.",
        example="|\n    ~~..hh\n    ~...hm", long=True)
    regions: list[RegionSpec] = key("Named regions.", [])
    region_rows: str = key("One line per row, one character per hex: a region's `char`, "
                           "or - for none.  May be left out.", "", long=True)
    rivers: list[RiverSpec] = key("Rivers, on hex edges.", [])
    roads: list[RoadSpec] = key("Roads, as chains of hexes.", [])
    straits: list[StraitSpec] = key("Straits: land-to-land edges only a navy can cross.", [])
    crossings: list[CrossingSpec] = key("Bridges and fords over rivers.", [])
    passes: list[PassSpec] = key("Mountain passes.", [])
    places: list[PlaceSpec] = key("Cities, fortresses and named sites.", [])
    loc: Loc = loc_field()


# --- scenarios ---------------------------------------------------------------

@dataclass(kw_only=True)
class FactionSpec:
    id: str = key("Faction id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    plural: bool = key("Whether the name is a plural (`Western Turks`, `Avars and Slavs`): the "
                       "game's texts then make their verbs agree (\"Western Turks take Dvin\", "
                       "not \"takes\").", False)
    color: str = key("Colour of its counters and borders, `#rrggbb`.  Pick colours that stay "
                     "apart for colour-blind players: the loader warns when two factions' "
                     "colours are closer than the game's minimum.", pattern=COLOR,
                     example="#7b2d8e")
    emblem: Literal["cross", "crescent", "chevron", "bars", "triangle", "ring", "diamond",
                    "square"] | None = key(
        "The small shape on its counters and cities, so that colour is never the only sign "
        "of a side.  Default: the first of the list that no faction of the scenario names "
        "or was given before it.", None)
    playable: bool = key("Whether a person may play it (minor powers usually not).", True)
    major: bool = key("A major power (Byzantium, Persia); minor powers have narrower aims.", True)
    in_play: bool = key("Whether it takes turns from the start (an event can bring it in later).",
                        True)
    treasury: int = key("Starting treasury, in thousands of solidi.", 0, min=0)
    income: int = key("Income a month besides its cities (taxes of lands not on the map).", 0,
                      min=0)
    war_weariness: int = key("Starting war-weariness, 0 to 100.", 0, min=0, max=100)
    navy: bool = key("Whether it has a fleet: it may embark at ports and cross straits.", False)
    capital: str | None = key("Id of its capital city, if any.", None)
    ruler: str | None = key("Id of the commander who rules it, if any.", None)
    briefing: str = key("What a player of this side is told at the start.", "")
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class RelationSpec:
    a: str = key("One faction id.")
    b: str = key("The other faction id.")
    status: Literal["war", "peace", "alliance", "tribute"] = key(
        "war: hostile.  peace: neither may enter the other's hexes.  alliance: may share "
        "hexes.  tribute: peace, with `payer` paying `amount` a month to the other.")
    payer: str | None = key("For tribute: the faction that pays.", None)
    amount: int = key("For tribute: thousands of solidi a month.", 0, min=0)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class CommanderSpec:
    id: str = key("Commander id.", pattern=ID, example=ID_EXAMPLE)
    name: str = key("Name shown to players.")
    faction: str = key("Faction id he serves.")
    strategy: int = key("Strategy 1-10: movement and supply.", 5, min=1, max=10)
    tactics: int = key("Tactics 1-10: battles.", 5, min=1, max=10)
    siege: int = key("Siegecraft 1-10: sieges and assaults.", 5, min=1, max=10)
    loyalty: int = key("Loyalty 1-10.  An unpaid army under a commander whose loyalty is below "
                       "the rule `disloyal_below` (5) loses more men to desertion "
                       "(`disloyal_desertion`).", 8, min=1, max=10)
    traits: list[str] = key("Trait ids (see the traits table in the docs).", [])
    alive: bool = key("Whether he is alive at the start.", True)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class CitySpec:
    id: str = key("Id of a place on the map, or a new id with `at`.", pattern=ID,
                  example=ID_EXAMPLE)
    owner: str = key("Faction id that holds it at the start.")
    at: str | None = key("Where it is, if not the map place with the same id: a place id or "
                         "`col,row`.", None)
    name: str | None = key("Name, if not the map place's.", None)
    kind: Literal["city", "fortress"] | None = key("City or fortress; default from the map.", None)
    walls: int | None = key("Walls 0-5; default from the map place.", None, min=0, max=5)
    garrison: int = key("Men in garrison.", 0, min=0, max=200000)
    income: int | None = key("Income a month; default from the map place.", None, min=0, max=100)
    port: bool | None = key("A port; default from the map place.", None)
    holy: bool | None = key("A holy city; default from the map place.", None)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class ArmySpec:
    id: str = key("Army id.", pattern=ID, example=ID_EXAMPLE)
    faction: str = key("Faction id.")
    at: str = key("Where it starts: a place id or `col,row`.")
    men: int = key("Number of men.", min=1, max=500000)
    name: str = key("Name shown to players; default from the commander.", "")
    commander: str | None = key("Id of the commander leading it.", None)
    morale: int = key("Morale 0-100.", 70, min=0, max=100)
    supply: int = key("Supply 0-100.", 100, min=0, max=100)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class VictorySpec:
    id: str | None = key("An id for this victory, so event cases can check it "
                         "(`then: {winner: FACTION, by: ID}`) and `simulate` names it "
                         "in each game's result and in its report.", None, pattern=ID,
                         example=ID_EXAMPLE)
    faction: str = key("The faction that wins when this holds.")
    kind: Literal["decisive", "major", "minor", "peace"] = key(
        "How it is described on the victory screen.", "major")
    check: Literal["always", "end"] = key(
        "`always`: checked after every order and turn; `end`: only when the last turn ends.",
        "always")
    when: Node = key("A condition in the event language (see Conditions).")
    text: str = key("Why the faction has won, shown on the victory screen.", "")
    loc: Loc = loc_field()


POSTURES = ("conquer", "defend", "raid")


@dataclass(kw_only=True)
class AimSpec:
    take: str | None = key(
        "A city to take (or, if the faction holds it, to keep): place or city id.", None)
    hold: str | None = key(
        "A place to hold: an army of at least `men` stands on it (a city it holds, or a "
        "place without a city); an enemy's city here is taken first.", None)
    threaten: str | None = key(
        "A place to bring an army near, within `within` hexes (a march into enemy country "
        "that need not take anything).", None)
    shadow: str | None = key(
        "A commander to follow: an enemy's army under him is hunted (its defeat is worth "
        "`weight`); an own one is joined by other armies, until `men` (his own counted; "
        "default: twice his own) stand within `within` hexes of him.", None)
    weight: int = key(
        "How much it wants this, on the scale of the victory conditions (a decisive one is "
        "150; 300 outweighs any of them).  A negative weight means leave it be: a city of "
        "the enemy so marked is not attacked while the aim lasts.", 150, min=-1000, max=1000)
    start: str | None = key("First date the aim holds (default: from the start).", None,
                            pattern=DATE, example=DATE_EXAMPLE)
    end: str | None = key("Last date the aim holds, inclusive (default: to the end).", None,
                          pattern=DATE, example=DATE_EXAMPLE)
    within: int = key("For `threaten` and `shadow`: how near is near enough, in hexes "
                      "(default 3 and 2).", 0, min=0, max=30)
    men: int = key("Men to bring: to hold or threaten a place (default 5000), or to "
                   "keep an own commander company (default: twice what he leads).  A city "
                   "to take gets what it needs.", 0, min=0, max=500000)
    leader: str | None = key("Only an army this commander leads will do (a commander id).",
                             None)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class AiSpec:
    targets: dict[str, int] = key(
        "Place or city id -> how much the computer values it (1-100): a city it holds it "
        "defends, a city of an enemy it tries to take, a place without a city it marches to.  "
        "Added to what it reads from the victory conditions, capitals and holy cities.",
        {}, min=1, max=100)
    aggression: int = key("1 (cautious) to 10 (reckless): the odds it needs before giving "
                          "battle or storming walls, and how far it ventures from supply.",
                          5, min=1, max=10)
    home: str | None = key(
        "Place id or `col,row` its armies fall back to out of season and when beaten.  "
        "Default: its capital, else its first city, else where its first army starts or "
        "is first spawned by an event.", None)
    campaign: list[Literal["spring", "summer", "autumn", "winter"]] = key(
        "Seasons in which its armies campaign; in the others they head home.  Default: every "
        "season, or spring and summer for a power led by a `seasonal` commander.", [])
    raider: bool | None = key(
        "Raids for plunder (falls on weak towns and small armies, never sits through a long "
        "siege) instead of conquering.  Default: true for minor powers, false for major ones.",
        None)
    posture: Literal["conquer", "defend", "raid"] | None = key(
        "How it makes war: `conquer` (takes what it values, the default for major powers), "
        "`defend` (keeps what it holds; takes only what its `aims` name) or `raid` (as a "
        "raider).  Events change it with `ai_posture`.", None)
    aims: list[AimSpec] = key(
        "What it wants, as the war goes on (see Aims): each aim names one place or commander, "
        "a weight and, if it is to hold only for a time, a `start` and an `end`.  Events "
        "replace or extend them with `ai_aims`.", [])
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class ChoiceSpec:
    id: str = key("Option id (recorded in the event log and in replays).", pattern=ID,
                  example=ID_EXAMPLE)
    label: str = key("What the button says.")
    hint: str = key("A line saying what the option will do.", "")
    effects: Node | None = key("Effects of taking this option (see Effects).", None)
    ai_weight: int = key("How likely the computer is to take it, against the other options' "
                         "weights.", 1, min=0, max=1000)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class EventSpec:
    id: str = key("Event id.", pattern=ID, example="evt_614_jerusalem")
    title: str = key("Title shown in the event dialog and the log.")
    text: str = key("What players are told when it fires.", "")
    text_for: dict[str, str] = key("Faction id -> text that faction reads instead of `text`.", {})
    to: list[str] = key("Factions told of it; empty means every faction in play.", [])
    when: Node = key("The condition that makes it fire (see Conditions).")
    effects: Node | None = key("What happens when it fires (see Effects).", None)
    choices: list[ChoiceSpec] = key("Options the `chooser` must pick from; each has its own "
                                    "effects.", [])
    chooser: str | None = key("The faction that answers the choices.", None)
    check: Literal["start", "order", "end", "any"] = key(
        "When it is checked: at the start of a faction's turn, after each order that moves, "
        "fights, besieges, storms or answers a choice, at the end of a faction's turn, or at "
        "all three (see Events).", "any")
    on_turn_of: str | None = key("Only check it during this faction's turn.", None)
    repeat: bool = key("Whether it may fire more than once.", False)
    cooldown: int = key("For repeating events: the fewest turns between two firings (0 and 1 "
                        "both mean at most once a turn).", 0, min=0, max=1000)
    historical: str | None = key("The real date, YEAR-MM, for the \"war against history\" "
                                 "summary.", None, pattern=DATE, example=DATE_EXAMPLE)
    turning_point: bool = key("One of the war's turning points: after several games `simulate` "
                              "reports, for each, in how many games it fired and its median "
                              "date against `historical` (give both).", False)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class ScenarioSpec:
    id: str = key("Scenario id, used on the command line.", pattern=ID, example=ID_EXAMPLE)
    title: str = key("Title shown in menus.")
    description: str = key("A paragraph shown when choosing the scenario.", "")
    sources: str = key("Which facts the scenario rests on and which version it chose where "
                       "sources disagree (a long text is fine here).", "", long=True)
    start: str = key("First turn's date.", pattern=DATE, example=DATE_EXAMPLE)
    end: str = key("Last turn's date (inclusive).", pattern=DATE, example=DATE_EXAMPLE)
    turn_length: Literal["season", "month"] = key(
        "A turn is a season (Mar-May, Jun-Aug, Sep-Nov, Dec-Feb) or a month.  Movement, income "
        "and sieges scale with it.", "season")
    map: str | MapSpec = key("A map file (path relative to the scenario, e.g. "
                             "`maps/theatre.yaml`) or a map written inline.")
    factions: list[FactionSpec] = key("The powers in the scenario, in turn order.")
    relations: list[RelationSpec] = key("Relations between factions; unlisted pairs are at "
                                        "peace.", [])
    commanders: list[CommanderSpec] = key("Commanders and rulers.", [])
    cities: list[CitySpec] = key("Cities and fortresses in play.", [])
    armies: list[ArmySpec] = key("Armies at the start.", [])
    rules: dict[str, int] = key("Overrides of the rules table (see Rules).", {})
    fog: bool = key("Whether each side sees only what is within its sight (fog of war; the "
                    "rules are in docs/fog.md).", True)
    known_map: bool = key("With fog: whether every side starts knowing the lie of the whole "
                          "land (as the empires of the time did), or only what it has seen.",
                          True)
    victory: list[VictorySpec] = key("Victory conditions, checked in order.", [])
    ai: dict[str, AiSpec] = key("Per-faction hints for the computer opponent.", {})
    events: list[EventSpec] = key("Scripted historical events (see Events).", [])
    loc: Loc = loc_field()
