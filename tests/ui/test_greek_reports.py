"""What the rules word in English (battle reports, refusals, goals, the war against
history) said again in Greek by the screen, numbers grouped the Greek way, and places
named as Greek names them (a city, a fortress, a spot of the map)."""
from __future__ import annotations

import pytest

from game import i18n
from game.rules import engine
from game.rules.orders import Attack, Move, Refused
from game.ui import describe
from tests.helpers import cell


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def test_numbers_are_grouped_as_each_language_writes_them():
    assert i18n.number(12500) == "12,500"
    assert i18n.number(-1200, sign=True) == "-1,200"
    i18n.set_language("el")
    assert i18n.number(12500) == "12.500"
    assert i18n.number(1200, sign=True) == "+1.200"
    assert i18n.number(999) == "999"
    assert describe.n(2_000_000) == "2.000.000"


def battle(state):
    state.armies["per_raid"].hex = cell(6, 3)          # next to Ancyra
    state.armies["per_raid"].men = 2000
    state.armies["byz_field"].men = 30000
    return engine.apply(state, Attack("byzantium", "byz_field", cell(6, 3)))


def test_a_battle_and_its_retreat_are_reported_in_greek(state):
    events = battle(state)
    fought = next(e for e in events if e.kind == "battle")
    assert fought.text.startswith("Battle ")           # the rules' own words stay English
    i18n.set_language("el")
    text = describe.event_text(state, fought)
    assert text.startswith("Μάχη ") and "30.000 άνδρες" in text and "2.000 άνδρες" in text
    assert "νικά" in text and "Battle" not in text and " men" not in text
    back = [e for e in events if e.kind == "retreated"]
    # the army is the subject, in the nominative: "<army> υποχωρεί", no "<army>: ..."
    assert back and all(describe.event_text(state, e).endswith(" υποχωρεί")
                        and ":" not in describe.event_text(state, e) for e in back)
    title, report = describe.casualty_report(state, fought, events[events.index(fought) + 1:])
    assert "Μάχη" in title and "falls back" not in report and "υποχωρεί" in report


def test_a_refusal_is_given_in_greek_with_its_names_and_numbers(state):
    with pytest.raises(Refused) as r:
        engine.check(state, Move("byzantium", "byz_field", (cell(9, 3),)))
    assert r.value.message == "step 1 of the march does not lead to a neighbouring hex"
    i18n.set_language("el")
    assert describe.refusal_text(state, r.value) == \
        "Το βήμα 1 της πορείας δεν οδηγεί σε γειτονικό εξάγωνο"
    state.factions["byzantium"].treasury = 10
    from game.rules.orders import Raise
    city = next(c for c in state.cities.values() if c.owner == "byzantium" and c.siege is None)
    with pytest.raises(Refused) as r:
        engine.check(state, Raise("byzantium", city.id, 2000))
    said = describe.refusal_text(state, r.value)
    assert "2.000 άνδρες" in said and "το ταμείο έχει 10" in said, said


def test_a_nested_reason_is_translated_too(state):
    """A march onto an enemy army: the reason inside the refusal is Greek as well."""
    state.armies["per_raid"].hex = cell(6, 3)
    with pytest.raises(Refused) as r:
        engine.check(state, Move("byzantium", "byz_field", (cell(6, 3),)))
    assert r.value.rule == "hex_occupied" and "holds it (attack it instead)" in r.value.message
    i18n.set_language("el")
    said = describe.refusal_text(state, r.value)
    assert said.startswith("Στρατός (Priscus) δεν μπορεί να συνεχίσει κοντά στην πόλη Ancyra")
    assert "Στρατός της παράταξης Sassanid Persia το κρατά" in said and "holds" not in said


def test_places_are_worded_as_greek_words_a_city_a_fortress_and_a_spot(state):
    from game.rules import queries as Q
    town = next(c for c in state.cities.values() if c.kind == "city")
    i18n.set_language("el")
    assert describe.place_phrase(state, town.hex) == f"στην πόλη {town.name}"
    fort = next((c for c in state.cities.values() if c.kind == "fortress"), None)
    if fort is not None:
        assert describe.place_phrase(state, fort.hex) == f"στο φρούριο {fort.name}"
    hm = Q.hexmap(state)
    spot = next(((h, pid) for h, pid in hm.place_at.items()
                 if Q.city_at(state, h) is None), None)
    if spot is not None:
        assert describe.place_phrase(state, spot[0]).startswith("στη θέση ")
    assert "σημείο" not in describe.place_phrase(state, town.hex)


def test_the_goals_of_the_aims_are_said_in_greek(state):
    from game.session import objectives
    english = [g.text for a in objectives.aims(state, "byzantium") for g in a.goals]
    i18n.set_language("el")
    greek = [describe.say(state, g.words, g.text) for a in objectives.aims(state, "byzantium")
             for g in a.goals]
    assert english and len(greek) == len(english)
    assert all(g != e for g, e in zip(greek, english)), list(zip(english, greek))


def test_a_commanders_traits_are_named_and_explained_in_greek(state):
    from game.session.view import observe
    army = state.armies["byz_field"]
    state.commanders[army.commander].traits = ["valour", "winter_campaigner"]
    i18n.set_language("el")
    text = describe.army_html(observe(state, "byzantium"), army, True)
    assert "ανδρεία" in text and "Ηγείται από την πρώτη γραμμή" in text
    assert "χειμερινός πολεμιστής" in text
    assert "valour" not in text and "Leads" not in text and "winter campaigner" not in text


def test_a_chronicle_rebuilt_from_the_games_record_reads_in_greek():
    # a save whose chronicle was not kept with it (a headless run's, an old one) is given
    # its scripted events again from state.log: their titles and options in the language in use
    from game.rules.state import LogEntry
    from game.scenario.load import load_scenario
    st, _ = engine.new_game(load_scenario("scenarios/full_war.yaml"), 1)
    revolt = LogEntry(5, 603, 3, "evt_603_narses_revolt", "Narses holds Edessa", ["byzantium"])
    oath = LogEntry(9, 605, 3, "evt_605_narses_surrender", "x", ["byzantium"], choice="accept")
    assert describe.log_entry_line(st, revolt).endswith(": Narses holds Edessa")
    i18n.set_language("el")
    assert describe.log_entry_line(st, revolt).endswith(": Ο Ναρσής κρατά την Έδεσσα")
    line = describe.log_entry_line(st, oath)
    assert line.endswith("(Εμπιστευτείτε τον όρκο)") and "accept" not in line
    assert "603" in describe.log_entry_line(st, revolt)
