"""Load a scenario file: parse once into typed objects, check everything.

Every problem in a file is reported in one go, each with the file, line,
column and key path, so an author can fix a scenario in one pass.  Nothing
downstream of this module reads raw YAML.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import game.events.conditions  # noqa: F401  (registers the conditions)
import game.events.effects  # noqa: F401  (registers the effects)
from game import resources
from game import terrain as T
from game.events.compile import (RefContext, check_flags, compile_condition, compile_effects,
                                 parse_date)
from game.hexgrid import Hex
from game.hexmap import HexMap, build_map, load_map
from game.rules.movement import INF, terrain_cost
from game.rules.table import RULES, make_rules, rule_problems
from game.rules.traits import TRAITS
from game.scenario.limits import MAX_PATH_CHARS
from game.scenario.aims import build_direction
from game.scenario.model import MapSpec, ScenarioSpec
from game.scenario.scenario import CompiledEvent, CompiledVictory, Scenario
from game.scenario.schema import read, suggest
from game.scenario.yamlsrc import Collector, InputError, Problem, display_path, parse, read_text

GAME_ROOT = Path(__file__).resolve().parent.parent.parent     # the checkout (tests, tools)
SCENARIO_DIR = resources.scenarios_dir()                       # the shipped scenarios
SHARED_MAP = SCENARIO_DIR / "maps" / "theatre.yaml"     # the map every shipped scenario uses
# Folders of scenarios named with --scenarios DIR for this run (set by the command line).
EXTRA_DIRS: list[Path] = []

_map_cache: dict[tuple, HexMap] = {}


def safe_reference(ref: str, base_dir: Path) -> tuple[Path | None, str | None]:
    """Resolve a file named inside a scenario; refuse anything outside its folder or the game's.

    Returns (path, None) or (None, reason).
    """
    if len(ref) > MAX_PATH_CHARS:
        return None, (f"a file name of {len(ref)} characters, more than the {MAX_PATH_CHARS} "
                      "allowed")
    if any(ord(ch) < 32 or ch == "\x7f" for ch in ref):
        return None, f"{ref!r} holds control characters, which no file name here may"
    if os.path.isabs(ref) or ref.startswith(("/", "\\")) or (len(ref) > 1 and ref[1] == ":"):
        return None, f"{ref!r} is an absolute path; name files relative to the scenario"
    parts = Path(ref.replace("\\", "/")).parts
    if ".." in parts:
        return None, f"{ref!r} climbs out of the scenario's folder with '..'"
    try:
        target = (base_dir / ref).resolve()
        roots = [base_dir.resolve(), SCENARIO_DIR.resolve()]
    except (OSError, RuntimeError, ValueError) as exc:
        return None, f"{ref!r} cannot be followed ({getattr(exc, 'strerror', None) or exc})"
    if not any(target == r or r in target.parents for r in roots):
        return None, f"{ref!r} leads outside the scenario's folder"
    return target, None


def _load_map_cached(path: Path) -> HexMap:
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    hm = _map_cache.get(key)
    if hm is None:
        hm = load_map(str(path))
        _map_cache.clear() if len(_map_cache) > 8 else None
        _map_cache[key] = hm
    return hm


def map_file(path: str | os.PathLike) -> HexMap:
    """A map file read and checked, kept while the file is unchanged (shared with the
    scenarios that name it); raises InputError."""
    return _load_map_cached(Path(path).resolve())


def load_scenario(path: str | os.PathLike) -> Scenario:
    """Read and check a scenario file; raise InputError with every problem found."""
    shown = display_path(path)
    text = read_text(path, shown)
    col = Collector(shown)
    root = parse(text, shown, col)
    spec = read(ScenarioSpec, root, col, "")
    if spec is None:
        col.raise_if_any()
        raise InputError([Problem(shown, 1, 1, "", "not a scenario")])  # pragma: no cover
    hm = _scenario_map(spec, Path(path).resolve().parent, col)
    if hm is None:
        col.raise_if_any()
    scn = _check(spec, hm, col, shown, str(Path(path).resolve()),
                 hashlib.sha256(text.encode("utf-8")).hexdigest())
    col.raise_if_any()
    _opened.add(scn.file)
    return scn


# Scenario files this run of the game has loaded (the player chose them).  A save may
# name one of these wherever it lies; see game.session.save.find_save_scenario.
_opened: set[str] = set()


def opened_before(path: str | os.PathLike) -> bool:
    """Whether this run of the game has already loaded the scenario file at `path`."""
    try:
        return str(Path(path).resolve()) in _opened
    except (OSError, ValueError):
        return False


def _scenario_map(spec: ScenarioSpec, base: Path, col: Collector) -> HexMap | None:
    if isinstance(spec.map, MapSpec):
        return build_map(spec.map, col)
    target, why = safe_reference(spec.map, base)
    if why:
        spec.loc.report(col, "map", why)
        return None
    try:
        if not target.is_file():
            shipped, _ = safe_reference(spec.map, SCENARIO_DIR)     # the game's own map, by name
            if shipped is None or not shipped.is_file():
                spec.loc.report(col, "map", f"no map file at {spec.map!r} (looked beside the "
                                            "scenario and among the game's own maps)")
                return None
            target = shipped
        return _load_map_cached(target)
    except InputError as exc:
        col.problems.extend(exc.problems)
        return None
    except OSError as exc:
        spec.loc.report(col, "map", f"cannot read the map {spec.map!r}: {exc.strerror or exc}")
        return None


def _check(spec: ScenarioSpec, hm: HexMap, col: Collector, shown: str, file: str,
           sha: str) -> Scenario:
    loc = spec.loc

    def unique(items, what):
        seen = {}
        for it in items:
            if it.id in seen:
                it.loc.report(col, "id", f"{what} {it.id!r} is defined twice")
            else:
                seen[it.id] = it
        return seen

    factions = unique(spec.factions, "faction")
    commanders = unique(spec.commanders, "commander")
    cities_by_id = unique(spec.cities, "city")
    armies = unique(spec.armies, "army")
    unique(spec.events, "event")
    if not factions:
        loc.report(col, "factions", "a scenario needs at least one faction")

    def ref(obj, name, value, table, what):
        if value is not None and value not in table:
            obj.loc.report(col, name, f"unknown {what} {value!r}{suggest(value, table)}")
            return False
        return True

    # dates
    start, end = parse_date(spec.start), parse_date(spec.end)
    if start is not None and end is not None and end < start:
        loc.report(col, "end", f"the scenario ends ({spec.end}) before it starts ({spec.start})")
    if spec.turn_length == "season":
        for name in ("start", "end"):
            d = parse_date(getattr(spec, name))
            if d is not None and (d % 12 + 1) not in (3, 6, 9, 12):
                loc.report(col, name, "seasonal turns begin in March, June, September or "
                                      "December (month 03, 06, 09 or 12)")
        if start is not None and end is not None and (end - start) % 3:
            loc.report(col, "end", "the end must fall a whole number of seasons after the start")

    # commanders
    for c in spec.commanders:
        ref(c, "faction", c.faction, factions, "faction")
        for t in c.traits:
            if t not in TRAITS:
                c.loc.report(col, "traits", f"unknown trait {t!r}{suggest(t, TRAITS)}")

    # cities
    city_hex: dict[str, Hex] = {}
    city_at: dict[Hex, str] = {}
    for c in spec.cities:
        ref(c, "owner", c.owner, factions, "faction")
        where = c.at if c.at is not None else c.id
        h = hm.resolve(where)
        if h is None:
            name = "at" if c.at is not None else "id"
            hint = suggest(where, hm.places)
            c.loc.report(col, name, f"no place {where!r} on the map {hm.id}{hint}; give `at: "
                                    "col,row` for a city the map does not name")
            continue
        place = hm.places.get(where)
        if c.at is None and place is not None and place.kind == "site":
            c.loc.report(col, "id", f"{where!r} is a site on the map, not a city or fortress")
        if hm.is_water(h):
            c.loc.report(col, "at" if c.at else "id", f"the city stands on water at {h}")
            continue
        if h in city_at:
            c.loc.report(col, "at" if c.at else "id",
                         f"two cities on one hex: {city_at[h]!r} is already at {h}")
            continue
        if c.port and not hm.is_coastal(h):
            c.loc.report(col, "port", "a port must touch the sea")
        city_hex[c.id] = h
        city_at[h] = c.id

    # factions
    for f in spec.factions:
        ref(f, "capital", f.capital, cities_by_id, "city")
        if ref(f, "ruler", f.ruler, commanders, "commander") and f.ruler is not None:
            if commanders[f.ruler].faction != f.id:
                f.loc.report(col, "ruler", f"{f.ruler!r} serves {commanders[f.ruler].faction!r}, "
                                           f"not {f.id!r}")

    # relations
    seen_pairs = {}
    for r in spec.relations:
        ok = ref(r, "a", r.a, factions, "faction") & ref(r, "b", r.b, factions, "faction")
        if not ok:
            continue
        if r.a == r.b:
            r.loc.report(col, "b", "a faction cannot have a relation with itself")
            continue
        pair = tuple(sorted((r.a, r.b)))
        if pair in seen_pairs:
            r.loc.report(col, None, f"the relation {pair[0]}/{pair[1]} is given twice")
        seen_pairs[pair] = r
        if r.status == "tribute" and r.payer not in (r.a, r.b):
            r.loc.report(col, "payer", "tribute needs a payer, one of a or b")

    def hostile_pair(a: str, b: str) -> bool:
        r = seen_pairs.get(tuple(sorted((a, b))))
        return r is not None and r.status == "war"

    # armies
    rules = dict(make_rules())
    led: dict[str, str] = {}
    army_hex: dict[str, Hex] = {}
    for a in spec.armies:
        ok_f = ref(a, "faction", a.faction, factions, "faction")
        h = city_hex.get(a.at) or hm.resolve(a.at)
        if h is None:
            a.loc.report(col, "at", f"no place {a.at!r} on the map{suggest(a.at, hm.places)} "
                                    "(give a place id or `col,row`)")
        else:
            t = hm.terrain_at(h)
            if t == T.LAKE or (t == T.SEA and not (ok_f and factions[a.faction].navy)):
                a.loc.report(col, "at", f"{a.id} stands on {T.TERRAINS[t].name.lower()} at {h} "
                                        "(only a faction with a navy may be at sea)")
            elif t != T.SEA and terrain_cost(rules, t, False, h in hm.pass_at) >= INF:
                a.loc.report(col, "at", f"{a.id} stands on impassable "
                                        f"{T.TERRAINS[t].name.lower()} at {h}")
            else:
                army_hex[a.id] = h
        if ref(a, "commander", a.commander, commanders, "commander") and a.commander:
            cm = commanders[a.commander]
            if ok_f and cm.faction != a.faction:
                a.loc.report(col, "commander", f"{cm.id!r} serves {cm.faction!r}, not "
                                               f"{a.faction!r}")
            if not cm.alive:
                a.loc.report(col, "commander", f"{cm.id!r} is dead at the start")
            if a.commander in led:
                a.loc.report(col, "commander", f"{cm.id!r} already leads {led[a.commander]!r}")
            led[a.commander] = a.id
    # the first army of each faction on each hex: an army is checked against the factions
    # there, not against every army, so the check is linear in the armies
    on_hex: dict[Hex, dict[str, object]] = {}
    for a in spec.armies:
        h = army_hex.get(a.id)
        if h is None or a.faction not in factions:
            continue
        here = on_hex.setdefault(h, {})
        for fid, b in here.items():
            if hostile_pair(a.faction, fid):
                a.loc.report(col, "at", f"{a.id} shares hex {h} with the hostile army {b.id!r}")
        here.setdefault(a.faction, a)
        cid = city_at.get(h)
        if cid is not None:
            owner = cities_by_id[cid].owner
            if owner != a.faction and not (seen_pairs.get(tuple(sorted((a.faction, owner))))
                                           and seen_pairs[tuple(sorted((a.faction, owner)))
                                                          ].status == "alliance"):
                if hostile_pair(a.faction, owner) and (cities_by_id[cid].walls or 0):
                    pass  # an army may start besieging a city (its siege is set by events)
                elif not hostile_pair(a.faction, owner):
                    a.loc.report(col, "at", f"{a.id} stands in {cid!r}, a city of {owner!r}, "
                                            "which is neither its own nor an ally's")

    # rules overrides
    line, column = loc.keys.get("rules", (loc.line, loc.column))
    for k in spec.rules:
        if k not in RULES:
            col.add(line, column, f"rules.{k}", f"unknown rule {k!r}{suggest(k, RULES)}")
    known = {k: v for k, v in spec.rules.items() if k in RULES}
    for k, why in rule_problems(known):
        col.add(line, column, f"rules.{k}", why)
    rules.update(known)

    # references in events and victory conditions
    army_ids = set(armies) | spawned_ids(spec)
    ctx = RefContext(col, hm, set(factions), set(city_hex) | set(cities_by_id), army_ids,
                     set(commanders), {e.id for e in spec.events}, city_hex)
    victory = []
    for v in spec.victory:
        ref(v, "faction", v.faction, factions, "faction")
        when = compile_condition(v.when, ctx, v.loc.sub("when"))
        if when is not None:
            victory.append(CompiledVictory(v, when))
    direction = {}
    for fid, ai in spec.ai.items():
        if fid not in factions:
            line, column = loc.keys.get("ai", (loc.line, loc.column))
            col.add(line, column, f"ai.{fid}", f"unknown faction {fid!r}{suggest(fid, factions)}")
        for target in ai.targets:
            if target not in city_hex and target not in hm.places:
                ai.loc.report(col, "targets", f"unknown place {target!r}"
                                              f"{suggest(target, set(city_hex) | set(hm.places))}")
        if ai.home is not None:
            h = city_hex.get(ai.home) or hm.resolve(ai.home)
            if h is None:
                ai.loc.report(col, "home", f"unknown place {ai.home!r}"
                                           f"{suggest(ai.home, set(city_hex) | set(hm.places))}")
            elif hm.is_water(h):
                ai.loc.report(col, "home", f"home {ai.home!r} is on water at {h}")
        d = build_direction(ai, col, hm, city_hex, set(commanders))
        if d is not None and fid in factions:
            direction[fid] = d
    events = []
    for e in spec.events:
        for f in e.to:
            ref(e, "to", f, factions, "faction")
        for f in e.text_for:
            ref(e, "text_for", f, factions, "faction")
        ref(e, "on_turn_of", e.on_turn_of, factions, "faction")
        ref(e, "chooser", e.chooser, factions, "faction")
        when = compile_condition(e.when, ctx, e.loc.sub("when"))
        effects = compile_effects(e.effects, ctx, e.loc.sub("effects")) if e.effects else ()
        choices = []
        if e.cooldown and not e.repeat:
            e.loc.report(col, "cooldown", "a cooldown only matters for an event with "
                                          "`repeat: true`")
        if e.chooser is not None and e.to and e.chooser not in e.to:
            e.loc.report(col, "chooser", f"the chooser {e.chooser!r} is not among the factions "
                                         "told of the event (`to`)")
        if e.choices and not any(ch.ai_weight > 0 for ch in e.choices):
            e.loc.report(col, "choices", "at least one option needs an `ai_weight` above 0, "
                                         "or the computer cannot choose")
        if e.chooser is not None and not e.choices:
            e.loc.report(col, "choices", "a chooser is named but there are no options to choose")
        if e.choices:
            if e.chooser is None:
                e.loc.report(col, "chooser", "an event with choices needs a `chooser` faction")
            if len(e.choices) < 2:
                e.loc.report(col, "choices", "a choice needs at least two options")
            ids = set()
            for ch in e.choices:
                if ch.id in ids:
                    ch.loc.report(col, "id", f"option {ch.id!r} is given twice")
                ids.add(ch.id)
                fx = compile_effects(ch.effects, ctx, ch.loc.sub("effects")) if ch.effects else ()
                choices.append((ch, fx or ()))
        if when is not None and effects is not None:
            events.append(CompiledEvent(e, when, effects, choices))
    roots = [(v.when, v.loc.sub("when")) for v in spec.victory]
    for e in spec.events:
        roots += [(e.when, e.loc.sub("when")), (e.effects, e.loc.sub("effects"))]
        roots += [(ch.effects, ch.loc.sub("effects")) for ch in e.choices]
    check_flags(col, roots)
    return Scenario(spec, shown, file, sha, hm, rules, city_at, events, victory,
                    direction=direction)


def spawned_ids(spec: ScenarioSpec) -> set[str]:
    """Army ids that events create with `spawn_army: {id: ...}`, so others may refer to them."""
    out: set[str] = set()

    def walk(node):
        if node is None:
            return
        if node.kind == "map":
            sa = node.value.get("spawn_army")
            if sa is not None and sa.kind == "map":
                idn = sa.value.get("id")
                if idn is not None and isinstance(idn.value, str):
                    out.add(idn.value)
            for v in node.value.values():
                walk(v)
        elif node.kind == "seq":
            for v in node.value:
                walk(v)
    for e in spec.events:
        walk(e.effects)
        for ch in e.choices:
            walk(ch.effects)
    return out


# --- finding scenarios -------------------------------------------------------------
#
# Scenarios are looked for in the shipped folder (its top level; the map is in maps/),
# then in each folder given with --scenarios, then in the player's own folder
# (resources.user_scenarios_dir), those two with their subfolders.  Folders named
# `maps` hold maps, not scenarios, and are skipped; so are hidden files and folders,
# linked folders, and linked files that lead out of the folder.  An id already taken
# by a scenario found earlier (a shipped one first) stays with that one.

SHIPPED, USER = "shipped", "user"


@dataclass(frozen=True)
class Listed:
    """A scenario file found while searching, and where it came from."""
    path: Path
    origin: str                   # SHIPPED, USER, or the folder given with --scenarios
    id: str
    taken_by: Listed | None = None      # an earlier scenario with the same id, which wins
    folder: Path | None = None          # the folder searched that holds it

    def where(self) -> str:
        """The file as its folder holds it, e.g. campaign/my_road.yaml."""
        try:
            return self.path.relative_to(self.folder).as_posix()
        except (TypeError, ValueError):
            return str(self.path)

    @property
    def players_own(self) -> bool:
        return self.origin != SHIPPED

    def clash(self) -> Problem | None:
        """Why this one cannot be played by its id, or None."""
        if self.taken_by is None:
            return None
        return Problem(display_path(self.path), _id_line(self.path), 1, "id",
                       f"the id {self.id!r} is already taken by the {self.taken_by.origin} "
                       f"scenario {display_path(self.taken_by.path)}; give this one an id of "
                       "its own")


def search_folders(shipped: Path | None = None) -> list[tuple[Path, str]]:
    """(folder, origin) in the order searched; each folder once.  `shipped` stands in for
    the game's own folder (tests, the UI's scenario_dir)."""
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for folder, origin in [(shipped or SCENARIO_DIR, SHIPPED), *((Path(d), str(d)) for d in EXTRA_DIRS),
                           (resources.user_scenarios_dir(), USER)]:
        try:
            key = folder.resolve()
        except (OSError, RuntimeError):
            key = Path(os.path.abspath(folder))
        if key not in seen:
            seen.add(key)
            out.append((folder, origin))
    return out


def scenario_files(folder: Path | None = None, recursive: bool = False) -> list[Path]:
    """The scenario files of one folder (the shipped one by default); with `recursive`,
    of its subfolders too."""
    folder = SCENARIO_DIR if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    if not recursive:
        return sorted(p for p in folder.glob("*.yaml") if p.is_file())
    real = folder.resolve()
    out = []
    for here, dirs, files in os.walk(folder):        # linked folders are listed, not entered
        dirs[:] = sorted(d for d in dirs if d != "maps" and not d.startswith("."))
        for name in files:
            p = Path(here) / name
            if name.endswith(".yaml") and not name.startswith(".") and _inside(p, real):
                out.append(p)
    return sorted(out)


def _inside(p: Path, root: Path) -> bool:
    try:
        return p.is_file() and root in p.resolve().parents
    except (OSError, RuntimeError, ValueError):     # a loop of links, a bad name
        return False


def listed_scenarios(folders: list[tuple[Path, str]] | None = None) -> list[Listed]:
    """Every scenario file found, in search order, each with its origin."""
    out: list[Listed] = []
    first: dict[str, Listed] = {}
    for folder, origin in search_folders() if folders is None else folders:
        for f in scenario_files(folder, recursive=origin != SHIPPED):
            sid = peek_id(f) or f.stem
            item = Listed(f, origin, sid, first.get(sid), folder)
            first.setdefault(sid, item)
            out.append(item)
    return out


def peek_id(path: Path) -> str | None:
    """The `id:` of a scenario file, read cheaply (first top-level id line)."""
    head = _head(path, PEEK_BYTES)
    for line in head.split("\n"):
        if line.startswith("id:"):
            return line[3:].strip().strip("'\"")
    return None


PEEK_BYTES = 64 * 1024      # where a scenario's `id:` must be for a quick look to find it


def _head(path: Path, limit: int) -> str:
    """The first `limit` bytes of a regular file as text, opened without blocking (a named
    pipe put where a scenario was expected is never waited on); '' if it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return ""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        return os.read(fd, limit).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        os.close(fd)


def _id_line(path: Path) -> int:
    for n, line in enumerate(_head(path, PEEK_BYTES).split("\n"), 1):
        if line.startswith("id:"):
            return n
    return 1


def find_scenario(arg: str, folder: Path | None = None) -> Path | None:
    """A scenario id or a path to a YAML file -> the file, or None.  An id is looked for
    in `folder` alone (its top level) if given, else wherever scenarios are searched."""
    p = Path(arg)
    if p.suffix in (".yaml", ".yml") or os.sep in arg or "/" in arg:
        try:
            return p if p.is_file() else None
        except (OSError, ValueError):       # a name too long for the system, a NUL
            return None
    if folder is not None:
        candidates = scenario_files(folder)
    else:
        candidates = [item.path for item in listed_scenarios() if item.taken_by is None]
    for f in candidates:
        if f.stem == arg or peek_id(f) == arg:
            return f
    return None
