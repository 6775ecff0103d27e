"""Commander traits: each one changes the rules as its text in the traits table says."""
import dataclasses
from pathlib import Path

from game.rules import changes as C
from game.rules import economy
from game.rules.table import make_rules
from game.rules.traits import TRAITS, battle_bonus, effective_tactics
from tests.helpers import penniless

GAME = Path(__file__).resolve().parents[1] / "game"


def test_every_trait_is_read_by_a_rule_or_the_computer():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in GAME.rglob("*.py")
                        if p.name != "traits.py" and "ui" not in p.parts)
    unread = [t for t in TRAITS if f'"{t}"' not in sources
              and t not in ("valour", "duellist", "glory_seeker", "inexperienced")]
    assert not unread, f"traits no rule reads: {unread}"
    # the four battle traits are read in traits.py itself, by battle_bonus / effective_tactics
    rules = make_rules()
    for t in ("valour", "duellist", "glory_seeker"):
        assert battle_bonus(rules, [t], True) != 0
    assert effective_tactics(rules, 5, ["inexperienced"]) < 5


def test_battle_traits_take_their_numbers_from_the_table():
    rules = make_rules({"trait_valour": 25, "trait_glory_defend": 30})
    assert battle_bonus(rules, ["valour"], False) == 25
    assert battle_bonus(rules, ["glory_seeker"], False) == -30
    assert battle_bonus(rules, ["valour", "glory_seeker"], True) == 25 + rules["trait_glory_attack"]


def _take(state, ruthless: bool):
    army = state.armies["byz_field"]
    c = state.commanders[army.commander]
    if ruthless:
        c.traits.append("ruthless")
    city = state.cities["edessa"]
    f = state.factions["byzantium"]
    f.war_weariness = 20
    t0 = f.treasury
    events = C.capture_city(state, city, "byzantium", army)
    return f.treasury - t0, f.war_weariness - 20, events


def test_a_ruthless_commander_sacks_double_and_breeds_unrest(state, scn):
    from game.rules.engine import new_game
    plain, w_plain, ev_plain = _take(state, False)
    other, _ = new_game(scn, seed=7)
    sacked, w_sacked, ev_sacked = _take(other, True)
    r = state.scenario.rules
    assert plain > 0
    assert sacked == plain * r["trait_ruthless_loot"] // 100 == 2 * plain
    assert w_plain == -r["weariness_city_won"] < 0
    assert w_sacked == r["trait_ruthless_unrest"] - r["weariness_city_won"] > 0
    assert ev_sacked[0].data.sacked is True and "sacks" in ev_sacked[0].text
    assert ev_plain[0].data.sacked is False
    assert "sacked" not in ev_plain[0].to_dict()["data"]


def _unpaid_loss(state, loyalty: int) -> int:
    penniless(state, "byzantium")
    army = state.armies["byz_field"]
    cmd = state.commanders[army.commander]
    cmd.spec = dataclasses.replace(cmd.spec, loyalty=loyalty)
    men = army.men
    economy.end_of_round(state)
    return men - army.men


def test_an_unpaid_army_under_a_disloyal_commander_deserts_faster(state, scn):
    from game.rules.engine import new_game
    r = state.scenario.rules
    loyal = _unpaid_loss(state, r["disloyal_below"])
    other, _ = new_game(scn, seed=7)
    disloyal = _unpaid_loss(other, r["disloyal_below"] - 1)
    men = state.armies["byz_field"].men + loyal
    assert loyal == men * r["unpaid_desertion"] // 100 > 0
    assert disloyal == men * (r["unpaid_desertion"] * r["disloyal_desertion"] // 100) // 100
    assert disloyal > loyal
