"""The command line contract: exit codes and output formats."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli
from tests.conftest import DATA, TEST_SCENARIO

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None):
    e = dict(os.environ, SDL_VIDEODRIVER="dummy")
    e.update(env or {})
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], capture_output=True,
                          text=True, timeout=300, env=e, cwd=ROOT)


def test_validate_good_and_bad():
    ok = run("validate", str(TEST_SCENARIO))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = run("validate", str(DATA / "bad" / "unknown_owner.yaml"), str(DATA / "bad" / "wrong_type.yaml"))
    assert bad.returncode == 1
    lines = bad.stdout.strip().splitlines()
    assert len(lines) >= 2
    for line in lines:
        assert re.match(r"^[^:]+\.yaml:\d+:\d+: ", line), line
    assert "Traceback" not in bad.stdout + bad.stderr


def test_validate_missing_file_is_a_clean_error():
    r = run("validate", "no/such/file.yaml")
    assert r.returncode == 1 and "no such file" in r.stdout and "Traceback" not in r.stderr


def test_simulate_prints_events_and_a_summary(tmp_path):
    out = tmp_path / "events.jsonl"
    r = run("simulate", str(TEST_SCENARIO), "--seed", "3", "--jsonl", str(out))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert any(re.match(r"^603 summer evt_test_avars: The Avars cross the Danube$", l) for l in lines)
    assert lines[-1].startswith("  ") or lines[-1].startswith("result:")
    summary = next(l for l in lines if l.startswith("result:"))
    assert "after 12 turns" in summary and "cities held:" in summary
    records = [json.loads(l) for l in out.read_text().splitlines()]
    assert records[-1]["type"] == "game" and records[-1]["turns"] == 12
    assert any(r["type"] == "event" and r["id"] == "evt_test_avars" for r in records)


def test_simulate_many_games_and_turn_limit():
    r = run("simulate", str(TEST_SCENARIO), "--seed", "1", "--games", "2", "--turns", "3")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("== game") == 2
    assert r.stdout.count("result:") == 2 and "after 3 turns" in r.stdout


def test_simulate_unknown_scenario_is_a_clean_error():
    r = run("simulate", "no_such_scenario", "--seed", "1")
    assert r.returncode == 1 and "no scenario" in r.stderr and "Traceback" not in r.stderr
    r = run("simulate", str(DATA / "bad" / "wrong_type.yaml"), "--seed", "1")
    assert r.returncode == 1 and "armies[0].men" in r.stderr


def test_scenarios_lists_id_years_title(tmp_path, monkeypatch, capsys):
    from game.scenario import load
    (tmp_path / "a.yaml").write_text(TEST_SCENARIO.read_text())
    (tmp_path / "b.yaml").write_text("id: broken\ntitle: [oops\n")
    monkeypatch.setattr(load, "SCENARIO_DIR", tmp_path)
    code = cli.main(["scenarios"])
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0] == "test_small\t603-605\tTest Theatre\tshipped"
    assert out[1].startswith("b\t?\tBROKEN: ") and out[1].endswith("\tshipped")
    assert code == 1


def test_help_mentions_the_placeholder_policy():
    r = run("simulate", "--help")
    assert r.returncode == 0 and "placeholder" in r.stdout
