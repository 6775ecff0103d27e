"""A player's folder for play by e-mail: his keys and his records of games.

    DATA/pbem/players/NAME.key        his private keys (never sent anywhere)
    DATA/pbem/games/GAME.NAME.game    his record of one game, locked with his key

DATA is the game's data folder (game.resources.data_dir, which follows
XDG_DATA_HOME), or the folder given with `--data`, so that two players can
share one machine.  A record holds the whole state of the game, because the
engine needs it to replay the other player's turns; it is written locked
(game.pbem.crypto.lock_local), so the folder read without the player's keys
shows nothing of it.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from game.pbem import crypto
from game.pbem.errors import PbemError
from game.i18n import N_, said

NAME = re.compile(r"[A-Za-z0-9_-]{1,32}")
RECORD_FORMAT = "last-great-war-pbem-record"


def pbem_dir(data: str | os.PathLike | None = None) -> Path:
    if data is not None:
        return Path(data) / "pbem"
    from game.resources import data_dir
    return data_dir() / "pbem"


def check_name(name: str) -> str:
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise PbemError(said(N_("'{name}' is not a player name (1 to 32 letters, digits, - "
                                "or _)"), name=str(name)))
    return name


def key_path(folder: Path, name: str) -> Path:
    return folder / "players" / f"{check_name(name)}.key"


def local_players(folder: Path) -> list[str]:
    """The players whose keys are in this folder."""
    return sorted(p.stem for p in (folder / "players").glob("*.key") if NAME.fullmatch(p.stem))


def identity(folder: Path, name: str, create: bool = False) -> dict:
    """A player's private keys, made (and kept) on first use if `create`."""
    p = key_path(folder, name)
    if not p.exists():
        if not create:
            raise PbemError(said(N_("there are no keys of {name} in {folder}"), name=name,
                                 folder=str(folder)))
        ident = crypto.new_identity(name)
        _write(p, json.dumps(ident).encode(), private=True)
        return ident
    try:
        ident = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PbemError(said(N_("{file}: the keys of {name} cannot be read ({why})"),
                             file=str(p), name=name, why=str(exc))) from None
    if not (isinstance(ident, dict) and ident.get("name") == name
            and all(isinstance(ident.get(k), str) and len(ident[k]) == 64 for k in ("sign", "box"))):
        raise PbemError(said(N_("{file}: the keys of {name} are damaged"), file=str(p),
                             name=name))
    return ident


def _write(path: Path, data: bytes, private: bool = False) -> None:
    from game.session.save import write_atomic
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, keep_backup=False)
    if private:
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass


def record_path(folder: Path, game: str, name: str) -> Path:
    return folder / "games" / f"{game}.{check_name(name)}.game"


def save_record(folder: Path, ident: dict, record: dict) -> None:
    """Write a player's record of a game, locked with his key."""
    body = json.dumps(record, separators=(",", ":")).encode("utf-8")
    doc = {"format": RECORD_FORMAT, "game": record["game"], "player": ident["name"],
           "box": crypto.b64(crypto.lock_local(ident, body))}
    _write(record_path(folder, record["game"], ident["name"]), json.dumps(doc).encode())


def load_record(folder: Path, ident: dict, game: str) -> dict:
    p = record_path(folder, game, ident["name"])
    if not p.exists():
        raise PbemError(said(N_("{name} has no game '{game}' in {folder}"), name=ident["name"],
                             game=str(game), folder=str(folder)))
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PbemError(said(N_("{file}: the record of the game is damaged"), file=str(p))
                        ) from None
    if not isinstance(doc, dict) or doc.get("format") != RECORD_FORMAT:
        raise PbemError(said(N_("{file}: this is not a record of a game by e-mail"),
                             file=str(p)))
    data = crypto.unlock_local(ident, crypto.unb64(doc.get("box"), str(p)), str(p))
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        raise PbemError(said(N_("{file}: the record of the game is damaged"), file=str(p))
                        ) from None


def games(folder: Path) -> list[tuple[str, str]]:
    """(game id, player) of every record in the folder."""
    out = []
    for p in sorted((folder / "games").glob("*.game")):
        game, _, name = p.stem.rpartition(".")
        if game and NAME.fullmatch(name):
            out.append((game, name))
    return out
