"""Fair hot-seat (issue 19): nothing learned by undo, reload, the news or the charts.

One test (or a pair) per point of the issue; the first point, undo closing on new
ground, is in tests/test_fog.py beside the other undo rules.
"""
import json

import pytest

from game.events import dice
from game.events.effects import Fire, spawn_army
from game.ai.levels import LEVELS_BY_NAME
from game.ai.knowledge import gather
from game.ai.minor import profile
from game.rules import changes as C
from game.rules import engine, supply, vision
from game.rules.orders import Attack, Choose, EndTurn, Move
from game.rules.state import Army, clone
from game.scenario.load import load_scenario
from game.session import password
from game.session import save
from game.session.game import Session
from game.session.view import events_for, observe
from game.ui.describe import summary_lines
from tests.conftest import DATA
from tests.helpers import cell

FOG = DATA / "fog_scenario.yaml"
BOTH = {"byzantium": "human", "sassanids": "human"}


@pytest.fixture
def fsession(fscn):
    s, _ = Session.new(fscn, seed=1, sides=dict(BOTH))
    return s


def put(state, aid, faction, where, men=5000, moves=0):
    state.armies[aid] = Army(aid, aid, faction, where, men, moves=moves)
    state.armies[aid].may_strike = moves > 0       # as at the start of its side's turn
    vision.refresh(state)
    return state.armies[aid]


# --- 2. reloads are announced; a battle's dice do not hang on what came before ------

def test_a_reload_in_hot_seat_is_told_to_every_other_player(tmp_path, fsession):
    fsession.do(Move("byzantium", "byz_a", (cell(2, 3),)))
    path = tmp_path / "quick.json"
    fsession.save(path)
    back = Session.load(path)
    back.announce_reload()
    (told,) = [e for e in back.news_for("sassanids") if e.kind == "reloaded"]
    assert told.text == "Byzantium reloaded to a point within its turn, Spring 603"
    assert not [e for e in back.news_for("byzantium") if e.kind == "reloaded"]
    assert ("The war", told.text) in summary_lines([told], "sassanids")   # its summary too
    back.save(path)                                   # the news is kept in the save
    again = Session.load(path)
    assert [e.text for e in again.news_for("sassanids") if e.kind == "reloaded"] == [told.text]
    # a save made before any order of the turn (the gate's autosave) says so
    fresh, _ = Session.new(fsession.state.scenario, seed=1, sides=dict(BOTH))
    fresh.save(path)
    back = Session.load(path)
    assert "to the start of its turn, Spring 603" in back.announce_reload().text
    # one person at the table: nobody to tell
    alone, _ = Session.new(fsession.state.scenario, seed=1,
                           sides={"byzantium": "human", "sassanids": "computer:normal"})
    alone.save(path)
    back = Session.load(path)
    assert back.announce_reload() is None and back.news_for("sassanids") == []


def test_a_battles_dice_do_not_hang_on_what_was_done_before_it_in_the_turn(fscn):
    st, _ = engine.new_game(fscn, seed=1)
    del st.armies["per_a"]
    put(st, "per_x", "sassanids", cell(4, 3))            # next to byz_a
    put(st, "byz_b", "byzantium", cell(10, 5), 6000, moves=10)
    put(st, "per_y", "sassanids", cell(11, 5), 6000)
    plain = clone(st)
    engine.apply(plain, Attack("byzantium", "byz_b", cell(11, 5)))
    engine.apply(st, Attack("byzantium", "byz_a", cell(4, 3)))   # another battle first
    engine.apply(st, Attack("byzantium", "byz_b", cell(11, 5)))

    def outcome(s):
        return [(a.id, a.men, a.hex) for a in sorted(s.armies.values(), key=lambda a: a.id)
                if a.id in ("byz_b", "per_y")]
    assert outcome(st) == outcome(plain)


# --- 3. a side is not told it was spotted by an army it cannot see -------------------

def test_a_sighting_is_news_only_to_the_side_that_made_it(fsession):
    put(fsession.state, "per_b", "sassanids", cell(7, 3))
    events = fsession.do(Move("byzantium", "byz_a", (cell(4, 3), cell(5, 3))))
    assert [e.data.army for e in events if e.kind == "spotted"] == ["per_b"]
    assert vision.sees(fsession.state, "sassanids", cell(7, 3))     # its own hex
    assert not [e for e in fsession.news_for("sassanids") if e.kind == "spotted"]
    fsession.do(EndTurn("byzantium"))
    assert not [e for e in fsession.news_for("sassanids") if e.kind == "spotted"]


# --- 4. another's choice is known only by its consequences ---------------------------

def test_the_option_another_side_chose_is_not_told(fog_scn):
    st, _ = engine.new_game(fog_scn, seed=7)
    s = Session(st, sides={"byzantium": "human", "sassanids": "human",
                           "avars": "computer:normal"})
    while not st.pending:
        s.do(EndTurn(st.active_faction))
        st = s.state
    assert st.pending[0].faction == "byzantium"
    s.do(Choose("byzantium", "evt_test_tribute", "pay"))
    s.do(EndTurn("byzantium"))
    persian = s.news_for("sassanids")
    assert not [e for e in persian if e.kind == "chosen"]
    assert not [e for e in persian if "Pay the tribute" in e.text]
    (theirs,) = [e for e in observe(s.state, "sassanids").log if e.event == "evt_test_tribute"]
    (mine,) = [e for e in observe(s.state, "byzantium").log if e.event == "evt_test_tribute"]
    assert theirs.choice is None and mine.choice == "pay"


# --- 5. scripted notes name only what the reader can see ---------------------------

def test_an_army_appearing_out_of_sight_is_not_announced(fscn):
    st, _ = engine.new_game(fscn, seed=1)
    westhold = cell(1, 3)
    assert not vision.sees(st, "sassanids", westhold)
    events = spawn_army(st, Fire("e", ("byzantium", "sassanids")), "byzantium", westhold, 8000)
    vision.refresh(st)
    assert "appears at Westhold" in events[0].text
    assert events_for(events, st, "sassanids") == []
    assert events_for(events, st, "byzantium") == events
    # near a Persian city it sees, Persia is told
    near = spawn_army(st, Fire("e", ("byzantium", "sassanids")), "byzantium", cell(13, 3), 800)
    vision.refresh(st)
    assert events_for(near, st, "sassanids") == near


def test_an_authors_message_about_a_place_goes_only_to_those_who_see_it(fscn):
    from game.events.effects import message
    st, _ = engine.new_game(fscn, seed=1)
    westhold = cell(1, 3)
    assert not vision.sees(st, "sassanids", westhold)
    assert vision.sees(st, "byzantium", westhold)
    told = Fire("e", ("byzantium", "sassanids"))
    text = "Eight thousand men camp by Westhold."
    at = message(st, told, text, at=westhold)
    assert [e.text for e in events_for(at, st, "byzantium")] == [text]
    assert events_for(at, st, "sassanids") == []
    # a side it concerns is told wherever it is
    about = message(st, told, text, at=westhold, about=["sassanids"])
    assert [e.text for e in events_for(about, st, "sassanids")] == [text]
    # `to` names exactly who is told; with neither, every side the event tells
    only = message(st, told, text, to=["sassanids"])
    assert events_for(only, st, "byzantium") == [] and events_for(only, st, "sassanids")
    both = message(st, told, text)
    assert events_for(both, st, "byzantium") and events_for(both, st, "sassanids")


def test_a_message_with_to_and_at_is_a_located_problem(tmp_path):
    from game.scenario.yamlsrc import InputError
    text = FOG.read_text()
    assert "events:" not in text
    f = tmp_path / "msg.yaml"
    f.write_text(text + "events:\n  - id: evt_x\n    title: X\n    when: {turn: {min: 2}}\n"
                 "    effects:\n      - message: {text: Hi, to: [byzantium], at: '1,3'}\n")
    with pytest.raises(InputError) as info:
        load_scenario(f)
    last = len(f.read_text().splitlines())
    assert any("`to` names exactly who is told" in p.message and p.line == last
               and p.key.endswith("effects[0].message") for p in info.value.problems)


# --- 6. the save's description is sealed; passwords follow current advice -----------

def test_editing_who_plays_or_the_passwords_breaks_the_seal(tmp_path, fsession):
    fsession.passwords = {"sassanids": password.hash_password("ctesiphon")}
    path = tmp_path / "hot.json"
    fsession.save(path)
    for edit in (lambda d: d["meta"]["sides"].update(byzantium="computer:normal"),
                 lambda d: d["meta"]["extra"].pop("passwords"),
                 lambda d: d.update(state_hash="0" * 16)):
        doc = json.loads(path.read_text())
        edit(doc)
        bad = tmp_path / "edited.json"
        bad.write_text(json.dumps(doc))
        with pytest.raises(save.SaveError, match="changed outside the game|checksum"):
            Session.load(bad)
    # a save from before seals (none in the file) still loads, and is sealed when saved
    doc = json.loads(path.read_text())
    del doc["seal"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc))
    back = Session.load(old)
    assert back.unsealed and "without a seal" in back.announce_reload().text
    back.save(old)
    assert "seal" in json.loads(old.read_text()) and not Session.load(old).unsealed


def test_passwords_use_the_advised_rounds_and_old_hashes_are_strengthened():
    assert password.ADVISED_ROUNDS >= 600_000           # OWASP, PBKDF2-HMAC-SHA256
    old = password.hash_password("tigris", rounds=password.ROUNDS // 10)   # an older save's
    assert password.check_password(old, "tigris")
    assert password.upgrade(old, "wrong") is None
    new = password.upgrade(old, "tigris")
    assert int(new.split("$")[1]) == password.ROUNDS and password.check_password(new, "tigris")
    assert password.upgrade(new, "tigris") is None


# --- 7. charts: an ally's figures only from the round it became one ------------------

def test_a_new_allys_figures_appear_from_the_alliance_on(fscn):
    st, _ = engine.new_game(fscn, seed=1)

    def end_round():
        turn = st.turn
        while st.turn == turn:
            engine.apply(st, EndTurn(st.active_faction))
    end_round()
    C.set_relation(st, "byzantium", "ghassanids", "alliance")
    end_round()
    rows = observe(st, "byzantium").history
    assert "ghassanids" not in rows[0].men and "ghassanids" not in rows[0].treasury
    assert "ghassanids" in rows[1].men and "ghassanids" in rows[1].treasury


def test_another_sides_line_appears_from_the_round_it_became_visible(fscn):
    st, _ = engine.new_game(fscn, seed=1)

    def end_round():
        turn = st.turn
        while st.turn == turn:
            engine.apply(st, EndTurn(st.active_faction))
    # the Armenians hold no city, and their army is out of Byzantium's sight
    home = st.armies["arm_a"].hex
    assert not vision.sees(st, "byzantium", home)
    end_round()
    assert "armenians" not in observe(st, "byzantium").history[0].cities
    # seen at the end of the next round: their line starts there, and stays once known
    st.armies["arm_a"].hex = cell(4, 3)
    vision.refresh(st)
    end_round()
    st.armies["arm_a"].hex = home
    vision.refresh(st)
    end_round()
    assert not vision.sees(st, "byzantium", home)
    rows = observe(st, "byzantium").history
    assert [("armenians" in r.cities) for r in rows] == [False, True, True]
    assert "armenians" in observe(st, None).history[0].cities     # the truth has every line


# --- 8. the supply forecast uses what the side knows --------------------------------

def test_a_hidden_army_across_a_supply_line_is_not_in_the_forecast(fscn):
    st, _ = engine.new_game(fscn, seed=1)
    del st.armies["byz_a"]                  # only Westhold looks out
    vision.refresh(st)
    far = cell(6, 3)
    truth = supply.supplied_hexes(st, "byzantium")
    hm = st.scenario.map
    assert hm.index(far) in truth
    # an unseen Persian wall of armies across the plain, between Westhold and the hex
    for row in range(7):
        put(st, f"per_w{row}", "sassanids", cell(4, row))
    assert not any(vision.sees(st, "byzantium", cell(4, r)) for r in range(7))
    assert hm.index(far) not in supply.supplied_hexes(st, "byzantium")   # the truth
    assert hm.index(far) in supply.known(st, "byzantium")                 # the forecast
    k = gather(st, "byzantium", LEVELS_BY_NAME["normal"], profile(st.scenario, "byzantium"))
    assert k.supplied(far)                  # the computer plans by the forecast too


# --- 9. an event out of the mover's knowledge does not close its undo ---------------

SECRET = """
events:
  - id: evt_secret_muster
    title: A secret muster
    text: The levies gather at Midtown.
    to: [sassanids]
    check: order
    when: {all: [{army_near: {faction: sassanids, place: midtown, within: 1}}, {chance: 50}]}
    effects:
      - set_flag: muster
"""


def test_an_event_the_mover_is_not_told_of_leaves_undo_open(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text(FOG.read_text(encoding="utf-8") + SECRET, encoding="utf-8")
    scn = load_scenario(path)
    s, _ = Session.new(scn, seed=1, sides=dict(BOTH))
    put(s.state, "per_m", "sassanids", cell(9, 6))           # at Midtown, far out of sight
    h0 = s.hash()
    with dice.forced({"evt_secret_muster": True}):
        s.do(Move("byzantium", "byz_a", (cell(2, 3),)))     # shows Rome no new hex
        assert s.state.fired.get("evt_secret_muster") == 1
        assert s.can_undo()             # undo says nothing of an event Rome was not told of
        assert s.undo() and s.hash() == h0
        s.do(Move("byzantium", "byz_a", (cell(2, 3),)))     # done again: the same dice
        assert s.state.fired.get("evt_secret_muster") == 1
    assert [e.kind for e in s.news_for("sassanids") if e.kind == "fired"] == ["fired"]


def test_a_side_with_a_password_is_behind_the_gate_whoever_plays_the_others():
    from game.session import seats
    one = {"byzantium": "human", "sassanids": "computer:normal"}
    assert not seats.hotseat(one)
    assert seats.hotseat(one, {"byzantium": password.hash_password("x")})
    assert not seats.hotseat(one, {"sassanids": password.hash_password("x")})   # not a person
