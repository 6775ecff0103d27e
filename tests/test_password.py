"""Hot-seat passwords: salted hashes, kept in the save with the sides, checked at load."""
import json

import pytest

from game.session.game import Session
from game.session.password import check_password, hash_password, is_hash
from game.session.save import SaveError, seal


def test_a_password_is_kept_as_a_salted_hash():
    a, b = hash_password("tigris"), hash_password("tigris")
    assert a != b                                   # a new salt each time
    assert "tigris" not in a and is_hash(a)
    assert check_password(a, "tigris") and check_password(b, "tigris")
    assert not check_password(a, "Tigris") and not check_password(a, "")
    assert not check_password("plain text", "plain text")


def test_sides_passwords_and_the_turn_survive_a_save(tmp_path, scn):
    s, _ = Session.new(scn, seed=5)
    s.sides = {"byzantium": "human", "sassanids": "human", "avars": "computer:easy"}
    s.passwords = {"sassanids": hash_password("ctesiphon-falls")}
    path = tmp_path / "hot.json"
    s.save(path, "hot", {"ui": {"news_shown": False}})
    assert "ctesiphon-falls" not in path.read_text()
    back = Session.load(path)
    assert back.sides == s.sides and back.passwords == s.passwords
    assert back.state.active_faction == s.state.active_faction
    assert check_password(back.passwords["sassanids"], "ctesiphon-falls")


@pytest.mark.parametrize("damage", [
    {"sassanids": "not a hash"}, {"rome": None}, ["sassanids"],
])
def test_damaged_passwords_are_refused(tmp_path, scn, damage):
    s, _ = Session.new(scn, seed=5)
    s.passwords = {"sassanids": hash_password("x")}
    path = tmp_path / "hot.json"
    s.save(path)
    doc = json.loads(path.read_text())
    doc["meta"]["extra"]["passwords"] = damage
    doc["seal"] = seal(doc)      # sealed as if written so: the check behind the seal is tested
    path.write_text(json.dumps(doc))
    with pytest.raises(SaveError, match="passwords are damaged"):
        Session.load(path)
