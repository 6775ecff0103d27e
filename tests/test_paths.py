"""Files named inside scenarios and saves reach only the game's folders.

A scenario may name its map (and later images); a save names its scenario.
Either may come from anyone, so a name is followed only into the file's own
folder or the game's scenarios folder: absolute paths, `..` and symlinks
that lead elsewhere are refused.
"""
import json

import pytest

from game.scenario import load
from game.scenario.load import load_scenario, safe_reference
from game.scenario.yamlsrc import InputError
from game.session import save
from game.session.game import Session
from tests.conftest import TEST_SCENARIO

MAP = """id: side_map
name: Side map
width: 3
height: 2
terrain: |
  ...
  ...
places:
  - {id: left, name: Left, hex: "0,0"}
  - {id: right, name: Right, hex: "2,1"}
"""

SCENARIO = """id: uses_a_map
title: Uses a map file
start: 603-03
end: 603-12
map: MAP_REF
factions:
  - {id: red, name: Red, color: "#aa0000"}
cities:
  - {id: left, owner: red}
"""


def symlink(link, target):
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("no symlinks here")


@pytest.fixture
def game_dir(tmp_path, monkeypatch):
    """A stand-in for the game's scenarios folder."""
    d = tmp_path / "game_scenarios"
    d.mkdir()
    monkeypatch.setattr(load, "SCENARIO_DIR", d)
    return d


def write_scenario(folder, map_ref):
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / "uses_a_map.yaml"
    f.write_text(SCENARIO.replace("MAP_REF", map_ref))
    return f


# --- maps named by scenarios -------------------------------------------------------------

@pytest.mark.parametrize("ref, why", [
    ("/etc/passwd", "absolute path"),
    ("\\\\server\\share\\map.yaml", "absolute path"),
    ("C:/maps/map.yaml", "absolute path"),
    ("../map.yaml", "climbs out"),
    ("maps/../../map.yaml", "climbs out"),
    ("maps\\..\\..\\map.yaml", "climbs out"),
    ('"maps/\\0map.yaml"', "control characters"),      # a NUL, written as a YAML escape
])
def test_a_map_outside_the_folder_is_refused(tmp_path, ref, why):
    (tmp_path / "map.yaml").write_text(MAP)       # the file exists, yet is not reachable
    f = write_scenario(tmp_path / "mod", ref)
    with pytest.raises(InputError) as exc:
        load_scenario(f)
    (p,) = [p for p in exc.value.problems if p.key == "map"]
    assert why in p.message and p.line == 5


def test_a_map_beside_the_scenario_loads(tmp_path):
    (tmp_path / "mod" / "maps").mkdir(parents=True)
    (tmp_path / "mod" / "maps" / "side.yaml").write_text(MAP)
    scn = load_scenario(write_scenario(tmp_path / "mod", "maps/./side.yaml"))
    assert scn.map.id == "side_map"


def test_a_symlink_leading_out_of_the_folder_is_refused(tmp_path, game_dir):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "side.yaml").write_text(MAP)
    mod = tmp_path / "mod"
    mod.mkdir()
    symlink(mod / "maps", outside)                           # a folder that leads out
    symlink(mod / "side.yaml", outside / "side.yaml")        # a file that leads out
    for ref in ("maps/side.yaml", "side.yaml"):
        path, why = safe_reference(ref, mod)
        assert path is None and "leads outside" in why
        with pytest.raises(InputError) as exc:
            load_scenario(write_scenario(mod, ref))
        assert any("leads outside" in p.message for p in exc.value.problems)


def test_a_symlink_into_the_game_folder_is_followed(tmp_path, game_dir):
    (game_dir / "maps").mkdir()
    (game_dir / "maps" / "side.yaml").write_text(MAP)
    mod = tmp_path / "mod"
    mod.mkdir()
    symlink(mod / "maps", game_dir / "maps")
    assert load_scenario(write_scenario(mod, "maps/side.yaml")).map.id == "side_map"


def test_a_map_that_is_not_a_file_is_refused(tmp_path):
    mod = tmp_path / "mod"
    (mod / "maps").mkdir(parents=True)
    for ref in ("maps", "", "."):
        with pytest.raises(InputError) as exc:
            load_scenario(write_scenario(mod, repr(ref) if ref in ("", ".") else ref))
        assert any(p.key == "map" and "no map file" in p.message for p in exc.value.problems)


# --- scenarios named by saves --------------------------------------------------------------

def save_naming(folder, scn, scenario_path, scenario_id=None):
    """A save in `folder` whose description names `scenario_path` (and id)."""
    folder.mkdir(parents=True, exist_ok=True)
    session, _ = Session.new(scn, seed=2)
    path = folder / "slot.json"
    save.save_game(path, session.state)
    doc = json.loads(path.read_text())
    doc["meta"]["scenario_path"] = str(scenario_path)
    if scenario_id is not None:
        doc["meta"]["scenario_id"] = scenario_id
    doc["seal"] = save.seal(doc)       # as the game would write it: the scenario lookup is tested
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def opened(monkeypatch):
    """Every scenario file the loader is asked to read."""
    seen = []
    real = load.load_scenario

    def spy(path):
        seen.append(path.resolve())
        return real(path)
    monkeypatch.setattr(load, "load_scenario", spy)
    return seen


def test_a_save_does_not_follow_its_scenario_path_out_of_its_folders(tmp_path, scn, game_dir,
                                                                     opened):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "test_scenario.yaml"
    target.write_bytes(TEST_SCENARIO.read_bytes())      # a valid scenario, just not reachable
    saves = tmp_path / "saves"
    saves.mkdir()
    symlink(saves / "link.yaml", target)
    for named in (target, "../elsewhere/test_scenario.yaml", "link.yaml", "bad\x00name.yaml"):
        path = save_naming(saves, scn, named)
        # a NUL is no text a save holds: that one is refused before its path is looked at
        with pytest.raises(save.SaveError, match="not installed|U\\+0000 is not allowed"):
            save.load_game(path)
    assert opened == []


def test_a_save_finds_its_scenario_in_the_game_folder(tmp_path, scn, game_dir, opened):
    (game_dir / "test_scenario.yaml").write_bytes(TEST_SCENARIO.read_bytes())
    path = save_naming(tmp_path / "saves", scn, "/nowhere/at/all.yaml")
    assert save.load_game(path).state.scenario_id == "test_small"
    assert opened == [(game_dir / "test_scenario.yaml").resolve()]


def test_a_save_follows_its_scenario_path_beside_it(tmp_path, scn, game_dir, opened):
    saves = tmp_path / "saves"
    (saves / "mods").mkdir(parents=True)
    (saves / "mods" / "renamed.yaml").write_bytes(TEST_SCENARIO.read_bytes())
    path = save_naming(saves, scn, saves / "mods" / "renamed.yaml")
    assert save.load_game(path).state.scenario_id == "test_small"
    assert opened == [(saves / "mods" / "renamed.yaml").resolve()]


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "/etc/passwd.yaml", "x/../../y",
                                    "Test_Small", ""])
def test_a_save_scenario_id_is_never_a_path(tmp_path, scn, game_dir, opened, bad_id):
    (game_dir / "test_scenario.yaml").write_bytes(TEST_SCENARIO.read_bytes())
    path = save_naming(tmp_path / "saves", scn, "", scenario_id=bad_id)
    with pytest.raises(save.SaveError, match="not installed"):
        save.load_game(path)
    assert opened == []


def test_a_save_follows_a_scenario_the_player_opened_elsewhere(tmp_path, scn, game_dir):
    """A mod played from anywhere: once this run has loaded it, its saves may name it."""
    mods = tmp_path / "my_mods"
    mods.mkdir()
    mod = mods / "test_scenario.yaml"
    mod.write_bytes(TEST_SCENARIO.read_bytes())
    path = save_naming(tmp_path / "saves", scn, mod)
    with pytest.raises(save.SaveError, match="not installed"):
        save.load_game(path)                 # never opened: not followed
    load_scenario(mod)                    # the player opens the mod
    assert save.load_game(path).state.scenario.file == str(mod.resolve())
