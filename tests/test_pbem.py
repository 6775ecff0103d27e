"""Play by e-mail: two players in two data folders pass turn files through a third."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("nacl")

from game.cli import main as cli_main                    # noqa: E402
from game.pbem import chain, crypto, dice, store, turnfile, watch  # noqa: E402
from game.pbem.errors import PbemError                     # noqa: E402
from game.rules import engine                              # noqa: E402
from game.rules.orders import MixDice, order_from_dict     # noqa: E402
from game.rules.state import format1_hash, state_from_dict, state_hash  # noqa: E402
from game.scenario.load import find_scenario, load_scenario  # noqa: E402

SCN = "road_to_ctesiphon"


def _folders(tmp_path):
    a, b, s = tmp_path / "alice" / "pbem", tmp_path / "bob" / "pbem", tmp_path / "shared"
    s.mkdir()
    return a, b, s


def test_sides_are_said_in_the_seat_words_and_the_older_names_still_read():
    from game.pbem.cli import pbem_sides
    factions = {"byzantium": None, "sassanids": None, "avars": None}
    new = pbem_sides(["byzantium=human:alice", "sassanids=human:bob", "avars=computer:hard"],
                     factions)
    old = pbem_sides(["byzantium=alice", "sassanids=bob", "avars=computer:hard"], factions)
    assert new == old == ({"byzantium": "alice", "sassanids": "bob"}, {"avars": "hard"})
    assert pbem_sides(["byzantium=human:alice"], factions)[1] == {"sassanids": "normal",
                                                                  "avars": "normal"}
    for bad, why in (("byzantium=human", "human:NAME"), ("byzantium=placeholder", "human:NAME"),
                     ("rome=human:alice", "no faction"), ("avars=computer:godlike", "say human"),
                     ("byzantium", "FACTION=WHO")):
        with pytest.raises(ValueError, match=why):
            pbem_sides([bad], factions)


def _start(tmp_path, seed=5):
    """A game made by alice, joined by bob, the join opened by alice: (a, b, shared, game)."""
    a, b, s = _folders(tmp_path)
    assert cli_main(["pbem", "new", SCN, "--side", "byzantium=human:alice", "--side",
                     "sassanids=human:bob", "--seed", str(seed), "--folder", str(s), "--data", str(a.parent)]) == 0
    (invite,) = s.glob("*-0000-alice.lgwturn")
    game = invite.name.split("-0000-")[0]
    assert cli_main(["pbem", "open", str(invite), "--data", str(b.parent)]) == 0
    (join,) = s.glob("*-0001-bob.lgwturn")
    assert cli_main(["pbem", "open", str(join), "--data", str(a.parent)]) == 0
    return a, b, s, game


def _record(folder, name, game):
    return store.load_record(folder, store.identity(folder, name), game)


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(folder, path, name, why):
    before = _snapshot(folder)
    with pytest.raises(PbemError, match=why):
        chain.open_file(folder, path, name)
    assert _snapshot(folder) == before        # nothing changed


def _forge(src: Path, dst: Path, ident: dict, record: dict, edit, signer=None) -> Path:
    """A copy of a turn file with its payload edited by `edit` and signed again by `ident`
    (a player's own client gone bad), or by `signer` (someone else's key)."""
    env = turnfile.parse_envelope(src.read_bytes(), str(src))
    signed = turnfile.open_signed(env, ident, str(src))
    payload = json.loads(signed[64:])
    edit(payload)
    data, _ = turnfile.encode(payload, signer or ident, {n: k["box"] for n, k in record["keys"].items()})
    dst.write_bytes(data)
    return dst


@pytest.mark.slow
def test_a_whole_war_by_files_ends_as_the_same_orders_in_one_process(tmp_path):
    a, b, s, game = _start(tmp_path)
    for _ in range(200):
        for folder in (a, b):
            watch.step(folder, s, computer="normal")
        if watch.games_over(a) and watch.games_over(b):
            break
    ra, rb = _record(a, "alice", game), _record(b, "bob", game)
    assert ra["state"]["over"] and rb["state"]["over"]
    assert ra["state_hash"] == rb["state_hash"]
    assert ra["orders"] == rb["orders"]
    orders = [order_from_dict(o) for o in ra["orders"]]
    assert sum(isinstance(o, MixDice) for o in orders) >= 10        # one per turn file
    scn = load_scenario(find_scenario(SCN))
    state, _ = engine.new_game(scn, ra["seed"])
    for o in orders:
        engine.apply(state, o)
    assert state_hash(state) == ra["state_hash"]
    # the same orders without the mixes make another war: the secrets count
    plain, _ = engine.new_game(scn, ra["seed"])
    for o in orders:
        if not isinstance(o, MixDice):
            if not engine.is_legal(plain, o):
                break
            engine.apply(plain, o)
    assert state_hash(plain) != ra["state_hash"]


def test_a_turn_by_files_replays_and_each_side_sees_its_news(tmp_path):
    a, b, s, game = _start(tmp_path)
    assert chain.status(_record(a, "alice", game)) == "your turn"
    assert chain.status(_record(b, "bob", game)) == "waiting for alice"
    watch.step(a, s, computer="normal")                 # alice plays, writes file 2
    said = watch.step(b, s)                             # bob opens it
    assert any("alice's turn replayed" in str(x) for x in said)
    ra, rb = _record(a, "alice", game), _record(b, "bob", game)
    assert ra["state_hash"] == rb["state_hash"] and ra["seq"] == rb["seq"] == 2
    news = [e["text"] for e in rb["news"]["sassanids"]]
    assert "Byzantium opened this turn 1 time" in news
    assert "byzantium" not in rb["news"] and "sassanids" not in ra["news"]


def test_files_and_records_hide_the_other_sides_positions(tmp_path):
    a, b, s, game = _start(tmp_path)
    for _ in range(2):
        watch.step(a, s, computer="normal")
        watch.step(b, s, computer="normal")
    state = _record(a, "alice", game)["state"]
    secrets_ = set()
    for aid, army in state["armies"].items():
        q, r = army["hex"]
        secrets_ |= {aid.encode(), f"[{q},{r}]".encode(), f'"hex":[{q},{r}]'.encode()}
    assert secrets_
    files = sorted(s.glob("*.lgwturn"))[1:] + [*a.rglob("*.game"), *b.rglob("*.game")]
    assert len(files) >= 7
    for p in files:                     # the invitation (file 0) holds only the opening
        raw = p.read_bytes()
        assert not any(x in raw for x in secrets_), p


def test_refusals_leave_the_record_as_it_was(tmp_path):
    a, b, s, game = _start(tmp_path)
    watch.step(a, s, computer="normal")
    (turn,) = s.glob("*-0002-alice.lgwturn")
    ident_a = store.identity(a, "alice")
    rec_a = _record(a, "alice", game)
    bad = tmp_path / "bad"
    bad.mkdir()

    # a flipped byte in the locked payload
    raw = bytearray(turn.read_bytes())
    doc = json.loads(raw)
    box = bytearray(crypto.unb64(doc["box"], "x"))
    box[len(box) // 2] ^= 1
    doc["box"] = crypto.b64(bytes(box))
    flipped = bad / turn.name
    flipped.write_text(json.dumps(doc))
    _refused(b, flipped, "bob", "changed or damaged")

    # a byte flipped anywhere in the file
    for k in (10, len(raw) // 3, len(raw) - 40):
        raw2 = bytearray(raw)
        raw2[k] ^= 0x04
        (bad / "x.lgwturn").write_bytes(bytes(raw2))
        before = _snapshot(b)
        with pytest.raises(PbemError):
            chain.open_file(b, bad / "x.lgwturn", "bob")
        assert _snapshot(b) == before

    # an edited order (signed again by the sender's own keys: his client gone bad)
    def edit_order(p):
        for o in p["orders"]:
            if o["kind"] == "move":
                o["path"] = o["path"][:-1] or o["path"]
                break
        else:
            p["orders"].insert(1, p["orders"][-1])
    _refused(b, _forge(turn, bad / "edited.lgwturn", ident_a, rec_a, edit_order), "bob",
             "order|another game|breaks the rules|not over")

    # a changed dice reveal, with the mix made to fit it
    def edit_dice(p):
        p["reveal"] = dice.new_secret()
    _refused(b, _forge(turn, bad / "dice.lgwturn", ident_a, rec_a, edit_dice), "bob",
             "not the one he committed to")

    # signed by the wrong key (someone else's, sealed to bob)
    mallory = crypto.new_identity("alice")
    _refused(b, _forge(turn, bad / "forged.lgwturn", ident_a, rec_a, lambda p: None,
                       mallory), "bob",
             "not signed by alice's key")

    # out of order: file 3 before file 2
    _refused(b, _forge(turn, bad / "later.lgwturn", ident_a, rec_a,
                       lambda p: p.update(seq=3)), "bob", "the turn file is damaged|out of order")

    # the good file opens; then the same file again is refused (replayed)
    chain.open_file(b, turn, "bob")
    _refused(b, turn, "bob", "opened before")


def test_a_file_of_another_game_is_refused(tmp_path):
    a, b, s, game = _start(tmp_path)
    # a second game between the same two players
    s2 = tmp_path / "shared2"
    s2.mkdir()
    scn = load_scenario(find_scenario(SCN))
    rec2, invite = chain.new_game(a, scn, 9, {"byzantium": "alice", "sassanids": "bob"},
                                  {"turks": "normal"}, "alice", s2)
    chain.open_file(b, invite, "bob")
    (join2,) = s2.glob("*-0001-bob.lgwturn")
    chain.open_file(a, join2, "alice")
    turn2 = chain.play_computer(a, "alice", rec2["game"], "normal", s2)
    doc = json.loads(turn2.read_bytes())
    doc["game"] = game                       # passed off as a file of the first game
    other = tmp_path / "other.lgwturn"
    other.write_text(json.dumps(doc))
    _refused(b, other, "bob", "belongs to another game")


def test_the_orders_of_the_dice_are_fixed_by_the_secrets(tmp_path):
    game, seq = "road_to_ctesiphon-abcdef", 4
    r = {"alice": dice.new_secret(), "bob": dice.new_secret()}
    m = dice.mix(game, seq, r)
    assert m == dice.mix(game, seq, dict(reversed(list(r.items()))))
    assert m != dice.mix(game, seq, {**r, "bob": dice.new_secret()})
    assert dice.commitment(r["alice"]) != dice.commitment(r["bob"])


def test_a_turn_counts_how_often_it_was_opened(tmp_path):
    a, b, s, game = _start(tmp_path)
    chain.begin_turn(a, "alice", game)           # opened and left: a retry
    chain.begin_turn(a, "alice", game)
    watch.step(a, s, computer="normal")          # the third opening sends it
    said = watch.step(b, s)
    assert said
    news = [e["text"] for e in _record(b, "bob", game)["news"]["sassanids"]]
    assert "Byzantium opened this turn 3 times" in news


def _as_version(path: Path, version: int) -> Path:
    doc = json.loads(path.read_bytes())
    doc["version"] = version
    path.write_text(json.dumps(doc))
    return path


def test_games_begun_before_save_format_2_open_their_old_records_and_files(tmp_path):
    """Turn files of version 1 and records without a version stated the state hash with
    the static fields (as saves of format 1): they open; a version 2 file must state the
    new hash; a file of a later version is refused by name."""
    a, b, s, game = _start(tmp_path)
    scn = load_scenario(find_scenario(SCN))
    ident_a, ident_b = store.identity(a, "alice"), store.identity(b, "bob")
    rec_b = _record(b, "bob", game)
    old_rec = {k: v for k, v in rec_b.items() if k != "version"}
    old_rec["state_hash"] = format1_hash(state_from_dict(rec_b["state"], scn))
    assert old_rec["state_hash"] != rec_b["state_hash"]
    store.save_record(b, ident_b, old_rec)            # bob's record as the old game left it
    watch.step(a, s, computer="normal")
    (turn,) = s.glob("*-0002-alice.lgwturn")
    rec_a = _record(a, "alice", game)
    old_hash = format1_hash(state_from_dict(rec_a["state"], scn))
    bad = tmp_path / "bad"
    bad.mkdir()

    def stating_old_hash(p):
        p["state"] = old_hash
    _refused(b, _forge(turn, bad / "v2old.lgwturn", ident_a, rec_a, stating_old_hash), "bob",
             "another game")
    _refused(b, _as_version(_forge(turn, bad / "v3.lgwturn", ident_a, rec_a, lambda p: None), 3),
             "bob", r"v3.lgwturn: a turn file of another version \(3\).*update the game")
    old_file = _as_version(_forge(turn, bad / turn.name, ident_a, rec_a, stating_old_hash), 1)
    chain.open_file(b, old_file, "bob")
    rec_b = _record(b, "bob", game)
    assert rec_b["version"] == chain.RECORD_VERSION and rec_b["state_hash"] == rec_a["state_hash"]


def test_a_turn_cannot_be_played_out_of_turn_or_before_join(tmp_path):
    a, b, s = _folders(tmp_path)
    scn = load_scenario(find_scenario(SCN))
    rec, invite = chain.new_game(a, scn, 3, {"byzantium": "alice", "sassanids": "bob"},
                                 {"turks": "normal"}, "alice", s)
    with pytest.raises(PbemError, match="not alice's turn"):
        chain.begin_turn(a, "alice", rec["game"])
    chain.open_file(b, invite, "bob")
    with pytest.raises(PbemError, match="not bob's turn"):
        chain.begin_turn(b, "bob", rec["game"])
    with pytest.raises(PbemError, match="opened before"):
        chain.open_file(b, invite, "bob")


def test_the_second_player_moving_first_waits_for_the_creators_secret(tmp_path):
    a, b, s = _folders(tmp_path)
    scn = load_scenario(find_scenario(SCN))
    rec, invite = chain.new_game(a, scn, 3, {"byzantium": "bob", "sassanids": "alice"},
                                 {"turks": "normal"}, "alice", s)
    chain.open_file(b, invite, "bob")
    game = rec["game"]
    assert chain.status(_record(b, "bob", game)) == "waiting for the other player's dice"
    (join,) = s.glob("*-0001-bob.lgwturn")
    opened = chain.open_file(a, join, "alice")
    assert [p.name for p in opened.written] == [f"{game}-0002-alice.lgwturn"]
    chain.open_file(b, opened.written[0], "bob")
    assert chain.status(_record(b, "bob", game)) == "your turn"
    watch.step(b, s, computer="normal")
    watch.step(a, s)
    assert _record(a, "alice", game)["state_hash"] == _record(b, "bob", game)["state_hash"]


def test_keys_stay_home(tmp_path):
    a, b, s, game = _start(tmp_path)
    watch.step(a, s, computer="normal")
    for name, folder in (("alice", a), ("bob", b)):
        ident = store.identity(folder, name)
        for p in s.glob("*.lgwturn"):
            raw = p.read_bytes()
            assert ident["sign"].encode() not in raw and ident["box"].encode() not in raw


def test_without_pynacl_a_clear_message(monkeypatch, tmp_path, capsys):
    import builtins
    real = builtins.__import__

    def no_nacl(name, *args, **kw):
        if name == "nacl" or name.startswith("nacl."):
            raise ImportError(name)
        return real(name, *args, **kw)
    monkeypatch.setattr(builtins, "__import__", no_nacl)
    assert cli_main(["pbem", "new", SCN, "--side", "byzantium=alice", "--side",
                     "sassanids=bob", "--data", str(tmp_path)]) == 1
    assert "needs PyNaCl" in capsys.readouterr().err
