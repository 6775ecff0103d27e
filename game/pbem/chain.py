"""A game by e-mail: the chain of turn files between two players, and each player's record.

The files of a game are numbered from 0 and each names the hash of the one
before it (the chain):

  0  invitation   from the creator: the scenario (id and hash), the seed, who
                  plays what, his public keys and his first dice commitment.
  1  join         from the other player: his public keys, a fresh revealed
                  dice secret and his commitment.
  2  start        from the creator, only when the other player moves first:
                  the creator's revealed secret and his next commitment.
  2.. turn        a player's turn: his revealed secret and next commitment, the
                  orders of his turn (the first is MixDice with the turn's
                  dice mix), the orders of the computer sides that follow him,
                  the state hash after them, and how many times he opened
                  the turn.

A player's record (game/pbem/store.py) holds the last verified state.  Each
file received is checked (unlocked with the player's key, the sender's
signature, the game, the number, the previous hash, the revealed secret
against its commitment, the dice mix), then its orders are replayed with the
engine on a copy of that state; the computer sides' orders must be what the
computer gives; the state after them must have the stated hash.  Only then
is the record replaced.  Any failure raises PbemError with the reason and
leaves the record as it was.

Dice: see game/pbem/dice.py.  Fog: the record's news is what the player's
sides saw of the other's turn (Session.news), shown as "while you were away".
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.codec import DecodeError
from game.i18n import N_, Named, said
from game.pbem import crypto, dice, store, turnfile
from game.pbem.errors import PbemError
from game.rules.orders import EndTurn, MixDice, Refused, order_from_dict
from game.rules.event_data import Reloaded
from game.rules.report import Event
from game.rules.state import format1_hash, state_from_dict, state_hash, state_to_dict

RECORD_VERSION = 2         # 2: the state hash without the static fields (see _hash_fits)
MAX_OPENS_SHOWN = 1        # "opened this turn N times" is news when N is above this


# --- the record as a game ----------------------------------------------------------

def load_scenario_for(record: dict):
    """The scenario of a game, found by id; PbemError unless it is the very file the game
    was made with (same hash)."""
    from game.scenario.load import find_scenario, load_scenario
    from game.scenario.yamlsrc import InputError
    path = find_scenario(record["scenario_id"])
    if path is None:
        raise PbemError(said(N_("the game needs the scenario '{scenario}', which is not "
                                "installed"), scenario=record["scenario_id"]))
    try:
        scn = load_scenario(path)
    except InputError as exc:
        raise PbemError(said(N_("the scenario '{scenario}' has problems: {problem}"),
                             scenario=record["scenario_id"], problem=str(exc.problems[0]))
                        ) from None
    if scn.sha256 != record["scenario_sha256"]:
        raise PbemError(said(N_("the scenario '{scenario}' here is not the same file as the "
                                "other player's (its hash differs); both need the same "
                                "version"), scenario=record["scenario_id"]))
    return scn


def session_of(record: dict, scn=None):
    """The Session of a record: its last verified state, orders and news, with the
    record's player as the only person (the other player's sides are 'remote')."""
    from game.session.game import Session
    scn = scn or load_scenario_for(record)
    try:
        state = state_from_dict(record["state"], scn)
    except DecodeError as exc:
        raise PbemError(said(N_("the record of game {game} is damaged: {why}"),
                             game=record["game"], why=str(exc))) from None
    if not _hash_fits(record["state_hash"], state, record.get("version", 1)):
        raise PbemError(said(N_("the record of game {game} is damaged (its state does not "
                                "match its hash)"), game=record["game"]))
    orders = [order_from_dict(o) for o in record["orders"]]
    news = {f: [Event.from_dict(e) for e in items] for f, items in record["news"].items()}
    return Session(state, orders, [], sides_of(record), news, game_id=record["game"])


def _hash_fits(stated, state, version: int) -> bool:
    """Whether a stated hash is the state's.  Records and turn files of version 1 may state
    it as saves of format 1 did, with the static fields: games begun before save format 2."""
    return stated == state_hash(state) or (version == 1 and stated == format1_hash(state))


def sides_of(record: dict) -> dict[str, str]:
    """Who plays each faction, as the record's player's Session sees it."""
    sides = {}
    for f, name in record["players"].items():
        sides[f] = "human" if name == record["me"] else "remote"
    for f, level in record["computers"].items():
        sides[f] = f"computer:{level}"
    return sides


def player_to_play(record: dict, state) -> str | None:
    """The player whose turn it is (after any computer sides), or None when it is over."""
    if state.over:
        return None
    n = len(state.order)
    for k in range(n):
        f = state.order[(state.active + k) % n]
        if f in record["players"]:
            return record["players"][f]
    return None


def _store_session(record: dict, session) -> None:
    record["version"] = RECORD_VERSION
    record["state"] = state_to_dict(session.state)
    record["state_hash"] = state_hash(session.state)
    record["orders"] = [o.to_dict() for o in session.orders]
    record["news"] = {f: [e.to_dict() for e in items] for f, items in session.news.items()
                      if f in record["players"] and record["players"][f] == record["me"]}


def _recipients(record: dict) -> dict[str, str]:
    return {name: keys["box"] for name, keys in record["keys"].items()}


def _write_file(record: dict, ident: dict, payload: dict, folder: Path | None) -> Path:
    """Sign, lock and write a file of the game; the record takes it as its new head."""
    out = Path(folder or record["folder"])
    data, signed = turnfile.encode(payload, ident, None if payload["kind"] == "invitation"
                                   else _recipients(record))
    path = out / turnfile.file_name(record["game"], payload["seq"], ident["name"])
    from game.session.save import write_atomic
    try:
        write_atomic(path, data, keep_backup=False)
    except OSError as exc:
        raise PbemError(said(N_("cannot write {file}: {why}"), file=str(path),
                             why=str(exc.strerror or exc))) from None
    record["seq"] = payload["seq"]
    record["head"] = turnfile.payload_hash(signed)
    return path


def status(record: dict, state=None) -> str:
    """One line: where the game stands for the record's player (in English)."""
    return str(status_said(record, state))


def status_said(record: dict, state=None) -> Named:
    """`status` as a phrase a screen says in its language."""
    if state is None:
        state = state_from_dict(record["state"], load_scenario_for(record))
    if len(record["keys"]) < 2:
        other = next(n for n in record["players"].values() if n != record["me"])
        return said(N_("waiting for {name} to join"), name=other)
    if state.over:
        return said(N_("the war is over"))
    who = player_to_play(record, state)
    if who == record["me"]:
        if not _may_start(record):
            return said(N_("waiting for the other player's dice"))
        return said(N_("your turn"))
    return said(N_("waiting for {name}"), name=who)


def _may_start(record: dict) -> bool:
    """Whether the other player's secret needed for my turn's dice has been revealed."""
    return all(n in record["reveals"] for n in record["keys"] if n != record["me"])


# --- making and joining ------------------------------------------------------------

def new_game(folder: Path, scn, seed: int, players: dict[str, str], computers: dict[str, str],
             me: str, out: Path) -> tuple[dict, Path]:
    """Make a game: the creator's keys (if new), his record, and the invitation file in
    `out`.  players: faction -> player name (two players); computers: faction -> level."""
    from game.session.autosaves import new_game_id
    from game.session.game import Session
    names = sorted(set(players.values()))
    for n in names:
        store.check_name(n)
    if len(names) != 2:
        raise PbemError(said(N_("a game by e-mail has two players: give each side to one of "
                                "two names")))
    if me not in names:
        raise PbemError(said(N_("{name} plays none of the sides ({names})"), name=me,
                             names=", ".join(names)))
    ident = store.identity(folder, me, create=True)
    game = new_game_id(scn.id)
    session, _events = Session.new(scn, seed, {})
    secret = dice.new_secret()
    record = {"game": game, "me": me, "creator": me, "scenario_id": scn.id,
              "scenario_sha256": scn.sha256, "seed": seed, "players": dict(players),
              "computers": dict(computers), "keys": {me: crypto.public_of(ident)},
              "seq": -1, "head": "", "secret": secret, "commits": {me: dice.commitment(secret)},
              "reveals": {}, "opens": 0, "folder": str(out)}
    session.sides = sides_of(record)
    _store_session(record, session)
    payload = {"game": game, "seq": 0, "kind": "invitation", "from": me, "prev": "",
               "scenario_id": scn.id, "scenario_sha256": scn.sha256, "seed": seed,
               "players": dict(players), "computers": dict(computers),
               "keys": {me: record["keys"][me]}, "commit": record["commits"][me]}
    path = _write_file(record, ident, payload, out)
    store.save_record(folder, ident, record)
    return record, path


def _join(folder: Path, path: Path, payload: dict, signed: bytes, me: str | None,
          out: Path | None) -> "Opened":
    """Open an invitation: make the joining player's keys and record, and write the join."""
    from game.session.game import Session
    what = str(path)
    names = sorted(set(payload.get("players", {}).values()))
    creator = payload.get("from")
    keys = payload.get("keys")
    if not (isinstance(keys, dict) and creator in keys and creator in names and len(names) == 2):
        raise PbemError(said(N_("{file}: the invitation is damaged (its players or keys)"),
                             file=what))
    if not _keys_ok(keys[creator]):
        raise PbemError(said(N_("{file}: the invitation is damaged (the creator's keys)"),
                             file=what))
    try:
        crypto.verify(keys[creator]["sign"], signed)
    except PbemError:
        raise PbemError(said(N_("{file}: the invitation is not signed by {name}'s key"),
                             file=what, name=creator)) from None
    joiner = me or next(n for n in names if n != creator)
    if joiner == creator or joiner not in names:
        raise PbemError(said(N_("{file}: {name} is not the invited player ({names})"),
                             file=what, name=joiner, names=", ".join(names)))
    if store.record_path(folder, payload["game"], joiner).exists():
        raise PbemError(said(N_("{file}: {name} has already joined game {game}"), file=what,
                             name=joiner, game=payload["game"]))
    record = {"game": payload["game"], "me": joiner, "creator": creator,
              "scenario_id": payload["scenario_id"], "scenario_sha256": payload["scenario_sha256"],
              "seed": payload["seed"], "players": dict(payload["players"]),
              "computers": dict(payload.get("computers", {})), "keys": {creator: keys[creator]},
              "seq": 0, "head": turnfile.payload_hash(signed), "commits": {creator: payload["commit"]},
              "reveals": {}, "opens": 0, "folder": str(out or path.parent)}
    scn = load_scenario_for(record)
    ident = store.identity(folder, joiner, create=True)
    session, _events = Session.new(scn, record["seed"], sides_of(record))
    _store_session(record, session)
    reveal, secret = dice.new_secret(), dice.new_secret()
    record["keys"][joiner] = crypto.public_of(ident)
    record["secret"] = secret
    record["commits"][joiner] = dice.commitment(secret)
    record["reveals"][joiner] = reveal
    reply = {"game": record["game"], "seq": 1, "kind": "join", "from": joiner,
             "prev": record["head"], "keys": {joiner: record["keys"][joiner]},
             "reveal": reveal, "commit": record["commits"][joiner]}
    written = _write_file(record, ident, reply, out)
    store.save_record(folder, ident, record)
    return Opened(record, f"{joiner} joined game {record['game']} ({record['scenario_id']}); "
                          f"send {written.name} to {creator}. Your key's fingerprint: "
                          f"{crypto.fingerprint(record['keys'][joiner])}; {creator}'s: "
                          f"{crypto.fingerprint(keys[creator])}", [written])


def _keys_ok(keys) -> bool:
    return (isinstance(keys, dict) and all(isinstance(keys.get(k), str) and len(keys[k]) == 64
                                           for k in ("sign", "box")))


# --- opening a file ------------------------------------------------------------------

@dataclass
class Opened:
    record: dict
    message: Named          # str() in English; a screen says it in its language
    written: list[Path]


def open_file(folder: Path, path: str | Path, me: str | None = None, out: Path | None = None
              ) -> Opened:
    """Open a file of a game: check it all, replay it, and only then keep the new state.
    PbemError (the record unchanged) if anything is wrong."""
    crypto.nacl()
    path = Path(path)
    what = str(path)
    env = turnfile.read_envelope(path)
    game = env["game"]
    if "plain" in env and env["seq"] == 0:
        signed = turnfile.open_signed(env, None, what)
        payload = turnfile.split_signed(signed, what)
        if payload.get("kind") != "invitation" or payload.get("game") != game:
            raise PbemError(said(N_("{file}: the turn file is damaged (its payload)"),
                                 file=what))
        mine = [n for g, n in store.games(folder) if g == game]
        if mine:
            raise PbemError(said(N_("{file}: the invitation to game {game} was opened before "
                                    "here (by {names})"), file=what, game=game,
                                 names=", ".join(mine)))
        return _join(folder, path, payload, signed, me, out)
    players = [n for g, n in store.games(folder) if g == game]
    if me is not None:
        players = [n for n in players if n == me]
    if not players:
        raise PbemError(said(N_("{file}: game {game} is not a game of {name} in {folder}"),
                             file=what, game=game, folder=str(folder),
                             name=me or said(N_("any player"))))
    name = players[0]
    ident = store.identity(folder, name)
    record = store.load_record(folder, ident, game)
    signed = turnfile.open_signed(env, ident, what)
    payload = turnfile.split_signed(signed, what)
    sender = payload.get("from")
    kind = payload.get("kind")
    if sender == name:
        raise PbemError(said(N_("{file}: this is {name}'s own file (it goes to the other "
                                "player)"), file=what, name=name))
    if kind == "join":
        keys = payload.get("keys")
        keys = keys.get(sender) if isinstance(keys, dict) else None
        if sender in record["keys"] and payload.get("seq") == env["seq"] <= record["seq"]:
            raise PbemError(said(N_("{file}: file {n} of game {game} was opened before (the "
                                    "game is at file {at}): a file cannot be played twice"),
                                 file=what, n=str(env["seq"]), game=game,
                                 at=str(record["seq"])))
        if sender not in record["players"].values() or sender in record["keys"]:
            raise PbemError(said(N_("{file}: '{name}' is not the invited player of game "
                                    "{game}"), file=what, name=sender, game=game))
        if not _keys_ok(keys):
            raise PbemError(said(N_("{file}: the join is damaged (its keys)"), file=what))
        signer = keys["sign"]
    elif sender in record["keys"]:
        signer = record["keys"][sender]["sign"]
    else:
        raise PbemError(said(N_("{file}: the sender '{name}' is not a player of game {game}"),
                             file=what, name=sender, game=game))
    try:
        crypto.verify(signer, signed)
    except PbemError:
        raise PbemError(said(N_("{file}: the file is not signed by {name}'s key (forged, or "
                                "edited after it was signed)"), file=what, name=sender)
                        ) from None
    if payload.get("game") != game or payload.get("game") != record["game"]:
        raise PbemError(said(N_("{file}: the file belongs to another game ('{other}', not "
                                "{game})"), file=what, other=str(payload.get("game")),
                             game=record["game"]))
    seq = payload.get("seq")
    if type(seq) is not int or seq != env["seq"]:
        raise PbemError(said(N_("{file}: the turn file is damaged (its number)"), file=what))
    if seq <= record["seq"]:
        raise PbemError(said(N_("{file}: file {n} of game {game} was opened before (the "
                                "game is at file {at}): a file cannot be played twice"),
                             file=what, n=str(seq), game=game, at=str(record["seq"])))
    if seq > record["seq"] + 1:
        raise PbemError(said(N_("{file}: file {n} of game {game} comes out of order: file "
                                "{first} must be opened first"), file=what, n=str(seq),
                             game=game, first=str(record["seq"] + 1)))
    if payload.get("prev") != record["head"]:
        raise PbemError(said(N_("{file}: the file does not follow the last one opened (the "
                                "chain is broken: another branch of the game, or a file from "
                                "another copy)"), file=what))
    new = dict(record)
    new["commits"], new["reveals"], new["keys"] = (dict(record["commits"]),
                                                   dict(record["reveals"]), dict(record["keys"]))
    written: list[Path] = []
    if kind == "join":
        if name != record["creator"]:
            raise PbemError(said(N_("{file}: a join goes to the creator of the game"),
                                 file=what))
        new["keys"][sender] = payload["keys"][sender]
        _take_reveal(new, sender, payload, what, fresh=True)
        message = said(N_("{name} joined game {game}; fingerprint of {name}'s key: {key}"),
                       name=sender, game=game, key=crypto.fingerprint(new["keys"][sender]))
    elif kind == "start":
        _take_reveal(new, sender, payload, what)
        message = said(N_("{name} revealed the first dice secret"), name=sender)
    elif kind == "turn":
        message = _take_turn(new, sender, payload, what, env["version"])
    else:
        raise PbemError(said(N_("{file}: unknown kind of file '{kind}'"), file=what,
                             kind=str(kind)))
    new["seq"], new["head"] = seq, turnfile.payload_hash(signed)
    if out is not None:
        new["folder"] = str(out)
    if kind == "join":
        # the other player moves first: he needs my secret before his first turn
        state = state_from_dict(new["state"], load_scenario_for(new))
        if player_to_play(new, state) != name:
            written.append(_send_start(new, ident, out))
            message = said(N_("{message}; {name} moves first: send {file} to {name}"),
                           message=message, name=sender, file=written[-1].name)
    store.save_record(folder, ident, new)
    state = state_from_dict(new["state"], load_scenario_for(new))
    return Opened(new, said(N_("{message}. Game {game}: {status}"), message=message, game=game,
                            status=status_said(new, state)), written)


def _take_reveal(record: dict, sender: str, payload: dict, what: str, fresh: bool = False) -> None:
    reveal, commit = payload.get("reveal"), payload.get("commit")
    if not dice.is_secret(reveal) or not isinstance(commit, str) or len(commit) != 64:
        raise PbemError(said(N_("{file}: the file's dice secret is damaged"), file=what))
    if not fresh and dice.commitment(reveal) != record["commits"].get(sender):
        raise PbemError(said(N_("{file}: the dice secret {name} reveals is not the one he "
                                "committed to (changed dice)"), file=what, name=sender))
    record["reveals"][sender] = reveal
    record["commits"][sender] = commit


def _send_start(record: dict, ident: dict, out: Path | None) -> Path:
    me = record["me"]
    secret = record["secret"]
    record["reveals"][me] = secret
    record["secret"] = dice.new_secret()
    record["commits"][me] = dice.commitment(record["secret"])
    payload = {"game": record["game"], "seq": record["seq"] + 1, "kind": "start", "from": me,
               "prev": record["head"], "reveal": secret, "commit": record["commits"][me]}
    return _write_file(record, ident, payload, out)


def _take_turn(record: dict, sender: str, payload: dict, what: str, version: int) -> str:
    """Check and replay the orders of the other player's turn on the record (a copy)."""
    import game.ai as ai
    from game.rules.state import clone
    scn = load_scenario_for(record)
    session = session_of(record, scn)
    st = session.state
    if player_to_play(record, st) != sender:
        raise PbemError(said(N_("{file}: it is not {name}'s turn"), file=what, name=sender))
    _take_reveal(record, sender, payload, what)
    want = dice.mix(record["game"], payload["seq"], record["reveals"])
    raw = payload.get("orders")
    if not isinstance(raw, list) or not raw:
        raise PbemError(said(N_("{file}: the file has no orders"), file=what))
    try:
        orders = [order_from_dict(o, f"orders[{i}]") for i, o in enumerate(raw)]
    except ValueError as exc:
        raise PbemError(said(N_("{file}: an order of the file is damaged: {why}"), file=what,
                             why=str(exc))) from None
    first = orders[0]
    if not isinstance(first, MixDice) or first.mix != want:
        raise PbemError(said(N_("{file}: the turn's dice do not come from the revealed "
                                "secrets (changed dice)"), file=what))
    if any(isinstance(o, MixDice) for o in orders[1:]):
        raise PbemError(said(N_("{file}: the dice are mixed twice in one turn"), file=what))
    computers = record["computers"]
    planned: list = []
    for n, o in enumerate(orders, 1):
        fid = st.active_faction
        if n == 1:
            pass                    # MixDice, checked above
        elif fid in computers:        # the computer's orders must be the computer's
            if not planned:
                planned = ai.plan_turn(clone(st), computers[fid])
            if o != planned.pop(0):
                raise PbemError(said(N_("{file}: order {n} is not what the computer playing "
                                        "{side} gives"), file=what, n=str(n),
                                     side=st.factions[fid].name))
        elif record["players"].get(fid) != sender:
            raise PbemError(said(N_("{file}: order {n} is given for {side}, which {name} does "
                                    "not play"), file=what, n=str(n), side=fid, name=sender))
        if o.faction != fid:
            raise PbemError(said(N_("{file}: order {n} is not for the side to play ({side})"),
                                 file=what, n=str(n), side=fid))
        try:
            session.do(o)
        except Refused as exc:
            raise PbemError(said(N_("{file}: order {n} breaks the rules: {why}"), file=what,
                                 n=str(n), why=exc.message)) from None
        session.undo_stack.clear()
    if not st.over and player_to_play(record, st) == sender:
        raise PbemError(said(N_("{file}: the turn does not end with {name}'s turn over"),
                             file=what, name=sender))
    got = state_hash(st)
    if not _hash_fits(payload.get("state"), st, version):
        raise PbemError(said(N_("{file}: replaying the orders gives another game (state "
                                "{got}, the file says '{says}'): an order or the dice were "
                                "edited"), file=what, got=str(got),
                             says=str(payload.get("state"))))
    opens = payload.get("opens")
    if type(opens) is not int or opens < 1:
        raise PbemError(said(N_("{file}: the file's count of openings is damaged"),
                             file=what))
    _news_of_opens(record, session, sender, opens)
    _store_session(record, session)
    record["opens"] = 0
    return said(N_("{name}'s turn replayed ({n} orders, state {got})"), name=sender,
                n=len(orders), got=str(got))


def _news_of_opens(record: dict, session, sender: str, opens: int) -> None:
    st = session.state
    sides = [f for f, n in record["players"].items() if n == sender]
    name = " and ".join(st.factions[f].name for f in sides)
    mine = [f for f, n in record["players"].items() if n == record["me"]]
    text = f"{name} opened this turn {opens} time{'s' * (opens != 1)}"
    e = Event("reloaded", text, None, tuple(mine), Reloaded(sides[0], opens=opens),
              when=(st.turn, st.year, st.month))
    for f in mine:
        session.news.setdefault(f, []).append(e)


# --- playing a turn --------------------------------------------------------------------

@dataclass
class Turn:
    """A turn being played: the session (its first order, MixDice, already given) and
    where the turn's orders start."""
    record: dict
    ident: dict
    session: object
    start: int
    folder: Path


def begin_turn(folder: Path, name: str, game: str) -> Turn:
    """Open my turn to play: count the opening (kept at once, so a second try is counted
    too), and mix the dice."""
    crypto.nacl()
    ident = store.identity(folder, name)
    record = store.load_record(folder, ident, game)
    scn = load_scenario_for(record)
    session = session_of(record, scn)
    st = session.state
    if st.over:
        raise PbemError(said(N_("game {game} is over"), game=game))
    who = player_to_play(record, st)
    if who != name or len(record["keys"]) < 2:
        raise PbemError(said(N_("game {game}: it is not {name}'s turn ({status})"), game=game,
                             name=name, status=status_said(record, st)))
    if not _may_start(record):
        raise PbemError(said(N_("game {game}: the other player's dice secret has not come "
                                "yet"), game=game))
    record["opens"] = record.get("opens", 0) + 1
    store.save_record(folder, ident, record)
    reveals = dict(record["reveals"])
    reveals[name] = record["secret"]
    start = len(session.orders)
    session.do(MixDice(st.active_faction, dice.mix(game, record["seq"] + 1, reveals)))
    _play_computers(session, record)        # computer sides before me (a first turn)
    session.undo_stack.clear()
    return Turn(record, ident, session, start, folder)


def _play_computers(session, record: dict) -> None:
    import game.ai as ai
    from game.rules.state import clone
    st = session.state
    while not st.over and st.active_faction in record["computers"]:
        for o in ai.plan_turn(clone(st), record["computers"][st.active_faction]):
            session.do(o)


def turn_done(turn: Turn) -> bool:
    """Whether my part of the turn is over: the war ended, or a side I do not play is to
    play (finish_turn plays the computer sides that follow me)."""
    record, st = turn.record, turn.session.state
    return st.over or record["players"].get(st.active_faction) != record["me"]


def finish_turn(turn: Turn, out: Path | None = None, logs: dict | None = None) -> Path:
    """Play the computer sides after me, then write the turn file and keep the new state
    (and `logs`, my sides' event logs as the window wrote them: never another side's)."""
    session, record = turn.session, turn.record
    if logs is not None:
        mine = [f for f, n in record["players"].items() if n == record["me"]]
        record["logs"] = {f: list(logs.get(f, [])) for f in mine}
    _play_computers(session, record)
    st = session.state
    if not st.over and player_to_play(record, st) == record["me"]:
        raise PbemError(said(N_("the turn is not over yet: end it first")))
    me = record["me"]
    secret = record["secret"]
    record["reveals"][me] = secret
    record["secret"] = dice.new_secret()
    record["commits"][me] = dice.commitment(record["secret"])
    orders = session.orders[turn.start:]
    payload = {"game": record["game"], "seq": record["seq"] + 1, "kind": "turn", "from": me,
               "prev": record["head"], "reveal": secret, "commit": record["commits"][me],
               "orders": [o.to_dict() for o in orders], "state": state_hash(st),
               "opens": record["opens"], "date": st.date_text()}
    _store_session(record, session)
    path = _write_file(record, turn.ident, payload, out)
    record["opens"] = 0
    store.save_record(turn.folder, turn.ident, record)
    return path


def play_computer(folder: Path, name: str, game: str, level: str = "normal",
                  out: Path | None = None) -> Path:
    """Play my whole turn with the computer and send it (for tests, and for a player who
    wants the computer to stand in for a turn)."""
    import game.ai as ai
    from game.rules.state import clone
    turn = begin_turn(folder, name, game)
    st = turn.session.state
    while not st.over and turn.record["players"].get(st.active_faction) == name:
        for o in ai.plan_turn(clone(st), level):
            turn.session.do(o)
        _play_computers(turn.session, turn.record)
    return finish_turn(turn, out)
