"""Fog of war: sight, memory, what each side is shown, honest orders, undo, news, saves."""
import json
import random

import numpy as np
import pytest

from game import terrain as T
from game.ai import placeholder
from game.hexgrid import Hex, hex_distance, hex_neighbor
from game.rules import changes as C
from game.rules import engine, vision
from game.rules import movement as M
from game.rules.event_data import Fired, Moved, Option
from game.rules.orders import Attack, EndTurn, Move, Refused
from game.rules.report import Event
from game.rules.state import Army, Relation, clone, relation_key, state_hash
from game.scenario.load import load_scenario
from game.session import save
from game.session.game import Session, replay
from game.session.view import events_for, observe
from tests.helpers import cell


def put(state, aid, faction, where, men=5000):
    """Place an army (new or existing) and bring every side's memory up to date."""
    state.armies[aid] = Army(aid, aid, faction, where, men, moves=0)
    vision.refresh(state)
    return state.armies[aid]


def path_east(col0, col1, row=3):
    return tuple(cell(c, row) for c in range(col0, col1 + 1))


# --- sight ---------------------------------------------------------------------------

def brute_visible(state, side):
    """Sight by the rule's words, hex by hex (the numpy version must agree)."""
    hm = state.scenario.map
    pen = state.scenario.rules["sight_cover_penalty"]
    fr = vision.friends(state, side)
    eyes = [(a.hex, vision.army_sight(state, a)) for a in state.armies.values()
            if a.faction in fr]
    eyes += [(c.hex, vision.city_sight(state, c)) for c in state.cities.values()
             if c.owner in fr]
    out = np.zeros((hm.height, hm.width), dtype=bool)
    for h in hm.hexes():
        cover = hm.terrain_at(h) in (T.FOREST, T.MOUNTAINS, T.PEAKS)
        for e, rng in eyes:
            limit = max(min(rng, 1), rng - pen) if cover else rng
            if hex_distance(e, h) <= limit:
                col, row = h.q + (h.r - (h.r & 1)) // 2, h.r
                out[row, col] = True
    return out


@pytest.mark.parametrize("which", ["fog", "test"])
def test_sight_matches_the_rule_hex_by_hex(which, fscn, fog_scn):
    scn = fscn if which == "fog" else fog_scn
    st, _ = engine.new_game(scn, seed=1)
    hm = scn.map
    land = [h for h in hm.hexes() if not hm.is_water(h) and hm.terrain_at(h) != T.PEAKS]
    rnd = random.Random(5)
    for _ in range(12):
        for a in st.armies.values():
            a.hex = rnd.choice(land)
        for side in st.factions:
            assert (vision.visible(st, side) == brute_visible(st, side)).all()


def test_sight_numbers_come_from_the_rules_table(fst):
    r = fst.scenario.rules
    a = fst.armies["byz_a"]
    assert vision.army_sight(fst, a) == r["sight_army"]
    a.hex = cell(6, 4)                                    # hills
    assert vision.army_sight(fst, a) == r["sight_army"] + r["sight_hills_bonus"]
    assert vision.city_sight(fst, fst.cities["westhold"]) == r["sight_city"]         # walls 1
    assert vision.city_sight(fst, fst.cities["easthold"]) == r["sight_city"] + r["sight_walls_bonus"]


def test_forest_hides_at_range_but_not_next_door(fst):
    hm = fst.scenario.map
    seen = vision.disc(fst, cell(4, 1), 2).reshape(hm.height, hm.width)
    assert seen[1, 5] and seen[3, 4]             # plain, one and two hexes off
    assert not seen[1, 6]                        # forest two hexes off: hidden
    seen = vision.disc(fst, cell(5, 1), 2).reshape(hm.height, hm.width)
    assert seen[1, 6]                            # forest next door: always seen


def test_allies_share_sight(fst):
    ally = fst.armies["ally_a"]
    assert not vision.sees(fst, "byzantium", ally.hex)
    assert "ally_a" not in observe(fst, "byzantium").armies
    fst.relations[relation_key("byzantium", "ghassanids")] = Relation("alliance")
    assert vision.sees(fst, "byzantium", ally.hex)
    assert vision.sees(fst, "byzantium", hex_neighbor(ally.hex, 0))
    assert "ally_a" in observe(fst, "byzantium").armies


# --- what a side is shown -------------------------------------------------------------

def assert_honest(state):
    """Every side's view holds exactly the armies it may know of, and no enemy figures."""
    if state.over:
        return                   # after the end everyone sees everything
    for side in state.factions:
        v = observe(state, side)
        vis = vision.visible(state, side)
        fr = vision.friends(state, side)
        for a in state.armies.values():
            col, row = a.hex.q + (a.hex.r - (a.hex.r & 1)) // 2, a.hex.r
            should = a.faction in fr or bool(vis[row, col])
            assert (a.id in v.armies) == should, (side, a.id, a.hex)
        assert set(v.cities) == set(state.cities)
        for cid, c in v.cities.items():
            if not v.sees(c.hex):
                seen = state.memory[side].cities[cid]
                assert (c.owner, c.walls, c.garrison) == (seen.owner, seen.walls, seen.garrison)
        assert (v.explored | ~v.visible).all()         # whatever is seen is explored
        for row_ in v.history:
            assert set(row_.men) <= fr and set(row_.treasury) <= fr
        assert all(side in e.seen_by for e in v.log)


def seen_at(mask, h):
    col, row = h.q + (h.r - (h.r & 1)) // 2, h.r
    return 0 <= row < mask.shape[0] and 0 <= col < mask.shape[1] and bool(mask[row, col])


def assert_news_honest(side, told, before, after):
    """News of others' doings: only what happened where the side could see."""
    mask = before | after
    for e in told:
        if side in e.factions or e.public:
            continue
        assert e.at is not None and seen_at(mask, e.at), e
        if e.kind == "moved":
            assert all(seen_at(mask, h) for h in e.data.path), e
            assert e.data.start is None or seen_at(mask, e.data.start), e


def test_no_army_outside_sight_is_ever_shown(fog_scn):
    """A whole game with fog on: after every order each side's view and news are honest."""
    s, _ = Session.new(fog_scn, seed=3)
    st = s.state
    assert_honest(st)
    hidden_seen = 0
    while not st.over:
        before = {f: vision.visible(st, f) for f in st.factions}
        counts = {f: len(s.news_for(f)) for f in st.factions}
        order = placeholder.next_order(st)
        s.do(order)
        assert_honest(st)
        for f in st.factions:
            start = 0 if isinstance(order, EndTurn) and order.faction == f else counts[f]
            assert_news_honest(f, s.news_for(f)[start:], before[f], vision.visible(st, f))
        hidden_seen += sum(len(st.armies) - len(observe(st, f).armies) for f in st.factions)
    assert hidden_seen > 0                   # the fog did hide something along the way
    full = observe(st, "byzantium")          # the game is over: everyone sees everything
    assert set(full.armies) == set(st.armies) and full.visible.all()
    assert full.history[-1].men == st.history[-1].men


def test_hidden_armies_change_nothing_a_side_can_ask(fog_scn):
    """Whether or not unseen armies exist, a side's legal orders and reach are the same."""
    st, _ = engine.new_game(fog_scn, seed=8)
    checked = 0
    while not st.over and st.turn <= 6:
        side = st.active_faction
        known = {a.id for a in vision.known_armies(st, side)}
        if len(known) < len(st.armies):
            bare = clone(st)
            for aid in [a for a in bare.armies if a not in known]:
                del bare.armies[aid]
            assert engine.legal_orders(st) == engine.legal_orders(bare)
            for a in vision.known_armies(st, side):
                if a.faction == side:
                    assert M.reachable(st, a) == M.reachable(bare, bare.armies[a.id])
            checked += 1
        engine.apply(st, placeholder.next_order(st))
    assert checked >= 5


def test_fog_off_shows_everything(state):
    assert not vision.fog(state) and state.memory == {}
    v = observe(state, "byzantium")
    assert set(v.armies) == set(state.armies) and v.visible.all() and v.explored.all()
    ev = Event("battle", "far away", cell(11, 7), ("sassanids", "avars"))
    assert events_for([ev], state, "byzantium") == [ev]


def test_observe_without_a_side_is_omniscient(fst):
    v = observe(fst, None)
    assert set(v.armies) == set(fst.armies) and v.omniscient
    with pytest.raises(ValueError):
        observe(fst, "martians")


# --- memory ---------------------------------------------------------------------------

def test_memory_keeps_the_last_owner_seen(fst):
    mid = fst.cities["midtown"]
    assert not vision.sees(fst, "byzantium", mid.hex)
    C.capture_city(fst, mid, "armenians", None)         # out of Byzantine sight
    mid.garrison = 700
    vision.refresh(fst)
    v = observe(fst, "byzantium")
    assert v.cities["midtown"].owner == "sassanids" and v.cities["midtown"].garrison == 0
    assert v.city_seen["midtown"] == 0                  # only the opening situation is known
    # the side that lost it is told at once, though it cannot see it
    assert observe(fst, "sassanids").cities["midtown"].owner == "armenians"
    # a Byzantine army comes within sight: the memory is brought up to date
    put(fst, "byz_b", "byzantium", cell(8, 5))
    v = observe(fst, "byzantium")
    assert v.cities["midtown"].owner == "armenians" and v.cities["midtown"].garrison == 700
    assert v.city_seen["midtown"] == fst.turn
    # it leaves; the city changes hands again, unseen: the memory keeps what it saw
    del fst.armies["byz_b"]
    C.capture_city(fst, mid, "sassanids", None)
    vision.refresh(fst)
    assert observe(fst, "byzantium").cities["midtown"].owner == "armenians"


def test_explored_only_grows_and_covers_what_is_seen(fst):
    before = vision.explored(fst, "byzantium").copy()
    assert (before >= vision.visible(fst, "byzantium")).all()
    engine.apply(fst, Move("byzantium", "byz_a", path_east(4, 8)))
    after = vision.explored(fst, "byzantium")
    assert (after >= before).all() and after.sum() > before.sum()
    # the hexes seen on the way are remembered though no longer in sight
    assert after[3, 6] and after[3, 10] and not vision.visible(fst, "byzantium")[3, 4]


# --- honest orders --------------------------------------------------------------------

def test_a_hidden_enemy_halts_a_march_in_its_zone_of_control(fst):
    zoc_of = hex_neighbor(cell(7, 3), 1)                # next to (7,3), not to (6,3)
    assert hex_distance(zoc_of, cell(6, 3)) == 2
    put(fst, "per_b", "sassanids", zoc_of)
    assert not vision.sees(fst, "byzantium", zoc_of)
    order = Move("byzantium", "byz_a", path_east(4, 9))
    assert engine.is_legal(fst, order)                  # it does not know: the order is fine
    events = engine.apply(fst, order)
    a = fst.armies["byz_a"]
    assert a.hex == cell(7, 3) and a.moves == 0
    halt = [e for e in events if e.kind == "spotted" and e.data.halted]
    assert len(halt) == 1 and halt[0].data.enemy == "per_b"
    moved = [e for e in events if e.kind == "moved"][0]
    assert moved.data.path == tuple(path_east(4, 7))
    assert not [e for e in events if e.kind == "spotted" and e.data.army == "per_b"]
    # had it known, the same march would have been refused
    st2, _ = engine.new_game(fst.scenario, seed=1)
    put(st2, "per_b", "sassanids", zoc_of)
    st2.armies["byz_a"].hex = cell(6, 3)
    vision.refresh(st2)
    assert vision.sees(st2, "byzantium", zoc_of)
    with pytest.raises(Refused) as exc:
        engine.check(st2, Move("byzantium", "byz_a", path_east(7, 9)))
    assert exc.value.rule == "zone_of_control"


def test_a_march_stops_before_an_unseen_army_in_its_way(fst):
    put(fst, "arm_a", "armenians", cell(7, 3))          # at peace: it blocks, no zone of control
    order = Move("byzantium", "byz_a", path_east(4, 9))
    assert engine.is_legal(fst, order)
    events = engine.apply(fst, order)
    a = fst.armies["byz_a"]
    assert a.hex == cell(6, 3) and a.moves == 0
    halt = [e for e in events if e.kind == "spotted" and e.data.halted]
    assert len(halt) == 1 and halt[0].data.enemy == "arm_a" and halt[0].at == cell(7, 3)


def test_attacking_an_unseen_army_is_refused_as_if_the_hex_were_empty(fscn, monkeypatch):
    monkeypatch.setitem(fscn.rules, "sight_army", 0)    # blind: sees only its own hex
    st, _ = engine.new_game(fscn, seed=1)
    st.armies["byz_a"].hex = cell(5, 3)
    put(st, "per_b", "sassanids", cell(6, 3))
    assert not vision.sees(st, "byzantium", cell(6, 3))
    with pytest.raises(Refused) as hidden:
        engine.check(st, Attack("byzantium", "byz_a", cell(6, 3)))
    del st.armies["per_b"]
    with pytest.raises(Refused) as empty:
        engine.check(st, Attack("byzantium", "byz_a", cell(6, 3)))
    assert (hidden.value.rule, hidden.value.message) == (empty.value.rule, empty.value.message)
    assert hidden.value.rule == "no_enemy"
    monkeypatch.setitem(fscn.rules, "sight_army", 2)
    put(st, "per_b", "sassanids", cell(6, 3))
    assert engine.is_legal(st, Attack("byzantium", "byz_a", cell(6, 3)))


# --- undo -----------------------------------------------------------------------------

@pytest.fixture
def fsession(fscn):
    s, _ = Session.new(fscn, seed=1, sides={"byzantium": "human", "sassanids": "human"})
    return s


def test_a_move_that_shows_no_new_hex_can_be_undone(fsession):
    h0 = fsession.hash()
    before = vision.visible(fsession.state, "byzantium").copy()
    fsession.do(Move("byzantium", "byz_a", (cell(2, 3),)))     # back towards Westhold
    assert not (vision.visible(fsession.state, "byzantium") & ~before).any()
    assert fsession.can_undo() and fsession.undo() and fsession.hash() == h0


def test_a_move_that_shows_new_ground_closes_undo_even_with_nothing_found(fsession):
    # Wesnoth's rule: empty ground newly seen is information, so undo would scout for free
    events = fsession.do(Move("byzantium", "byz_a", (cell(4, 3),)))
    assert not [e for e in events if e.kind == "spotted"]
    assert not fsession.can_undo() and not fsession.undo()


def test_with_delayed_fog_updates_exploring_stays_undoable_until_the_side_asks(fsession):
    fsession.delay_fog = True
    h0 = fsession.hash()
    shown = fsession.view_for("byzantium")
    events = fsession.do(Move("byzantium", "byz_a", (cell(4, 3),)))   # new ground, no enemy
    assert not [e for e in events if e.kind == "spotted"]
    held = fsession.view_for("byzantium")
    assert (held.visible == shown.visible).all() and (held.explored == shown.explored).all()
    assert held.armies["byz_a"].hex == cell(4, 3)            # its own army is where it is
    assert fsession.can_undo() and fsession.undo() and fsession.hash() == h0
    assert "byzantium" not in fsession.held                  # back where it started
    # again, and this time ask: the new ground shows and undo closes
    fsession.do(Move("byzantium", "byz_a", (cell(4, 3),)))
    assert fsession.update_fog("byzantium")
    assert not fsession.can_undo()
    now = fsession.view_for("byzantium")
    assert (now.visible & ~shown.visible).any()


def test_with_delayed_fog_updates_a_sighting_still_updates_and_closes_undo(fsession):
    fsession.delay_fog = True
    put(fsession.state, "per_b", "sassanids", cell(7, 3))
    events = fsession.do(Move("byzantium", "byz_a", path_east(4, 5)))
    assert [e.data.army for e in events if e.kind == "spotted"] == ["per_b"]
    assert not fsession.can_undo() and "byzantium" not in fsession.held
    assert "per_b" in fsession.view_for("byzantium").armies


def test_a_move_that_reveals_an_army_closes_undo(fsession):
    put(fsession.state, "per_b", "sassanids", cell(7, 3))
    events = fsession.do(Move("byzantium", "byz_a", path_east(4, 5)))
    spotted = [e for e in events if e.kind == "spotted"]
    assert [e.data.army for e in spotted] == ["per_b"]
    assert spotted[0].factions == ("byzantium",)
    assert not fsession.can_undo() and not fsession.undo()


def test_a_move_that_reveals_a_changed_city_closes_undo(fsession):
    st = fsession.state
    C.capture_city(st, st.cities["midtown"], "armenians", None)
    vision.refresh(st)
    st.armies["byz_a"].hex = cell(6, 5)
    vision.refresh(st)
    assert not vision.sees(st, "byzantium", st.cities["midtown"].hex)
    events = fsession.do(Move("byzantium", "byz_a", (cell(7, 5),)))
    assert [e.data.city for e in events if e.kind == "spotted"] == ["midtown"]
    assert not fsession.can_undo()


# --- events and news --------------------------------------------------------------------

def test_events_for_keeps_only_what_a_side_may_be_told(fst):
    hm = fst.scenario.map
    vis = vision.visible(fst, "sassanids")
    seen_hex, hidden_hex = cell(12, 2), cell(2, 2)
    assert vis[2, 12] and not vis[2, 2]
    own = Event("attrition", "ours", hidden_hex, ("sassanids",))
    near = Event("battle", "in sight", seen_hex, ("byzantium", "armenians"))
    far = Event("battle", "out of sight", hidden_hex, ("byzantium", "armenians"))
    public = Event("captured", "everyone hears", hidden_hex, ("byzantium",), public=True)
    told = Event("fired", "a letter", None, ("sassanids", "byzantium"))
    secret = Event("fired", "not for you", None, ("byzantium",))
    got = events_for([own, near, far, public, told, secret], fst, "sassanids")
    assert [e.text for e in got] == ["ours", "in sight", "everyone hears", "a letter"]
    # a scripted event keeps only the reader's own text, and options only for the chooser
    letter = Event("fired", "Terms", None, ("sassanids", "byzantium"),
                   Fired("e", "t", {"sassanids": "for Persia", "byzantium": "for Rome"},
                         (Option("pay", "Pay", ""),), "byzantium"))
    (mine,) = events_for([letter], fst, "sassanids")
    assert mine.data.text_for == {"sassanids": "for Persia"} and mine.data.choices == ()
    (theirs,) = events_for([letter], fst, "byzantium")
    assert theirs.data.text_for == {"byzantium": "for Rome"} and theirs.data.choices
    # a march seen in part: only the steps in sight, and no word of where it went
    start = cell(13, 3)
    march = Event("moved", "Army of X marches to Westhold", cell(9, 3), ("byzantium",),
                  Moved("x", "Army of X", start=start,
                        path=(cell(12, 3), cell(11, 3), cell(10, 3), cell(9, 3), cell(8, 3))))
    (seen,) = events_for([march], vis, "sassanids")
    steps = list(seen.data.path)
    assert steps and all(vision.sees(fst, "sassanids", h) for h in steps)
    assert len(steps) < 5 and "Westhold" not in seen.text and seen.data.partial
    assert seen.at == steps[-1]
    unseen = Event("moved", "far", cell(1, 1), ("byzantium",),
                   Moved("x", start=cell(0, 1), path=(cell(1, 1),)))
    assert events_for([unseen], vis, "sassanids") == []


def test_news_records_what_each_side_saw_and_undo_takes_it_back(fsession):
    st = fsession.state
    del st.armies["per_a"]
    vision.refresh(st)
    # a march out of Persian sight is no news to Persia
    fsession.do(Move("byzantium", "byz_a", (cell(2, 3),)))
    assert fsession.news_for("sassanids") == []
    fsession.undo()
    # a march ending within sight of Easthold: Persia sees its last steps
    fsession.do(Move("byzantium", "byz_a", path_east(4, 11)))
    (seen,) = [e for e in fsession.news_for("sassanids") if e.kind == "moved"]
    assert seen.data.partial and seen.data.start is None
    assert fsession.news_for("byzantium") == []       # its own orders are not news to it
    # a step in Persia's sight that shows Rome nothing new can be undone, news and all
    st = fsession.state
    for aid, where in (("byz_w", cell(11, 3)), ("byz_v", cell(10, 3)), ("byz_m", cell(10, 3))):
        put(st, aid, "byzantium", where)
    st.armies["byz_m"].moves = 10
    fsession.undo_stack.clear()
    counted = len(fsession.news_for("sassanids"))
    fsession.do(Move("byzantium", "byz_m", (cell(11, 3),)))
    assert len(fsession.news_for("sassanids")) > counted
    assert fsession.can_undo()
    fsession.undo()
    assert len(fsession.news_for("sassanids")) == counted


def test_news_runs_from_the_end_of_a_sides_turn(fsession):
    fsession.do(Move("byzantium", "byz_a", path_east(4, 11)))
    fsession.do(EndTurn("byzantium"))
    assert fsession.state.active_faction == "sassanids"
    persian = fsession.news_for("sassanids")
    assert [e for e in persian if e.kind == "moved"]
    assert [e for e in persian if e.kind == "turn_began" and "sassanids" in e.factions]
    fsession.do(EndTurn("sassanids"))
    assert not [e for e in fsession.news_for("sassanids") if e.kind == "moved"]
    assert [e for e in fsession.news_for("byzantium") if e.kind == "turn_ended"
            and e.factions == ("sassanids",)] == []   # another's turn ending out of sight


# --- charts ------------------------------------------------------------------------------

def test_chart_rows_hide_enemy_figures_until_the_end(fst):
    C.capture_city(fst, fst.cities["midtown"], "armenians", None)   # unseen by Byzantium
    vision.refresh(fst)
    while fst.turn == 1:
        engine.apply(fst, EndTurn(fst.active_faction))
    true_row = fst.history[0]
    row = observe(fst, "byzantium").history[0]
    assert set(row.men) == {"byzantium"} and set(row.treasury) == {"byzantium"}
    assert row.cities["byzantium"] == true_row.cities["byzantium"]
    assert row.cities["sassanids"] == 2 and true_row.cities["sassanids"] == 1
    fst.over = True
    assert observe(fst, "byzantium").history[0] == true_row


# --- saves and replays ----------------------------------------------------------------------

def test_saves_round_trip_fog_memory_and_news(tmp_path, fsession):
    fsession.do(Move("byzantium", "byz_a", path_east(4, 11)))
    fsession.do(EndTurn("byzantium"))
    path = tmp_path / "hotseat.json"
    fsession.save(path, "turn 1")
    back = Session.load(path)
    assert back.hash() == fsession.hash()
    assert back.state.memory == fsession.state.memory
    assert back.sides == fsession.sides and back.orders == fsession.orders
    assert {f: [e.to_dict() for e in n] for f, n in back.news.items()} == \
           {f: [e.to_dict() for e in n] for f, n in fsession.news.items()}
    assert (observe(back.state, "sassanids").explored ==
            observe(fsession.state, "sassanids").explored).all()


def test_a_save_with_damaged_fog_memory_is_refused(tmp_path, fsession):
    path = tmp_path / "bad.json"
    fsession.save(path)
    doc = json.loads(path.read_text())
    doc["state"]["memory"]["byzantium"]["explored"] = "not base64!"
    path.write_text(json.dumps(doc))
    with pytest.raises(save.SaveError) as exc:
        Session.load(path)
    assert "explored map of 'byzantium' is damaged" in str(exc.value)


def test_fog_games_replay_identically(fog_scn):
    s, _ = Session.new(fog_scn, seed=4)
    while not s.state.over and s.state.turn <= 5:
        s.do(placeholder.next_order(s.state))
    assert state_hash(replay(fog_scn, 4, s.orders)) == s.hash()


def test_a_save_with_damaged_news_is_refused(tmp_path, fsession):
    fsession.do(Move("byzantium", "byz_a", path_east(4, 11)))
    path = tmp_path / "bad.json"
    fsession.save(path)
    doc = json.loads(path.read_text())
    doc["meta"]["extra"]["news"]["sassanids"][0]["kind"] = "teleported"
    doc["seal"] = save.seal(doc)        # resealed, so the check of the news itself is tested
    path.write_text(json.dumps(doc))
    with pytest.raises(save.SaveError) as exc:
        Session.load(path)
    assert "news of the last turns is damaged" in str(exc.value)


def test_the_lie_of_the_land_is_known_from_the_start_by_default(scn, tmp_path):
    """`known_map` (default true): terrain is common knowledge; armies stay hidden."""
    from game.rules import vision
    from game.rules.engine import new_game
    from game.scenario.load import load_scenario
    from tests.conftest import TEST_SCENARIO
    text = TEST_SCENARIO.read_text().replace("\nfog: false\n", "\nfog: true\n")
    path = tmp_path / "known.yaml"
    path.write_text(text)
    st, _ = new_game(load_scenario(path), seed=1)
    assert vision.explored(st, "byzantium").all()
    assert not vision.visible(st, "byzantium").all()
    from game.session.view import observe
    assert "per_main" not in observe(st, "byzantium").armies


def _remember_by_the_rule(state, side, seen):
    """Memory by the rule's words, city by city (vision.remember must agree)."""
    from game.rules.state import CitySeen
    hm = state.scenario.map
    known = state.memory[side].cities
    for cid, c in state.cities.items():
        old = known.get(cid)
        sees_it = bool(seen[hm.index(c.hex)])
        if sees_it or (old is not None and old.owner == side and c.owner != side):
            rec = CitySeen(c.owner, c.walls, c.garrison, c.siege.by if c.siege else None,
                           state.turn)
            if old != rec:
                known[cid] = rec


def test_memory_and_believed_counts_follow_the_rule_as_cities_change(fog_scn):
    from game.rules.state import Siege, clone
    st, _ = engine.new_game(fog_scn, seed=1)
    hm = fog_scn.map
    land = [h for h in hm.hexes() if not hm.is_water(h) and hm.terrain_at(h) != T.PEAKS]
    rnd = random.Random(11)
    sides = list(st.factions)
    for step in range(40):
        for a in st.armies.values():
            if rnd.random() < 0.5:
                a.hex = rnd.choice(land)
        for c in st.cities.values():
            if rnd.random() < 0.2:
                c.owner = rnd.choice(sides)
                c.garrison = rnd.randrange(0, 3000)
                c.siege = Siege(rnd.choice(sides)) if rnd.random() < 0.3 else None
        st.turn += step % 2
        ref = clone(st)
        for side in sides:
            counts = {f: 0 for f in st.order}              # before it looks again
            for c in vision.known_cities(st, side).values():
                counts[c.owner] = counts.get(c.owner, 0) + 1
            assert vision.believed_city_counts(st, side) == {f: counts[f] for f in st.order}
            seen = vision._visible_flat(st, side)
            vision.remember(st, side, seen)
            _remember_by_the_rule(ref, side, seen)
            assert list(st.memory[side].cities.items()) == list(ref.memory[side].cities.items())
