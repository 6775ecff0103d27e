"""Every effect of the event language: a case where it acts and one where it does not.

Each test is named after the effect it checks (`test_<effect>_...`); the last
test fails when a registered effect has fewer than two.
"""
import re
from pathlib import Path

import pytest

from game.events.registry import EFFECTS
from game.hexgrid import hex_distance
from game.rules import engine
from game.rules import movement as M
from game.rules.orders import EndTurn, Move, Refused
from game.rules.state import PendingChoice, state_hash
from tests.events.lang import apply, holds
from tests.helpers import cell


def unchanged(state, text):
    before = state_hash(state)
    events = apply(state, text)
    return state_hash(state) == before and not events


# --- words and flags ---------------------------------------------------------------

def test_message_goes_to_the_listed_factions(state):
    (e,) = apply(state, "[{message: {text: The canoes are sunk., to: [sassanids]}}]")
    assert (e.kind, e.text, e.factions) == ("message", "The canoes are sunk.", ("sassanids",))


def test_message_without_a_list_goes_to_those_the_event_tells(state):
    (e,) = apply(state, "[{message: Smoke on the horizon.}]", told=("byzantium",))
    assert e.factions == ("byzantium",) and e.data.event == "evt_test"


def test_set_flag_sets_and_counts(state):
    apply(state, "[{set_flag: holy_war}, {set_flag: {name: unrest, add: 2}},"
                 " {set_flag: {name: unrest, add: 3}}, {set_flag: {name: level, value: 7}}]")
    assert state.flags == {"holy_war": 1, "unrest": 5, "level": 7}


def test_set_flag_to_the_value_it_has_changes_nothing(state):
    state.flags["holy_war"] = 1
    assert unchanged(state, "[{set_flag: holy_war}]")


def test_clear_flag_clears(state):
    state.flags["avar_truce"] = 3
    apply(state, "[{clear_flag: avar_truce}]")
    assert "avar_truce" not in state.flags and holds(state, "flag: {name: avar_truce, max: 0}")


def test_clear_flag_of_an_unset_flag_changes_nothing(state):
    assert unchanged(state, "[{clear_flag: avar_truce}]")


# --- cities ------------------------------------------------------------------------

def test_set_owner_hands_over_the_city_and_its_defenders_march_out(state):
    guard = state.armies["byz_guard"]
    guard.hex = state.cities["jerusalem"].hex
    events = apply(state, "[{set_owner: {city: jerusalem, faction: sassanids, garrison: 3000}}]")
    j = state.cities["jerusalem"]
    assert (j.owner, j.garrison) == ("sassanids", 3000)
    assert guard.hex != j.hex and hex_distance(guard.hex, j.hex) == 1
    assert any(e.kind == "captured" for e in events)
    assert state.factions["byzantium"].war_weariness > 0     # a holy city lost


def test_set_owner_to_the_owner_changes_nothing(state):
    assert unchanged(state, "[{set_owner: {city: jerusalem, faction: byzantium}}]")


def test_walls_set_and_add_within_0_to_5(state):
    apply(state, "[{walls: {city: dara, add: -1}}]")
    assert state.cities["dara"].walls == 3
    apply(state, "[{walls: {city: dara, set: 1}}, {walls: {city: ancyra, add: 9}}]")
    assert state.cities["dara"].walls == 1
    assert state.cities["ancyra"].walls == 5 and state.cities["ancyra"].max_walls == 5


def test_walls_cannot_fall_below_none(state):
    state.cities["open_town"].walls = 0
    assert unchanged(state, "[{walls: {city: open_town, add: -2}}]")


def test_garrison_set_and_add(state):
    apply(state, "[{garrison: {city: constantinople, add: 12000}}]")
    assert state.cities["constantinople"].garrison == 22000
    apply(state, "[{garrison: {city: constantinople, set: 500}}]")
    assert state.cities["constantinople"].garrison == 500


def test_garrison_is_never_negative(state):
    apply(state, "[{garrison: {city: jerusalem, add: -99999}}]")
    assert state.cities["jerusalem"].garrison == 0


def test_besiege_starts_a_siege_with_the_army_on_the_city(state):
    events = apply(state, "[{besiege: {army: per_raid, city: jerusalem}}]")
    j = state.cities["jerusalem"]
    assert j.siege is not None and j.siege.by == "sassanids"
    assert state.armies["per_raid"].hex == j.hex
    assert [e.kind for e in events] == ["siege_begun"]


def test_besiege_does_nothing_when_a_defending_army_stands_in_the_city(state):
    state.armies["byz_guard"].hex = state.cities["jerusalem"].hex
    assert unchanged(state, "[{besiege: {army: per_raid, city: jerusalem}}]")


def test_besiege_does_nothing_between_factions_at_peace(state):
    apply(state, "[{spawn_army: {id: avar_host, faction: avars, at: \"0,1\", men: 5000}}]")
    assert unchanged(state, "[{besiege: {army: avar_host, city: constantinople}}]")


# --- armies ------------------------------------------------------------------------

def test_spawn_army_with_an_id_and_a_commander(state):
    events = apply(state, "[{spawn_army: {id: avar_host, faction: avars, at: \"0,1\", "
                          "men: 9000, commander: khagan, morale: 90}}]")
    a = state.armies["avar_host"]
    assert (a.faction, a.hex, a.men, a.commander, a.morale) == ("avars", cell(0, 1), 9000,
                                                                "khagan", 90)
    assert events[0].data.army == "avar_host"


def test_spawn_army_next_to_a_city_it_may_not_enter(state):
    apply(state, "[{spawn_army: {id: raiders, faction: sassanids, at: jerusalem, men: 4000}}]")
    a = state.armies["raiders"]
    assert hex_distance(a.hex, state.cities["jerusalem"].hex) == 1


def test_spawn_army_leaves_out_a_commander_of_another_faction_or_a_dead_one(state):
    state.commanders["khagan"].alive = False
    apply(state, "[{spawn_army: {id: a1, faction: sassanids, at: dara, men: 4000, "
                 "commander: priscus}}, {spawn_army: {id: a2, faction: avars, at: \"0,1\", "
                 "men: 4000, commander: khagan}}]")
    assert state.armies["a1"].commander is None and state.armies["a2"].commander is None
    assert state.armies["byz_field"].commander == "priscus"


def test_reinforce_adds_and_takes_men(state):
    apply(state, "[{reinforce: {army: byz_field, men: 1000}}]")
    assert state.armies["byz_field"].men == 21000
    apply(state, "[{reinforce: {army: byz_field, men: -20900}}]")
    assert "byz_field" not in state.armies              # 100 men left: it disbands
    assert state.factions["byzantium"].men_lost == 21000      # and they count as lost


def test_reinforce_of_an_army_not_on_the_map_does_nothing(state):
    assert "avar_host" not in state.armies     # an id the test scenario's events spawn
    assert unchanged(state, "[{reinforce: {army: avar_host, men: 1000}}]")


def test_remove_army_sends_it_home_without_counting_losses(state):
    apply(state, "[{remove_army: byz_guard}]")
    assert "byz_guard" not in state.armies
    assert state.factions["byzantium"].men_lost == 0


def test_remove_army_already_gone_does_nothing(state):
    del state.armies["byz_guard"]
    assert unchanged(state, "[{remove_army: byz_guard}]")


def test_move_army_to_a_place_or_next_to_it(state):
    apply(state, "[{move_army: {army: byz_field, to: jerusalem}}]")
    assert state.armies["byz_field"].hex == state.cities["jerusalem"].hex
    apply(state, "[{move_army: {army: byz_guard, to: \"9,5\"}}]")   # Persians stand there
    assert hex_distance(state.armies["byz_guard"].hex, cell(9, 5)) == 1


def test_move_army_where_it_already_is_does_nothing(state):
    assert unchanged(state, "[{move_army: {army: byz_field, to: ancyra}}]")


def test_morale_of_a_faction_or_an_army_within_0_to_100(state):
    apply(state, "[{morale: {faction: byzantium, amount: 10}}, "
                 "{morale: {army: per_main, amount: -100}}]")
    assert state.armies["byz_field"].morale == 80 and state.armies["byz_guard"].morale == 80
    assert state.armies["per_main"].morale == 0 and state.armies["per_raid"].morale == 70


def test_morale_of_a_faction_without_armies_does_nothing(state):
    assert unchanged(state, "[{morale: {faction: avars, amount: 10}}]")


# --- money and mood ------------------------------------------------------------------

def test_treasury_changes_and_never_goes_below_zero(state):
    apply(state, "[{treasury: {faction: byzantium, amount: 50}}]")
    assert state.factions["byzantium"].treasury == 150
    apply(state, "[{treasury: {faction: byzantium, amount: -1000}}]")
    assert state.factions["byzantium"].treasury == 0


def test_treasury_of_an_empty_purse_cannot_fall(state):
    state.factions["avars"].treasury = 0
    assert unchanged(state, "[{treasury: {faction: avars, amount: -5}}]")


def test_income_changes_and_never_goes_below_zero(state):
    apply(state, "[{income: {faction: byzantium, amount: 3}}]")
    assert state.factions["byzantium"].income == 8
    apply(state, "[{income: {faction: byzantium, amount: -100}}]")
    assert state.factions["byzantium"].income == 0


def test_income_of_nothing_cannot_fall(state):
    assert unchanged(state, "[{income: {faction: avars, amount: -5}}]")


def test_weariness_is_kept_within_0_to_100(state):
    apply(state, "[{weariness: {faction: sassanids, amount: 150}}]")
    assert state.factions["sassanids"].war_weariness == 100


def test_weariness_cannot_fall_below_zero(state):
    assert unchanged(state, "[{weariness: {faction: byzantium, amount: -5}}]")


# --- war and peace ---------------------------------------------------------------------

def test_relation_peace_ends_sieges_and_the_besiegers_march_out(state):
    apply(state, "[{besiege: {army: per_raid, city: jerusalem}}]")
    events = apply(state, "[{relation: {a: sassanids, b: byzantium, status: peace}}]")
    j = state.cities["jerusalem"]
    assert j.siege is None and state.armies["per_raid"].hex != j.hex
    assert holds(state, "relation: {a: byzantium, b: sassanids, status: peace}")
    assert events[0].public and {"siege_lifted", "moved"} <= {e.kind for e in events}


def test_relation_war_between_allies_on_one_hex_parts_them(state):
    apply(state, "[{relation: {a: avars, b: byzantium, status: alliance}},"
                 " {spawn_army: {id: avar_host, faction: avars, at: constantinople, men: 5000}}]")
    city = state.cities["constantinople"].hex
    assert state.armies["avar_host"].hex == city               # a guest in an ally's city
    apply(state, "[{relation: {a: avars, b: byzantium, status: war}}]")
    assert state.armies["avar_host"].hex != city                # the guest leaves
    assert state.armies["byz_guard"].hex == city


def test_relation_tribute_records_payer_and_amount(state):
    apply(state, "[{relation: {a: avars, b: byzantium, status: tribute, payer: byzantium, "
                 "amount: 10}}]")
    r = state.relations["avars|byzantium"]
    assert (r.status, r.payer, r.amount) == ("tribute", "byzantium", 10)


def test_relation_already_so_moves_nothing(state):
    before = (dict(state.relations), {a.id: a.hex for a in state.armies.values()})
    apply(state, "[{relation: {a: byzantium, b: sassanids, status: war}}]")
    assert (dict(state.relations), {a.id: a.hex for a in state.armies.values()}) == before


def test_enter_war_brings_a_faction_in_against_some_and_allied_to_others(state):
    events = apply(state, "[{enter_war: {faction: avars, against: [byzantium], "
                          "allies: [sassanids]}}]")
    assert state.factions["avars"].in_play
    assert holds(state, "relation: {a: avars, b: byzantium, status: war}")
    assert holds(state, "relation: {a: avars, b: sassanids, status: alliance}")
    assert events[0].text == "Entering the war: Avars"


def test_enter_war_of_a_faction_in_play_says_nothing(state):
    assert unchanged(state, "[{enter_war: byzantium}]")


def test_leave_war_sends_armies_home_and_makes_peace(state):
    state.pending.append(PendingChoice("evt_test_tribute", "sassanids"))
    apply(state, "[{leave_war: sassanids}]")
    assert not state.factions["sassanids"].in_play
    assert not [a for a in state.armies.values() if a.faction == "sassanids"]
    assert holds(state, "relation: {a: byzantium, b: sassanids, status: peace}")
    assert not state.pending


def test_leave_war_without_peace_keeps_the_war(state):
    apply(state, "[{leave_war: {faction: sassanids, peace: false}}]")
    assert holds(state, "relation: {a: byzantium, b: sassanids, status: war}")


# --- commanders and rulers -----------------------------------------------------------

def test_kill_commander_leaves_his_army_and_his_throne_empty(state):
    state.armies["byz_guard"].commander = "phocas"
    events = apply(state, "[{kill_commander: phocas}]")
    assert not state.commanders["phocas"].alive
    assert state.armies["byz_guard"].commander is None
    assert state.factions["byzantium"].ruler is None
    assert events[0].kind == "commander_died"


def test_kill_commander_already_dead_does_nothing(state):
    state.commanders["priscus"].alive = False
    assert unchanged(state, "[{kill_commander: priscus}]")


def test_assign_commander_moves_him_to_the_army(state):
    apply(state, "[{assign_commander: {commander: priscus, army: byz_guard}}]")
    assert state.armies["byz_guard"].commander == "priscus"
    assert state.armies["byz_field"].commander is None


def test_assign_commander_to_an_army_of_another_faction_does_nothing(state):
    assert unchanged(state, "[{assign_commander: {commander: priscus, army: per_raid}}]")


def test_replace_commander_hands_his_army_to_another(state):
    events = apply(state, "[{replace_commander: {commander: priscus, by: phocas, dies: true}}]")
    assert state.armies["byz_field"].commander == "phocas"
    assert not state.commanders["priscus"].alive
    assert "Phocas takes command" in events[0].text


def test_replace_commander_who_leads_no_army_does_nothing(state):
    assert unchanged(state, "[{replace_commander: {commander: phocas, by: priscus}}]")


def test_replace_commander_by_one_of_another_faction_does_nothing(state):
    assert unchanged(state, "[{replace_commander: {commander: priscus, by: khosrow}}]")


def test_move_commander_to_another_army(state):
    apply(state, "[{move_commander: {commander: priscus, army: byz_guard}}]")
    assert state.armies["byz_guard"].commander == "priscus"
    assert state.armies["byz_field"].commander is None


def test_move_commander_to_a_place_takes_over_the_army_there(state):
    apply(state, "[{move_commander: {commander: priscus, to: constantinople}}]")
    assert state.armies["byz_guard"].commander == "priscus"


def test_move_commander_to_a_place_without_an_army_gets_an_escort(state):
    apply(state, "[{move_commander: {commander: phocas, to: jerusalem, escort: 2000}}]")
    (escort,) = [a for a in state.armies.values() if a.commander == "phocas"]
    assert escort.hex == state.cities["jerusalem"].hex and escort.men == 2000
    assert escort.faction == "byzantium"


def test_move_commander_who_is_dead_does_nothing(state):
    state.commanders["phocas"].alive = False
    assert unchanged(state, "[{move_commander: {commander: phocas, to: jerusalem}}]")


def test_set_ruler_crowns_a_commander(state):
    events = apply(state, "[{set_ruler: {faction: byzantium, commander: priscus}}]")
    assert holds(state, "ruler: {faction: byzantium, commander: priscus}")
    assert events[0].public and events[0].text == "Priscus now rules Byzantium"


def test_set_ruler_from_another_faction_changes_his_allegiance(state):
    apply(state, "[{set_ruler: {faction: byzantium, commander: shahrbaraz}}]")
    assert state.commanders["shahrbaraz"].faction == "byzantium"
    assert state.armies["per_main"].commander is None


def test_set_ruler_who_already_rules_does_nothing(state):
    assert unchanged(state, "[{set_ruler: {faction: byzantium, commander: phocas}}]")


def test_change_side_takes_his_army_along_and_parts_it_from_old_friends(state):
    state.armies["per_raid"].hex = state.armies["per_main"].hex
    apply(state, "[{change_side: {commander: shahrbaraz, faction: byzantium}}]")
    main, raid = state.armies["per_main"], state.armies["per_raid"]
    assert main.faction == "byzantium" and state.commanders["shahrbaraz"].faction == "byzantium"
    assert hex_distance(main.hex, raid.hex) == 1 and raid.hex == cell(9, 5)


def test_change_side_of_a_ruler_empties_his_throne(state):
    apply(state, "[{change_side: {commander: khosrow, faction: byzantium}}]")
    assert state.factions["sassanids"].ruler is None


def test_change_side_to_his_own_faction_does_nothing(state):
    assert unchanged(state, "[{change_side: {commander: shahrbaraz, faction: sassanids}}]")


# --- the map ---------------------------------------------------------------------------

def _persians_at_chalcedon(state):
    apply(state, "[{set_owner: {city: chalcedon, faction: sassanids}}]")
    raid = state.armies["per_raid"]
    raid.hex, raid.moves = cell(2, 2), 6
    engine.apply(state, EndTurn("byzantium"))


def test_open_strait_lets_an_army_without_a_fleet_cross(state):
    _persians_at_chalcedon(state)
    state.armies["per_raid"].moves = 6
    order = Move("sassanids", "per_raid", (cell(1, 1),))
    with pytest.raises(Refused) as exc:
        engine.check(state, order)
    assert exc.value.rule == "strait"
    apply(state, "[{open_strait: {strait: bosporus, faction: sassanids}}]")
    engine.check(state, order)


def test_open_strait_already_open_changes_nothing(state):
    assert unchanged(state, "[{open_strait: {strait: bosporus, faction: byzantium}}]")


def test_close_strait_stops_even_a_fleet(state):
    apply(state, "[{close_strait: {strait: bosporus, faction: byzantium}}]")
    assert "bosporus" not in M.obstacles(state, "byzantium").straits
    guard = state.armies["byz_guard"]
    guard.hex, guard.moves = cell(1, 1), 6
    with pytest.raises(Refused) as exc:
        engine.check(state, Move("byzantium", "byz_guard", (cell(2, 2),)))
    assert exc.value.rule == "strait"


def test_close_strait_already_closed_changes_nothing(state):
    assert unchanged(state, "[{close_strait: {strait: bosporus, faction: sassanids}}]")


def test_pass_state_closes_and_opens_a_pass_whatever_the_season(state):
    apply(state, "[{pass_state: {pass: high_pass, to: closed}}]")
    assert not holds(state, "pass_open: high_pass")
    assert M.obstacles(state, "byzantium").closed_passes
    apply(state, "[{pass_state: {pass: high_pass, to: auto}}]")
    assert holds(state, "pass_open: high_pass")
    state.month = 12
    assert not holds(state, "pass_open: high_pass")
    apply(state, "[{pass_state: {pass: high_pass, to: open}}]")
    assert holds(state, "pass_open: high_pass")


def test_pass_state_auto_when_left_to_the_seasons_changes_nothing(state):
    assert unchanged(state, "[{pass_state: {pass: high_pass, to: auto}}]")


# --- the end -------------------------------------------------------------------------

def test_end_game_victory(state):
    (e,) = apply(state, "[{end_game: {outcome: victory, faction: byzantium, kind: decisive, "
                        "text: Rome stands in Ctesiphon.}}]")
    assert (state.over, state.winner, state.loser, state.result_kind) == (
        True, "byzantium", None, "decisive")
    assert e.kind == "game_over" and e.text == "Byzantium wins: Rome stands in Ctesiphon."


def test_end_game_defeat_gives_the_win_to_its_one_enemy(state):
    (e,) = apply(state, "[{end_game: {outcome: defeat, faction: sassanids}}]")
    assert (state.winner, state.loser, state.result_kind) == ("byzantium", "sassanids", "major")
    assert e.text == "Byzantium wins; defeat for Sassanid Persia"


def test_end_game_defeat_of_a_faction_without_one_enemy_has_no_winner(state):
    (e,) = apply(state, "[{end_game: {outcome: defeat, faction: avars, text: They scatter.}}]")
    assert (state.winner, state.loser) == (None, "avars")
    assert e.text == "Defeat for Avars: They scatter."


def test_end_game_peace_with_or_without_a_side_that_gains(state, scn):
    from tests.events.lang import fresh
    apply(state, "[{end_game: {outcome: peace, text: Both sides are spent.}}]")
    assert (state.winner, state.result_kind) == (None, "peace")
    other = fresh(scn)
    (e,) = apply(other, "[{end_game: {outcome: peace, faction: byzantium, "
                        "text: Kavad sues for peace.}}]")
    assert (other.winner, other.result_kind) == ("byzantium", "peace")
    assert e.text == "Byzantium wins a negotiated peace: Kavad sues for peace."


def test_end_game_when_the_game_is_over_does_nothing(state):
    apply(state, "[{end_game: {outcome: victory, faction: byzantium}}]")
    assert unchanged(state, "[{end_game: {outcome: victory, faction: sassanids}}]")


# --- treaties, traits and effects that depend on the game ----------------------------

def _region(state, city):
    return state.scenario.map.region_of(state.cities[city].hex)


def test_cede_cities_hands_over_a_region_without_a_fight(state):
    region = _region(state, "dara")
    inside = {c for c, x in state.cities.items()
              if x.owner == "sassanids" and _region(state, c) == region}
    outside = {c for c, x in state.cities.items() if c not in inside}
    owners = {c: state.cities[c].owner for c in outside}
    money = {f: x.treasury for f, x in state.factions.items()}
    events = apply(state, f"[{{cede_cities: {{faction: sassanids, to: byzantium, "
                          f"region: {region}, garrison: 500}}}}]")
    assert inside and {e.data.city for e in events if e.kind == "captured"} == inside
    assert all(state.cities[c].owner == "byzantium" and state.cities[c].garrison == 500
               for c in inside)
    assert {c: state.cities[c].owner for c in outside} == owners
    assert {f: x.treasury for f, x in state.factions.items()} == money     # nobody loots


def test_cede_cities_only_those_listed_and_nothing_once_they_are_gone(state):
    apply(state, "[{cede_cities: {faction: sassanids, to: byzantium, cities: [edessa]}}]")
    assert state.cities["edessa"].owner == "byzantium"
    assert state.cities["dara"].owner == "sassanids"
    assert state.cities["edessa"].garrison == 0
    assert unchanged(state, "[{cede_cities: {faction: sassanids, to: byzantium, "
                            "cities: [edessa]}}]")


def test_cede_cities_is_checked_at_load(scn):
    from tests.events.lang import problems
    assert problems(scn, "[{cede_cities: {faction: sassanids, to: sassanids}}]", effects=True)
    both = problems(scn, "[{cede_cities: {faction: sassanids, to: byzantium, region: syria, "
                         "cities: [dara]}}]", effects=True)
    assert any("not both" in p for p in both)


def test_trait_added_and_removed(state):
    apply(state, "[{trait: {commander: priscus, add: valour}}, "
                 "{trait: {commander: phocas, remove: tyrant}}]")
    assert state.commanders["priscus"].traits == ["valour"]
    assert state.commanders["phocas"].traits == []


def test_trait_already_there_or_already_gone_changes_nothing(state, scn):
    from tests.events.lang import problems
    assert unchanged(state, "[{trait: {commander: phocas, add: tyrant}}, "
                            "{trait: {commander: priscus, remove: valour}}]")
    bad = problems(scn, "[{trait: {commander: priscus, add: valor}}]", effects=True)
    assert bad and "valour" in bad[0]                       # the suggestion
    assert problems(scn, "[{trait: {commander: priscus}}]", effects=True)


def test_if_runs_then_or_otherwise_as_the_game_stands(state):
    text = ("[{if: {when: {owns: {faction: sassanids, city: dara}}, "
            "then: [{set_flag: dara_persian}], otherwise: [{set_flag: dara_roman}]}}]")
    apply(state, text)
    assert state.flags == {"dara_persian": 1}
    state.flags.clear()
    state.cities["dara"].owner = "byzantium"
    apply(state, text)
    assert state.flags == {"dara_roman": 1}


def test_if_without_otherwise_does_nothing_when_false_and_is_checked_inside(state, scn):
    from tests.events.lang import problems
    assert unchanged(state, "[{if: {when: {owns: {faction: byzantium, city: dara}}, "
                            "then: [{set_flag: x}]}}]")
    bad = problems(scn, "[{if: {when: {owns: {faction: byzantium, city: dara}}, "
                        "then: [{set_flagg: x}]}}]", effects=True)
    assert bad and "then[0]" in bad[0]


def test_ai_aims_replace_or_keep_and_survive_a_save(state):
    from game.rules.state import state_from_dict, state_to_dict
    apply(state, "[{ai_aims: {faction: sassanids, aims: [{take: ancyra, weight: 300}]}}]")
    apply(state, "[{ai_aims: {faction: sassanids, keep: true, aims: [{hold: dara}]}}]")
    aims = state.direction["sassanids"].aims
    assert [(a.kind, a.target, a.weight) for a in aims] == [("take", "ancyra", 300),
                                                             ("hold", "dara", 150)]
    assert state_from_dict(state_to_dict(state), state.scenario).direction == state.direction
    apply(state, "[{ai_aims: {faction: sassanids, aims: [{shadow: priscus}]}}]")
    assert [a.target for a in state.direction["sassanids"].aims] == ["priscus"]


def test_ai_aims_are_checked_at_load(scn):
    from tests.events.lang import problems
    bad = problems(scn, "[{ai_aims: {faction: sassanids, aims: [{threaten: ancira}, "
                        "{take: dara, start: 604-03, end: 603-12}]}}]", effects=True)
    assert any("did you mean 'ancyra'" in m for m in bad)
    assert any("aims[1].end" in m and "before it starts" in m for m in bad)


def test_ai_posture_sets_how_it_makes_war(state):
    apply(state, "[{ai_posture: {faction: byzantium, posture: defend}}]")
    assert state.direction["byzantium"].posture == "defend"
    assert state.direction["byzantium"].aims == []


def test_ai_posture_refuses_an_unknown_posture(scn):
    from tests.events.lang import problems
    bad = problems(scn, "[{ai_posture: {faction: byzantium, posture: defence}}]", effects=True)
    assert bad and "did you mean 'defend'" in bad[0]


# --- coverage ----------------------------------------------------------------------

def test_every_effect_has_at_least_two_tests():
    names = re.findall(r"^def test_(\w+)\(", Path(__file__).read_text(), re.M)
    missing = [e for e in EFFECTS if sum(1 for n in names if n.startswith(e + "_")) < 2]
    assert not missing, f"effects with fewer than two tests here: {missing}"



def test_moves_made_by_effects_are_told_through_fog_like_marches(fog_state):
    from game.session.view import events_for
    state = fog_state
    events = apply(state, "[{move_army: {army: byz_field, to: \"8,4\"}}]")
    (moved,) = [e for e in events if e.kind == "moved"]
    assert moved.data.start == cell(5, 3)
    assert moved.data.path == (cell(8, 4),)
    (seen,) = [e for e in events_for(events, state, "sassanids") if e.kind == "moved"]
    assert seen.data.path == moved.data.path     # the Persians next to it see it arrive
