"""Income, upkeep, raising troops, unpaid armies."""
import pytest

from game.rules import economy, engine, turns
from game.rules.orders import Raise, Refused
from tests.helpers import penniless


def test_income_counts_cities_lands_and_tribute(state):
    months = state.months_per_turn
    cities = sum(c.income for c in state.cities.values() if c.owner == "byzantium")
    assert economy.income(state, "byzantium") == (cities + 5) * months
    from game.rules.state import Relation
    state.relations["avars|byzantium"] = Relation("tribute", "byzantium", 4)
    assert economy.income(state, "byzantium") == (cities + 5 - 4) * months
    assert economy.income(state, "avars") == 4 * months


def test_end_of_round_pays_income_less_upkeep(state):
    t0 = state.factions["byzantium"].treasury
    net = economy.income(state, "byzantium") - economy.upkeep(state, "byzantium")
    economy.end_of_round(state)
    assert state.factions["byzantium"].treasury == t0 + net


def test_unpaid_troops_lose_morale_and_men(state):
    penniless(state, "byzantium")
    f = state.factions["byzantium"]
    byz = state.armies["byz_field"]
    men, morale = byz.men, byz.morale
    events = economy.end_of_round(state)
    assert f.treasury == 0
    assert byz.morale < morale and byz.men < men
    assert any(e.data.unpaid for e in events)


def test_raising_troops_costs_money_and_is_limited(state):
    f = state.factions["byzantium"]
    t0 = f.treasury
    men0 = state.armies["byz_field"].men
    engine.apply(state, Raise("byzantium", "ancyra", 1000))
    assert state.armies["byz_field"].men == men0 + 1000      # joins the army in the city
    assert f.treasury == t0 - economy.raise_cost(state, 1000)
    limit = economy.raise_limit(state)
    with pytest.raises(Refused) as exc:
        engine.check(state, Raise("byzantium", "ancyra", limit))
    assert exc.value.rule == "raise_limit"
    engine.apply(state, Raise("byzantium", "jerusalem", 1000))   # no army there: a new one
    assert any(a.hex == state.cities["jerusalem"].hex for a in state.armies.values())
    f.treasury = 0
    with pytest.raises(Refused) as exc:
        engine.check(state, Raise("byzantium", "caesarea", 1000))
    assert exc.value.rule == "no_money"
    with pytest.raises(Refused) as exc:
        engine.check(state, Raise("byzantium", "edessa", 1000))
    assert exc.value.rule == "not_your_city"


def test_war_weariness_grows_with_losses_and_years(state):
    from game.rules import changes
    f = state.factions["byzantium"]
    w = f.war_weariness
    changes.record_losses(state, "byzantium", 25000)     # a hard year: no quiet recovery
    assert f.war_weariness == w + 2 * state.scenario.rules["weariness_per_10000_lost"]
    w = f.war_weariness
    economy.new_year(state)
    assert f.war_weariness == w + state.scenario.rules["weariness_yearly"] + 1  # Phocas: tyrant


def test_war_weariness_falls_in_a_quiet_year_of_war(state):
    from game.rules import changes
    r = state.scenario.rules
    f = state.factions["sassanids"]
    f.war_weariness = 50
    changes.record_losses(state, "sassanids", r["weariness_quiet_men"] - 1)
    economy.new_year(state)              # few men lost since the war began: a quiet year
    assert f.war_weariness == 50 + r["weariness_yearly"] - r["weariness_quiet_recovery"]
    w = f.war_weariness
    changes.record_losses(state, "sassanids", r["weariness_quiet_men"])
    w = f.war_weariness
    economy.new_year(state)              # a year of heavy losses: no recovery
    assert f.war_weariness == w + r["weariness_yearly"]
    w = f.war_weariness
    economy.new_year(state)              # and the next year counts only its own losses
    assert f.war_weariness == w + r["weariness_yearly"] - r["weariness_quiet_recovery"]


def test_round_records_stats_for_charts(state):
    n = len(state.history)
    turns.end_of_round(state)
    assert len(state.history) == n + 1
    row = state.history[-1]
    assert row.cities["byzantium"] == sum(1 for c in state.cities.values() if c.owner == "byzantium")
    assert row.men["sassanids"] > 0
