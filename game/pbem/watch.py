"""Watching a shared folder (Syncthing, a cloud folder): open each game's next file when
it arrives, and (if asked) let the computer play the turns that come to a player."""
from __future__ import annotations

import time
from pathlib import Path

from game.pbem import chain, store, turnfile
from game.i18n import N_, Named, said
from game.pbem.errors import PbemError


def next_file(folder: Path, record: dict) -> Path | None:
    """The other player's next file of this game in the folder, if it has come."""
    want = record["seq"] + 1
    for p in sorted(Path(folder).glob(f"{record['game']}-{want:04d}-*{turnfile.SUFFIX}")):
        m = turnfile.FILE_NAME.fullmatch(p.name)
        if m and m.group("name") != record["me"] and p.is_file():
            return p
    return None


def step(data: Path, folder: Path | None = None, me: str | None = None,
         computer: str | None = None) -> list[Named]:
    """One look: open every file that has come for the folder's games (each game's own
    folder, or `folder`), and play with the computer the turns that are due, if asked.
    Returns what happened, one line each (str() of one is English; a screen says it in its
    language); a refused file is reported and left alone."""
    lines: list[Named] = []
    for game, name in store.games(data):
        if me is not None and name != me:
            continue
        try:
            ident = store.identity(data, name)
            record = store.load_record(data, ident, game)
            where = Path(folder or record["folder"])
            while True:
                p = next_file(where, record)
                if p is None:
                    break
                opened = chain.open_file(data, p, name)
                record = opened.record
                lines.append(opened.message)
            if computer is not None and chain.status(record) == "your turn":
                sent = chain.play_computer(data, name, game, computer, where)
                lines.append(said(N_("{name} played game {game} with the computer; sent "
                                     "{file}"), name=name, game=game, file=sent.name))
        except PbemError as exc:
            lines.append(said(N_("game {game}: {why}"), game=game, why=exc.message))
    return lines


def games_over(data: Path, me: str | None = None) -> bool:
    for game, name in store.games(data):
        if me is not None and name != me:
            continue
        record = store.load_record(data, store.identity(data, name), game)
        if chain.status(record) != "the war is over":
            return False
    return True


def watch(data: Path, folder: Path | None, me: str | None, computer: str | None,
          interval: float, out=print, stop=None) -> None:
    """Look again every `interval` seconds until every game is over (or stop() is true)."""
    while True:
        for line in step(data, folder, me, computer):
            out(line)
        if games_over(data, me) or (stop is not None and stop()):
            return
        time.sleep(interval)
