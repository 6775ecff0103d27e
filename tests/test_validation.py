"""Every validation message has a fixture; each must be reported at its line and key."""
import re
from pathlib import Path

import pytest

from game.cli import validate_paths
from game.scenario.load import load_scenario, safe_reference
from game.scenario.yamlsrc import InputError

BAD = Path(__file__).parent / "data" / "bad"
FIXTURES = sorted(BAD.glob("*.yaml"))


def expectation(path: Path) -> tuple[int, str, str]:
    side = path.with_suffix(".expect")
    first = (side.read_text() if side.exists() else path.read_text()).splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} lacks its expectation line"
    head, message = first[len("# expect: "):].split(" | ", 1)
    line, key = head.split(" ", 1)
    return int(line), ("" if key == "-" else key), message


def test_there_is_a_fixture_per_message():
    assert len(FIXTURES) >= 150


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_reports_line_key_and_message(path):
    line, key, message = expectation(path)
    problems = validate_paths([str(path)])
    assert problems, f"{path.name} should be refused"
    matches = [p for p in problems if p.line == line and p.key == key and message in p.message]
    assert matches, "\n".join(str(p) for p in problems)
    for p in problems:     # PATH:LINE:COLUMN: ... on every line
        text = str(p)
        assert text.startswith(f"{p.path}:{p.line}:{p.column}: ")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_validate_command_reports_every_fixture_cleanly(path, capsys):
    """`validate` on any bad file: exit 1, one located line per problem, no traceback."""
    from game import cli
    code = cli.main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_PROBLEMS
    lines = out.splitlines()
    assert lines
    for line in lines:
        assert re.match(r"^[^:]+:\d+:\d+: \S", line), line
    assert "Traceback" not in out + err and cli.INTERNAL_ERROR not in out
    assert re.fullmatch(r"\d+ problems? in 1 file\n", err), err


def test_all_problems_are_reported_at_once(tmp_path):
    base = (BAD / "unknown_owner.yaml").read_text()
    text = base.replace("men: 5000", "men: lots").replace("red_king}", "red_kong}", 1)
    f = tmp_path / "many.yaml"
    f.write_text(text)
    with pytest.raises(InputError) as exc:
        load_scenario(f)
    keys = {p.key for p in exc.value.problems}
    assert {"cities[1].owner", "armies[0].men", "factions[0].ruler"} <= keys


def test_the_test_scenario_is_valid(scn):
    assert scn.id == "test_small"
    assert scn.total_turns == 12


@pytest.mark.parametrize("ref, ok", [
    ("maps/theatre.yaml", True), ("theatre.yaml", True), ("../secret.yaml", False),
    ("/etc/passwd", False), ("maps/../../x.yaml", False), ("C:\\Windows\\x", False),
])
def test_file_references_stay_inside(tmp_path, ref, ok):
    path, why = safe_reference(ref, tmp_path)
    assert (path is not None) == ok, why


def test_format_docs_are_current():
    from game.scenario import docs
    assert docs.OUT.read_text(encoding="utf-8") == docs.render(), \
        "docs/scenario-format.md is stale: run `python -m game.scenario.docs`"
