"""Saved games: JSON with a format version, written atomically.

Writing: the new save goes to a temporary file in the same folder, is
flushed to disk, and only then renamed over the old one; the old one is
first kept as `NAME.bak` (a hard link, so at every instant a complete save
sits under the real name).  Loading checks the format, version, scenario
and every field, and refuses a bad file with a clear message, never
changing it.  Nothing here can run code from a file (no pickle).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from game.rules import vision
from game.rules.orders import order_from_dict
from game.rules.state import (DecodeError, GameState, canonical_json, dict_hash,
                              state_from_dict, state_hash, state_to_dict)

FORMAT = "last-great-war-save"
VERSION = 1
MAX_SAVE_BYTES = 64 * 1024 * 1024


class SaveError(Exception):
    """A save that cannot be written or read; the message says why, for a player."""


@dataclass
class SaveMeta:
    """What the load screen shows, plus who plays each side."""
    scenario_id: str
    scenario_title: str
    scenario_path: str
    scenario_sha256: str
    date: str
    turn: int
    sides: dict[str, str] = field(default_factory=dict)   # faction -> "human" / "computer:normal"
    saved_at: str = ""
    label: str = ""
    extra: dict = field(default_factory=dict)


def _meta_for(state: GameState, sides: dict[str, str] | None, label: str, extra: dict | None
              ) -> SaveMeta:
    scn = state.scenario
    return SaveMeta(scn.id, scn.title, scn.file, scn.sha256, state.date_text(), state.turn,
                    dict(sides or {}), _dt.datetime.now().isoformat(timespec="seconds"), label,
                    dict(extra or {}))


def encode(state: GameState, orders: list | None = None, sides: dict[str, str] | None = None,
           label: str = "", extra: dict | None = None) -> bytes:
    meta = _meta_for(state, sides, label, extra)
    body = state_to_dict(state)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "meta": meta.__dict__,
        "state": body,
        "state_hash": dict_hash(body),
        "orders": [o.to_dict() for o in (orders or [])],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes, keep_backup: bool = True) -> None:
    """Write data to path so that a crash leaves either the old file or the new one."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            link_tmp = path.with_name(f".{path.name}.bak.tmp")
            try:
                if link_tmp.exists():
                    link_tmp.unlink()
                os.link(path, link_tmp)
                os.replace(link_tmp, bak)
            except OSError:  # no hard links here (some file systems): copy instead
                import shutil
                shutil.copyfile(path, link_tmp)
                os.replace(link_tmp, bak)
        os.replace(tmp, path)
        try:
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_game(path: str | os.PathLike, state: GameState, orders: list | None = None,
              sides: dict[str, str] | None = None, label: str = "", extra: dict | None = None
              ) -> None:
    try:
        write_atomic(path, encode(state, orders, sides, label, extra))
    except OSError as exc:
        raise SaveError(f"cannot write the save {path}: {exc.strerror or exc}") from exc


@dataclass
class Loaded:
    state: GameState
    meta: SaveMeta
    orders: list


def read_document(path: str | os.PathLike) -> dict:
    """Read and parse a save file's JSON, with clear errors; the file is never changed."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise SaveError(f"{p}: cannot read the save: {exc.strerror or exc}") from exc
    if size > MAX_SAVE_BYTES:
        raise SaveError(f"{p}: the file is {size // 1_000_000} MB, too big to be a save")
    if size == 0:
        raise SaveError(f"{p}: the save is empty (was the game stopped while saving?)")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SaveError(f"{p}: cannot read the save: {exc.strerror or exc}") from exc
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(f"{p}: this is not a save file (not text)") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{p}: the save is damaged or cut short (JSON error at line "
                        f"{exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise SaveError(f"{p}: the save is damaged (nested too deeply)") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SaveError(f"{p}: this is not a Last Great War save")
    version = doc.get("version")
    if not isinstance(version, int):
        raise SaveError(f"{p}: the save has no format version")
    if version > VERSION:
        raise SaveError(f"{p}: the save comes from a newer version of the game (save format "
                        f"{version}; this game reads up to {VERSION}); update the game to load it")
    if version < 1:
        raise SaveError(f"{p}: unknown save format version {version}")
    return doc


def read_meta(path: str | os.PathLike) -> SaveMeta:
    doc = read_document(path)
    return _decode_meta(doc, path)


def _decode_meta(doc: dict, path) -> SaveMeta:
    m = doc.get("meta")
    if not isinstance(m, dict):
        raise SaveError(f"{path}: the save lacks its description (meta)")
    try:
        return SaveMeta(**{k: m[k] for k in SaveMeta.__dataclass_fields__ if k in m})
    except TypeError as exc:
        raise SaveError(f"{path}: the save's description is damaged ({exc})") from None


def load_game(path: str | os.PathLike, scenario_loader=None) -> Loaded:
    """Read a save and rebuild the game, checking it against its scenario.

    scenario_loader(meta) -> Scenario; by default the scenario file named in
    the save, or else the scenario of the same id under scenarios/.
    """
    doc = read_document(path)
    meta = _decode_meta(doc, path)
    try:
        state = state_from_dict(doc.get("state"))
    except DecodeError as exc:
        raise SaveError(f"{path}: the save is damaged: {exc}") from None
    scn = (scenario_loader or _default_scenario)(meta)
    state.scenario = scn
    _check_consistent(state, path)
    expected = doc.get("state_hash")
    if expected != state_hash(state):
        raise SaveError(f"{path}: the save is damaged (its contents do not match its checksum)")
    try:
        orders = [order_from_dict(o) for o in doc.get("orders", [])]
    except ValueError as exc:
        raise SaveError(f"{path}: the save's order history is damaged: {exc}") from None
    return Loaded(state, meta, orders)


def _default_scenario(meta: SaveMeta):
    from game.scenario.load import find_scenario, load_scenario
    from game.scenario.yamlsrc import InputError
    candidates = []
    if meta.scenario_path and Path(meta.scenario_path).is_file():
        candidates.append(Path(meta.scenario_path))
    found = find_scenario(meta.scenario_id)
    if found is not None:
        candidates.append(found)
    for c in candidates:
        try:
            scn = load_scenario(c)
        except InputError as exc:
            raise SaveError(f"the save's scenario {meta.scenario_id!r} has problems: "
                            f"{exc.problems[0]}") from None
        if scn.id == meta.scenario_id:
            return scn
    raise SaveError(f"the save needs the scenario {meta.scenario_id!r}, which is not installed")


def _check_consistent(state: GameState, path) -> None:
    """Refuse a save whose references do not fit its scenario (hand-edited or damaged)."""
    scn = state.scenario
    hm = scn.map
    problems = []
    if state.scenario_id != scn.id:
        problems.append(f"it is a game of {state.scenario_id!r}, not {scn.id!r}")
    if set(state.factions) != {f.id for f in scn.spec.factions}:
        problems.append("its factions differ from the scenario's")
    if not state.order or any(f not in state.factions for f in state.order):
        problems.append("its turn order names unknown factions")
    if not 0 <= state.active < max(1, len(state.order)):
        problems.append("the side to play is out of range")
    if not 1 <= state.month <= 12 or state.months_per_turn not in (1, 3):
        problems.append("its date is impossible")
    for a in state.armies.values():
        if a.faction not in state.factions or not hm.contains(a.hex) or a.men < 0:
            problems.append(f"army {a.id!r} is damaged")
        if a.commander is not None and a.commander not in state.commanders:
            problems.append(f"army {a.id!r} names an unknown commander")
    for c in state.cities.values():
        if c.owner not in state.factions or scn.city_at.get(c.hex) != c.id or c.garrison < 0:
            problems.append(f"city {c.id!r} is damaged")
    for f in state.factions.values():
        if f.treasury < 0:
            problems.append(f"faction {f.id!r} has a negative treasury")
    problems += vision.check_memory(state)
    if problems:
        raise SaveError(f"{path}: the save does not fit its scenario: " + "; ".join(problems[:3]))


def state_json(state: GameState) -> str:
    return canonical_json(state_to_dict(state))
