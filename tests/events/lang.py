"""Helpers for testing the event language: compile text against a scenario, run it."""
from __future__ import annotations

from pathlib import Path

from game.events.compile import compile_condition, compile_effects, context_for
from game.events.effects import Fire
from game.rules.engine import new_game
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import Collector, parse

DATA = Path(__file__).resolve().parent.parent / "data"
TEST_SCENARIO = DATA / "test_scenario.yaml"


def condition(scn, text: str):
    """Compile one condition written in YAML; fail the test on any problem."""
    col = Collector("<test>")
    c = compile_condition(parse(text, "<test>"), context_for(scn, col), "when")
    assert not col.problems, "\n".join(map(str, col.problems))
    return c


def problems(scn, text: str, effects: bool = False) -> list[str]:
    """The messages compiling a condition (or an effect list) gives."""
    col = Collector("<test>")
    node = parse(text, "<test>")
    ctx = context_for(scn, col)
    if effects:
        compile_effects(node, ctx, "effects")
    else:
        compile_condition(node, ctx, "when")
    return [f"{p.key}: {p.message}" for p in col.problems]


def holds(state, text: str) -> bool:
    return condition(state.scenario, text)(state)


def apply(state, text: str, event: str = "evt_test", told: tuple[str, ...] | None = None):
    """Run a list of effects written in YAML on the state; return the Events they made."""
    col = Collector("<test>")
    fx = compile_effects(parse(text, "<test>"), context_for(state.scenario, col), "effects")
    assert not col.problems, "\n".join(map(str, col.problems))
    fire = Fire(event, tuple(state.order) if told is None else told)
    out = []
    for run in fx:
        out += run(state, fire)
    return out


def scenario_with_events(tmp_path, events_text: str, extra: str = ""):
    """The test scenario with its events replaced (and `extra` top-level text added)."""
    base = TEST_SCENARIO.read_text(encoding="utf-8")
    head = base[:base.index("\nevents:\n")]
    path = tmp_path / "scenario.yaml"
    path.write_text(f"{head}\n{extra}events:\n{events_text}", encoding="utf-8")
    return load_scenario(path)


def fresh(scn, seed: int = 7):
    state, _ = new_game(scn, seed)
    return state
