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
        raise PbemError(f"the game needs the scenario {record['scenario_id']!r}, which is not "
                        "installed")
    try:
        scn = load_scenario(path)
    except InputError as exc:
        raise PbemError(f"the scenario {record['scenario_id']!r} has problems: "
                        f"{exc.problems[0]}") from None
    if scn.sha256 != record["scenario_sha256"]:
        raise PbemError(f"the scenario {record['scenario_id']!r} here is not the same file as "
                        "the other player's (its hash differs); both need the same version")
    return scn


def session_of(record: dict, scn=None):
    """The Session of a record: its last verified state, orders and news, with the
    record's player as the only person (the other player's sides are 'remote')."""
    from game.session.game import Session
    scn = scn or load_scenario_for(record)
    try:
        state = state_from_dict(record["state"], scn)
    except DecodeError as exc:
        raise PbemError(f"the record of game {record['game']} is damaged: {exc}") from None
    if not _hash_fits(record["state_hash"], state, record.get("version", 1)):
        raise PbemError(f"the record of game {record['game']} is damaged (its state does not "
                        "match its hash)")
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
        raise PbemError(f"cannot write {path}: {exc.strerror or exc}") from None
    record["seq"] = payload["seq"]
    record["head"] = turnfile.payload_hash(signed)
    return path


def status(record: dict, state=None) -> str:
    """One line: where the game stands for the record's player."""
    if state is None:
        state = state_from_dict(record["state"], load_scenario_for(record))
    if len(record["keys"]) < 2:
        other = next(n for n in record["players"].values() if n != record["me"])
        return f"waiting for {other} to join"
    if state.over:
        return "the war is over"
    who = player_to_play(record, state)
    if who == record["me"]:
        if not _may_start(record):
            return "waiting for the other player's dice"
        return "your turn"
    return f"waiting for {who}"


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
        raise PbemError("a game by e-mail has two players: give each side to one of two names")
    if me not in names:
        raise PbemError(f"{me} plays none of the sides ({', '.join(names)})")
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
        raise PbemError(f"{what}: the invitation is damaged (its players or keys)")
    if not _keys_ok(keys[creator]):
        raise PbemError(f"{what}: the invitation is damaged (the creator's keys)")
    try:
        crypto.verify(keys[creator]["sign"], signed)
    except PbemError:
        raise PbemError(f"{what}: the invitation is not signed by {creator}'s key") from None
    joiner = me or next(n for n in names if n != creator)
    if joiner == creator or joiner not in names:
        raise PbemError(f"{what}: {joiner} is not the invited player ({', '.join(names)})")
    if store.record_path(folder, payload["game"], joiner).exists():
        raise PbemError(f"{what}: {joiner} has already joined game {payload['game']}")
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
    message: str
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
            raise PbemError(f"{what}: the turn file is damaged (its payload)")
        mine = [n for g, n in store.games(folder) if g == game]
        if mine:
            raise PbemError(f"{what}: the invitation to game {game} was opened before here "
                            f"(by {', '.join(mine)})")
        return _join(folder, path, payload, signed, me, out)
    players = [n for g, n in store.games(folder) if g == game]
    if me is not None:
        players = [n for n in players if n == me]
    if not players:
        raise PbemError(f"{what}: game {game} is not a game of "
                        f"{me or 'any player'} in {folder}")
    name = players[0]
    ident = store.identity(folder, name)
    record = store.load_record(folder, ident, game)
    signed = turnfile.open_signed(env, ident, what)
    payload = turnfile.split_signed(signed, what)
    sender = payload.get("from")
    kind = payload.get("kind")
    if sender == name:
        raise PbemError(f"{what}: this is {name}'s own file (it goes to the other player)")
    if kind == "join":
        keys = payload.get("keys")
        keys = keys.get(sender) if isinstance(keys, dict) else None
        if sender in record["keys"] and payload.get("seq") == env["seq"] <= record["seq"]:
            raise PbemError(f"{what}: file {env['seq']} of game {game} was opened before (the "
                            f"game is at file {record['seq']}): a file cannot be played twice")
        if sender not in record["players"].values() or sender in record["keys"]:
            raise PbemError(f"{what}: {sender!r} is not the invited player of game {game}")
        if not _keys_ok(keys):
            raise PbemError(f"{what}: the join is damaged (its keys)")
        signer = keys["sign"]
    elif sender in record["keys"]:
        signer = record["keys"][sender]["sign"]
    else:
        raise PbemError(f"{what}: the sender {sender!r} is not a player of game {game}")
    try:
        crypto.verify(signer, signed)
    except PbemError:
        raise PbemError(f"{what}: the file is not signed by {sender}'s key (forged, or edited "
                        "after it was signed)") from None
    if payload.get("game") != game or payload.get("game") != record["game"]:
        raise PbemError(f"{what}: the file belongs to another game ({payload.get('game')!r}, "
                        f"not {record['game']})")
    seq = payload.get("seq")
    if type(seq) is not int or seq != env["seq"]:
        raise PbemError(f"{what}: the turn file is damaged (its number)")
    if seq <= record["seq"]:
        raise PbemError(f"{what}: file {seq} of game {game} was opened before (the game is at "
                        f"file {record['seq']}): a file cannot be played twice")
    if seq > record["seq"] + 1:
        raise PbemError(f"{what}: file {seq} of game {game} comes out of order: file "
                        f"{record['seq'] + 1} must be opened first")
    if payload.get("prev") != record["head"]:
        raise PbemError(f"{what}: the file does not follow the last one opened (the chain is "
                        "broken: another branch of the game, or a file from another copy)")
    new = dict(record)
    new["commits"], new["reveals"], new["keys"] = (dict(record["commits"]),
                                                   dict(record["reveals"]), dict(record["keys"]))
    written: list[Path] = []
    if kind == "join":
        if name != record["creator"]:
            raise PbemError(f"{what}: a join goes to the creator of the game")
        new["keys"][sender] = payload["keys"][sender]
        _take_reveal(new, sender, payload, what, fresh=True)
        message = (f"{sender} joined game {game}; fingerprint of {sender}'s key: "
                   f"{crypto.fingerprint(new['keys'][sender])}")
    elif kind == "start":
        _take_reveal(new, sender, payload, what)
        message = f"{sender} revealed the first dice secret"
    elif kind == "turn":
        message = _take_turn(new, sender, payload, what, env["version"])
    else:
        raise PbemError(f"{what}: unknown kind of file {kind!r}")
    new["seq"], new["head"] = seq, turnfile.payload_hash(signed)
    if out is not None:
        new["folder"] = str(out)
    if kind == "join":
        # the other player moves first: he needs my secret before his first turn
        state = state_from_dict(new["state"], load_scenario_for(new))
        if player_to_play(new, state) != name:
            written.append(_send_start(new, ident, out))
            message += f"; {sender} moves first: send {written[-1].name} to {sender}"
    store.save_record(folder, ident, new)
    state = state_from_dict(new["state"], load_scenario_for(new))
    return Opened(new, f"{message}. Game {game}: {status(new, state)}", written)


def _take_reveal(record: dict, sender: str, payload: dict, what: str, fresh: bool = False) -> None:
    reveal, commit = payload.get("reveal"), payload.get("commit")
    if not dice.is_secret(reveal) or not isinstance(commit, str) or len(commit) != 64:
        raise PbemError(f"{what}: the file's dice secret is damaged")
    if not fresh and dice.commitment(reveal) != record["commits"].get(sender):
        raise PbemError(f"{what}: the dice secret {sender} reveals is not the one he committed "
                        "to (changed dice)")
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
        raise PbemError(f"{what}: it is not {sender}'s turn")
    _take_reveal(record, sender, payload, what)
    want = dice.mix(record["game"], payload["seq"], record["reveals"])
    raw = payload.get("orders")
    if not isinstance(raw, list) or not raw:
        raise PbemError(f"{what}: the file has no orders")
    try:
        orders = [order_from_dict(o, f"orders[{i}]") for i, o in enumerate(raw)]
    except ValueError as exc:
        raise PbemError(f"{what}: an order of the file is damaged: {exc}") from None
    first = orders[0]
    if not isinstance(first, MixDice) or first.mix != want:
        raise PbemError(f"{what}: the turn's dice do not come from the revealed secrets "
                        "(changed dice)")
    if any(isinstance(o, MixDice) for o in orders[1:]):
        raise PbemError(f"{what}: the dice are mixed twice in one turn")
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
                raise PbemError(f"{what}: order {n} is not what the computer playing "
                                f"{st.factions[fid].name} gives")
        elif record["players"].get(fid) != sender:
            raise PbemError(f"{what}: order {n} is given for {fid}, which {sender} does not "
                            "play")
        if o.faction != fid:
            raise PbemError(f"{what}: order {n} is not for the side to play ({fid})")
        try:
            session.do(o)
        except Refused as exc:
            raise PbemError(f"{what}: order {n} breaks the rules: {exc.message}") from None
        session.undo_stack.clear()
    if not st.over and player_to_play(record, st) == sender:
        raise PbemError(f"{what}: the turn does not end with {sender}'s turn over")
    got = state_hash(st)
    if not _hash_fits(payload.get("state"), st, version):
        raise PbemError(f"{what}: replaying the orders gives another game (state {got}, the "
                        f"file says {payload.get('state')!r}): an order or the dice were edited")
    opens = payload.get("opens")
    if type(opens) is not int or opens < 1:
        raise PbemError(f"{what}: the file's count of openings is damaged")
    _news_of_opens(record, session, sender, opens)
    _store_session(record, session)
    record["opens"] = 0
    return f"{sender}'s turn replayed ({len(orders)} orders, state {got})"


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
        raise PbemError(f"game {game} is over")
    who = player_to_play(record, st)
    if who != name or len(record["keys"]) < 2:
        raise PbemError(f"game {game}: it is not {name}'s turn ({status(record, st)})")
    if not _may_start(record):
        raise PbemError(f"game {game}: the other player's dice secret has not come yet")
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
        raise PbemError("the turn is not over yet: end it first")
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
