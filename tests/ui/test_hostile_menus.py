"""The menus open whatever lies in the folders they scan: a broken map, scenario, save or
settings file is listed as bad (or left aside) and never keeps a window from opening."""
from __future__ import annotations

import json
import os

import pytest

from tests.conftest import TEST_SCENARIO
from tests.ui.conftest import click_element, steps

pygame = pytest.importorskip("pygame")

BAD_NAME = os.fsdecode(b"caf\xe9-broken.yaml")        # not UTF-8: a lone surrogate in Python


def hostile_scenarios(folder):
    """A scenarios folder with one good scenario and the kinds of broken file that used to
    stop the menus: a map with a tag the constructor failed on, a scenario with one, a
    broken scenario whose file name is not UTF-8."""
    folder.mkdir()
    (folder / "maps").mkdir()
    (folder / "good.yaml").write_text(TEST_SCENARIO.read_text())
    (folder / "maps" / "tagged.yaml").write_text(
        "id: tagged\nname: Tagged\nwidth: 2\nheight: 1\nterrain: '..'\n"
        "places:\n  - {id: a, name: A, hex: '0,0', port: !!bool maybe}\n")
    (folder / "tagged.yaml").write_text(TEST_SCENARIO.read_text().replace(
        "id: test_small", "id: tagged_scenario\nfog: !!bool maybe", 1).replace(
        "\nfog: false\n", "\n", 1))
    (folder / os.fsencode(BAD_NAME).decode("utf-8", "surrogateescape")).write_bytes(
        b"id: x\ntitle: \"a\\0b\"\n")
    return folder


def hostile_saves(folder, state):
    """A saves folder with one good save and hand-edited ones."""
    from game.session.save import encode
    folder.mkdir(parents=True)
    good = json.loads(encode(state, sides={"byzantium": "human"}).decode())
    (folder / "good.json").write_text(json.dumps(good))

    def edited(name, change):
        doc = json.loads(json.dumps(good))
        change(doc)
        (folder / name).write_text(json.dumps(doc))     # ASCII with \u escapes, as a hand edit
    edited("nul.json", lambda d: d["meta"].update(scenario_title="a\x00b"))
    edited("surrogate.json", lambda d: d["meta"].update(scenario_title="\ud800"))
    edited("side.json", lambda d: d["meta"].update(sides={"byz\ud800": "human"}))
    edited("long.json", lambda d: d["meta"].update(scenario_title="T" * 40_000))
    (folder / os.fsdecode(b"s\xe9ve.json")).write_text(json.dumps(good))
    os.mkfifo(folder / "pipe.json")
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_menus_open_with_a_broken_map_scenario_save_and_settings(make_app, tmp_path,
                                                                    user_folders, state):
    from game.ui.saves_window import SavesWindow
    from game.ui.screens.main_menu import MainMenu
    from game.ui.screens.new_game import NewGame
    from game.ui.settings import config_dir, load_settings, saves_dir
    folder = hostile_scenarios(tmp_path / "scenarios")
    config_dir().mkdir(parents=True)
    os.mkfifo(config_dir() / "settings.json")          # would block a plain open()
    assert load_settings().window == (1280, 800)
    hostile_saves(saves_dir(), state)

    app = make_app(scenario_dir=folder)
    menu = MainMenu(app)
    app.switch(menu)
    steps(app, 3)                                      # the backdrop is drawn from the maps
    assert app.screen is menu

    click_element(app, menu.buttons["load"])
    win = menu.window
    assert isinstance(win, SavesWindow) and win.alive()
    rows = {e.path.name: e for e in win.entries}
    assert rows["good.json"].meta is not None
    for bad in ("nul.json", "surrogate.json", "side.json"):
        assert rows[bad].meta is None and rows[bad].error, bad
    assert len(rows["long.json"].row()) < 300            # listed, but cut short
    assert all("\ud800" not in e.row() and "\udce9" not in e.row() for e in win.entries)
    steps(app, 2)
    win.done(None, None)
    steps(app, 1)

    ng = NewGame(app)
    app.switch(ng)
    steps(app, 2)
    rows = [c.row() for c in ng.choices]
    assert sum("BROKEN" in r for r in rows) == 2 and len(rows) == 3
    for i, c in enumerate(ng.choices):
        click_element(app, ng.list.item_list[i]["button_element"])
        steps(app, 1)
        if c.scn is None:
            assert not ng.start.is_enabled
            assert "broken" in ng.heading.text
    tagged = next(c for c in ng.choices if c.path.name == "tagged.yaml")
    assert any("fog" in p and "'maybe' is not true or false" in p for p in tagged.problems)


def test_shown_text_is_safe_and_short():
    from game.ui.shown import shown
    assert shown("a\x00b\ud800c\u202ed") == "a\ufffdb\ufffdc\ufffdd"
    assert len(shown("x" * 40_000)) == 120
    assert shown(7) == "7"
