"""The player's own scenarios: their data folder and --scenarios DIR, beside the shipped ones.

The data folder is a temporary one in every test (tests/conftest.py points
XDG_DATA_HOME there).
"""
import pytest

from game import cli, resources
from game.scenario import load
from game.scenario.load import find_scenario, listed_scenarios, load_scenario
from game.scenario.yamlsrc import InputError
from game.session import save
from game.session.game import Session
from tests.conftest import TEST_SCENARIO
from tests.test_paths import MAP, SCENARIO, symlink


@pytest.fixture
def user_dir():
    d = resources.user_scenarios_dir()
    d.mkdir(parents=True)
    return d


@pytest.fixture
def game_dir(tmp_path, monkeypatch):
    """A stand-in for the game's scenarios folder: the test scenario and a small shared map."""
    d = tmp_path / "game_scenarios"
    (d / "maps").mkdir(parents=True)
    (d / "maps" / "side.yaml").write_text(MAP)
    (d / "test_scenario.yaml").write_bytes(TEST_SCENARIO.read_bytes())
    monkeypatch.setattr(load, "SCENARIO_DIR", d)
    return d


def copy_as(src, dest, new_id):
    dest.parent.mkdir(parents=True, exist_ok=True)
    text = src.read_text(encoding="utf-8")
    old = load.peek_id(src)
    dest.write_text(text.replace(f"id: {old}\n", f"id: {new_id}\n", 1), encoding="utf-8")
    return dest


def uses_map(folder, ref, sid="uses_a_map"):
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / f"{sid}.yaml"
    f.write_text(SCENARIO.replace("MAP_REF", ref).replace("id: uses_a_map", f"id: {sid}"))
    return f


def scenarios_lines(capsys, *args):
    code = cli.main(["scenarios", *args])
    return code, capsys.readouterr().out.strip().splitlines()


# --- found and listed -----------------------------------------------------------------------

def test_the_players_scenarios_are_listed_after_the_shipped_ones(game_dir, user_dir, capsys):
    copy_as(TEST_SCENARIO, user_dir / "mine.yaml", "my_small")
    copy_as(TEST_SCENARIO, user_dir / "campaigns" / "deep" / "other.yaml", "my_other")
    code, lines = scenarios_lines(capsys)
    assert code == 0
    assert lines == ["test_small\t603-605\tTest Theatre\tshipped",
                     "my_other\t603-605\tTest Theatre\tuser",
                     "my_small\t603-605\tTest Theatre\tuser"]
    assert find_scenario("my_other") == user_dir / "campaigns" / "deep" / "other.yaml"


def test_maps_hidden_files_and_other_files_are_not_scenarios(game_dir, user_dir):
    copy_as(TEST_SCENARIO, user_dir / "mine.yaml", "my_small")
    (user_dir / "maps").mkdir()
    (user_dir / "maps" / "side.yaml").write_text(MAP)
    (user_dir / "mod" / "maps").mkdir(parents=True)
    (user_dir / "mod" / "maps" / "side.yaml").write_text(MAP)
    (user_dir / ".hidden.yaml").write_text("id: hidden\n")
    (user_dir / "notes.txt").write_text("id: notes\n")
    found = [(i.path.name, i.origin) for i in listed_scenarios()]
    assert found == [("test_scenario.yaml", "shipped"), ("mine.yaml", "user")]


def test_a_scenarios_folder_given_on_the_command_line(game_dir, tmp_path, capsys):
    extra = tmp_path / "extra"
    copy_as(TEST_SCENARIO, extra / "sub" / "x.yaml", "from_extra")
    code, lines = scenarios_lines(capsys, "--scenarios", str(extra))
    assert code == 0 and lines[-1] == f"from_extra\t603-605\tTest Theatre\t{extra}"
    assert cli.main(["scenarios", "--scenarios", str(tmp_path / "nowhere")]) == cli.EXIT_USAGE
    assert "--scenarios" in capsys.readouterr().err


def test_no_scenarios_names_the_folders_searched(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(load, "SCENARIO_DIR", tmp_path / "empty")
    assert cli.main(["scenarios"]) == cli.EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert str(tmp_path / "empty") in err and str(resources.user_scenarios_dir()) in err


def test_a_players_scenario_plays(game_dir, user_dir, capsys):
    copy_as(TEST_SCENARIO, user_dir / "mine.yaml", "my_small")
    assert cli.main(["simulate", "my_small", "--seed", "1", "--turns", "2", "--jobs", "1"]) == 0
    assert "result:" in capsys.readouterr().out


def test_a_real_scenario_copied_into_a_subfolder_plays_on_the_shipped_map(user_dir, capsys):
    """As a player would: a shipped scenario copied under a new id; it names maps/theatre.yaml,
    which is not beside it, so the game's own map is used."""
    shipped = find_scenario("road_to_ctesiphon")
    mine = copy_as(shipped, user_dir / "campaign" / "my_road.yaml", "my_road")
    assert "map: maps/theatre.yaml" in mine.read_text()
    scn = load_scenario(mine)
    assert scn.map is load_scenario(shipped).map          # the same map, read once
    code, lines = scenarios_lines(capsys)
    assert code == 0 and len(lines) == 7 and lines[-1].startswith("my_road\t")
    assert lines[-1].endswith("\tuser")
    assert cli.main(["simulate", "my_road", "--seed", "1", "--turns", "1", "--jobs", "1"]) == 0


# --- the same id twice ----------------------------------------------------------------------

def test_an_id_taken_by_a_shipped_scenario_stays_with_it(game_dir, user_dir, capsys):
    copy_as(TEST_SCENARIO, user_dir / "copy.yaml", "test_small")
    code, lines = scenarios_lines(capsys)
    assert code == 1
    assert lines[0] == "test_small\t603-605\tTest Theatre\tshipped"
    assert lines[1].startswith("test_small\t?\tBROKEN: ") and lines[1].endswith("\tuser")
    assert "copy.yaml:3:1: id: the id 'test_small' is already taken by the shipped" in lines[1]
    assert find_scenario("test_small") == game_dir / "test_scenario.yaml"
    from game.ui.screens.new_game import scan      # the new-game screen says the same
    choices = scan(None)
    assert choices[0].scn is not None and not choices[0].players_own
    assert choices[1].scn is None and choices[1].players_own
    assert "already taken" in choices[1].problems[0]


# --- maps named by the player's scenarios ------------------------------------------------------

def test_a_shipped_map_is_found_by_its_name(game_dir, user_dir):
    f = uses_map(user_dir / "mod", "maps/side.yaml")
    assert load_scenario(f).map.id == "side_map"


def test_a_map_beside_the_scenario_comes_first(game_dir, user_dir):
    own = MAP.replace("id: side_map", "id: own_map")
    (user_dir / "mod" / "maps").mkdir(parents=True)
    (user_dir / "mod" / "maps" / "side.yaml").write_text(own)
    assert load_scenario(uses_map(user_dir / "mod", "maps/side.yaml")).map.id == "own_map"


def test_no_map_anywhere_is_a_located_problem(game_dir, user_dir):
    with pytest.raises(InputError) as exc:
        load_scenario(uses_map(user_dir, "maps/none.yaml"))
    (p,) = exc.value.problems
    assert p.key == "map" and "no map file at 'maps/none.yaml'" in p.message and p.line == 5


@pytest.mark.parametrize("ref", ["../maps/side.yaml", "maps/../../maps/side.yaml",
                                 "../../game_scenarios/maps/side.yaml"])
def test_climbing_out_of_the_players_folder_is_refused(game_dir, user_dir, ref):
    (user_dir / "maps").mkdir()
    (user_dir / "maps" / "side.yaml").write_text(MAP)
    with pytest.raises(InputError) as exc:
        load_scenario(uses_map(user_dir / "mod", ref))
    assert any("climbs out" in p.message for p in exc.value.problems)


def test_a_link_leading_out_of_the_players_folder_is_refused(game_dir, user_dir, tmp_path):
    outside = tmp_path / "outside"
    (outside / "maps").mkdir(parents=True)
    (outside / "maps" / "side.yaml").write_text(MAP)
    mod = user_dir / "mod"
    mod.mkdir()
    symlink(mod / "maps", outside / "maps")     # a map folder that leads out: refused, not
    with pytest.raises(InputError) as exc:      # replaced by the shipped map of that name
        load_scenario(uses_map(mod, "maps/side.yaml"))
    assert any("leads outside" in p.message for p in exc.value.problems)


def test_links_out_of_the_players_folder_are_not_searched(game_dir, user_dir, tmp_path):
    outside = tmp_path / "outside"
    copy_as(TEST_SCENARIO, outside / "deep" / "far.yaml", "far_away")
    symlink(user_dir / "linked.yaml", outside / "deep" / "far.yaml")
    symlink(user_dir / "linked_folder", outside / "deep")
    copy_as(TEST_SCENARIO, user_dir / "real.yaml", "real_one")
    symlink(user_dir / "inside_link.yaml", user_dir / "real.yaml")
    names = [i.path.name for i in listed_scenarios() if i.origin == "user"]
    assert names == ["inside_link.yaml", "real.yaml"]
    assert find_scenario("far_away") is None


# --- saves of the player's scenarios -------------------------------------------------------------

def forget_opened(monkeypatch):
    """As in a later run of the game: no scenario opened yet."""
    monkeypatch.setattr(load, "_opened", set())


def test_a_save_of_a_players_scenario_loads_again(game_dir, user_dir, tmp_path, monkeypatch):
    mine = copy_as(TEST_SCENARIO, user_dir / "sub" / "mine.yaml", "my_small")
    session, _ = Session.new(load_scenario(mine), seed=2)
    saves = tmp_path / "saves"
    saves.mkdir()
    save.save_game(saves / "slot.json", session.state)
    forget_opened(monkeypatch)
    assert save.load_game(saves / "slot.json").state.scenario.file == str(mine.resolve())
    moved = copy_as(mine, user_dir / "elsewhere" / "renamed.yaml", "my_small")
    mine.unlink()                           # moved within the folder: found by its id
    forget_opened(monkeypatch)
    assert save.load_game(saves / "slot.json").state.scenario.file == str(moved.resolve())


def test_a_save_of_a_scenario_from_a_given_folder_needs_that_folder(game_dir, tmp_path,
                                                                    monkeypatch):
    extra = tmp_path / "extra"
    mine = copy_as(TEST_SCENARIO, extra / "mine.yaml", "from_extra")
    session, _ = Session.new(load_scenario(mine), seed=2)
    saves = tmp_path / "saves"
    saves.mkdir()
    save.save_game(saves / "slot.json", session.state)
    forget_opened(monkeypatch)
    with pytest.raises(save.SaveError, match="not installed"):
        save.load_game(saves / "slot.json")
    assert cli.use_scenario_folders([str(extra)])
    assert save.load_game(saves / "slot.json").state.scenario_id == "from_extra"
