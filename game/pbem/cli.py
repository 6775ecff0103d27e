"""`run.py pbem ...`: play by e-mail from the command line (see README, "Play by e-mail")."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.ai.levels import LEVELS
from game.pbem.errors import PbemError


def add_parser(sub) -> None:
    p = sub.add_parser("pbem", help="play by e-mail: turn files between two players")
    p.add_argument("--data", metavar="DIR", help="the data folder holding your keys and games "
                   "(default: the game's data folder, which follows XDG_DATA_HOME)")
    ps = p.add_subparsers(dest="pbem_command")
    new = ps.add_parser("new", help="make a game and its invitation file")
    new.add_argument("scenario", help="scenario id or path")
    new.add_argument("--side", action="append", default=[], metavar="FACTION=WHO",
                     help="who plays a faction: human:NAME (a player's name) or "
                          "computer[:LEVEL] (repeatable; sides not given are played by the "
                          "computer; a bare NAME is read as human:NAME)")
    new.add_argument("--me", help="which of the two players you are (default: the first named)")
    new.add_argument("--seed", type=int, help="the game's seed (default: random)")
    new.add_argument("--folder", default=".", help="where to write the files to send "
                                                  "(default: here)")
    op = ps.add_parser("open", help="open a file the other player sent")
    op.add_argument("file")
    op.add_argument("--as", dest="me", help="the player opening it (if your folder has several)")
    op.add_argument("--folder", help="where to write the files to send (default: beside it)")
    pl = ps.add_parser("play", help="play your turn in the window, then write the file to send")
    pl.add_argument("game", help="the game id (see `pbem list`)")
    pl.add_argument("--as", dest="me")
    pl.add_argument("--computer", metavar="LEVEL", choices=LEVELS,
                    help="let the computer play this turn (no window)")
    pl.add_argument("--folder", help="where to write the turn file (default: the game's)")
    pl.add_argument("--size", default=None, metavar="WxH", help="window size")
    wa = ps.add_parser("watch", help="watch a shared folder and open each file as it comes")
    wa.add_argument("folder", nargs="?", help="the shared folder (default: each game's)")
    wa.add_argument("--as", dest="me")
    wa.add_argument("--once", action="store_true", help="look once, then stop")
    wa.add_argument("--computer", metavar="LEVEL", choices=LEVELS,
                    help="let the computer play your turns as they come")
    wa.add_argument("--interval", type=float, default=5.0, help="seconds between looks")
    ls = ps.add_parser("list", help="your games by e-mail and where each stands")
    for q in (new, op, pl, wa, ls):
        q.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                       help="the data folder holding your keys and games")


def run(args) -> int:
    from game.pbem import store
    data = store.pbem_dir(args.data)
    try:
        cmd = args.pbem_command
        if cmd == "new":
            return _new(args, data)
        if cmd == "open":
            from game.pbem import chain
            opened = chain.open_file(data, args.file, args.me,
                                     Path(args.folder) if args.folder else None)
            print(opened.message)
            for p in opened.written:
                print(f"wrote {p}")
            return 0
        if cmd == "play":
            return _play(args, data)
        if cmd == "watch":
            from game.pbem import watch
            watch.watch(data, Path(args.folder) if args.folder else None, args.me, args.computer,
                        args.interval, stop=(lambda: True) if args.once else None)
            return 0
        if cmd == "list":
            return _list(data)
    except PbemError as exc:
        print(f"pbem: {exc}", file=sys.stderr)
        return 1
    print("pbem: say new, open, play, watch or list (see --help)", file=sys.stderr)
    return 2


def _new(args, data: Path) -> int:
    import secrets

    from game.cli import load_scenario_arg
    from game.pbem import chain, crypto
    crypto.nacl()
    scn = load_scenario_arg(args.scenario)
    if scn is None:
        return 1
    try:
        players, computers = pbem_sides(args.side, {f.id: f for f in scn.spec.factions})
    except ValueError as exc:
        print(f"pbem: {exc}", file=sys.stderr)
        return 2
    names = list(dict.fromkeys(players.values()))
    me = args.me or (names[0] if names else "")
    seed = args.seed if args.seed is not None else secrets.randbelow(2 ** 31)
    record, path = chain.new_game(data, scn, seed, players, computers, me, Path(args.folder))
    other = next(n for n in names if n != me)
    print(f"made game {record['game']} ({scn.id}, seed {seed}); send {path} to {other}")
    print(f"your key's fingerprint: {crypto.fingerprint(record['keys'][me])}")
    return 0


def pbem_sides(specs: list[str], factions: dict) -> tuple[dict[str, str], dict[str, str]]:
    """`--side FACTION=WHO` options, in the words of game.session.seats -> (players: faction
    -> name, computers: faction -> level); every side not named is the computer's.  A person
    must be named (human:NAME); the older FACTION=NAME is still read as FACTION=human:NAME.
    ValueError saying what is wrong."""
    from game.session import seats
    players, computers = {}, {f: "normal" for f in factions}
    for spec in specs:
        fid, _, who = spec.partition("=")
        if who.strip() and ":" not in who and who.strip() not in seats.KINDS:
            spec = f"{fid}={seats.HUMAN}:{who.strip()}"      # the older spelling, FACTION=NAME
        fid, seat = seats.parse_side(spec, factions)
        if seat.kind == seats.COMPUTER:
            computers[fid] = seat.level
        elif seat.human and seat.name:
            players[fid] = seat.name
            computers.pop(fid)
        else:
            raise ValueError(f"--side {spec!r}: a game by e-mail needs human:NAME (who plays "
                             f"it) or computer[:LEVEL]")
    return players, computers


def _play(args, data: Path) -> int:
    from game.pbem import chain, store
    me = args.me or _only_player(data, args.game)
    if args.computer:
        path = chain.play_computer(data, me, args.game, args.computer,
                                   Path(args.folder) if args.folder else None)
        print(f"{me} played with the computer; send {path}")
        return 0
    store.identity(data, me)
    from game.cli import open_pbem_window
    return open_pbem_window(data, me, args.game, args.size)


def _only_player(data: Path, game: str) -> str:
    from game.pbem import store
    names = [n for g, n in store.games(data) if g == game]
    if not names:
        raise PbemError(f"there is no game {game!r} in {data}")
    if len(names) > 1:
        raise PbemError(f"several players of game {game} here ({', '.join(names)}): say --as NAME")
    return names[0]


def _list(data: Path) -> int:
    from game.pbem import chain, store
    rows = store.games(data)
    if not rows:
        print(f"no games by e-mail in {data}")
    for game, name in rows:
        record = store.load_record(data, store.identity(data, name), game)
        sides = ", ".join(f"{f}={n}" for f, n in sorted(record["players"].items()))
        print(f"{game}\t{name}\t{record['scenario_id']}\t{sides}\t{chain.status(record)}")
    return 0
