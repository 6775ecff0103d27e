"""`run.py places`: the ids an author can name, and what lies at one hex."""
from game import cli
from tests.conftest import TEST_SCENARIO


def places(capsys, *args):
    code = cli.main(["places", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_place_is_listed_with_its_cell_terrain_region_and_owner(capsys):
    code, out, _ = places(capsys, str(TEST_SCENARIO))
    lines = out.splitlines()
    assert code == 0 and lines[0].split("\t")[:4] == ["id", "name", "kind", "col,row"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert rows["dara"] == ["dara", "Dara", "fortress", "10,4", "desert", "persia", "sassanids"]
    assert rows["battlefield"][2] == "site" and rows["battlefield"][6] == "-"
    assert list(rows) == sorted(rows)


def test_the_shared_map_alone_lists_its_places_without_owners(capsys):
    code, out, _ = places(capsys)
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert code == 0 and len(rows) > 50
    assert {r[0] for r in rows} >= {"constantinople", "ctesiphon", "dara", "nineveh"}
    assert all(r[6] == "-" for r in rows)


def test_at_describes_a_hex_in_the_authors_coordinates(capsys):
    code, out, _ = places(capsys, str(TEST_SCENARIO), "--at", "9,5")
    assert code == 0
    assert out.startswith("9,5: ")
    assert "army at the start: per_main (sassanids, 25000 men, led by shahrbaraz)" in out
    code, out, _ = places(capsys, str(TEST_SCENARIO), "--at", "10,4")
    assert "place: dara (Dara, fortress" in out and "held by sassanids" in out


def test_a_hex_off_the_map_is_a_usage_error(capsys):
    code, out, err = places(capsys, str(TEST_SCENARIO), "--at", "500,1")
    assert code == cli.EXIT_USAGE and out == "" and "col,row on the map" in err
    code, out, err = places(capsys, str(TEST_SCENARIO), "--at", "nowhere")
    assert code == cli.EXIT_USAGE and "col,row on the map" in err


def test_an_unknown_scenario_is_a_clean_error(capsys):
    code, out, err = places(capsys, "no_such_scenario")
    assert code == cli.EXIT_PROBLEMS and "no scenario" in err


def test_simulate_needs_no_seed(capsys):
    code = cli.main(["simulate", str(TEST_SCENARIO), "--turns", "1", "--jobs", "1"])
    assert code == 0 and "undecided" in capsys.readouterr().out
