"""Long play, in small: computer-against-computer games of every scenario.

The full soak is `python -m game.soak` (see the README); here each scenario
plays two games with capped turns, the invariants checked after every
faction's turn and the finished game saved and loaded back.  Rule overrides
at the ends of their allowed ranges must play as safely as the defaults.
"""
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import soak
from game.rules.table import ORDERED, RULES, limits
from game.scenario.load import load_scenario
from tests.conftest import TEST_SCENARIO
from tests.helpers import all_scenario_files, scenario_with_rules

FILES = all_scenario_files()
TURNS = int(os.environ.get("LGW_SOAK_TURNS", "0"))      # default: 6, or 3 on the full map


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_computer_games_keep_the_invariants(path):
    scn = load_scenario(path)
    turns = TURNS or (6 if path == TEST_SCENARIO else 3)
    tally = soak.soak(scn, games=2, seed=101, max_turns=turns)
    assert tally.games == 2
    assert tally.failures == [], "\n".join(map(str, tally.failures))
    assert tally.turns >= 2 * min(turns, scn.total_turns) - 2   # games may end early, by victory


def test_the_soak_reports_what_goes_wrong(scn, monkeypatch):
    """A turn that breaks an invariant, or crashes, is a counted failure with its seed."""
    import game.ai
    real = game.ai.play_turn

    def breaks_things(state, level="normal"):
        out = real(state, level)
        if state.turn >= 2:
            state.factions["sassanids"].treasury = -5
        return out
    monkeypatch.setattr(game.ai, "play_turn", breaks_things)
    tally = soak.soak(scn, games=2, seed=7, max_turns=4)
    assert [f.seed for f in tally.failures] == [7, 8]
    assert "negative treasury" in tally.failures[0].what

    def crashes(state, level="normal"):
        raise ZeroDivisionError("boom")
    monkeypatch.setattr(game.ai, "play_turn", crashes)
    (fail,) = soak.soak(scn, games=1, seed=3).failures
    assert "ZeroDivisionError: boom" in fail.what and fail.seed == 3


def test_the_soak_command_prints_a_total(capsys):
    code = soak.main([str(TEST_SCENARIO), "--games", "2", "--turns", "3"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].startswith("test_small: 2 games, 6 turns")
    assert out[-1].startswith("total: 2 games, 6 turns, 0 failures")


# --- rule overrides ---------------------------------------------------------------------

def _with_rules(tmp_path, rules: dict) -> "Scenario":
    return load_scenario(scenario_with_rules(tmp_path, rules))


def _ordered(rules: dict) -> dict:
    """Put each ordered pair in order, filling a missing end of a pair from the defaults."""
    for a, b in ORDERED:
        if a in rules or b in rules:
            rules.setdefault(a, RULES[a][0])
            rules.setdefault(b, RULES[b][0])
            if rules[a] > rules[b]:
                rules[a], rules[b] = rules[b], rules[a]
    return rules


@pytest.mark.slow
@pytest.mark.parametrize("end", [0, 1], ids=["lowest", "highest"])
def test_every_rule_at_the_end_of_its_range_plays_safely(tmp_path, end):
    scn = _with_rules(tmp_path, _ordered({k: limits(k)[end] for k in RULES}))
    assert all(scn.rules[k] == limits(k)[end] or any(k in pair for pair in ORDERED)
               for k in RULES)
    tally = soak.soak(scn, games=1, seed=5, max_turns=4)
    assert tally.failures == [], "\n".join(map(str, tally.failures))
    assert tally.turns == 4


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("LGW_FUZZ_EXAMPLES", "0")) or 12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rules=st.dictionaries(st.sampled_from(sorted(RULES)), st.integers(0, 10**4), max_size=8),
       seed=st.integers(0, 1000))
def test_any_allowed_rule_overrides_play_safely(tmp_path, rules, seed):
    rules = _ordered({k: min(max(v, limits(k)[0]), limits(k)[1]) for k, v in rules.items()})
    scn = _with_rules(tmp_path, rules)
    tally = soak.soak(scn, games=1, seed=seed, max_turns=3)
    assert tally.failures == [], "\n".join(map(str, tally.failures))
