"""The event-case harness of the test suite: game.events.cases (the runner that
`run.py test-events` uses too), the game's own case files, and the check that every
event of every scenario has cases.
"""
from __future__ import annotations

from pathlib import Path

from game.events.cases import (Case, CaseFile, CaseSpec, Loaded, build, event_by_id_in,  # noqa: F401
                               load_cases, point_of, run, scenario_file, _scenario)
from game.scenario.load import GAME_ROOT
from game.scenario.yamlsrc import InputError, display_path

CASES_DIR = Path(__file__).resolve().parent / "cases"
EXAMPLES_DIR = GAME_ROOT / "docs" / "examples"


def all_case_files(folder: Path = CASES_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def example_case_files() -> list[Path]:
    """The case files of the example scenarios under docs/examples (one folder each)."""
    return sorted(EXAMPLES_DIR.glob("*/*_cases.yaml"))


def example_scenarios() -> list[Path]:
    return sorted(p for p in EXAMPLES_DIR.glob("*/*.yaml") if not p.name.endswith("_cases.yaml"))


# --- coverage ----------------------------------------------------------------------------------

def scenario_paths() -> list[Path]:
    """Every scenario whose events must have cases: those under scenarios/, the test one, and
    the examples of docs/examples."""
    from game.scenario.load import scenario_files
    return [*scenario_files(), GAME_ROOT / "tests" / "data" / "test_scenario.yaml",
            *example_scenarios()]


def coverage(cases: list[Case]) -> dict[str, tuple[set[str], set[str]]]:
    """Scenario file -> (events with a case where they fire, events with one where they don't)."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for c in cases:
        key_ = str(Path(c.scenario.file).resolve())
        yes, no = out.setdefault(key_, (set(), set()))
        (yes if c.spec.fires else no).add(c.spec.event)
    return out


def missing_cases(cases: list[Case]) -> list[str]:
    """One line per scenario whose events lack a case of either kind."""
    cov = coverage(cases)
    lines = []
    for path in scenario_paths():
        try:
            scn = _scenario(path)
        except InputError as exc:
            lines.append(f"{display_path(path)}: cannot check its events, it does not load: "
                         f"{exc.problems[0] if exc.problems else '?'}")
            continue
        yes, no = cov.get(str(path.resolve()), (set(), set()))
        ids = [e.spec.id for e in scn.events]
        no_yes = [e for e in ids if e not in yes]
        no_no = [e for e in ids if e not in no]
        if no_yes or no_no:
            parts = []
            if no_yes:
                parts.append(f"no case where it fires: {', '.join(no_yes)}")
            if no_no:
                parts.append(f"no case where it must not: {', '.join(no_no)}")
            lines.append(f"{display_path(path)} ({scn.id}): {'; '.join(parts)} "
                         f"(add them to tests/events/cases/{scn.id}.yaml; see "
                         "docs/event-tests.md)")
    return lines
