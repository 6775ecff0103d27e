"""Autosaves: a few per game, in rotation, never one game's over another's.

Each game gets an id when it is made (`new_game_id`), kept in its saves, so
a loaded game goes on with its own autosaves.  The autosave at the start of
a human side's turn is written as `autosave_<game id>_t<turn>_<n>.json`
(n: the side's place in the turn order, for hot-seat), and `rotate` then
deletes that game's oldest autosaves beyond the last `KEEP`.  Another game's
autosaves, quick-saves and named saves are never touched.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path

PREFIX = "autosave_"
KEEP = 3
GAME_ID = re.compile(r"[a-z0-9_]{1,48}-[0-9a-f]{6}")


def new_game_id(scenario_id: str) -> str:
    """A fresh id for a new game: its scenario and six random hex digits."""
    stem = re.sub(r"[^a-z0-9_]", "_", scenario_id.lower())[:48] or "game"
    return f"{stem}-{secrets.token_hex(3)}"


def is_game_id(value) -> bool:
    return isinstance(value, str) and GAME_ID.fullmatch(value) is not None


def autosave_path(folder: Path, game_id: str, turn: int, index: int) -> Path:
    return Path(folder) / f"{PREFIX}{game_id}_t{turn:04d}_{index}.json"


def autosaves_of(folder: Path, game_id: str) -> list[Path]:
    """This game's autosaves, oldest first."""
    pattern = re.compile(re.escape(f"{PREFIX}{game_id}_t") + r"(\d{4})_(\d+)\.json")
    found = []
    for p in Path(folder).glob(f"{PREFIX}{game_id}_t*.json"):
        m = pattern.fullmatch(p.name)
        if m:
            found.append(((int(m.group(1)), int(m.group(2))), p))
    return [p for _, p in sorted(found)]


def rotate(folder: Path, game_id: str, keep: int = KEEP) -> list[Path]:
    """Delete this game's autosaves beyond the newest `keep` (and their backups); the
    paths deleted."""
    old = autosaves_of(folder, game_id)[:-keep] if keep > 0 else autosaves_of(folder, game_id)
    gone = []
    for p in old:
        for q in (p, p.with_name(p.name + ".bak")):
            try:
                q.unlink()
                gone.append(q)
            except FileNotFoundError:
                pass
            except OSError:
                pass
    return gone


def latest_autosave(folder: Path) -> Path | None:
    """The autosave written last, of any game (for "continue")."""
    files = [p for p in Path(folder).glob(f"{PREFIX}*.json")]
    return max(files, key=lambda p: p.stat().st_mtime, default=None)
