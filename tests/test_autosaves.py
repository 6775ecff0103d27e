"""Autosaves in rotation, one game's never over another's (game/session/autosaves.py)."""
from __future__ import annotations

import json

import pytest

from game.session import autosaves
from game.session import save
from game.session.game import Session
from tests.conftest import TEST_SCENARIO


def test_rotation_keeps_the_last_three_of_that_game_only(tmp_path):
    mine, other = "test_small-abc123", "test_small-fff000"
    for turn in range(1, 6):
        for i in (0, 2):
            autosaves.autosave_path(tmp_path, mine, turn, i).write_text("{}")
    autosaves.autosave_path(tmp_path, other, 1, 0).write_text("{}")
    (tmp_path / "quicksave.json").write_text("{}")
    (tmp_path / "autosave_test_small-abc123_t0001_0.json.bak").write_text("{}")
    gone = autosaves.rotate(tmp_path, mine)
    assert [p.name for p in autosaves.autosaves_of(tmp_path, mine)] == [
        "autosave_test_small-abc123_t0004_2.json", "autosave_test_small-abc123_t0005_0.json",
        "autosave_test_small-abc123_t0005_2.json"]
    assert len(gone) == 8                                   # 7 autosaves and one backup
    assert autosaves.autosaves_of(tmp_path, other) and (tmp_path / "quicksave.json").exists()


def test_turns_past_a_hundred_sort_after_the_earlier_ones(tmp_path):
    gid = "full_war-123abc"
    for turn in (9, 99, 100, 101):
        autosaves.autosave_path(tmp_path, gid, turn, 0).write_text("{}")
    autosaves.rotate(tmp_path, gid)
    assert [p.name[-12:] for p in autosaves.autosaves_of(tmp_path, gid)] == [
        "t0099_0.json", "t0100_0.json", "t0101_0.json"]


def test_each_new_game_has_its_own_id(scn):
    a, _ = Session.new(scn, 1)
    b, _ = Session.new(scn, 1)
    assert autosaves.is_game_id(a.game_id) and a.game_id != b.game_id
    assert a.game_id.startswith("test_small-")


def _beside(tmp_path):
    (tmp_path / TEST_SCENARIO.name).write_bytes(TEST_SCENARIO.read_bytes())


def test_the_game_id_is_saved_and_loaded(tmp_path, scn):
    _beside(tmp_path)
    s, _ = Session.new(scn, 1)
    s.save(tmp_path / "g.json")
    assert Session.load(tmp_path / "g.json").game_id == s.game_id
    doc = json.loads((tmp_path / "g.json").read_text())
    del doc["meta"]["extra"]["game_id"]                     # a save from before game ids
    doc["seal"] = save.seal(doc)       # resealed, as the game of then would have written it
    (tmp_path / "old.json").write_text(json.dumps(doc))
    old = Session.load(tmp_path / "old.json")
    assert autosaves.is_game_id(old.game_id) and old.game_id != s.game_id


@pytest.mark.parametrize("bad", [7, "../../etc/passwd", "x" * 200, "Has Spaces-abcdef"])
def test_a_damaged_game_id_is_refused(tmp_path, scn, bad):
    _beside(tmp_path)
    s, _ = Session.new(scn, 1)
    s.save(tmp_path / "g.json")
    doc = json.loads((tmp_path / "g.json").read_text())
    doc["meta"]["extra"]["game_id"] = bad
    doc["seal"] = save.seal(doc)       # resealed: the check behind the seal is tested
    (tmp_path / "g.json").write_text(json.dumps(doc))
    with pytest.raises(save.SaveError, match="game id is damaged"):
        Session.load(tmp_path / "g.json")
