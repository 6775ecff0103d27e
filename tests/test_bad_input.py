"""Scenario input that is too big, too deep, too clever or not a file at all.

Each case must end in an InputError naming the file (never another exception,
a hang or a crash of the process), cheaply: the memory a refusal may use is
bounded with tracemalloc rather than timed.  The fixtures in tests/data/bad
cover one mistake each (see test_validation.py); these are the cases that
are generated, large, or need the file system.
"""
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import yaml

from game import cli
from game.scenario import limits, yamlsrc
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import InputError, parse
from tests.conftest import TEST_SCENARIO

ROOT = Path(__file__).resolve().parent.parent
TOO_DEEP = f"the YAML is nested too deeply (more than {yamlsrc.MAX_DEPTH} levels)"


def refusal(path) -> list:
    with pytest.raises(InputError) as exc:
        load_scenario(path)
    problems = exc.value.problems
    assert problems
    for p in problems:
        assert p.line >= 1 and p.column >= 1 and p.message
    return problems


def peak_bytes(fn) -> int:
    """Peak memory allocated while fn() runs."""
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def refused_parse(text: str) -> str:
    with pytest.raises(InputError) as exc:
        parse(text, "bomb.yaml")
    return str(exc.value)


# --- size -----------------------------------------------------------------------------

def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    f = tmp_path / "huge.yaml"
    with open(f, "wb") as fh:
        fh.write(b"id: huge\ndescription: |\n")
        fh.truncate(yamlsrc.MAX_FILE_BYTES + 1)       # sparse: costs no disk
    peak = peak_bytes(lambda: refusal(f))
    (p,) = refusal(f)
    assert "more than the 8192 KiB" in p.message and p.path.endswith("huge.yaml")
    assert peak < 1_000_000, "the file must not be read to be refused"


def test_a_large_but_legal_scenario_loads(tmp_path):
    """Several megabytes of real content: a description at the length limit, and many
    events each with a long text."""
    base = TEST_SCENARIO.read_text()
    sentence = "The war drags on through another season. "
    long_text = (sentence * 48)[:limits.MAX_TEXT]
    events = "".join(f"  - id: evt_filler_{i}\n    title: Filler {i}\n    when: {{turn: {{min: "
                     f"{i % 12 + 1}}}}}\n    text: {long_text[:1300]}\n    effects:\n"
                     f"      - set_flag: filler_{i}\n"
                     for i in range(2000))
    text = base.replace("description: A toy scenario used by the unit tests.",
                        "description: " + long_text) + events
    f = tmp_path / "large.yaml"
    f.write_text(text)
    assert 2_500_000 < f.stat().st_size < yamlsrc.MAX_FILE_BYTES
    scn = load_scenario(f)
    assert len(scn.events) == 3 + 2000
    assert limits.MAX_TEXT - 50 < len(scn.spec.description) <= limits.MAX_TEXT


def test_a_text_over_its_limit_is_refused_where_it_is(tmp_path):
    base = TEST_SCENARIO.read_text()
    f = tmp_path / "long.yaml"
    f.write_text(base.replace("description: A toy scenario used by the unit tests.",
                              "description: " + "x" * (limits.MAX_TEXT + 1)))
    with pytest.raises(InputError) as info:
        load_scenario(f)
    assert [p.key for p in info.value.problems] == ["description"]
    assert "more than the 2000 allowed" in info.value.problems[0].message


# --- bombs ------------------------------------------------------------------------------

def billion_laughs(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text", [
    billion_laughs(),
    billion_laughs(30),
    # the same through mappings and block style
    "a0: &a0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x}\n" + "".join(
        f"a{i}: &a{i}\n" + "".join(f"  k{j}: *a{i - 1}\n" for j in range(8)) for i in range(1, 12)),
], ids=["billion_laughs", "deeper_laughs", "mapping_laughs"])
def test_alias_bombs_are_refused_cheaply(text):
    message = []
    peak = peak_bytes(lambda: message.append(refused_parse(text)))
    assert "expands to more than" in message[0]
    assert peak < 1_000_000, f"refusing an alias bomb took {peak} bytes"


@pytest.mark.parametrize("text", [
    "x: " + "[" * 5000 + "]" * 5000,
    "x: " + "{a: " * 5000 + "1" + "}" * 5000,
    "".join("  " * i + "a:\n" for i in range(500)) + "  " * 500 + "b",
    "a: &a [1, 2]\n" + "b: " + "[" * 59 + "*a" + "]" * 59,          # depth reached by an alias
], ids=["brackets", "braces", "block", "alias_depth"])
def test_deep_nesting_is_refused_cheaply(text):
    """Refused with our located message, whichever limit fires first: ours (MAX_DEPTH) or
    the one libyaml has had since PyYAML 6.0.4 (whose own words are translated)."""
    message = []
    peak = peak_bytes(lambda: message.append(refused_parse(text)))
    assert re.fullmatch(r"bomb\.yaml:\d+:\d+: " + re.escape(TOO_DEEP), message[0]), message[0]
    assert peak < 1_000_000, f"refusing deep nesting took {peak} bytes"


class _DeepLibyaml:
    """Stands in for a loader whose C parser refuses a deep document in its own words."""

    def __init__(self, text):
        pass

    def get_event(self):
        mark = yaml.Mark("<unicode string>", 0, 0, 1002, None, None)
        raise yaml.scanner.ScannerError("while increasing flow level", None,
                                        "exceeded maximum nesting depth", mark)

    def dispose(self):
        pass


def test_libyamls_own_depth_refusal_gets_our_message_and_its_place(monkeypatch):
    monkeypatch.setattr(yamlsrc, "_Loader", _DeepLibyaml)
    assert refused_parse("x: [[[") == f"bomb.yaml:1:1003: {TOO_DEEP}"


def test_other_syntax_errors_keep_their_own_description():
    message = refused_parse("x: [1, 2\ny: 3\n")
    assert "YAML syntax error" in message and TOO_DEEP not in message


def test_nesting_up_to_the_limit_is_fine():
    node = parse("x: " + "[" * (yamlsrc.MAX_DEPTH - 1) + "1" + "]" * (yamlsrc.MAX_DEPTH - 1), "ok")
    depth = 0
    node = node.value["x"]
    while node.kind == "seq":
        node, depth = node.value[0], depth + 1
    assert depth == yamlsrc.MAX_DEPTH - 1 and node.value == 1


def test_a_bracket_bomb_does_not_kill_the_process(tmp_path):
    """A million nested brackets overflowed the C parser's stack (the process died, no message).

    Run in a child process, so that a regression fails this test instead of the whole run.
    """
    f = tmp_path / "brackets.yaml"
    f.write_text("id: x\nmap: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n")
    r = subprocess.run([sys.executable, str(ROOT / "run.py"), "validate", str(f)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    assert re.fullmatch(re.escape(str(f)) + r":2:\d+: " + re.escape(TOO_DEEP), r.stdout.strip()), \
        r.stdout
    assert "Traceback" not in r.stderr


def test_aliases_share_rather_than_copy():
    """A value used through an alias is read once (its size counts each time it is used)."""
    node = parse("a: &x {k: [1, 2, 3]}\nb: *x\nc: [*x, *x]\n", "ok.yaml")
    assert node.value["b"] is node.value["a"] is node.value["c"].value[1]


# --- not a scenario file at all ------------------------------------------------------------

def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (p,) = refusal(fifo)
    assert "not a regular file" in p.message
    assert cli.validate_paths([str(fifo)])[0].message == "not a regular file"


def test_a_folder_named_like_a_scenario_is_refused(tmp_path):
    d = tmp_path / "folder.yaml"
    d.mkdir()
    (p,) = refusal(d)
    assert "not a regular file" in p.message
    assert cli.validate_paths([str(tmp_path)])[0].message == "not a regular file"


def test_a_device_is_refused(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (p,) = refusal("/dev/zero")          # endless: reading it would never finish
    assert "not a regular file" in p.message


def test_a_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop.yaml"
    try:
        loop.symlink_to(loop)
    except OSError:
        pytest.skip("no symlinks here")
    (p,) = refusal(loop)
    assert "cannot read the file" in p.message


def test_the_commands_survive_a_checker_bug(tmp_path, monkeypatch, capsys):
    """Even a bug in the checker is a message and exit 1, not a traceback."""
    import game.scenario.load as load

    def broken(path):
        raise KeyError("oops")
    monkeypatch.setattr(load, "load_scenario", broken)
    monkeypatch.setattr(load, "SCENARIO_DIR", tmp_path)
    f = tmp_path / "x.yaml"
    f.write_text("id: x\n")
    for command in (["validate", str(f)], ["scenarios"], ["simulate", str(f), "--seed", "1"]):
        assert cli.main(command) == cli.EXIT_PROBLEMS
        out, err = capsys.readouterr()
        assert cli.INTERNAL_ERROR in out + err and "Traceback" not in out + err


def test_validate_as_a_program_on_bad_files():
    names = ["yaml_syntax", "binary_garbage", "alias_bomb", "deep_nesting", "python_tag",
             "not_utf8", "event_nested_unknown"]
    r = subprocess.run([sys.executable, str(ROOT / "run.py"), "validate",
                        *(str(ROOT / "tests" / "data" / "bad" / f"{n}.yaml") for n in names)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    for n in names:
        assert f"tests/data/bad/{n}.yaml:" in r.stdout
    assert r.stderr.endswith(f"in {len(names)} files\n")
