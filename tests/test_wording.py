"""Texts a player reads: verbs agree with plural faction names, and places are named in
words (at Dara, near Nineveh, in Armenia), never as hex coordinates."""
import re
from pathlib import Path

from game.ai import play_turn
from game.rules import changes as C
from game.rules import engine, victory
from game.rules import queries as Q
from game.rules.orders import Attack, EndTurn
from game.scenario.load import load_scenario
from tests.helpers import cell

ROOT = Path(__file__).resolve().parent.parent
COORDS = re.compile(r"\(-?\d+, ?-?\d+\)|\bhex -?\d")


def test_the_plural_key_is_read_from_the_scenario(scn):
    plural = {f.id: f.plural for f in scn.spec.factions}
    assert plural == {"byzantium": False, "sassanids": False, "avars": True}


def test_shipped_plural_names_are_marked():
    for f in sorted((ROOT / "scenarios").glob("*.yaml")):
        spec = load_scenario(f).spec
        for fac in spec.factions:
            looks_plural = fac.name.endswith(("Turks", "Slavs", "Rebels", "Heraclians", "men"))
            assert fac.plural == looks_plural, (f.name, fac.name)


def test_a_plural_faction_takes_a_city_and_wins(state):
    city = state.cities["dara"]
    (e,) = C.capture_city(state, city, "avars", None)
    assert e.text == "Avars take Dara"
    (e,) = C.capture_city(state, city, "byzantium", None)
    assert e.text == "Byzantium takes Dara"
    state.winner, state.result_kind, state.result_text = "avars", "minor", ""
    assert victory.headline(state) == "Avars win"
    state.winner = "byzantium"
    assert victory.headline(state) == "Byzantium wins"
    assert Q.agree(state, "avars", "ends its", "end their") == "end their"


def test_the_end_of_a_plural_sides_turn(state):
    events = engine.apply(state, EndTurn("byzantium"))
    assert any(e.text == "Byzantium ends its turn" for e in events)
    state.factions["avars"].in_play = True
    from game.rules import turns
    state.active = state.order.index("avars")
    events = turns.end_faction_turn(state)
    assert any(e.text == "Avars end their turn" for e in events)


def test_several_armies_that_beat_an_attack_win(state):
    byz, per, main = (state.armies[x] for x in ("byz_field", "per_raid", "per_main"))
    byz.hex, byz.men = cell(4, 2), 2000
    per.hex, main.hex = cell(5, 2), cell(5, 2)
    events = engine.apply(state, Attack("byzantium", "byz_field", cell(5, 2)))
    battle = next(e for e in events if e.kind == "battle")
    assert battle.text.endswith(f"{per.name}, {main.name} win") or \
        battle.text.endswith(f"{main.name}, {per.name} win")
    assert not battle.text.endswith("wins")


def test_a_single_winner_wins(state):
    byz, per = state.armies["byz_field"], state.armies["per_raid"]
    byz.hex, byz.men = cell(4, 2), 60000
    per.hex, per.men = cell(5, 2), 1000
    state.armies["per_main"].hex = cell(11, 7)
    events = engine.apply(state, Attack("byzantium", "byz_field", cell(5, 2)))
    battle = next(e for e in events if e.kind == "battle")
    assert battle.text.endswith(f"{byz.name} wins")


def test_places_are_named_in_words(state):
    dara = state.cities["dara"]
    assert Q.place_phrase(state, dara.hex) == "at Dara"
    assert Q.place_phrase(state, dara.hex, "to") == "to Dara"
    hm = state.scenario.map
    beside = next(h for h in (cell(9, 4), cell(11, 4), cell(10, 3), cell(10, 5))
                  if hm.place_at.get(h) is None and Q.city_at(state, h) is None)
    near = Q.place_phrase(state, beside)
    assert near.startswith("near ") and not COORDS.search(near)
    for h in (hm.hex_of(i) for i in range(hm.width * hm.height)):
        for prep in ("at", "to"):
            words = Q.place_phrase(state, h, prep)
            assert words and not COORDS.search(words), (h, words)
        assert not COORDS.search(Q.place_name(state, h))


def test_a_whole_war_is_told_without_coordinates():
    scn = load_scenario(ROOT / "scenarios" / "road_to_ctesiphon.yaml")
    state, events = engine.new_game(scn, 3)
    texts = [e.text for e in events]
    for _ in range(40):
        if state.over:
            break
        for _o, evs in play_turn(state):
            texts += [e.text for e in evs]
    assert any(t.startswith("Battle ") for t in texts)
    assert any(" marches " in t for t in texts)
    bad = [t for t in texts if COORDS.search(t)]
    assert not bad, bad[:5]
    wrong = [t for t in texts if re.search(r"(Western Turks|Avars and Slavs) (takes|ends its|wins)", t)]
    assert not wrong, wrong[:5]
