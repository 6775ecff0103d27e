"""Hostile input, second round: each class of defect a red team found, as a test.

Scalar tags and numbers YAML accepts but the format does not; checks that were
quadratic; saves that loaded and then failed; settings files that hung or
crashed the game; command-line arguments and outputs that gave tracebacks.
Memory and time are guarded by budgets (tests/budget.py) that fail a test which
blows them; no test asserts a speed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import game.ai
from game import cli
from game.rules.state import dict_hash
from game.scenario import limits
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import InputError
from game.session import save
from tests.budget import calls_made, within_budget
from tests.conftest import TEST_SCENARIO
from tests.helpers import saved_game

ROOT = Path(__file__).resolve().parent.parent


def scenario_text(**replace) -> str:
    text = TEST_SCENARIO.read_text()
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def problems_of(path) -> list:
    with pytest.raises(InputError) as info:
        load_scenario(path)
    return info.value.problems


# --- misleading errors: each scalar's failure where it is ------------------------------

def test_explicit_tags_are_reported_where_they_are_beside_other_problems(tmp_path):
    f = tmp_path / "tags.yaml"
    f.write_text(scenario_text(**{"fog: false": "fog: !!bool 1\nfogg: true",
                                  "title: Test Theatre": 'title: !!int ""'}) +
                 'turn_length_extra: !!float ""\n')
    found = {(p.key, p.message) for p in problems_of(f)}
    keys = {k for k, _ in found}
    assert {"fog", "title", "fogg", "turn_length_extra"} <= keys, found
    assert all("checker itself failed" not in m for _, m in found)
    assert ("fog", "'1' is not true or false") in found
    assert all(p.line > 1 for p in problems_of(f))


@pytest.mark.parametrize("value, words", [
    ("0x" + "f" * 5000, "more than 15 digits"),
    ("0b" + "1" * 5000, "more than 15 digits"),
    ("1" + ":1" * 3000, "more than 15 digits"),
    ("1:30", "base-60"),
    ("0o17", "expected a whole number"),
    ("0x1F", "not a decimal number"),
    ("017", "not a decimal number"),
    ("!!int 1.5", "not a whole number"),
    ("!!float abc", "not a number"),
    ("!!bool maybe", "not true or false"),
])
def test_numbers_outside_the_format_are_located(tmp_path, value, words):
    f = tmp_path / "n.yaml"
    f.write_text(scenario_text(**{"treasury: 100": f"treasury: {value}"}))
    probs = within_budget(lambda: problems_of(f), seconds=20, megabytes=200)
    assert any(words in p.message and p.key.endswith("treasury") for p in probs), probs


def test_a_whole_number_is_never_above_the_format_limit(tmp_path):
    f = tmp_path / "big.yaml"
    f.write_text(scenario_text(**{"treasury: 100": f"treasury: {limits.MAX_WHOLE + 1}"}))
    assert any("above the maximum 1000000000000" in p.message for p in problems_of(f))


def test_an_over_long_map_path_is_a_located_problem(tmp_path):
    f = tmp_path / "longmap.yaml"
    text = TEST_SCENARIO.read_text()
    start = text.index("\nmap:")
    end = text.index("\nfactions:")
    f.write_text(text[:start] + "\nmap: " + "m" * 5000 + ".yaml" + text[end:])
    probs = problems_of(f)
    assert {p.key for p in probs} == {"map"}
    assert any("more than the 255 allowed" in p.message for p in probs)
    code = cli.main(["validate", str(f)])
    assert code == 1


# --- validate: nothing to check, .yml, maps with comments ------------------------------

def test_validate_with_nothing_to_check_says_so(tmp_path, capsys):
    assert cli.main(["validate", str(tmp_path)]) == 1
    assert "nothing to check" in capsys.readouterr().err


def test_yml_files_are_scenarios_too(tmp_path, capsys):
    (tmp_path / "a.yml").write_text(scenario_text(**{"treasury: 100": "treasury: 1:30"}))
    assert cli.main(["validate", str(tmp_path)]) == 1
    assert "a.yml" in capsys.readouterr().out


def test_a_map_with_a_long_comment_header_is_checked_as_a_map(tmp_path, capsys):
    text = (ROOT / "scenarios" / "maps" / "theatre.yaml").read_text()
    f = tmp_path / "commented.yaml"
    f.write_text("# a comment\n" * 2000 + text)
    assert cli.main(["validate", str(f)]) == 0, capsys.readouterr().out


# --- bounded work ----------------------------------------------------------------------

def test_did_you_mean_is_bounded_per_file(tmp_path):
    places = "".join(f"    - {{id: place_{i:04d}, name: P, hex: '{i % 40},{i // 40}'}}\n"
                     for i in range(1200))
    targets = ", ".join(f"plase_{i:04d}: 5" for i in range(1200))
    text = ("id: many\ntitle: Many\nstart: 603-03\nend: 604-03\nmap:\n  id: m\n  name: M\n"
            "  width: 40\n  height: 30\n  terrain: |\n" + ("    " + "." * 40 + "\n") * 30 +
            "  places:\n" + places +
            "factions:\n  - {id: red, name: Red, color: '#aa0000'}\n"
            f"ai:\n  red: {{targets: {{{targets}}}}}\nvictory: []\n")
    f = tmp_path / "many.yaml"
    f.write_text(text)
    probs = within_budget(lambda: problems_of(f), seconds=60, megabytes=400)
    assert len(probs) == 1200
    hinted = [p for p in probs if "did you mean" in p.message]
    assert 0 < len(hinted) <= 200


def test_ten_thousand_armies_validate(tmp_path):
    """Validation is linear in the armies (hostile pairs are found by hex, not pairwise);
    bench this file for the time.  Two hostile armies on one hex are still found."""
    armies = "".join(f"  - {{id: a{i}, faction: byzantium, at: '{2 + i % 8},2', "
                     "men: 100}\n" for i in range(10_000))
    armies += "  - {id: enemy, faction: sassanids, at: '3,2', men: 100}\n"
    text = scenario_text(**{"armies:\n": "armies:\n" + armies})
    f = tmp_path / "armies.yaml"
    f.write_text(text)
    probs = within_budget(lambda: problems_of(f), seconds=120, megabytes=1500)
    assert any(p.key.endswith("at") and "hostile army" in p.message for p in probs)


def test_validation_work_grows_linearly_with_the_armies(tmp_path):
    """The work of checking a file, counted in calls (not timed), as the armies double:
    linear work grows by the same step each time, pairwise work by twice the last step
    (the check before the hostile-input fixes compared every army with every other)."""
    def work(n: int) -> int:
        armies = "".join(f"  - {{id: a{i}, faction: byzantium, at: '{2 + i % 8},2', "
                         "men: 100}\n" for i in range(n))
        armies += "  - {id: enemy, faction: sassanids, at: '3,2', men: 100}\n"
        f = tmp_path / f"armies_{n}.yaml"
        f.write_text(scenario_text(**{"armies:\n": "armies:\n" + armies}))
        probs, calls = within_budget(lambda: calls_made(lambda: problems_of(f)),
                                     seconds=120, megabytes=1500)
        assert any("hostile army" in p.message for p in probs)
        return calls
    w1, w2, w4 = work(500), work(1000), work(2000)
    assert w4 - w2 < 3 * (w2 - w1), (w1, w2, w4)


def test_a_wide_sight_with_fog_stays_within_memory(tmp_path):
    from game.rules import vision
    from game.rules.engine import new_game
    text = scenario_text(**{"\nfog: false\n": "\nfog: true\n",
                            "rules: {": "rules: {sight_army: 10000, sight_city: 10000, "})
    f = tmp_path / "wide.yaml"
    f.write_text(text)
    scn = load_scenario(f)
    assert scn.rules["sight_army"] == 10000

    def play():
        st, _ = new_game(scn, seed=3)
        seen = vision.visible(st, "byzantium")
        return bool(seen.all())
    assert within_budget(play, seconds=60, megabytes=300)


# --- saves that loaded, then failed ----------------------------------------------------

@pytest.fixture(scope="module")
def saved_doc(scn, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_saves")
    _, path = saved_game(scn, folder, seed=8, turns=4, label="hostile")
    return folder, json.loads(path.read_text())


def hand_edit(saved_doc, name, change) -> Path:
    """The good save changed by `change`, its checksum fixed as a careful hand edit would
    (a lone surrogate cannot even be hashed: such a file keeps the old checksum)."""
    folder, good = saved_doc
    doc = json.loads(json.dumps(good))
    change(doc)
    try:
        doc["state_hash"] = dict_hash(doc["state"])
    except UnicodeEncodeError:
        pass
    path = folder / name
    path.write_text(json.dumps(doc))
    return path


def _first_army(doc, faction):
    return next(a for a in doc["state"]["armies"].values() if a["faction"] == faction)


EDITS = {
    "surrogate_army_name": (lambda d: _first_army(d, "byzantium").update(name="\ud800"),
                            "U+D800"),
    "nul_in_title": (lambda d: d["meta"].update(scenario_title="a\x00b"), "U+0000"),
    "bidi_in_side": (lambda d: d["meta"]["sides"].update({"byzantium": "hu\u202eman"}),
                     "U+202E"),
    "computer_note": (lambda d: d["state"].update(plans={"sassanids": "\u00b2;x 1 2 take:a"}),
                      "plans.sassanids"),
    "log_month_13": (lambda d: d["state"]["log"][0].update(month=13), "log[0]"),
    "chart_huge": (lambda d: d["state"]["history"][0]["men"].update(
        {k: 10**40 for k in d["state"]["history"][0]["men"]}), "history[0]"),
    "enemy_commander": (lambda d: _first_army(d, "byzantium").update(commander="khosrow"),
                        "serves 'sassanids'"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_hand_edit_the_rules_never_make_is_refused_naming_file_and_field(saved_doc, name):
    change, words = EDITS[name]
    path = hand_edit(saved_doc, f"{name}.json", change)
    before = path.read_bytes()
    with pytest.raises(save.SaveError) as info:
        save.load_game(path)
    msg = str(info.value)
    assert str(path) in msg and words in msg, msg
    assert path.read_bytes() == before


def test_an_army_led_by_a_dead_commander_is_refused(saved_doc):
    def change(d):
        a = _first_army(d, "byzantium")
        if a["commander"] is None:
            a["commander"] = "priscus"
        d["state"]["commanders"][a["commander"]]["alive"] = False
    path = hand_edit(saved_doc, "dead.json", change)
    with pytest.raises(save.SaveError, match="is dead"):
        save.load_game(path)


def test_an_army_in_the_city_of_a_faction_at_peace_is_refused(saved_doc, scn):
    def change(d):
        st = d["state"]
        st["relations"]["avars|byzantium"] = {"status": "peace", "payer": None, "amount": 0}
        city = next(c for c in st["cities"].values() if c["owner"] == "byzantium")
        at = next(h for h, c in scn.city_at.items() if c == city["id"])  # the scenario's
        army = next((a for a in st["armies"].values() if a["faction"] == "avars"), None)
        if army is None:
            army = dict(_first_army(d, "byzantium"), id="avar_edit", faction="avars",
                        commander=None)
            st["armies"]["avar_edit"] = army
        army["hex"] = [at.q, at.r]
    path = hand_edit(saved_doc, "peace.json", change)
    with pytest.raises(save.SaveError, match="at peace|does not fit|breaks the rules"):
        save.load_game(path)


def test_a_save_that_cannot_be_encoded_keeps_the_last_good_save(scn, tmp_path):
    from game.rules.engine import new_game
    st, _ = new_game(scn, seed=1)
    path = tmp_path / "slot.json"
    save.save_game(path, st)
    before = path.read_bytes()
    next(iter(st.armies.values())).name = "bad \ud800 name"
    with pytest.raises(save.SaveError, match="last save is kept"):
        save.save_game(path, st)
    st.factions["byzantium"].treasury = 10**5000
    with pytest.raises(save.SaveError, match="cannot save"):
        save.save_game(path, st)
    assert path.read_bytes() == before


def test_a_damaged_save_given_to_play_names_the_file(saved_doc, capsys):
    path = hand_edit(saved_doc, "play_me.json",
                     lambda d: _first_army(d, "byzantium").update(name="\udcff"))
    assert cli.main(["play", "--load", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_a_big_yaml_beside_a_save_is_not_read_whole(saved_doc, tmp_path):
    from game.scenario.load import peek_id
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * (50 * 1024 * 1024))           # one line, no id
    assert within_budget(lambda: peek_id(big), seconds=20, megabytes=20) is None


def test_a_hand_edited_note_does_not_stop_the_computer(state):
    from game.ai.memory import recall
    for note in ("\u00b2;a 1 2 x", "9" * 5000, "1;a b c d", ";;;", "\udcff"):
        state.plans["sassanids"] = note
        assert recall(state, "sassanids") == {}


# --- settings --------------------------------------------------------------------------

@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    from game.ui.settings import config_dir
    config_dir().mkdir(parents=True)
    return config_dir() / "settings.json"


@pytest.mark.parametrize("content", [
    "[" * 100_000 + "]" * 100_000,
    '{"window": [' + "9" * 5000 + ", 800]}",
    '{"window": [100000000000, 100000000000], "scroll_speed": 10000000000000}',
    '{"window": [-5, 1e400]}',
    "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
])
def test_a_bad_settings_file_gives_the_defaults_or_clamped_values(config, content):
    from game.ui.settings import MAX_WINDOW, load_settings
    config.write_text(content, encoding="latin-1" if content.startswith("\xed") else "utf-8")
    s = within_budget(load_settings, seconds=20, megabytes=100)
    assert s.window[0] <= MAX_WINDOW[0] and s.window[1] <= MAX_WINDOW[1]
    assert 1 <= s.scroll_speed <= 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_or_dev_zero_as_settings_does_not_block_or_fill_memory(config):
    from game.ui.settings import Settings, load_settings
    os.mkfifo(config)
    assert within_budget(load_settings, seconds=20, megabytes=50) == Settings()
    config.unlink()
    config.symlink_to("/dev/zero")
    assert within_budget(load_settings, seconds=20, megabytes=50) == Settings()


def test_no_home_folder_is_no_crash(monkeypatch):
    from game.ui import settings
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert settings.config_dir().name == "last-great-war"
    assert settings.saves_dir().parent.name == "last-great-war"


# --- the command line ------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_simulate_to_a_full_disk_is_a_message(capsys):
    code = cli.main(["simulate", str(TEST_SCENARIO), "--seed", "1", "--turns", "2",
                     "--jsonl", "/dev/full", "--jobs", "1"])
    assert code == 1
    assert "cannot write /dev/full" in capsys.readouterr().err


@pytest.mark.parametrize("size", ["9" * 5000 + "x800", "99999999999999999999x800", "10x10",
                                  "\u0661\u0662\u0663x800"])
def test_play_size_is_checked(size, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert cli.main(["play", "--size", size]) == 2
    assert "--size" in capsys.readouterr().err


def test_play_with_an_over_long_scenario_path_is_a_message(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert cli.main(["play", "--scenario", "d/" + "m" * 5000 + ".yaml"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_play_with_a_tagged_scenario_says_where(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    f = tmp_path / "tagged.yaml"
    f.write_text(scenario_text(**{"fog: false": "fog: !!bool maybe"}))
    assert cli.main(["play", "--scenario", str(f)]) == 1
    err = capsys.readouterr().err
    assert "tagged.yaml:" in err and "fog: 'maybe' is not true or false" in err


def test_a_file_name_that_is_not_utf8_prints_to_a_strict_ascii_stdout(tmp_path):
    name = os.fsdecode(b"caf\xe9.yaml")
    (tmp_path / name).write_text("id: x\n")
    env = dict(os.environ, PYTHONIOENCODING="ascii:strict", PYTHONUTF8="0", LC_ALL="C")
    out = subprocess.run([sys.executable, "run.py", "validate", str(tmp_path)], cwd=ROOT,
                         env=env, capture_output=True, timeout=120)
    assert out.returncode == 1, out.stderr
    assert b"Traceback" not in out.stderr and b"caf" in out.stdout
