"""For authors: reload the scenario file and replay the game's orders on it."""
import shutil

from game.ai import placeholder
from game.rules.state import clone
from game.scenario.load import load_scenario
from game.session.game import Session
from game.session.reload import reload_session
from tests.conftest import TEST_SCENARIO


def played(path, rounds=3):
    s, _ = Session.new(load_scenario(path), 5, {})
    while s.state.turn <= rounds and not s.state.over:
        for order, _ in placeholder.play_turn(clone(s.state)):
            s.do(order)
    return s


def copy_of_test_scenario(tmp_path):
    f = tmp_path / "test_scenario.yaml"
    shutil.copy(TEST_SCENARIO, f)
    return f


def test_an_unchanged_file_replays_to_the_same_hash(tmp_path):
    s = played(copy_of_test_scenario(tmp_path))
    assert len(s.orders) > 5
    r = reload_session(s)
    assert r.diverged_at is None and r.session is not None
    assert r.session.hash() == s.hash()
    assert r.message == f"Reloaded (2 warnings): {len(s.orders)} orders replayed"


def test_a_changed_file_says_at_which_order_the_replay_diverged(tmp_path):
    f = copy_of_test_scenario(tmp_path)
    s = played(f)
    text = f.read_text()
    moved = next(o for o in s.orders if getattr(o, "army", None)
                 and text.count(o.army) == 1)
    n = s.orders.index(moved) + 1
    f.write_text("\n".join(line for line in text.splitlines()
                           if f"id: {moved.army}," not in line) + "\n")
    r = reload_session(s)
    assert r.diverged_at is not None and r.diverged_at <= n
    assert f"the replay diverged at order {r.diverged_at} of {len(s.orders)}" in r.message
    assert len(r.session.orders) == r.diverged_at - 1


def test_a_broken_file_is_reported_and_the_game_kept(tmp_path):
    f = copy_of_test_scenario(tmp_path)
    s = played(f, 1)
    f.write_text(f.read_text().replace("men: ", "men: lots", 1))
    r = reload_session(s)
    assert r.session is None and r.problems
    assert r.message.startswith("The scenario does not load: ") and "men" in r.message


def test_the_reloaded_game_keeps_its_id(tmp_path):
    s = played(copy_of_test_scenario(tmp_path), 1)
    assert reload_session(s).session.game_id == s.game_id
