"""Faction colours stay apart for every player: the CIEDE2000 arithmetic, the
colour-blind simulations, the shipped scenarios' palettes and the warning for authors."""
import typing

import pytest

from game.colour_vision import (MIN_DELTA_E, VISIONS, ciede2000, closest_pairs, distance,
                                lab, simulate, too_close)
from game.scenario.emblems import EMBLEMS, emblems_of
from game.scenario.load import SCENARIO_DIR, load_scenario
from game.scenario.model import FactionSpec


# Pairs and answers from Sharma, Wu and Dalal's CIEDE2000 test data.
@pytest.mark.parametrize("lab1, lab2, want", [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_the_published_pairs(lab1, lab2, want):
    assert ciede2000(lab1, lab2) == pytest.approx(want, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(want, abs=1e-4)


def test_lab_of_white_black_and_red():
    assert lab((255, 255, 255)) == pytest.approx((100, 0, 0), abs=0.01)
    assert lab((0, 0, 0)) == pytest.approx((0, 0, 0), abs=0.01)
    assert lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


def test_the_simulations_fold_red_and_green_together_but_keep_greys():
    red, green = (200, 30, 30), (60, 140, 30)
    assert distance(red, green) > 40
    assert distance(red, green, "deuteranopia") < 15
    assert distance(red, green, "protanopia") < 25
    for v in VISIONS:
        r, g, b = simulate((128, 128, 128), v)
        assert max(abs(r - 128), abs(g - 128), abs(b - 128)) <= 2, v


def shipped():
    return sorted(SCENARIO_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", shipped(), ids=lambda p: p.stem)
def test_every_pair_of_shipped_factions_stays_apart_for_every_eye(path):
    scn = load_scenario(path)
    colours = {f.id: tuple(int(f.color[i:i + 2], 16) for i in (1, 3, 5))
               for f in scn.spec.factions}
    worst = closest_pairs(colours)
    assert set(worst) == set(VISIONS)
    for vision, (d, a, b) in worst.items():
        assert d >= MIN_DELTA_E, f"{path.name}: {a} and {b} are ΔE00 {d:.1f} apart ({vision})"


@pytest.mark.parametrize("path", shipped(), ids=lambda p: p.stem)
def test_every_shipped_faction_has_its_own_emblem(path):
    scn = load_scenario(path)
    marks = emblems_of(scn.spec.factions)
    assert len(set(marks.values())) == len(marks)


def test_the_emblem_list_is_the_one_the_format_allows():
    hint = typing.get_type_hints(FactionSpec)["emblem"]
    allowed = typing.get_args(typing.get_args(hint)[0])
    assert allowed == EMBLEMS


def test_factions_without_an_emblem_take_the_first_ones_left():
    class F:
        def __init__(self, id, emblem=None):
            self.id, self.emblem = id, emblem
    marks = emblems_of([F("a"), F("b", "cross"), F("c")])
    assert marks == {"a": "crescent", "b": "cross", "c": "chevron"}


def test_too_close_names_the_pair_and_the_eye_that_confuses_them():
    # a red and a green that only a deuteranope or protanope mixes up
    found = too_close({"red": (200, 30, 30), "green": (60, 140, 30), "blue": (30, 60, 220)})
    assert [(a, b) for a, b, _v, _d in found] == [("red", "green")]
    assert found[0][2] in ("deuteranopia", "protanopia")


BASE = """id: colours
title: Colours
start: 603-03
end: 604-12
map:
  id: strip
  name: Strip
  width: 5
  height: 3
  terrain: |
    .....
    .....
    .....
  places:
    - {id: west, name: West, hex: "0,1", walls: 2, income: 2}
    - {id: east, name: East, hex: "4,1", walls: 1, income: 1}
factions:
  - {id: red, name: Red, color: "#c0392b", income: 100}
  - {id: blue, name: Blue, color: "#1e88e5", income: 100}
  - {id: green, name: Green, color: "#2e7d32", income: 100}
cities:
  - {id: west, owner: red, garrison: 1000}
  - {id: east, owner: blue, garrison: 500}
"""


def test_an_author_is_warned_of_colours_a_colour_blind_player_cannot_tell_apart(tmp_path):
    f = tmp_path / "colours.yaml"
    f.write_text(BASE)
    ws = load_scenario(f).warnings
    assert [(w.line, w.key) for w in ws] == [(20, "factions[2].color")] * 2
    text = " / ".join(w.message for w in ws)
    assert "'green' and 'red' look too alike with deuteranopia" in text
    assert "'green' and 'blue' look too alike with tritanopia" in text
    assert f"below {MIN_DELTA_E:g}" in text


def test_two_factions_with_one_emblem_warn(tmp_path):
    f = tmp_path / "colours.yaml"
    f.write_text(BASE.replace('"#2e7d32",', '"#f0e442", emblem: ring,')
                 .replace('"#1e88e5",', '"#1e88e5", emblem: ring,'))
    ws = load_scenario(f).warnings
    assert [w.key for w in ws] == ["factions[2].emblem"]
    assert "'green' carries the emblem 'ring', as 'blue' does" in ws[0].message


def test_the_picture_tool_simulates_as_the_checks_do():
    import numpy as np

    from tools.colour_blind import simulate_pixels
    colours = [(200, 30, 30), (60, 140, 30), (169, 0, 211), (128, 128, 128), (0, 0, 0)]
    px = np.array([colours], dtype=np.uint8)
    for vision in ("protanopia", "deuteranopia", "tritanopia"):
        got = simulate_pixels(px, vision)[0]
        for c, g in zip(colours, got):
            assert tuple(int(v) for v in g) == simulate(c, vision)
