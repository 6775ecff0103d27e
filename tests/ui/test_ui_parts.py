"""Pieces of the interface that need no window: sides, settings, words, charts."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.session import seats

ROOT = Path(__file__).resolve().parents[2]


def test_sides_from_the_command_line(scn):
    assert seats.parse_sides([], scn) == {"byzantium": "human", "sassanids": "computer:normal",
                                      "avars": "computer:normal"}
    # naming a human hands every other side to the computer
    assert seats.parse_sides(["sassanids=human"], scn) == {
        "byzantium": "computer:normal", "sassanids": "human", "avars": "computer:normal"}
    assert seats.parse_sides(["sassanids=computer:hard"], scn)["sassanids"] == "computer:hard"
    assert seats.parse_sides(["byzantium=human", "sassanids=human"], scn) == {
        "byzantium": "human", "sassanids": "human", "avars": "computer:normal"}
    both = seats.parse_sides(["byzantium=computer", "sassanids=computer:easy"], scn)
    assert both["byzantium"] == "computer:normal" and not any(map(seats.is_human, both.values()))
    for bad in ("byzantium", "=human", "rome=human", "avars=human", "byzantium=robot",
                "byzantium=computer:godlike"):
        with pytest.raises(ValueError):
            seats.parse_sides([bad], scn)


def test_the_viewer_is_the_only_human_or_the_one_holding_the_screen():
    sides = {"a": "human", "b": "computer:normal"}
    assert seats.viewer(sides, None) == "a" and seats.viewer(sides, "b") == "a"
    assert seats.viewer({"a": "computer:easy", "b": "computer:hard"}, "a") is None
    two = {"a": "human", "b": "human", "c": "computer:normal"}
    assert seats.viewer(two, "b") == "b" and seats.viewer(two, "a") == "a"
    assert seats.viewer(two, None) is None and seats.viewer(two, "c") is None


def test_one_vocabulary_for_seats_with_the_old_words_still_read():
    assert seats.parse("human") == seats.Seat("human")
    assert seats.parse("computer") == seats.parse("ai") == seats.Seat("computer", "normal")
    assert seats.parse("computer:hard") == seats.parse("ai:hard") == seats.Seat("computer", "hard")
    assert seats.parse("placeholder").kind == "placeholder"
    for word in ("human", "computer:easy", "placeholder"):
        assert str(seats.parse(word)) == word
    assert str(seats.parse("ai:easy")) == "computer:easy"
    assert seats.parse("human:alice") == seats.Seat("human", name="alice")
    for bad in ("robot", "computer:godlike", "human:", "placeholder:easy", ""):
        with pytest.raises(ValueError, match="placeholder"):
            seats.parse(bad)
    both = seats.seats({"a": "human", "b": "placeholder"}, {"a": "HASH", "b": "X"})
    assert both["a"].password == "HASH" and both["b"].password == ""
    assert both["b"].describe() == "Placeholder" and seats.describe("computer:easy") == \
        "Computer (easy)"


def test_settings_survive_a_damaged_file_and_round_trip(user_folders):
    from game.ui.settings import Settings, config_dir, load_settings, save_settings
    assert load_settings() == Settings()
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert load_settings() == Settings()
    path.write_text(json.dumps({"scroll_speed": 99, "edge_scroll": "yes", "window": [10, 10]}))
    s = load_settings()
    assert s.scroll_speed == 10 and s.edge_scroll is True and s.window == (800, 600)
    assert save_settings(Settings(animation_speed=3, window=(1400, 900))) is None
    assert load_settings().animation_speed == 3 and load_settings().window == (1400, 900)


def test_folders_follow_the_environment(user_folders):
    from game.ui.settings import config_dir, saves_dir
    assert config_dir() == user_folders / "config" / "last-great-war"
    assert saves_dir() == user_folders / "data" / "last-great-war" / "saves"


def test_path_labels_count_turns():
    from game.ui.describe import path_label
    assert path_label(6, 16, 16) == ("6 of 16 movement: this turn", True)
    assert path_label(20, 16, 16) == ("20 movement: 2 turns", False)
    assert path_label(40, 4, 16) == ("40 movement: 4 turns", False)


def test_summary_groups_what_the_side_may_know():
    from game.rules.report import Event
    from game.ui.describe import summary_lines
    events = [Event("battle", "Battle at X", None, ("a", "b")),
              Event("fired", "The Avars come", None, ("a",)),
              Event("captured", "B take Y", None, ("b", "c")),
              Event("captured", "B take the capital", None, ("b", "c"), public=True),
              Event("income", "A: income 5", None, ("a",)),
              Event("income", "B: income 9", None, ("b",)),
              Event("moved", "someone marches", None, ("a",))]
    assert summary_lines(events, "a") == [("Events", "The Avars come"),
                                          ("Battles", "Battle at X"),
                                          ("Cities", "B take the capital"),
                                          ("Treasury", "A: income 5")]


def test_save_names_are_safe_file_names():
    from game.ui.saves_window import safe_name
    assert safe_name("Heraclius' march 622!") == "Heraclius_march_622"
    assert safe_name("../../etc/passwd") == "etcpasswd"
    assert safe_name("///").startswith("save_")


def test_chart_steps_are_round():
    from game.ui.charts import nice_step
    assert nice_step(100) == 50 and nice_step(7) == 2 and nice_step(40000) == 10000


def test_readme_how_to_play_lists_every_key():
    from game.ui.help import KEYS
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## How to play$(.*?)(^## |\Z)", text, re.M | re.S)
    assert m, "README.md needs a '## How to play' section"
    section = m.group(1)
    for k, _ in KEYS:
        assert k in section, f"README's How to play does not mention {k!r}"
    assert "docs/screenshots/" in text


def test_the_shipped_font_has_its_licence_noted():
    from game.ui.fonts import BOLD
    assert BOLD.is_file()
    notes = (BOLD.parent / "README.md").read_text(encoding="utf-8")
    assert BOLD.name in notes and "Bitstream Vera" in notes
    assert (BOLD.parent / "DejaVu-LICENSE.txt").is_file()


def test_chart_years_are_labelled_once_each_with_monthly_or_seasonal_turns():
    from types import SimpleNamespace as Row
    from game.ui.charts import year_labels
    monthly = [Row(year=627, month=m) for m in range(6, 13)] + \
              [Row(year=628, month=m) for m in range(1, 5)]
    assert [x for x in year_labels(monthly) if x] == ["627", "628"]
    assert year_labels(monthly)[7] == "628"                  # at January
    seasonal = [Row(year=602, month=12)] + [Row(year=603, month=m) for m in (3, 6, 9, 12)]
    assert year_labels(seasonal) == ["602", "603", "", "", ""]
