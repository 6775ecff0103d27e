"""The computer opponent: legal, deterministic, and sensible in set positions."""
import dataclasses
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import game.ai
from game import simulate
from game.ai import knowledge, levels, minor, strategy
from game.ai.player import Plan, choose_option
from game.events.runner import event_by_id
from game.hexgrid import hex_distance, offset_from_hex
from game.rules import engine
from game.rules import movement as M
from game.rules.orders import Assault, Attack, Besiege, Choose, EndTurn, Merge, Move, Raise
from game.rules.state import Army, PendingChoice, Siege, clone, state_hash
from game.rules.supply import supplied_hexes
from game.scenario.load import load_scenario
from tests.conftest import TEST_SCENARIO
from tests.helpers import cell, clear_armies

ROOT = Path(__file__).resolve().parent.parent


def turn_of(state, faction, month=None):
    """Make it `faction`'s turn (its armies rested), optionally in another month."""
    if month is not None:
        state.month = month
    state.active = state.order.index(faction)
    state.pending.clear()
    for a in state.armies.values():
        a.moves = M.move_budget(state, a) if a.faction == faction else 0
        a.may_strike = a.faction == faction
    return state


def put(state, aid, faction, col, row, men, commander=None):
    a = Army(aid, aid, faction, cell(col, row), men, commander, 70, 100, 0)
    state.armies[aid] = a
    return a


def play_out(state, level="normal"):
    """Let the computer play the side to play until its turn ends; returns its orders."""
    return [o for o, _ in game.ai.play_turn(state, level)]


# --- the entry points ---------------------------------------------------------------

def test_levels_are_described_and_unknown_ones_refused():
    assert game.ai.LEVELS == ("easy", "normal", "hard")
    texts = [game.ai.describe_level(lv) for lv in game.ai.LEVELS]
    assert len(set(texts)) == 3 and all(len(t) > 40 for t in texts)
    for lv in game.ai.LEVELS:          # no level cheats, and each says so
        assert not levels.get(lv).sees_all and "no bonus" in game.ai.describe_level(lv).lower()
    with pytest.raises(ValueError, match="unknown difficulty"):
        game.ai.describe_level("brutal")
    with pytest.raises(ValueError):
        game.ai.next_order(None, "brutal")


def test_the_easy_text_says_what_easy_does():
    """The menu's words for easy follow its settings: the share of careless orders, and
    that it does not keep to the campaign's plan (the scenario's aims)."""
    easy = levels.get("easy")
    fifths = easy.blunder_percent * 5 // 100
    assert fifths * 20 == easy.blunder_percent
    words = {1: "one army", 2: "two armies", 3: "three armies", 4: "four armies"}
    assert f"about {words[fifths]} in five" in easy.text.lower()
    assert not easy.follows_aims and "campaign's plan" in easy.text
    assert all(levels.get(lv).follows_aims for lv in ("normal", "hard"))


@pytest.mark.slow
@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_whole_games_use_only_legal_orders(scn, level):
    state, _ = engine.new_game(scn, 11)
    while not state.over:
        for order in game.ai.plan_turn(state, level):
            engine.check(state, order)      # raises Refused if the computer cheats the rules
            engine.apply(state, order)
    assert state.over


def test_same_seed_same_orders_and_next_order_follows_play_turn(scn):
    def orders_of(seed, stepwise):
        state, _ = engine.new_game(scn, seed)
        out = []
        while not state.over:
            if stepwise:
                o = game.ai.next_order(state)
                engine.apply(state, o)
                out.append(o)
            else:
                out += [o for o, _ in game.ai.play_turn(state)]
        return out, state_hash(state)
    a, b, c = orders_of(5, False), orders_of(5, False), orders_of(5, True)
    assert a == b == c
    assert orders_of(6, False) != a


def test_plan_turn_works_on_a_copy(state):
    before = state_hash(state)
    planned = game.ai.plan_turn(state)
    assert state_hash(state) == before
    played = [o for o, _ in game.ai.play_turn(state)]
    assert planned == played and isinstance(played[-1], EndTurn)


def test_the_computer_never_touches_the_games_generator(state):
    draws = state.rng.draws
    Plan(state, "hard").next_order(state)
    game.ai.next_order(state, "easy")
    assert state.rng.draws == draws


# --- event choices -------------------------------------------------------------------

def test_choices_follow_the_authors_weights(state):
    ev = event_by_id(state, "evt_test_tribute")        # pay: weight 3, refuse: weight 1
    picks = {"pay": 0, "fight": 0}
    for seed in range(400):
        st = dataclasses.replace(state, seed=seed, pending=[PendingChoice(ev.spec.id, "byzantium")])
        o = choose_option(st, "byzantium")
        assert isinstance(o, Choose) and engine.is_legal(st, o)
        picks[o.option] += 1
    assert 240 <= picks["pay"] <= 360 and picks["fight"] > 40
    st = dataclasses.replace(state, pending=[PendingChoice(ev.spec.id, "byzantium")])
    assert isinstance(game.ai.next_order(st), Choose)   # a choice comes before anything else


def test_an_option_weighted_zero_is_never_taken(tmp_path):
    text = TEST_SCENARIO.read_text().replace("ai_weight: 1", "ai_weight: 0")
    (tmp_path / "s.yaml").write_text(text)
    scn = load_scenario(tmp_path / "s.yaml")
    state, _ = engine.new_game(scn, 1)
    for seed in range(100):
        st = dataclasses.replace(state, seed=seed,
                                 pending=[PendingChoice("evt_test_tribute", "byzantium")])
        assert choose_option(st, "byzantium").option == "pay"


# --- battles ---------------------------------------------------------------------------

def test_attacks_when_the_odds_are_good(state):
    clear_armies(state)
    put(state, "b", "byzantium", 4, 4, 20000, "priscus")
    put(state, "p", "sassanids", 5, 4, 5000)
    turn_of(state, "byzantium")
    assert game.ai.next_order(state) == Attack("byzantium", "b", cell(5, 4))


def test_marches_next_to_a_weaker_enemy_and_attacks_the_same_turn(state):
    clear_armies(state)
    put(state, "b", "byzantium", 1, 4, 20000, "priscus")
    put(state, "p", "sassanids", 5, 4, 4000)           # beyond reach of an attack this turn
    turn_of(state, "byzantium")
    assert hex_distance(state.armies["b"].hex, cell(5, 4)) > 2
    orders = play_out(state)
    attacks = [i for i, o in enumerate(orders) if isinstance(o, Attack)]
    assert attacks, "it fights the weak enemy this turn"
    i = attacks[0]
    assert orders[i].target == cell(5, 4)
    # the army that fought marched there first, this same turn
    assert any(isinstance(o, Move) and o.army == orders[i].army for o in orders[:i])


def test_refuses_a_battle_it_would_lose_and_steps_away(state):
    clear_armies(state)
    put(state, "b", "byzantium", 4, 4, 6000)
    put(state, "p", "sassanids", 5, 4, 30000, "shahrbaraz")
    turn_of(state, "byzantium")
    orders = play_out(state)
    assert not any(isinstance(o, Attack) for o in orders)
    assert "b" in state.armies and hex_distance(state.armies["b"].hex, cell(5, 4)) > 1


def test_does_not_end_a_march_next_to_a_stronger_enemy(state):
    clear_armies(state)
    put(state, "b", "byzantium", 1, 3, 8000)          # far to the west
    put(state, "p", "sassanids", 5, 4, 40000, "shahrbaraz")
    turn_of(state, "byzantium")
    play_out(state)
    assert hex_distance(state.armies["b"].hex, cell(5, 4)) > 1


# --- sieges ----------------------------------------------------------------------------

def test_besieges_a_city_it_can_take_then_storms_it(state):
    clear_armies(state)
    put(state, "b", "byzantium", 9, 4, 20000, "priscus")     # next to Edessa
    state.cities["ctesiphon"].garrison = 40000               # (and no easy way to the capital)
    turn_of(state, "byzantium")
    orders = play_out(state)
    sieges = [o.city for o in orders if isinstance(o, Besiege)]
    assert len(sieges) == 1 and sieges[0] in ("edessa", "dara")      # its two neighbours
    assert state.cities[sieges[0]].siege.by == "byzantium"
    turn_of(state, "byzantium")
    orders = play_out(state)
    assert orders[0] == Assault("byzantium", "b", sieges[0])


def test_does_not_besiege_what_it_cannot_take(state):
    clear_armies(state)
    put(state, "b", "byzantium", 9, 5, 2000)                 # next to Ctesiphon (8000 men)
    turn_of(state, "byzantium")
    orders = play_out(state)
    assert not any(isinstance(o, (Besiege, Assault)) and o.city == "ctesiphon" for o in orders)


def test_a_siege_answers_a_relief_army_it_cannot_face(state):
    clear_armies(state)
    put(state, "b", "byzantium", 8, 5, 6000)
    edessa = state.cities["edessa"]
    edessa.siege, edessa.garrison = Siege("byzantium", 1, 1), 6000
    put(state, "p", "sassanids", 9, 5, 40000, "shahrbaraz")  # next to the besiegers
    turn_of(state, "byzantium")
    play_out(state)
    assert state.armies["b"].hex != cell(8, 5)               # it does not wait to be crushed


# --- defence, supply ---------------------------------------------------------------------

def test_keeps_an_army_at_its_threatened_capital(state):
    clear_armies(state)
    put(state, "p", "sassanids", 10, 6, 25000, "shahrbaraz")  # in Ctesiphon
    put(state, "b", "byzantium", 7, 5, 28000, "priscus")      # within a march of it
    turn_of(state, "sassanids")
    play_out(state)
    assert hex_distance(state.armies["p"].hex, cell(10, 6)) <= 1
    # without the threat the same army goes campaigning
    clear_armies(state, keep=("p",))
    state.armies["p"].hex = cell(10, 6)
    state.turn += 1
    turn_of(state, "sassanids")
    play_out(state)
    assert hex_distance(state.armies["p"].hex, cell(10, 6)) > 1


def test_retreats_toward_supply_in_winter(state):
    clear_armies(state)
    a = put(state, "p", "sassanids", 3, 2, 10000)
    turn_of(state, "sassanids", month=12)
    field = supplied_hexes(state, "sassanids")
    hm = state.scenario.map
    assert hm.index(a.hex) not in field

    def gap(h):      # straight-line distance to the nearest supplied hex
        return min(hex_distance(h, hm.hex_of(j)) for j in field)
    before = gap(a.hex)
    play_out(state)
    assert gap(state.armies["p"].hex) < before


# --- fog ------------------------------------------------------------------------------------

def _fogged(scn, tmp_path):
    text = TEST_SCENARIO.read_text().replace("fog: false", "fog: true")
    (tmp_path / "fog.yaml").write_text(text)
    return load_scenario(tmp_path / "fog.yaml")


def _fogged_state(tmp_path, seed=3):
    text = TEST_SCENARIO.read_text().replace("fog: false", "fog: true")
    (tmp_path / "fog.yaml").write_text(text)
    state, _ = engine.new_game(load_scenario(tmp_path / "fog.yaml"), seed)
    return state


def test_under_fog_it_knows_only_what_its_side_sees(tmp_path):
    from game.rules import vision
    state = _fogged_state(tmp_path)
    clear_armies(state)
    put(state, "b", "byzantium", 4, 4, 6000)
    seen = vision.visible(state, "byzantium")
    hm = state.scenario.map
    hidden = next(h for h in hm.hexes() if not hm.is_water(h) and h not in state.scenario.city_at
                  and not seen[offset_from_hex(h)[1], offset_from_hex(h)[0]])
    state.armies["p"] = Army("p", "p", "sassanids", hidden, 30000, "shahrbaraz")
    turn_of(state, "byzantium")
    prof = minor.profile(state.scenario, "byzantium")
    normal = knowledge.gather(state, "byzantium", levels.get("normal"), prof)
    peek = knowledge.gather(state, "byzantium", replace(levels.get("normal"), sees_all=True),
                            prof)
    assert [e.id for e in normal.enemies] == []      # out of sight, out of its plans
    assert [e.id for e in peek.enemies] == ["p"]     # the sight cheat (no level uses it now)
    for level in game.ai.LEVELS:                     # and the rules accept what it orders
        st = clone(state)
        for order in game.ai.plan_turn(st, level):
            engine.check(st, order)
            engine.apply(st, order)


def test_an_army_it_cannot_see_is_not_attacked(tmp_path, monkeypatch):
    state = _fogged_state(tmp_path)
    clear_armies(state)
    put(state, "b", "byzantium", 4, 4, 20000, "priscus")
    put(state, "p", "sassanids", 5, 4, 3000)
    real = knowledge.known_world

    def blind(st, side, level):       # as if the Persian army could not be seen
        others, cities = real(st, side, level)
        return [a for a in others if a.id != "p" or level.sees_all], cities
    monkeypatch.setattr(knowledge, "known_world", blind)
    turn_of(state, "byzantium")
    attacks = {}
    monkeypatch.setitem(levels.LEVELS_BY_NAME, "peek",
                        replace(levels.get("normal"), name="peek", sees_all=True))
    for level in ("normal", "peek"):
        st = clone(state)
        attacks[level] = [o for o in play_out(st, level) if isinstance(o, Attack)]
    assert attacks["normal"] == []                    # it plans on what it knows...
    assert attacks["peek"] == [Attack("byzantium", "b", cell(5, 4))]   # ...a cheat sees all


# --- minor powers ----------------------------------------------------------------------------

def _with(tmp_path, old, new, name="v.yaml"):
    text = TEST_SCENARIO.read_text()
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1))
    return load_scenario(tmp_path / name)


def test_minor_power_profiles_come_from_the_scenario(scn, tmp_path):
    avars = minor.profile(scn, "avars")
    assert avars.raider and not avars.major and avars.home == cell(0, 1)   # its spawn
    assert avars.campaign == ("spring", "summer", "autumn", "winter")
    assert not minor.profile(scn, "sassanids").raider
    assert minor.profile(scn, "sassanids").home == cell(10, 6)            # its capital
    seasonal = _with(tmp_path, "{id: khagan, name: The Khagan, faction: avars, tactics: 6}",
                     "{id: khagan, name: The Khagan, faction: avars, tactics: 6, "
                     "traits: [seasonal]}")
    assert minor.profile(seasonal, "avars").campaign == ("spring", "summer")
    authored = _with(tmp_path, "ai:\n", "ai:\n  avars: {home: \"3,2\", campaign: [summer], "
                                        "raider: false}\n", "w.yaml")
    p = minor.profile(authored, "avars")
    assert p.home == cell(3, 2) and p.campaign == ("summer",) and not p.raider


def test_a_raider_falls_on_weak_towns_and_leaves_strong_walls_alone(state):
    clear_armies(state)
    state.factions["avars"].in_play = True
    state.relations["avars|byzantium"] = dataclasses.replace(
        state.relations["byzantium|sassanids"])
    put(state, "h", "avars", 5, 5, 9000, "khagan")           # next to the open town and Ancyra
    state.cities["ancyra"].garrison = 9000
    turn_of(state, "avars")
    orders = play_out(state)
    struck = {o.city for o in orders if isinstance(o, Besiege)}
    struck |= {c.id for c in state.cities.values() if c.owner == "avars"}
    assert struck and all(state.cities[c].walls <= 2 for c in struck)
    assert "ancyra" not in struck


def test_a_seasonal_power_heads_home_in_autumn(tmp_path):
    scn = _with(tmp_path, "ai:\n", "ai:\n  avars: {campaign: [spring, summer]}\n")
    state, _ = engine.new_game(scn, 1)
    clear_armies(state)
    state.factions["avars"].in_play = True
    state.relations["avars|byzantium"] = dataclasses.replace(
        state.relations["byzantium|sassanids"])
    put(state, "h", "avars", 4, 2, 9000, "khagan")
    home = minor.profile(scn, "avars").home
    before = hex_distance(cell(4, 2), home)
    turn_of(state, "avars", month=9)
    play_out(state)
    assert hex_distance(state.armies["h"].hex, home) < before
    state.armies["h"].hex = cell(4, 2)
    turn_of(state, "avars", month=6)                          # in season it stays to raid
    play_out(state)
    assert hex_distance(state.armies["h"].hex, home) >= before - 1


# --- strategy ----------------------------------------------------------------------------------

def test_aims_come_from_victory_conditions_and_the_author(scn):
    sas = strategy.aims(scn, "sassanids")
    # its own decisive aim, the author's weight on it, and the Roman aims it must deny
    assert sas.cities["constantinople"] == 150 + 80
    assert sas.cities["ctesiphon"] == 120 and sas.cities["jerusalem"] == 40 + 50
    byz = strategy.aims(scn, "byzantium")
    assert byz.cities["ctesiphon"] == 150 and byz.cities["ancyra"] == 50
    assert byz.cities["constantinople"] == 120


def test_levels_play_differently(scn):
    orders = {}
    for lv in game.ai.LEVELS:
        state, _ = engine.new_game(scn, 2)
        out = []
        while state.turn <= 4 and not state.over:
            out += [o for o, _ in game.ai.play_turn(state, lv)]
        orders[lv] = out
    assert orders["easy"] != orders["normal"]
    # an easy computer never pays for new troops; a normal one does when it can
    rich, _ = engine.new_game(scn, 2)
    rich.factions["byzantium"].treasury = 2000
    assert any(isinstance(o, Raise) for o in game.ai.plan_turn(rich, "normal"))
    assert not any(isinstance(o, Raise) for o in game.ai.plan_turn(rich, "easy"))


def test_hard_watches_its_capital_two_turns_ahead(scn):
    """Hard's whole turn (its look-ahead included: no plan that sends the capital's guard
    away is weighed) keeps the army home against an enemy two marches away; normal does not."""
    stays = {}
    for lv in ("normal", "hard"):
        state, _ = engine.new_game(scn, 7)
        clear_armies(state)
        put(state, "p", "sassanids", 10, 6, 25000, "shahrbaraz")   # in Ctesiphon
        put(state, "b", "byzantium", 3, 4, 30000, "priscus")       # two marches away
        turn_of(state, "sassanids")
        play_out(state, lv)
        stays[lv] = hex_distance(state.armies["p"].hex, cell(10, 6)) <= 1
    assert stays == {"normal": False, "hard": True}



def test_in_time_an_army_a_march_from_its_capital_guards_it_where_it_stands(scn):
    """With a two-turn watch on its capital, an army a march from it is called home by an
    enemy two marches off, and would walk out again once the danger seemed past (full war:
    Ctesiphon and the Dara front, every other season).  With `in_time` it stays where it
    stands while no enemy can reach the capital next turn, and goes home once one can."""
    def errand(enemy_at, in_time):
        state, _ = engine.new_game(scn, 7)
        clear_armies(state)
        put(state, "p", "sassanids", 6, 6, 25000, "shahrbaraz")      # a march from Ctesiphon
        put(state, "b", "byzantium", *enemy_at, 30000, "priscus")
        turn_of(state, "sassanids")
        plan = Plan(state, replace(levels.get("normal"), lookahead=2, keeps_capital=True,
                                   field_defence=True,
                                   in_time=in_time))
        plan._replan(state)
        e = plan.errands["p"]
        assert e.goal is not None and e.goal.name == "defend:ctesiphon"
        return e.hex
    home, here = cell(10, 6), cell(6, 6)
    assert errand((3, 4), False) == home          # two marches off: home, without in_time
    assert errand((3, 4), True) == here           # with it: it stays, and still guards it
    assert errand((5, 4), True) == home           # a march off: home, in time or not

def test_only_the_capital_and_a_city_whose_loss_ends_the_war_are_vital(scn, tmp_path):
    """Emergency defence (and hard's two-turn watch) is for the capital and a city an
    enemy's decisive victory is to own, not for every city a victory names."""
    assert strategy.aims(scn, "sassanids").vital == {"ctesiphon"}
    assert strategy.aims(scn, "byzantium").vital == {"constantinople"}
    # Jerusalem is in Rome's (minor) victory: worth holding, but no emergency
    state, _ = engine.new_game(scn, 7)
    turn_of(state, "byzantium")
    k = knowledge.gather(state, "byzantium", levels.get("normal"),
                         minor.profile(scn, "byzantium"))
    assert strategy.vital_city(k, state.cities["constantinople"])
    assert not strategy.vital_city(k, state.cities["jerusalem"])


def test_the_last_city_a_victory_lacks_is_worth_more(tmp_path):
    """A victory that needs some of a list of cities: as the side nears it, each city still
    missing is worth more to it, and to its enemy, who must deny it."""
    scn = _with(tmp_path, "victory:\n", "victory:\n  - {faction: sassanids, kind: major, "
                "when: {owns: {faction: sassanids, cities: [jerusalem, ancyra, edessa], "
                "count: 2}}, text: x}\n")
    state, _ = engine.new_game(scn, 7)
    turn_of(state, "sassanids")
    prof = minor.profile(scn, "sassanids")

    def bonus(fid, city):
        k = knowledge.gather(state, fid, levels.get("normal"), minor.profile(scn, fid))
        return strategy.count_bonus(k, state.cities[city])
    for c in ("jerusalem", "ancyra", "edessa"):
        state.cities[c].owner = "byzantium"
    far = bonus("sassanids", "jerusalem")            # two cities missing: the even share
    state.cities["edessa"].owner = "sassanids"
    near = bonus("sassanids", "jerusalem")           # one missing: the whole victory
    assert far == 0 < near and bonus("sassanids", "edessa") == 0
    assert 0 < bonus("byzantium", "jerusalem") < near
    assert prof.major


# --- against the baseline ----------------------------------------------------------------------

@pytest.mark.slow
def test_beats_the_placeholder_from_either_side(scn):
    """On the test scenario: from each side, the computer loses no more games than it wins."""
    seeds = range(1, 7)
    for mine, other in (("byzantium", "sassanids"), ("sassanids", "byzantium")):
        won = lost = 0
        for seed in seeds:
            r = simulate.play(scn, seed, sides={other: simulate.policy("placeholder")})
            won += r.winner == mine
            lost += r.winner == other
        assert lost <= won, (mine, won, lost)


# --- simulate, many processes -----------------------------------------------------------------

def run(*args):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True,
                          text=True, timeout=300, env=env, cwd=ROOT)


@pytest.mark.slow
def test_simulate_jobs_gives_the_serial_output(tmp_path):
    args = ["simulate", str(TEST_SCENARIO), "--seed", "4", "--games", "3"]
    serial = run(*args, "--jobs", "1", "--jsonl", str(tmp_path / "a.jsonl"))
    spread = run(*args, "--jobs", "2", "--jsonl", str(tmp_path / "b.jsonl"))
    assert serial.returncode == 0 and spread.returncode == 0, serial.stderr + spread.stderr
    assert serial.stdout == spread.stdout
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()
    assert "== 3 games, seeds 4-6" in serial.stdout and "undecided" in serial.stdout


def test_simulate_sides_levels_and_bad_usage(capsys):
    from game import cli
    code = cli.main(["simulate", str(TEST_SCENARIO), "--seed", "1", "--games", "2", "--turns",
                     "2", "--level", "hard", "--side", "byzantium=placeholder",
                     "--side", "sassanids=ai:easy", "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 0 and out.count("result:") == 2 and "== 2 games" in out
    for bad in (["--side", "rome=ai"], ["--side", "byzantium=genius"], ["--jobs", "0"]):
        assert cli.main(["simulate", str(TEST_SCENARIO), "--seed", "1", *bad]) == 2, bad
        assert "Traceback" not in capsys.readouterr().err


def test_distance_fields_agree_with_the_rules_routes(state):
    """A field's cost from a hex equals the rules' cheapest route (armies and walls aside)."""
    from game.ai import distances
    hm = state.scenario.map
    for fid in ("byzantium", "sassanids"):        # with a fleet and without
        obs = M.obstacles(state, fid)
        caps = distances.capabilities(state, obs)
        open_obs = M.Obstacles(set(), set(), set(caps[2]), set(caps[3]), set(caps[4]), caps[1])
        for target in ("constantinople", "ctesiphon", "jerusalem"):
            goal = state.cities[target].hex
            field = distances.field_to(state, hm.index(goal), caps)
            for h in list(hm.hexes())[::7]:
                if hm.is_water(h) and not caps[1]:
                    continue
                probe = Army("probe", "probe", fid, h, 1000)
                r = M.route(state, probe, goal, open_obs)
                assert field[hm.index(h)] == (r[1] if r else M.INF), (fid, target, h)


def test_odd_positions_never_break_it(scn):
    """Armies strewn at random, odd seasons, minor powers in and out: legal orders, no errors."""
    import random
    hm = scn.map
    land = [h for h in hm.hexes() if not hm.is_water(h)
            and M.terrain_cost(scn.rules, hm.terrain_at(h), False, h in hm.pass_at) < M.INF
            and h not in scn.city_at]
    for seed in range(12):
        rng = random.Random(seed)
        state, _ = engine.new_game(scn, seed)
        clear_armies(state)
        state.factions["avars"].in_play = rng.random() < 0.7
        if rng.random() < 0.5:
            state.relations["avars|byzantium"] = dataclasses.replace(
                state.relations["byzantium|sassanids"])
        spots = rng.sample(land, 8)
        for n, h in enumerate(spots):
            fid = rng.choice(["byzantium", "sassanids", "avars"])
            state.armies[f"x{n}"] = Army(f"x{n}", f"x{n}", fid, h, rng.randrange(200, 30000, 100))
        for c in state.cities.values():
            c.garrison = rng.randrange(0, 12000, 100)
        month = rng.choice([3, 6, 9, 12])
        for fid in ("byzantium", "sassanids", "avars"):
            if not state.factions[fid].in_play:
                continue
            turn_of(state, fid, month)
            level = rng.choice(game.ai.LEVELS)
            for order in game.ai.plan_turn(state, level):
                engine.check(state, order)
                engine.apply(state, order)
                if state.over:
                    break
            if state.over:
                break


def test_it_knows_a_strait_it_cannot_cross(state):
    clear_armies(state)
    put(state, "p", "sassanids", 3, 2, 30000)          # on the Asian shore of the Bosporus
    put(state, "b", "byzantium", 0, 1, 5000)           # a weak army beyond it
    sas = knowledge.gather(turn_of(state, "sassanids"), "sassanids", levels.get("normal"),
                           minor.profile(state.scenario, "sassanids"))
    byz = knowledge.gather(state, "byzantium", levels.get("normal"),
                           minor.profile(state.scenario, "byzantium"))
    assert not sas.connected(cell(3, 2), cell(0, 1))   # no fleet, the strait is shut to it
    assert byz.connected(cell(3, 2), cell(0, 1))       # the Romans hold the sea
    assert sas.connected(cell(3, 2), cell(10, 6))
    goals = strategy.goals(sas, {})
    attack = next(g for g in goals if g.kind == "attack" and g.key == "b")
    from game.ai import operations
    assert operations.travel(sas, state.armies["p"], attack) is None


def test_a_commander_the_war_turns_on_is_not_risked_on_fair_odds(tmp_path):
    guarded = _with(tmp_path, "victory:\n", "victory:\n  - {faction: sassanids, kind: major, "
                                            "when: {not: {commander_alive: priscus}}}\n")
    assert strategy.aims(guarded, "byzantium").guard == {"priscus": 80}
    assert strategy.aims(guarded, "sassanids").commanders == {"priscus": 80}
    from game.rules import combat
    attacked = {}
    for name, scn in (("plain", load_scenario(TEST_SCENARIO)), ("guarded", guarded)):
        state, _ = engine.new_game(scn, 7)
        clear_armies(state)
        b = put(state, "b", "byzantium", 4, 4, 20000, "priscus")
        for men in range(20000, 3000, -500):       # an enemy it beats about two times in three
            put(state, "p", "sassanids", 5, 4, men)
            if 62 <= combat.odds(state, b, cell(5, 4))["win_percent"] <= 72:
                break
        assert 62 <= combat.odds(state, b, cell(5, 4))["win_percent"] <= 72
        turn_of(state, "byzantium")
        attacked[name] = any(isinstance(o, Attack) for o in play_out(state))
    assert attacked == {"plain": True, "guarded": False}


def test_no_battles_that_only_trade_men_against_walls(state):
    """Beaten defenders in a walled, garrisoned city stay there; it attacks only for a
    good exchange of losses, where in the open it would attack the same army."""
    clear_armies(state)
    put(state, "b", "byzantium", 9, 4, 40000, "priscus")      # next to Edessa
    put(state, "p", "sassanids", 8, 5, 2500)                  # in Edessa (3000 behind walls 3)
    turn_of(state, "byzantium")
    assert not any(isinstance(o, Attack) for o in play_out(clone(state)))
    state.armies["p"].hex = cell(9, 5)                        # the same army in the open
    assert Attack("byzantium", "b", cell(9, 5)) in play_out(clone(state))


# --- phase 2: roads, guard duty, money ------------------------------------------------

def _knows(state, faction):
    return knowledge.gather(state, faction, levels.get("normal"),
                            minor.profile(state.scenario, faction))


def test_a_fortress_barring_the_road_is_invested_and_a_march_routes_to_the_gates(state):
    from game.ai import tactics
    clear_armies(state)
    b = put(state, "b", "byzantium", 7, 5, 20000, "priscus")   # west of Edessa
    turn_of(state, "byzantium")
    k = _knows(state, "byzantium")
    ctesiphon = state.cities["ctesiphon"].hex
    assert tactics.fortress_in_the_road(k, b, ctesiphon).id == "edessa"
    assert tactics.fortress_in_the_road(k, b, state.cities["edessa"].hex) is None  # its goal
    b.men = 1000                                               # too weak to invest it
    assert tactics.fortress_in_the_road(k, b, ctesiphon) is None
    # the rules' own route cannot end inside an enemy city; the march goes to its gates
    assert M.route(state, b, ctesiphon, k.obs) is None
    reach = tactics.reachable(k, b)
    j = tactics.stalled_route(k, b, ctesiphon, reach)
    assert j is not None and j != k.index(b.hex)


def _guarded_capital(tmp_path):
    # a Persian victory that needs the Romans to leave their capital without a strong army
    return _with(tmp_path, "victory:\n", "victory:\n  - {faction: sassanids, kind: major, "
                 "check: end, when: {not: {army_near: {faction: byzantium, place: "
                 "constantinople, men: 15000}}}}\n")


def test_it_holds_a_place_an_enemys_victory_needs_it_away_from(tmp_path):
    scn = _guarded_capital(tmp_path)
    holds = strategy.aims(scn, "byzantium").holds
    assert holds == {cell(1, 2): (80, 15000, frozenset({"sassanids"}))}
    assert strategy.aims(scn, "sassanids").holds == {}
    state, _ = engine.new_game(scn, 5)
    clear_armies(state)
    put(state, "g", "byzantium", 1, 2, 8000)                   # too few in the capital
    put(state, "f", "byzantium", 5, 3, 20000, "priscus")       # the field army at Ancyra
    turn_of(state, "byzantium")
    plan = Plan(state)
    plan._replan(state)
    assert {a for a, e in plan.errands.items() if e.goal and e.goal.urgent} == {"g", "f"}
    play_out(state)
    # the field army comes back and the two become one army strong enough
    assert [(a.id, a.hex, a.men) for a in state.armies.values()] == [("f", cell(1, 2), 28000)]


def test_an_army_holding_a_place_does_not_sally_out_of_it(tmp_path):
    scn = _guarded_capital(tmp_path)
    state, _ = engine.new_game(scn, 5)
    clear_armies(state)
    put(state, "g", "byzantium", 1, 2, 20000, "priscus")       # in the capital, enough men
    put(state, "p", "sassanids", 1, 1, 2000)                   # a weak enemy next to it
    turn_of(state, "byzantium")
    orders = play_out(state)
    assert not any(isinstance(o, Attack) for o in orders)
    assert state.armies["g"].hex == cell(1, 2)
    # without the enemy's condition the same army beats the same enemy
    state, _ = engine.new_game(load_scenario(TEST_SCENARIO), 5)
    clear_armies(state)
    put(state, "g", "byzantium", 1, 2, 20000, "priscus")
    put(state, "p", "sassanids", 1, 1, 2000)
    turn_of(state, "byzantium")
    assert any(isinstance(o, Attack) for o in play_out(state))


def test_it_spends_its_treasury_on_troops_it_can_keep_paying(state):
    from game.ai import operations
    from game.rules import economy
    turn_of(state, "byzantium")
    f = state.factions["byzantium"]
    f.treasury = 100
    k = _knows(state, "byzantium")
    assert operations.raise_orders(k, {}) == []                 # little money: it keeps it
    f.treasury = 3000
    orders = operations.raise_orders(_knows(state, "byzantium"), {})
    assert orders and all(isinstance(o, Raise) for o in orders)
    for o in orders:
        engine.apply(state, o)
    inc, up = economy.income(state, "byzantium"), economy.upkeep(state, "byzantium")
    assert f.treasury >= up // 2                               # half a turn's pay kept back
    assert inc - up + f.treasury // levels.get("normal").reserve_turns >= 0


def test_its_notes_travel_in_the_game_so_a_loaded_game_plays_on_the_same(scn):
    """The computer's habits (each army's last errand) ride in the order that ends its
    turn and in the state, not in the process: a save loaded elsewhere plays on alike."""
    import json

    from game.ai import memory
    from game.rules.orders import order_from_dict
    from game.rules.state import state_from_dict, state_to_dict
    state, _ = engine.new_game(scn, 7)
    ends = []
    for _ in range(5):
        ends += [o for o, _ in game.ai.play_turn(state) if isinstance(o, EndTurn)]
    assert any(e.plans for e in ends) and state.plans
    assert all(order_from_dict(json.loads(json.dumps(e.to_dict()))) == e for e in ends)
    assert EndTurn("byzantium").to_dict() == {"kind": "end_turn", "faction": "byzantium"}
    loaded = state_from_dict(json.loads(json.dumps(state_to_dict(state))), scn)
    loaded.scenario = scn
    assert loaded.plans == state.plans and state_hash(loaded) == state_hash(state)
    fid = state.active_faction
    assert memory.recall(loaded, fid) == memory.recall(state, fid) != {}
    for _ in range(8):
        if state.over:
            break
        a = [o for o, _ in game.ai.play_turn(state)]
        b = [o for o, _ in game.ai.play_turn(loaded)]
        assert a == b
    assert state_hash(loaded) == state_hash(state)
    state.plans.clear()                 # a note it cannot use is simply not used
    assert memory.recall(state, state.active_faction) == {}


def test_a_commander_needed_near_a_city_takes_it_only_within_a_small_radius(tmp_path):
    """Heraclius needed within eight hexes of Ganzak need not besiege Ganzak himself."""
    leaders = {}
    for r in (1, 8):
        scn = _with(tmp_path, "victory:\n", "victory:\n  - {faction: byzantium, kind: major, "
                    "check: end, when: {army_near: {faction: byzantium, commander: priscus, "
                    f"place: edessa, within: {r}" + "}}}\n", name=f"r{r}.yaml")
        state, _ = engine.new_game(scn, 3)
        turn_of(state, "byzantium")
        plan = Plan(state)
        plan._replan(state)
        take = next(g for g in plan.goals if g.name == "take:edessa")
        leaders[r] = take.leader
    assert leaders == {1: "priscus", 8: None}


def test_at_peace_it_marches_only_for_where_it_must_be_at_the_end(tmp_path):
    """A place an event of the war to come asks for is no errand while at peace; a place a
    victory checked at the end asks for is."""
    scn = _with(tmp_path, "  - {a: byzantium, b: sassanids, status: war}\n",
                "  - {a: byzantium, b: sassanids, status: peace}\n", name="peace0.yaml")
    text = (tmp_path / "peace0.yaml").read_text()
    text = text.replace("victory:\n", "victory:\n"
                        "  - {faction: byzantium, kind: peace, when: {flag: rising}}\n"
                        "  - {faction: byzantium, kind: minor, check: end, when: {army_near: "
                        "{faction: byzantium, place: jerusalem, within: 0}}}\n", 1)
    text = text.replace("events:\n", "events:\n"
                        "  - id: evt_test_rising\n    title: A rising\n    text: Unrest.\n"
                        "    when: {army_near: {faction: byzantium, place: caesarea, within: 1}}\n"
                        "    effects:\n      - set_flag: rising\n", 1)
    (tmp_path / "peace.yaml").write_text(text)
    scn = load_scenario(tmp_path / "peace.yaml")
    a = strategy.aims(scn, "byzantium")
    jerusalem, caesarea = scn.map.resolve("jerusalem"), scn.map.resolve("caesarea")
    assert caesarea in a.places and a.final == {jerusalem}
    state, _ = engine.new_game(scn, 3)
    clear_armies(state)
    from game.hexgrid import hex_neighbors
    next_to = hex_neighbors(caesarea)[0]
    state.armies["x"] = Army("x", "x", "byzantium", next_to, 6000, None, 70, 100, 0)
    turn_of(state, "byzantium")
    plan = Plan(state)
    plan._replan(state)
    assert plan.errands["x"].hex == jerusalem     # not kept at Caesarea for the rising


# --- memory of enemy armies, emergency defence, walls, supply -----------------------------

def test_memory_keeps_armies_out_of_sight_and_drops_those_seen_gone():
    from game.ai import memory
    from game.hexgrid import Hex

    class S:
        turn = 7
    seen = memory.Sighting("x", "sassanids", Hex(3, 3), 9000, 7)
    gone = memory.Sighting("y", "sassanids", Hex(5, 5), 4000, 7)
    old = memory.Sighting("z", "sassanids", Hex(9, 9), 2000, 5)
    kept = memory.carry(S, [], {"x": seen, "y": gone}, [old], lambda h: h == Hex(5, 5))
    # x marched out of sight: remembered; y's hex is in sight and empty: beaten, gone
    assert [s.id for s in kept] == ["x", "z"]
    assert memory.fade(1) == 100 and 0 < memory.fade(2) < 100
    assert memory.fade(memory.MEMORY_TURNS + 1) == 0


def test_it_remembers_an_army_that_marched_out_of_sight_and_fears_it(tmp_path):
    from game.ai import memory
    from game.rules import vision
    state = _fogged_state(tmp_path)
    clear_armies(state)
    put(state, "p", "sassanids", 10, 6, 6000)                     # in Ctesiphon
    put(state, "b", "byzantium", 9, 5, 30000, "priscus")         # in sight, next door
    turn_of(state, "sassanids")
    orders = play_out(state)
    assert "seen b byzantium" in orders[-1].plans                 # the note keeps it
    assert memory.sightings(state, "sassanids")["b"].men == 30000
    # on its next turn the army stands somewhere Persia cannot see
    state.turn += 1
    seen = vision.visible(state, "sassanids")
    hm = state.scenario.map
    hidden = next(h for h in hm.hexes() if not hm.is_water(h) and hex_distance(h, cell(10, 6)) > 2
                  and not seen[offset_from_hex(h)[1], offset_from_hex(h)[0]])
    state.armies["b"].hex = hidden
    turn_of(state, "sassanids")
    assert "b" in game.ai.known_enemy_ids(state, "sassanids")     # not forgotten
    k = knowledge.gather(state, "sassanids", levels.get("normal"),
                         minor.profile(state.scenario, "sassanids"))
    assert [g.id for g in k.ghosts] == ["b"] and k.enemies == []
    assert strategy.threats(k).get("ctesiphon", 0) > 0            # still a threat to the capital
    # a memory fades: some turns later it is no longer feared
    state.turn += memory.MEMORY_TURNS + 1
    assert "b" not in game.ai.known_enemy_ids(state, "sassanids")


def test_a_threatened_capital_outranks_a_siege_elsewhere(state):
    clear_armies(state)
    put(state, "p", "sassanids", 8, 5, 30000, "shahrbaraz")       # besieging Edessa
    edessa = state.cities["edessa"]
    edessa.siege, edessa.garrison = Siege("sassanids", 1, 1), 3000
    state.cities["ctesiphon"].garrison = 2000
    put(state, "b", "byzantium", 11, 7, 25000, "priscus")         # near Ctesiphon
    turn_of(state, "sassanids")
    prof = minor.profile(state.scenario, "sassanids")
    k = knowledge.gather(state, "sassanids", levels.get("normal"), prof)
    goals = strategy.goals(k, strategy.threats(k))
    defend = [g for g in goals if g.name == "defend:ctesiphon"]
    assert defend and defend[0].urgent
    play_out(state)
    p = state.armies["p"]
    assert hex_distance(p.hex, cell(10, 6)) < hex_distance(cell(8, 5), cell(10, 6))


def test_defenders_do_not_step_out_of_their_walls_next_to_a_stronger_enemy(state):
    clear_armies(state)
    put(state, "p", "sassanids", 10, 6, 12000, "shahrbaraz")      # in Ctesiphon
    put(state, "b", "byzantium", 9, 6, 45000, "priscus")          # at the gates
    turn_of(state, "sassanids")
    play_out(state)
    assert state.armies["p"].hex == cell(10, 6)


def test_a_starving_camp_gives_up_a_siege_hunger_would_win_for_the_defender(state):
    clear_armies(state)
    a = put(state, "p", "sassanids", 5, 3, 12000)                 # before Ancyra
    a.supply = 5
    ancyra = state.cities["ancyra"]
    ancyra.siege, ancyra.garrison = Siege("sassanids", 2, 3), 6000
    turn_of(state, "sassanids", month=6)
    assert state.scenario.map.index(a.hex) not in supplied_hexes(state, "sassanids")
    prof = minor.profile(state.scenario, "sassanids")
    k = knowledge.gather(state, "sassanids", levels.get("normal"), prof)
    from game.ai import tactics
    assert tactics.siege_order(k, a, ancyra) == "leave"
    play_out(state)
    assert state.armies["p"].hex != cell(5, 3)


def test_no_treadmill_against_a_stack_behind_walls_even_when_sent_to_take_the_city(state):
    clear_armies(state)
    put(state, "b", "byzantium", 9, 4, 60000, "priscus")      # next to Edessa
    put(state, "p", "sassanids", 8, 5, 9000)                  # in Edessa, behind walls 3
    state.cities["edessa"].owner = "sassanids"
    turn_of(state, "byzantium")
    from game.ai import tactics
    plan = Plan(state)
    plan._replan(state)
    k = plan.k
    take = next(g for g in plan.goals if g.name == "take:edessa")
    forced = tactics.Errand("take", take.hex, take)
    from game.rules import combat
    odds = combat.odds(state, state.armies["b"], cell(8, 5))
    assert odds["win_percent"] >= 80 and not tactics.fair_trade(k, odds)
    assert tactics.best_attack(k, state.armies["b"], forced) is None


def test_weighing_the_trade_by_share_a_great_army_grinds_a_small_stack_behind_walls(state):
    # the same stand-off as above: a level that weighs each side's losses against all the
    # men it has (and counts the rout) attacks, for a tenth of its army costs the enemy a third
    from game.ai import tactics
    from game.rules import combat
    clear_armies(state)
    put(state, "b", "byzantium", 9, 4, 60000, "priscus")
    put(state, "p", "sassanids", 8, 5, 9000)
    state.cities["edessa"].owner = "sassanids"
    turn_of(state, "byzantium")
    plan = Plan(state)
    plan._replan(state)
    k = plan.k
    odds = combat.odds(state, state.armies["b"], cell(8, 5))
    assert not tactics.fair_trade(k, odds, "sassanids")
    k.level = replace(levels.get("normal"), trade_share=True)
    assert tactics.fair_trade(k, odds, "sassanids")
    take = next(g for g in plan.goals if g.name == "take:edessa")
    order = tactics.best_attack(k, state.armies["b"], tactics.Errand("take", take.hex, take))
    assert order is not None and order.target == cell(8, 5)
    # against an equal army behind walls it still holds back
    put(state, "p2", "sassanids", 8, 5, 60000)
    plan = Plan(state)
    plan._replan(state)
    plan.k.level = k.level
    odds = combat.odds(state, state.armies["b"], cell(8, 5))
    assert not tactics.fair_trade(plan.k, odds, "sassanids")


def test_the_note_keeps_the_goal_an_army_gave_up_so_it_does_not_swap_back(state):
    from game.ai import memory, operations
    from game.ai.tactics import Errand
    clear_armies(state)
    put(state, "p", "sassanids", 10, 6, 20000)
    goal = strategy.Goal("take", "edessa", cell(8, 5), 50, 5000)
    text = memory.note(state, {"p": Errand("take", goal.hex, goal)}, (),
                       before={"p": "take:dara"})
    p = state.armies["p"].hex
    assert text.endswith(f"p {p.q} {p.r} take:edessa take:dara")
    state.plans["sassanids"] = text
    state.turn += 1
    assert memory.recall(state, "sassanids") == {"p": "take:edessa"}
    assert memory.recall_left(state, "sassanids") == {"p": "take:dara"}
    # kept for the next turn while the army holds to its goal
    again = memory.note(state, {"p": Errand("take", goal.hex, goal)}, (),
                        before={"p": "take:edessa"}, left={"p": "take:dara"})
    assert again.endswith(f"p {p.q} {p.r} take:edessa take:dara")
    # and a goal given up counts for less than one never tried
    assert operations.RETURN < 100 < levels.get("normal").commit


def test_a_weak_city_worth_taking_is_invested_on_the_march(state):
    from game.ai import tactics
    clear_armies(state)
    put(state, "b", "byzantium", 9, 4, 30000, "priscus")       # next to Edessa, bound elsewhere
    edessa = state.cities["edessa"]
    edessa.owner, edessa.garrison = "sassanids", 500
    state.cities["dara"].garrison = 20000                        # the other neighbour: too strong
    turn_of(state, "byzantium")
    plan = Plan(state)
    plan._replan(state)
    far = strategy.Goal("take", "ctesiphon", cell(10, 6), 20, 20000)   # worth not much more
    errand = tactics.Errand("take", far.hex, far)
    assert tactics.on_the_way(plan.k, state.armies["b"], errand, plan.goals) == \
        Besiege("byzantium", "b", "edessa")
    edessa.garrison = 20000                                     # too strong to storm at once
    plan = Plan(state)
    plan._replan(state)
    assert tactics.on_the_way(plan.k, state.armies["b"], errand, plan.goals) is None


# --- an army in a walled city is besieged with it (the siege rule) --------------------------

def test_it_besieges_a_walled_stack_rather_than_fight_it(state):
    """Battles against an army behind walls only trade men; a siege starves it with the
    garrison, so it plans a siege (a modest need, the city's full worth) and lays one."""
    from game.ai import tactics
    clear_armies(state)
    b = put(state, "b", "byzantium", 9, 4, 40000, "priscus")  # next to Edessa
    put(state, "p", "sassanids", 8, 5, 2500)                  # in Edessa
    edessa = state.cities["edessa"]
    edessa.garrison = 2000                  # small enough to starve beyond its supply lines
    turn_of(state, "byzantium")
    k = _knows(state, "byzantium")
    take = next(g for g in strategy.goals(k, strategy.threats(k)) if g.name == "take:edessa")
    assert take.need == 4000                # twice the garrison (more than 120% of 2,500)
    assert take.need < strategy.attack_need(k, k.enemies[0])
    assert take.value == strategy.city_value(k, k.cities["edessa"])
    assert tactics.invest(k, b, take, b.men) == Besiege("byzantium", "b", "edessa")
    assert not any(isinstance(o, Attack) for o in play_out(clone(state)))


def _shut_in_edessa(state, inside, besiegers):
    clear_armies(state)
    edessa = state.cities["edessa"]
    put(state, "p", "sassanids", 8, 5, inside)
    put(state, "b", "byzantium", 8, 5, besiegers, "priscus")
    edessa.siege = Siege("byzantium", 1, 1)
    turn_of(state, "sassanids")
    return edessa


def test_an_army_shut_in_sallies_against_weak_besiegers(state):
    _shut_in_edessa(state, 30000, 6000)
    assert Attack("sassanids", "p", cell(8, 5)) in play_out(state)


def test_a_starving_army_shut_in_breaks_out(state):
    edessa = _shut_in_edessa(state, 8000, 60000)
    # too weak to sally; while the food lasts it holds the walls
    assert not any(getattr(o, "army", None) == "p" for o in play_out(clone(state)))
    edessa.siege = Siege("byzantium", 2, 0)                   # the food is gone
    assert any(isinstance(o, Move) and o.army == "p" for o in play_out(state))
    assert state.armies["p"].hex != edessa.hex


def test_an_army_shut_in_its_capital_never_breaks_out(state):
    clear_armies(state)
    ctesiphon = state.cities["ctesiphon"]
    assert state.factions["sassanids"].capital == "ctesiphon"
    put(state, "p", "sassanids", 10, 6, 8000)
    put(state, "b", "byzantium", 10, 6, 60000, "priscus")
    ctesiphon.siege = Siege("byzantium", 2, 0)                # the food is gone
    turn_of(state, "sassanids")
    assert not any(isinstance(o, Move) and o.army == "p" for o in play_out(state))
    assert state.armies["p"].hex == ctesiphon.hex


def _besieged_capital(state, besiegers):
    """Ctesiphon besieged by `besiegers` Byzantines with the food gone: it starves."""
    clear_armies(state)
    put(state, "b", "byzantium", 10, 6, besiegers, "priscus")
    state.cities["ctesiphon"].siege = Siege("byzantium", 2, 0)
    return state


def _turn_at(state, relief):
    """Persia's turn at hard's settings without the look-ahead, with `relief` as given."""
    from game.ai.player import drive_turn
    turn_of(state, "sassanids")
    plan = Plan(state, replace(levels.get("hard"), plans=1, relief=relief))
    return [o for o, _ in drive_turn(state, plan.next_order, plan.refused)]


def test_a_relief_of_a_starving_capital_marches_past_a_screen_and_strikes_the_besiegers(state):
    """Issue 17, seed 9 of the full war against the blitz: hard Persia's relief army stood two
    hexes from starving Ctesiphon for three turns, each turn beating a small column at its
    side (a battle ends the march), and the city fell.  At hard (`relief`) it walks past such
    a screen to the besiegers and attacks them, here at 39 % (below the 55 % it asks of a
    relief otherwise; the floor is 30 %)."""
    from game.hexgrid import Hex
    from game.rules import combat
    _besieged_capital(state, 30000)
    put(state, "r", "sassanids", 8, 6, 24000, "shahrbaraz")        # two hexes from Ctesiphon
    put(state, "s", "byzantium", 0, 0, 1500).hex = Hex(4, 6)        # a column behind it
    ctes = cell(10, 6)
    assert hex_distance(state.armies["r"].hex, ctes) == 2
    assert hex_distance(state.armies["s"].hex, ctes) == 3
    assert hex_distance(state.armies["s"].hex, state.armies["r"].hex) == 1
    before = _turn_at(clone(state), 0)
    assert Attack("sassanids", "r", Hex(4, 6)) in before          # the screen, and no march
    assert not any(isinstance(o, Move) for o in before)
    probe = clone(state)
    orders = _turn_at(state, levels.RELIEF_FLOOR)
    assert [type(o) for o in orders[:2]] == [Move, Attack]
    assert hex_distance(orders[0].path[-1], ctes) == 1
    assert orders[1] == Attack("sassanids", "r", ctes)
    # the odds it took: below what a relief asks otherwise, not below the floor
    probe.armies["r"].hex = orders[0].path[-1]
    win = combat.odds(probe, probe.armies["r"], ctes)["win_percent"]
    assert levels.RELIEF_FLOOR <= win < 50


def test_armies_shut_in_a_starving_capital_join_and_sally_together(state):
    """Issue 17, seed 15: 70,000 Persians in three armies starved in Ctesiphon under 62,000
    besiegers; together they would have won three battles in four, each alone lost.  At hard
    they join into one before anything else and sally at the floor's odds."""
    from game.rules import combat
    _besieged_capital(state, 30000)
    put(state, "p", "sassanids", 10, 6, 14000, "shahrbaraz")
    put(state, "q", "sassanids", 10, 6, 12000, "khosrow")
    ctes = cell(10, 6)
    turn_of(state, "sassanids")
    assert combat.odds(state, state.armies["p"], ctes)["win_percent"] < levels.RELIEF_FLOOR
    before = _turn_at(clone(state), 0)
    assert not any(isinstance(o, Attack) for o in before)
    orders = _turn_at(state, levels.RELIEF_FLOOR)
    assert orders[0] == Merge("sassanids", "q", "p")
    assert orders[1] == Attack("sassanids", "p", ctes)


def test_an_army_shut_in_a_starving_capital_does_not_leave_it_for_winter_quarters(state):
    """Issue 17, seed 19: the army shut in Ctesiphon, out of supply and starving, was sent
    to quarters in a city in supply, stepped out of the capital next to the besiegers, and
    the city was stormed behind it.  At hard (`relief`) an army shut in a beleaguered city
    sallies or stays; without the setting it still walks out."""
    _besieged_capital(state, 40000)
    put(state, "p", "sassanids", 10, 6, 12000, "shahrbaraz").supply = 5    # starving
    turn_of(state, "sassanids")
    errands = {}
    for relief in (0, levels.RELIEF_FLOOR):
        plan = Plan(state, replace(levels.get("hard"), plans=1, relief=relief))
        plan._replan(state)
        errands[relief] = plan.errands["p"]
    assert errands[0].kind == "quarters" and errands[0].hex != cell(10, 6)
    assert errands[levels.RELIEF_FLOOR].kind == "relieve"
    assert errands[levels.RELIEF_FLOOR].hex == cell(10, 6)
    orders = _turn_at(state, levels.RELIEF_FLOOR)
    assert not any(getattr(o, "army", None) == "p" for o in orders)
    assert state.armies["p"].hex == cell(10, 6)


def test_the_shortlist_of_every_army_is_the_plain_shortlist():
    """`operations._Nearest` (numpy, laid out once per plan) gives each army the goals and
    the order `_shortlist` gives over the goals it may take up: ties of worth for distance
    broken by name, then by the order given; goals led by a commander only for his army."""
    import random as _random

    from game.ai.operations import _Nearest, _shortlist
    from game.ai.strategy import Goal
    from game.hexgrid import Hex
    from game.rules.state import Army
    rng = _random.Random(5)
    for _case in range(300):
        goals = [Goal(rng.choice(["take", "visit", "attack"]), f"g{rng.randrange(8)}",
                      Hex(rng.randrange(12), rng.randrange(12)), rng.choice([1, 5, 9, 30]), 100,
                      leader=rng.choice([None, None, None, "heraclius", "philippicus"]))
                 for _ in range(rng.randrange(0, 25))]
        near = _Nearest(goals)
        for _army in range(4):
            a = Army("a", "A", "byzantium", Hex(rng.randrange(12), rng.randrange(12)), 1000,
                     commander=rng.choice([None, "heraclius", "priscus"]))
            mine = [g for g in goals if g.leader is None or g.leader == a.commander]
            n = rng.choice([0, 1, 3, 6, 40])
            got = near.shortlist(a, n)
            want = _shortlist(a, mine, n)
            assert [id(g) for g in got] == [id(g) for g in want]


def test_the_armies_known_inside_each_city_are_those_known_inside_one_by_one(state):
    """`goals` looks up the enemies it knows in each city from one grouping by hex per
    plan: the same armies, in the same order, as `known_inside` (enemies seen there, then
    armies remembered there by the city's owner), and so the same men needed."""
    from game.ai import aims as author
    from game.ai import memory
    k = knowledge.gather(state, "byzantium", levels.get("normal"),
                         author.profile(state, "byzantium"))
    cities = sorted(k.cities.values(), key=lambda c: c.id)
    per = [a for a in state.armies.values() if a.faction == "sassanids"]
    assert per and cities
    # enemies and remembered armies stacked on cities (two on one), and one elsewhere
    k.enemies = [replace(per[0], hex=cities[0].hex), replace(per[0], id="e2", hex=cities[1].hex),
                 replace(per[0], id="e3", hex=cities[0].hex, men=700), per[0]]
    k.ghosts = [memory.Sighting("g1", cities[0].owner, cities[0].hex, 900, 1),
                memory.Sighting("g2", "sassanids", cities[0].hex, 400, 1),
                memory.Sighting("g3", cities[2].owner, cities[2].hex, 300, 1)]
    inside_of = strategy._inside_index(k)
    for c in cities:
        want = strategy.known_inside(k, c)
        got = inside_of(c)
        assert [(a.id, a.faction, a.hex, a.men) for a in got] == \
            [(a.id, a.faction, a.hex, a.men) for a in want]
        assert strategy._take_need(k, c, got) == strategy.take_need(k, c)
        assert strategy._take_need(k, c, []) == strategy.take_need(k, c, inside=False)
    assert len(inside_of(cities[0])) >= 3


def _threats_one_by_one(k):
    """`strategy.threats` as a plain loop over every enemy (or remembered army) and city,
    with the hex distance of the grid."""
    from game.ai import memory
    out = {}
    own = [(c, k.level.lookahead if strategy.vital_city(k, c) else 1) for c in k.own_cities()]
    sieging = {c.hex for c in k.cities.values() if c.siege is not None}
    for e in k.enemies:
        if e.hex in sieging:
            continue
        for c, turns in own:
            budget = k.budget(e) * turns
            apart = hex_distance(e.hex, c.hex)
            if apart > budget + 1:
                continue
            if apart <= 1 or k.field(c.hex, e.faction)[k.index(e.hex)] <= budget:
                out[c.id] = out.get(c.id, 0) + e.men
    for g in k.ghosts:
        age = g.age(k.state.turn)
        s = g.men * memory.fade(age) // 100
        if s <= 0 or g.hex in sieging:
            continue
        for c, turns in own:
            budget = strategy.ghost_budget(k) * (turns + age)
            if hex_distance(g.hex, c.hex) > budget + 1:
                continue
            j = k.index(g.hex)
            if j >= 0 and k.field(c.hex, g.faction)[j] <= budget:
                out[c.id] = out.get(c.id, 0) + s
    return out


def test_the_threats_to_each_city_are_those_of_a_plain_loop(state):
    """The threats (the hex distance compared inline, not worked out) are those of a plain
    loop with the grid's hex distance, found in the same order: enemies anywhere on the
    map, next to a city, far off, and armies remembered out of sight."""
    import random as _random

    from game.ai import aims as author
    from game.ai import memory
    rng = _random.Random(11)
    hm = state.scenario.map
    per = next(a for a in state.armies.values() if a.faction == "sassanids")
    found = 0
    for _case in range(40):
        k = knowledge.gather(state, "byzantium", levels.get("normal"),
                             author.profile(state, "byzantium"))
        cities = k.own_cities()
        spots = [hm.hex_of(rng.randrange(hm.width * hm.height)) for _ in range(6)]
        spots += [rng.choice(cities).hex for _ in range(2)]
        k.enemies = [replace(per, id=f"e{i}", hex=h, men=1000 * (i + 1))
                     for i, h in enumerate(spots)]
        k.ghosts = [memory.Sighting(f"g{i}", "sassanids", h, 800 + i, state.turn - i)
                    for i, h in enumerate(rng.sample(spots, 3))]
        got = strategy.threats(k)
        assert list(got.items()) == list(_threats_one_by_one(k).items())
        found += len(got)
    assert found > 20


# --- a steady general: no goal swapped back and forth (normal) ------------------------------

def _steady(state, armies, habits=None, left=None, steady=True, goals=(), tired=None,
            back_and_forth=0):
    """Byzantium's armies (id, city, men) and the goals given, assigned with last turn's
    `habits`, the goals each army gave up (`left`) and may not go back to (`tired`)."""
    from game.ai import operations
    clear_armies(state)
    for aid, city, men in armies:
        a = put(state, aid, "byzantium", 0, 0, men)
        a.hex = state.cities[city].hex
    put(state, "p", "sassanids", 7, 6, 3000)
    turn_of(state, "byzantium")
    k = _knows(state, "byzantium")
    k.level = replace(k.level, steady=steady, back_and_forth=back_and_forth)
    k.tired = tired or {}
    fresh = [replace(g, assigned=[]) for g in goals]
    return {aid: e.goal.name if e.goal is not None else None
            for aid, e in operations.assign(k, fresh, {}, habits or {}, left or {}).items()}


def _goal(state, kind, key, city, value, need, urgent=False):
    return strategy.Goal(kind, key, state.cities[city].hex, value, need, urgent=urgent)


# --- no goal swapped back and forth more than twice in a row (normal and hard) -------------

def test_the_note_counts_the_turns_an_army_goes_back_and_forth(state):
    from game.ai import memory
    from game.ai.tactics import Errand
    clear_armies(state)
    a = put(state, "p", "sassanids", 10, 6, 20000)
    take = strategy.Goal("take", "edessa", cell(8, 5), 50, 5000)
    guard = strategy.Goal("defend", "dara", state.cities["dara"].hex, 50, 5000)
    counts = []
    for turn, g in enumerate((take, guard, take, guard, guard, take), start=1):
        state.turn = turn
        last = memory.recall_changes(state, "sassanids")
        state.plans["sassanids"] = memory.note(
            state, {"p": Errand(g.kind, g.hex, g)}, (), memory.recall(state, "sassanids"),
            memory.recall_left(state, "sassanids"), last)
        item = state.plans["sassanids"].split(";")[1].split(" ")
        counts.append(int(item[5]) if len(item) == 6 else 0)
        if turn in (2, 3, 4):       # driven off by battles after a change: followed still
            a.hex = cell(10, 6 + turn % 2)
    # A B A B: a change, then two returns; kept: 0; a change after keeping is no return
    assert counts == [0, 1, 2, 3, 0, 1]
    assert memory.changes("take:edessa", "defend:dara", "take:edessa", 3) == 4
    assert memory.changes("take:edessa", "defend:dara", "take:edessa", 0) == 1
    assert memory.note_problem("3;p 1 2 take:edessa defend:dara 3") is None
    assert memory.note_problem("3;p 1 2 take:edessa defend:dara x") is not None
    # an army with no goal is named by its errand, so its quarters count as a goal
    q = state.cities["dara"].hex
    text = memory.note(state, {"p": Errand("quarters", q)}, last={})
    assert text.endswith(f" quarters:{q.q},{q.r}")
    # (with no count kept, as at every level shipped, it is left out, and no count written)
    assert memory.note(state, {"p": Errand("quarters", q)}) == str(state.turn)


def test_an_army_that_has_gone_back_and_forth_twice_keeps_its_new_goal(state):
    take = _goal(state, "take", "edessa", "edessa", 80, 5000)
    guard = _goal(state, "defend", "jerusalem", "jerusalem", 40, 4000, urgent=True)
    armies = [("b", "open_town", 20000)]
    # the emergency calls the army to Jerusalem...
    assert _steady(state, armies, steady=False, goals=(take, guard)) == \
        {"b": "defend:jerusalem"}
    # ...but not after it has left that defence for Edessa and come back, twice
    assert _steady(state, armies, steady=False, goals=(take, guard),
                   tired={"b": guard.name}) == {"b": "take:edessa"}
    # and no goal is made for it when the one it tired of is all there is
    assert _steady(state, armies, steady=False, goals=(guard,),
                   tired={"b": guard.name})["b"] is None


def test_a_march_back_from_winter_quarters_is_no_change_of_mind(state):
    take = _goal(state, "take", "edessa", "edessa", 80, 5000)
    other = _goal(state, "take", "dara", "dara", 70, 5000)
    armies = [("b", "open_town", 20000)]
    assert _steady(state, armies, steady=False, goals=(take, other)) == {"b": "take:edessa"}
    # left for another goal last turn, Edessa counts for less, and Dara is preferred
    assert _steady(state, armies, {"b": "visit:hold:antioch"}, {"b": take.name},
                   steady=False, goals=(take, other)) == {"b": "take:dara"}
    # left for winter quarters, it is taken up again as before (where the level counts)
    assert _steady(state, armies, {"b": "quarters:3,4"}, {"b": take.name},
                   steady=False, goals=(take, other), back_and_forth=2) == {"b": "take:edessa"}


def test_the_computer_reads_its_note_and_does_not_go_back_a_third_time(state, monkeypatch):
    """Normal as shipped holds every army, a commander's too, to two returns, not a third;
    with no limit the third return is made."""
    assert levels.get("normal").back_and_forth == 2
    clear_armies(state)
    b = put(state, "b", "byzantium", 9, 4, 30000, "priscus")
    put(state, "p", "sassanids", 7, 6, 3000)
    turn_of(state, "byzantium")

    def goal_of_b(st):
        end = [o for o in play_out(st) if isinstance(o, EndTurn)][-1]
        return next(i.split(" ")[3] for i in end.plans.split(";")[1:] if i.startswith("b "))

    first = goal_of_b(clone(state))
    note = f"{state.turn - 1};b {b.hex.q} {b.hex.r} visit:hold:antioch {first}"
    for count, kept_away in ((2, False), (3, True)):
        st = clone(state)
        st.plans["byzantium"] = f"{note} {count}"
        assert (goal_of_b(st) != first) is kept_away, count
    # with no limit, the third return is made
    monkeypatch.setitem(levels.LEVELS_BY_NAME, "normal",
                        replace(levels.get("normal"), back_and_forth=0))
    st = clone(state)
    st.plans["byzantium"] = f"{note} 3"
    assert goal_of_b(st) == first


def test_winter_quarters_are_kept_from_one_turn_to_the_next(state):
    from game.ai import operations
    clear_armies(state)
    a = put(state, "b", "byzantium", 9, 4, 30000)
    turn_of(state, "byzantium")
    k = _knows(state, "byzantium")
    best = operations.winter_quarters(k, a)
    assert best == operations.nearest_own_city(k, a)
    # the city it made for last turn, while still its own, whatever is nearer now
    far = max((c for c in k.own_cities() if c.siege is None),
              key=lambda c: (hex_distance(c.hex, a.hex), c.id))
    assert far.hex != best
    assert operations.winter_quarters(k, a, f"quarters:{far.hex.q},{far.hex.r}") == far.hex
    far.owner = "sassanids"
    assert operations.winter_quarters(k, a, f"quarters:{far.hex.q},{far.hex.r}") == best


def test_a_defence_and_a_hold_of_one_place_are_one_errand(state):
    # an army holding Constantinople is not renamed to defend Chalcedon across the strait
    # (and back again next turn): it keeps its hold, and its men count for the defence
    hold = _goal(state, "visit", "hold:constantinople", "constantinople", 150, 5000)
    guard = _goal(state, "defend", "chalcedon", "chalcedon", 120, 4000, urgent=True)
    armies = [("b", "constantinople", 20000)]
    habits = {"b": hold.name}
    got = _steady(state, armies, habits, goals=(hold, guard))
    assert got == {"b": "visit:hold:constantinople"}
    # an unsteady general swaps it over to the defence
    assert _steady(state, armies, habits, steady=False, goals=(hold, guard)) == \
        {"b": "defend:chalcedon"}


def test_an_emergency_calls_an_army_bound_elsewhere_only_when_it_is_needed(state):
    take = _goal(state, "take", "edessa", "edessa", 80, 5000)
    guard = _goal(state, "defend", "jerusalem", "jerusalem", 40, 4000, urgent=True)
    habits = {"b": take.name}
    # alone, the army marching on Edessa is needed for Jerusalem, close at hand: it goes
    got = _steady(state, [("b", "open_town", 20000)], habits, goals=(take, guard))
    assert got == {"b": "defend:jerusalem"}
    # with a free army enough for the defence, the bound one keeps to its errand
    got = _steady(state, [("b", "open_town", 20000), ("c", "ancyra", 6000)], habits,
                  goals=(take, guard))
    assert got == {"b": "take:edessa", "c": "defend:jerusalem"}
    # the unsteady general took the nearest army, whatever it was doing
    got = _steady(state, [("b", "open_town", 20000), ("c", "ancyra", 6000)], habits,
                  steady=False, goals=(take, guard))
    assert got["b"] == "defend:jerusalem"


def test_an_army_far_from_the_emergency_it_gave_up_does_not_turn_back(state, monkeypatch):
    from game.ai import operations
    monkeypatch.setattr(operations, "CALLED_FROM", 0)     # the map is small: any march is far
    take = _goal(state, "take", "edessa", "edessa", 80, 5000)
    guard = _goal(state, "defend", "jerusalem", "jerusalem", 40, 4000, urgent=True)
    armies = [("b", "constantinople", 20000)]
    # on another errand, alone and far: still called, the city must be defended
    assert _steady(state, armies, {"b": take.name}, goals=(take, guard)) == \
        {"b": "defend:jerusalem"}
    # but an army that gave that defence up last turn does not march back from afar
    assert _steady(state, armies, {"b": take.name}, {"b": guard.name},
                   goals=(take, guard)) == {"b": "take:edessa"}
    assert _steady(state, armies, {"b": take.name}, {"b": guard.name}, steady=False,
                   goals=(take, guard)) == {"b": "defend:jerusalem"}


def test_an_army_does_not_go_back_to_the_defence_it_gave_up_while_another_will_do(state):
    # last turn it left Jerusalem's defence for Edessa; Edessa is no longer a goal, and
    # Jerusalem is threatened again: a free army near enough goes, not the one that left
    guard = _goal(state, "defend", "jerusalem", "jerusalem", 40, 4000, urgent=True)
    hold = _goal(state, "visit", "hold:constantinople", "constantinople", 30, 5000)
    armies = [("b", "open_town", 20000), ("c", "ancyra", 6000)]
    habits, left = {"b": "take:edessa"}, {"b": guard.name}
    got = _steady(state, armies, habits, left, goals=(guard, hold))
    assert got["c"] == "defend:jerusalem" and got["b"] != "defend:jerusalem"
    assert _steady(state, armies, habits, left, steady=False, goals=(guard, hold))["b"] == \
        "defend:jerusalem"


def test_a_defence_taken_up_lasts_while_the_enemy_stays_a_turn_further_off(state):
    clear_armies(state)
    put(state, "b", "byzantium", 0, 0, 5000).hex = state.cities["jerusalem"].hex
    e = put(state, "p", "sassanids", 0, 0, 40000)
    turn_of(state, "byzantium")
    k = _knows(state, "byzantium")
    jer = state.cities["jerusalem"].hex
    budget = M.move_budget(state, e)
    field = k.field(jer, "sassanids")
    # an enemy more than a turn's march but within two of Jerusalem, on open ground
    e.hex = next(h for h in state.scenario.map.hexes()
                 if budget + 2 < field[k.index(h)] <= 2 * budget - 2
                 and h not in state.scenario.city_at)
    k = _knows(state, "byzantium")
    assert "jerusalem" not in strategy.threats(k)
    assert strategy.threats(k, frozenset({"jerusalem"})).get("jerusalem") == 40000


def test_an_army_with_nothing_else_to_do_keeps_last_turns_defence(state):
    # the enemy stepped back out of reach: no defence of Jerusalem is asked for this turn,
    # and no other goal; the army that defended it last turn keeps to it (it does not hold
    # elsewhere and come back when the enemy steps in again)
    hold = _goal(state, "visit", "hold:constantinople", "constantinople", 30, 5000)
    armies = [("b", "jerusalem", 8000)]
    habits = {"b": "defend:jerusalem"}
    assert _steady(state, armies, habits, goals=(hold,)) == {"b": "visit:hold:constantinople"}
    assert _steady(state, armies, habits, goals=()) == {"b": "defend:jerusalem"}
    assert _steady(state, armies, habits, steady=False, goals=()) == {"b": None}


def test_a_hold_near_a_capital_in_danger_is_not_its_defence(state):
    # a steady general kept an army holding Dastagerd (four hexes off) on its errand while
    # the scripted blitz besieged and took Ctesiphon: its men counted for the capital's
    # defence and for the relief.  Only a place next to an urgent defence is one errand
    # with it, and a relief never is (only an attack lifts a siege)
    hold = _goal(state, "visit", "hold:open_town", "open_town", 150, 5000)
    guard = _goal(state, "defend", "jerusalem", "jerusalem", 120, 4000, urgent=True)
    relief = _goal(state, "relieve", "p", "jerusalem", 120, 4000, urgent=True)
    armies = [("b", "open_town", 20000)]
    habits = {"b": hold.name}
    assert _steady(state, armies, habits, goals=(hold, guard)) == {"b": "defend:jerusalem"}
    assert _steady(state, armies, habits, goals=(hold, relief)) == {"b": "relieve:p"}
    # a defence kept up beside the relief of the same city is no relief either
    kept = _goal(state, "defend", "open_town", "open_town", 150, 5000)
    assert _steady(state, armies, {"b": kept.name}, goals=(kept, relief)) == {"b": "relieve:p"}
