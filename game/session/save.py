"""Saved games: JSON with a format version, written atomically.

Writing: the new save goes to a temporary file in the same folder, is
flushed to disk, and only then renamed over the old one; the old one is
first kept as `NAME.bak` (a hard link, so at every instant a complete save
sits under the real name).  Loading checks the format, version, scenario
and every field, and refuses a bad file with a clear message, never
changing it.  Nothing here can run code from a file (no pickle).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import glob
import hashlib
import hmac
import json
import os
import re
import stat
import tempfile
import time as _time
from dataclasses import dataclass, field
from pathlib import Path

from game import codec
from game.codec import DecodeError
from game.rules.invariants import invariants, references
from game.rules.orders import order_from_dict
from game.rules.state import (GameState, canonical_json, dict_hash, format1_hash,
                              state_from_dict, state_hash, state_to_dict)
from game.session.save_checks import rule_problems, text_and_number_problems

# The seal: an HMAC over the description (meta: who plays, passwords, news), the
# state's checksum and the orders.  Its key is written here, in the open: it stops a
# text editor and a checksum tool from remaking a save after a change, no more.  A
# password is a screen lock against a glance at the screen, not a protection against
# someone who edits files.
SEAL_KEY = b"Last Great War: the save seal (not a secret, a speed bump)"
FORMAT = "last-great-war-save"
VERSION = 2      # 2: the static fields of the state are left out (see `saved_hash`)
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
        "meta": codec.encode(meta),
        "state": body,
        "state_hash": dict_hash(body),
        "orders": [o.to_dict() for o in (orders or [])],
    }
    doc["seal"] = seal(doc)
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def seal(doc: dict) -> str:
    """The keyed checksum of a save document's meta, state checksum and orders."""
    body = canonical_json({"meta": doc.get("meta"), "state_hash": doc.get("state_hash"),
                           "orders": doc.get("orders")})
    return hmac.new(SEAL_KEY, body.encode("utf-8"), hashlib.sha256).hexdigest()


def check_seal(doc: dict, path) -> bool:
    """True if the save is sealed and the seal matches; False for an unsealed save (made
    before saves were sealed); SaveError if the seal does not match."""
    given = doc.get("seal")
    if given is None:
        return False
    try:
        ok = isinstance(given, str) and hmac.compare_digest(given, seal(doc))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise SaveError(f"{path}: the save was changed outside the game (its seal does not "
                        "match what it holds)")
    return True


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
    _remove_leftovers(folder, path.name)


def _remove_leftovers(folder: Path, name: str, older_than: float = 60.0) -> None:
    """Delete temporary files that saves of `name` killed midway left behind.

    Only files over a minute old go, so a save of the same name that another
    game is writing at this moment is left alone.
    """
    now = _time.time()
    for p in folder.glob(f".{glob.escape(name)}.*tmp"):
        try:
            if now - p.stat().st_mtime > older_than:
                p.unlink()
        except OSError:
            pass


def save_game(path: str | os.PathLike, state: GameState, orders: list | None = None,
              sides: dict[str, str] | None = None, label: str = "", extra: dict | None = None
              ) -> None:
    try:
        data = encode(state, orders, sides, label, extra)
    except Exception as exc:    # a value JSON or UTF-8 cannot hold: the old save stays
        raise SaveError(f"cannot save the game as {path}: part of it cannot be written "
                        f"({type(exc).__name__}: {str(exc)[:200]}); the last save is kept"
                        ) from exc
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise SaveError(f"cannot write the save {path}: {exc.strerror or exc}") from exc


@dataclass
class Loaded:
    state: GameState
    meta: SaveMeta
    orders: list
    sealed: bool = True       # False: a save from before saves were sealed (see `seal`)


def read_document(path: str | os.PathLike) -> dict:
    """Read and parse a save file's JSON, with clear errors; the file is never changed."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise SaveError(f"{p}: cannot read the save: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise SaveError(f"{p}: this is not a save file (not a regular file)")
    if st.st_size > MAX_SAVE_BYTES:
        raise SaveError(f"{p}: the file is {st.st_size // 1_000_000} MB, too big to be a save")
    if st.st_size == 0:
        raise SaveError(f"{p}: the save is empty (was the game stopped while saving?)")
    try:
        with open(p, "rb") as fh:
            raw = fh.read(MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise SaveError(f"{p}: cannot read the save: {exc.strerror or exc}") from exc
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(f"{p}: the file is too big to be a save")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SaveError(f"{p}: this is not a save file (not text)") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{p}: the save is damaged or cut short (JSON error at line "
                        f"{exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise SaveError(f"{p}: the save is damaged (nested too deeply)") from None
    except ValueError as exc:     # e.g. a number with thousands of digits
        raise SaveError(f"{p}: the save is damaged ({str(exc)[:200]})") from None
    odd = text_and_number_problems(doc)
    if odd:
        raise SaveError(f"{p}: the save is damaged: " + "; ".join(odd[:3]))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SaveError(f"{p}: this is not a Last Great War save")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SaveError(f"{p}: the save has no format version")
    if version > VERSION:
        raise SaveError(f"{p}: the save comes from a newer version of the game (save format "
                        f"{version}; this game reads up to {VERSION}); update the game to load it")
    if version < 1:
        raise SaveError(f"{p}: unknown save format version {version}")
    return doc


def saved_hash(state: GameState, version: int) -> str:
    """The state's checksum as a save of that format version wrote it.  Version 1 (before
    3 December 2026) wrote and hashed the static fields of factions, cities and commanders
    too; they are the scenario's, so the state's own fields give that checksum again."""
    if version == 1:
        return format1_hash(state)
    return state_hash(state)


def read_meta(path: str | os.PathLike) -> SaveMeta:
    doc = read_document(path)
    return _decode_meta(doc, path)


def _decode_meta(doc: dict, path) -> SaveMeta:
    m = doc.get("meta")
    if not isinstance(m, dict):
        raise SaveError(f"{path}: the save lacks its description (meta)")
    try:
        return codec.decode(SaveMeta, m, "meta")
    except DecodeError as exc:
        raise SaveError(f"{path}: the save's description is damaged ({exc})") from None


def load_game(path: str | os.PathLike, scenario_loader=None) -> Loaded:
    """Read a save and rebuild the game, checking it against its scenario.

    scenario_loader(meta) -> Scenario; by default the scenario file named in
    the save if it lies in the game's scenarios folder or beside the save,
    else the scenario with the save's scenario id in one of those folders
    (see `find_save_scenario`).  A save that does not fit its scenario, or
    whose game breaks the rules' invariants, is refused.
    """
    doc = read_document(path)
    meta = _decode_meta(doc, path)
    if scenario_loader is None:
        try:
            scn = find_save_scenario(meta, Path(path).parent)
        except SaveError as exc:
            raise SaveError(f"{path}: {exc}") from None
    else:
        scn = scenario_loader(meta)
    try:
        state = state_from_dict(doc.get("state"), scn)
    except DecodeError as exc:
        raise SaveError(f"{path}: the save is damaged: {exc}") from None
    problems = references(state)
    if problems:
        raise SaveError(f"{path}: the save does not fit its scenario: " + "; ".join(problems[:3]))
    broken = rule_problems(state)
    if broken:
        raise SaveError(f"{path}: the save holds what the rules never make: "
                        + "; ".join(broken[:3]))
    expected = doc.get("state_hash")
    if expected != saved_hash(state, doc["version"]):
        raise SaveError(f"{path}: the save is damaged (its contents do not match its checksum)")
    sealed = check_seal(doc, path)
    broken = invariants(state)
    if broken:
        raise SaveError(f"{path}: the saved game breaks the rules: " + "; ".join(broken[:3]))
    raw_orders = doc.get("orders", [])
    if not isinstance(raw_orders, list):
        raise SaveError(f"{path}: the save's order history is damaged (not a list)")
    try:
        orders = [order_from_dict(o, f"orders[{i}]") for i, o in enumerate(raw_orders)]
    except DecodeError as exc:
        raise SaveError(f"{path}: the save's order history is damaged: {exc}") from None
    return Loaded(state, meta, orders, sealed)


_ID = re.compile(r"[a-z][a-z0-9_]*")


def find_save_scenario(meta: SaveMeta, save_dir: Path):
    """The scenario a save names, looked for only where a save may point.

    A save records its scenario's file, but a save is a file anyone can edit
    or send, so that path is followed only when it leads into a folder where
    scenarios are searched (the game's own, the player's scenarios folder,
    any given with --scenarios) or the folder the save itself is in, or is a
    scenario this run of the game has already loaded (one the player opened,
    wherever it is); otherwise the scenario is found by its id in those
    folders.
    """
    from game.scenario.load import (find_scenario, is_yaml_name, load_scenario, opened_before,
                                    search_folders)
    from game.scenario.yamlsrc import InputError
    roots = []
    for folder in [*(f for f, _ in search_folders()), Path(save_dir)]:
        try:
            roots.append(folder.resolve())
        except (OSError, RuntimeError):
            continue

    def reachable(p: Path) -> bool:        # symlinks resolved: where the file really is
        try:
            t = p.resolve()
            return (is_yaml_name(t.name) and any(r in t.parents for r in roots)
                    and t.is_file())
        except (OSError, ValueError, RuntimeError):     # a loop of links, a NUL in the name...
            return False

    candidates: list[Path] = []
    if meta.scenario_path:
        target = Path(save_dir) / meta.scenario_path
        if reachable(target) or opened_before(target):
            candidates.append(target.resolve())
    if _ID.fullmatch(meta.scenario_id):
        for found in (find_scenario(meta.scenario_id), find_scenario(meta.scenario_id, save_dir)):
            if found is not None and reachable(found) and found.resolve() not in candidates:
                candidates.append(found.resolve())
    for c in candidates:
        try:
            scn = load_scenario(c)
        except InputError as exc:
            raise SaveError(f"the save's scenario {meta.scenario_id!r} has problems: "
                            f"{exc.problems[0]}") from None
        if scn.id == meta.scenario_id:
            return scn
    raise SaveError(f"the save needs the scenario {meta.scenario_id!r}, which is not installed "
                    "(it is looked for among the game's scenarios, in your scenarios folder "
                    "and beside the save)")


def state_json(state: GameState) -> str:
    return canonical_json(state_to_dict(state))
