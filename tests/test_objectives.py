"""What a side needs to win and how far it has got (game/session/objectives.py), headless."""
from __future__ import annotations

import pytest

from game.ai import placeholder
from game.rules import engine, vision
from game.rules.state import Relation, relation_key
from game.scenario.load import load_scenario
from game.session import objectives
from tests.conftest import TEST_SCENARIO

COUNTED = ("  - {faction: byzantium, kind: major, check: end, text: Most of the East.,\n"
           "     when: {owns: {faction: byzantium, count: 3,\n"
           "                   cities: [jerusalem, ancyra, edessa, dara, caesarea]}}}\n")


@pytest.fixture(scope="module")
def counted_scn(tmp_path_factory):
    """The test scenario with one more aim: hold 3 of 5 cities (fog on, for what is known)."""
    text = TEST_SCENARIO.read_text(encoding="utf-8")
    text = text.replace("\nai:\n", "\n" + COUNTED + "ai:\n", 1)
    text = text.replace("\nfog: false\n", "\nfog: true\nknown_map: false\n")
    path = tmp_path_factory.mktemp("aims") / "test_aims.yaml"
    path.write_text(text.replace("id: test_small", "id: test_aims", 1), encoding="utf-8")
    return load_scenario(path)


def own_aim(state, side, kind):
    return next(a for a in objectives.aims(state, side) if a.faction == side and a.kind == kind)


def test_a_count_of_cities_shows_how_many_are_held(counted_scn):
    st, _ = engine.new_game(counted_scn, 1)
    aim = own_aim(st, "byzantium", "major")
    assert aim.at_end and aim.result == "Most of the East."
    [goal] = aim.goals
    assert goal.text.startswith("Byzantium holds 3 of Jerusalem, Ancyra, Edessa")
    assert goal.progress == "holds 3 of 5; not Edessa and Dara" and goal.met is True
    st.cities["ancyra"].owner = "sassanids"          # lost in plain sight of its own side
    goal = own_aim(st, "byzantium", "major").goals[0]
    assert goal.progress.startswith("holds 2 of 5") and goal.met is False


def test_progress_is_what_the_side_knows_not_the_hidden_truth(counted_scn):
    st, _ = engine.new_game(counted_scn, 1)
    st.cities["ancyra"].owner = "avars"              # where Persia does not see
    assert not vision.sees(st, "sassanids", st.cities["ancyra"].hex)
    theirs = next(a for a in objectives.aims(st, "sassanids") if a.faction == "byzantium"
                  and a.kind == "major")
    assert theirs.goals[0].progress.startswith("holds 3 of 5")   # Persia believes it Roman
    truth = next(a for a in objectives.aims(st, None) if a.faction == "byzantium" and a.kind == "major")
    assert truth.goals[0].progress.startswith("holds 2 of 5")


def test_the_sides_own_aims_come_first_and_all_of_is_broken_into_goals(scn):
    st, _ = engine.new_game(scn, 1)
    found = objectives.aims(st, "byzantium")
    assert [a.faction for a in found] == ["byzantium", "byzantium", "sassanids"]
    minor = found[1]
    assert [g.text for g in minor.goals] == ["All of these:", "Byzantium holds Jerusalem",
                                             "Byzantium holds Ancyra"]
    assert minor.goals[0].progress == "2 of 2 done" and minor.met is True
    assert [g.depth for g in minor.goals] == [0, 1, 1]


def test_the_deadline_counts_the_turns_left(scn):
    st, _ = engine.new_game(scn, 1)
    dl = objectives.deadline(st)
    assert dl.last_turn == scn.total_turns and dl.turns_left == scn.total_turns - 1
    assert dl.last_date == "Winter 605" and f"{dl.turns_left} more turns" in dl.text
    st.turn = scn.total_turns
    assert objectives.deadline(st).turns_left == 0 and "last turn" in objectives.deadline(st).text


def test_relations_say_since_when(scn):
    st, _ = engine.new_game(scn, 1)
    [rel] = objectives.relations(st, "byzantium")
    assert (rel.a, rel.b, rel.words) == ("byzantium", "sassanids", "at war")
    assert rel.since == "since the start (Spring 603)"
    # the Avars' event brings them in at war with Byzantium
    while "evt_test_avars" not in st.fired:
        placeholder.play_turn(st)
    rels = {(r.a, r.b): r for r in objectives.relations(st, "byzantium")}
    avars = next(r for k, r in rels.items() if "avars" in k and "byzantium" in k)
    assert avars.words == "at war" and "The Avars cross the Danube" in avars.since


def test_a_side_at_peace_is_told_so_and_why_it_cannot_besiege(scn):
    st, _ = engine.new_game(scn, 1)
    assert objectives.peace_note(st, "byzantium") is None
    assert objectives.peace_reason(st, "byzantium", "sassanids") is None
    st.relations[relation_key("byzantium", "sassanids")] = Relation("peace")
    note = objectives.peace_note(st, "byzantium")
    assert note.startswith("At peace with Sassanid Persia: no battle or siege")
    assert objectives.peace_reason(st, "byzantium", "sassanids") == "at peace with Sassanid Persia"
