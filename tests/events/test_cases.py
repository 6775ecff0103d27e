"""Runs every event case under tests/events/cases (and those of the examples under
docs/examples), and checks that every event has cases.

See docs/event-tests.md for the format.  A failing case says where it is
written, what was expected and why it did not happen.
"""
import pytest

from tests.events import harness

FILES = harness.all_case_files() + harness.example_case_files()
LOADED = {f: harness.load_cases(f) for f in FILES}
CASES = [c for loaded in LOADED.values() for c in loaded.cases]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_case_file_reads_cleanly(path):
    problems = LOADED[path].problems
    if problems:
        pytest.fail("\n".join(str(p) for p in problems), pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_event_case(case):
    message = harness.run(case)
    if message:
        pytest.fail(message, pytrace=False)


def test_every_event_of_every_scenario_has_a_case_where_it_fires_and_one_where_it_does_not():
    lines = harness.missing_cases(CASES)
    if lines:
        pytest.fail("\n".join(lines), pytrace=False)
