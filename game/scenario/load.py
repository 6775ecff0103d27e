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
from game.hexmap import HexMap
from game.scenario.checks import check_all
from game.scenario.lang import LANG_FOLDER, check_languages
from game.scenario.limits import MAX_PATH_CHARS
from game.scenario.mapfile import build_map, load_map
from game.scenario.meaning import warn_all
from game.scenario.model import MapSpec, ScenarioSpec
from game.scenario.scenario import Scenario, statics_of
from game.scenario.schema import read
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
    found = check_all(spec, hm, col)
    col.raise_if_any()
    scn = Scenario(spec, shown, str(Path(path).resolve()),
                   hashlib.sha256(text.encode("utf-8")).hexdigest(), hm, found.rules,
                   found.city_at, found.events, found.victory, direction=found.direction,
                   statics=statics_of(spec, hm, found.city_at))
    warn_all(scn, found, col)
    scn.translations = check_languages(scn, col)
    col.raise_if_any()
    scn.warnings = sorted(set(col.warnings))
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
# `maps` hold maps and folders named `lang` a scenario's texts in other languages
# (game.scenario.lang), not scenarios, and are skipped; so are hidden files and folders,
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


YAML_SUFFIXES = (".yaml", ".yml")      # scenarios, maps and case files: either will do


def is_yaml_name(name: str) -> bool:
    """Whether a file name is a YAML file's (`.yaml` or `.yml`, in any case)."""
    return name.lower().endswith(YAML_SUFFIXES)


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files at the top of a folder, sorted (hidden ones left out)."""
    try:
        return sorted(p for p in folder.iterdir()
                      if is_yaml_name(p.name) and not p.name.startswith(".") and p.is_file())
    except OSError:
        return []


def scenario_files(folder: Path | None = None, recursive: bool = False) -> list[Path]:
    """The scenario files (`.yaml` or `.yml`) of one folder (the shipped one by default);
    with `recursive`, of its subfolders too."""
    folder = SCENARIO_DIR if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    if not recursive:
        return yaml_files(folder)
    real = folder.resolve()
    out = []
    for here, dirs, files in os.walk(folder):        # linked folders are listed, not entered
        dirs[:] = sorted(d for d in dirs if d not in ("maps", LANG_FOLDER)
                         and not d.startswith("."))
        for name in files:
            p = Path(here) / name
            if is_yaml_name(name) and not name.startswith(".") and _inside(p, real):
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
    if is_yaml_name(p.name) or os.sep in arg or "/" in arg:
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
