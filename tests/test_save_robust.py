"""Saves under attack: corrupted files, a game killed while saving, code in data.

The promises: a damaged save is refused with a SaveError (never another
exception) and left exactly as it was; killing the game at any moment of a
save leaves the previous save (or the new one) complete and loadable; and
nothing in game/ can run code from a file.
"""
import ast
import hashlib
import json
import os
import random
import signal
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import game.ai
from game.rules.invariants import check_invariants
from game.rules.state import canonical_json, state_hash
from game.session import save
from tests.conftest import TEST_SCENARIO
from tests.helpers import saved_game

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("LGW_FUZZ_EXAMPLES", "0")) or None


class Saved(tuple):
    def __repr__(self):            # keeps hypothesis' failure reports short
        return f"Saved({self[0]}, {len(self[1])} bytes)"


@pytest.fixture(scope="module")
def saved(scn, tmp_path_factory):
    """A game some turns in (sieges, pending choices, log), saved beside its scenario."""
    folder = tmp_path_factory.mktemp("saves")
    session, path = saved_game(scn, folder, seed=8, turns=4, label="fuzz")
    assert state_hash(save.load_game(path).state) == session.hash()
    return Saved((folder, path.read_bytes()))


# --- damaged saves -------------------------------------------------------------------

JUNK = [None, True, False, 0, -1, 1, 2**64, -(2**63), 1.5, float("nan"), "", "x", "byzantium",
        "zz_unknown", [], [0], [0, 0], [99, -99], {}, {"a": 1}, [[[]]], "603-03", "|", "a|b"]


def _paths(doc, prefix=()):
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, prefix + (i,))
    return out


def _damage_value(data: bytes, draw, rehash: bool, numbers_only: bool = False) -> bytes:
    doc = json.loads(data)
    paths = [p for p in _paths(doc) if p]
    if numbers_only:            # a hand edit of the game's numbers: men, walls, money...
        paths = [p for p in _paths(doc["state"], ("state",)) if _is_number(doc, p)]
    for _ in range(draw(st.integers(1, 3))):
        where = paths[draw(st.integers(0, len(paths) - 1))]
        parent = doc
        try:
            for k in where[:-1]:
                parent = parent[k]
            how = draw(st.integers(0, 2))
            if how == 0:
                del parent[where[-1]]
            elif how == 1:
                parent[where[-1]] = draw(st.sampled_from(JUNK))
            else:
                v = parent[where[-1]]
                if isinstance(v, int) and not isinstance(v, bool):
                    parent[where[-1]] = draw(st.sampled_from([-v - 1, v + 1, v * 1000, 0]))
        except (KeyError, IndexError, TypeError):
            continue        # an earlier damage removed or replaced this spot
    if rehash and isinstance(doc.get("state"), dict):
        # as a player editing the file by hand would: the checksum made to match again
        try:
            doc["state_hash"] = hashlib.sha256(canonical_json(doc["state"]).encode()
                                               ).hexdigest()[:16]
        except (TypeError, ValueError):
            pass
    return json.dumps(doc, allow_nan=True).encode()


def _is_number(doc, path) -> bool:
    for k in path:
        doc = doc[k]
    return isinstance(doc, int) and not isinstance(doc, bool)


def _damage_bytes(data: bytes, draw) -> bytes:
    how = draw(st.integers(0, 3))
    i = draw(st.integers(0, len(data)))
    if how == 0:                                    # cut short
        return data[:i]
    if how == 1:                                    # bytes overwritten
        junk = draw(st.binary(min_size=1, max_size=8))
        return data[:i] + junk + data[i + len(junk):]
    if how == 2:                                    # bytes inserted
        return data[:i] + draw(st.binary(min_size=1, max_size=8)) + data[i:]
    j = draw(st.integers(i, min(len(data), i + 64)))   # a run of bytes dropped
    return data[:i] + data[j:]


@pytest.mark.slow
@settings(max_examples=EXAMPLES or 120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_saves_are_refused_cleanly_and_left_alone(saved, data):
    folder, good = saved
    draw = data.draw
    kind = draw(st.sampled_from(["bytes", "value", "value_rehashed", "number_rehashed"]))
    if kind == "bytes":
        bad = _damage_bytes(good, draw)
    else:
        bad = _damage_value(good, draw, rehash=kind != "value",
                            numbers_only=kind == "number_rehashed")
    path = folder / "damaged.json"
    path.write_bytes(bad)
    try:
        loaded = save.load_game(path)
    except save.SaveError as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        event(f"{kind}: refused, " + str(exc).split(": ", 1)[-1][:30])
    else:
        event(f"{kind}: loaded")
        # only a harmless change loads, and the game it gives obeys the rules and plays on
        assert check_invariants(loaded.state) == []
        state = loaded.state
        for _ in range(2):
            if state.over:
                break
            game.ai.play_turn(state)
            assert check_invariants(state) == []
    assert path.read_bytes() == bad, "a refused save must never be changed"


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(version=save.VERSION + 1), "newer version of the game"),
    (lambda d: d.update(version="1"), "no format version"),
    (lambda d: d.update(version=True), "no format version"),
    (lambda d: d.update(version=0), "unknown save format version"),
    (lambda d: d.update(format="other"), "not a Last Great War save"),
    (lambda d: d.update(orders={"kind": "move"}), "order history is damaged"),
    (lambda d: d["meta"].update(scenario_id=7), "description is damaged"),
    (lambda d: d["meta"].update(sides={"byzantium": 3}), "description is damaged"),
    (lambda d: d["meta"].update(scenario_id="../../etc/passwd"), "not installed"),
])
def test_specific_damage_has_a_clear_message(saved, tmp_path, change, message):
    folder, good = saved
    doc = json.loads(good)
    change(doc)
    doc["seal"] = save.seal(doc)      # resealed: each check behind the seal is tested
    path = folder / "specific.json"
    path.write_text(json.dumps(doc))
    before = path.read_bytes()
    with pytest.raises(save.SaveError) as exc:
        save.load_game(path)
    assert message in str(exc.value)
    assert path.read_bytes() == before


def test_a_huge_number_in_a_save_is_refused(saved):
    folder, good = saved
    path = folder / "digits.json"
    path.write_bytes(good.replace(b'"seed":8', b'"seed":' + b"9" * 5000, 1))
    with pytest.raises(save.SaveError, match="damaged"):
        save.load_game(path)


def test_a_pipe_is_not_read_as_a_save(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "slot.json"
    os.mkfifo(fifo)
    with pytest.raises(save.SaveError, match="not a regular file"):
        save.load_game(fifo)          # opening a pipe with no writer would block forever


# --- killed while saving ---------------------------------------------------------------
#
# A forked child process (it shares the test's loaded modules, so it starts at once)
# saves, and dies by SIGKILL: by its own hand at a chosen step of a save, or from the
# test at a random moment.  SIGKILL cannot be caught, so nothing gets to tidy up.

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                                reason="needs fork and SIGKILL")


def _die(*_a, **_k):
    os.kill(os.getpid(), signal.SIGKILL)


def _rig(kill_at: str) -> None:
    """In the child: make the next save die at `kill_at`."""
    real_replace, real_fdopen, calls = os.replace, os.fdopen, []
    if kill_at == "write":                   # half the bytes written, then death
        class Half:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *a):
                return False

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                self.fh.flush()
                _die()
        os.fdopen = lambda fd, mode: Half(real_fdopen(fd, mode))
    elif kill_at == "fsync":                 # written, not yet flushed to disk
        os.fsync = _die
    elif kill_at == "link":                  # before the old save is linked as the backup
        os.link = _die
    else:                                    # around the renames: backup, then the save
        def replace(src, dst):
            calls.append(dst)
            if kill_at == "replace_backup" and len(calls) == 1:
                _die()
            if kill_at == "replace_save" and len(calls) == 2:
                _die()
            real_replace(src, dst)
            if kill_at == "after" and len(calls) == 2:
                _die()
        os.replace = replace


def _slow_disk() -> None:
    """In the child: files are written in small pieces, slowly, as to a slow disk."""
    real_fdopen = os.fdopen

    class Slow:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return self.fh.__exit__(*a)

        def write(self, data):
            for i in range(0, len(data), 1 << 16):
                self.fh.write(data[i: i + (1 << 16)])
                self.fh.flush()
                time.sleep(0.002)

        def __getattr__(self, name):
            return getattr(self.fh, name)
    os.fdopen = lambda fd, mode: Slow(real_fdopen(fd, mode))


def _fork(body, path: Path, pad: int):
    """Run body(save_as, report) in a child; returns (pid, read end of its report pipe)."""
    r, w = os.pipe()
    state = _fork.state
    pid = os.fork()
    if pid == 0:                             # the child: never returns into pytest
        try:
            os.close(r)

            def save_as(n):
                state.flags["saves"] = n
                save.save_game(path, state, extra={"pad": "x" * pad})

            def report(n):
                os.write(w, f"{n}\n".encode())
            body(save_as, report)
        finally:
            os._exit(0)
    os.close(w)
    return pid, os.fdopen(r)


def _saves_in(path: Path) -> dict[str, int]:
    """The save number in the file and in its backup; each must load if it exists."""
    out = {"save": save.load_game(path).state.flags["saves"]}
    bak = path.with_name(path.name + ".bak")
    if bak.exists():
        out["backup"] = save.load_game(bak).state.flags["saves"]
    return out


@pytest.fixture
def slot(tmp_path, scn):
    from game.rules.engine import new_game
    _fork.state = new_game(scn, 5)[0]
    (tmp_path / TEST_SCENARIO.name).write_bytes(TEST_SCENARIO.read_bytes())
    return tmp_path / "slot.json"


@needs_fork
@pytest.mark.parametrize("kill_at, expect", [
    ("write", 1), ("fsync", 1), ("link", 1), ("replace_backup", 1), ("replace_save", 1),
    ("after", 2),
])
def test_killed_at_each_step_of_a_save_keeps_a_complete_save(slot, kill_at, expect):
    def body(save_as, report):
        save_as(1)                           # a complete save, to lose or not
        report(1)
        _rig(kill_at)
        save_as(2)
        report(2)
    pid, reports = _fork(body, slot, 0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert reports.read().split() == ["1"], "the child must die inside its second save"
    found = _saves_in(slot)
    assert found["save"] == expect
    if "backup" in found:
        assert found["backup"] == 1
    # whatever the dead save left behind, the next save and load work
    save.save_game(slot, save.load_game(slot).state)
    assert _saves_in(slot) == {"save": expect, "backup": expect}


@pytest.mark.slow
@needs_fork
def test_killed_at_random_moments_while_saving_loses_at_most_that_save(slot):
    rng = random.Random(int(os.environ.get("LGW_KILL_SEED", "1")))

    last = 0

    def body(save_as, report):          # numbers go on from the last child's, in the same slot
        _slow_disk()
        n = last + 1
        while True:
            save_as(n)
            report(n)
            n += 1
    for _ in range(int(os.environ.get("LGW_KILLS", "6"))):
        pid, reports = _fork(body, slot, 2_000_000)
        first = reports.readline().strip()
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        done = [int(first)] + [int(x) for x in reports.read().split()]
        found = _saves_in(slot)
        # the file holds the last save reported done, or the one after it if the kill
        # came between its rename and its report
        assert found["save"] in (done[-1], done[-1] + 1), (found, done[-1])
        if "backup" in found:     # the save before, or the same one if the kill came
            assert found["backup"] in (found["save"] - 1, found["save"]), found   # mid-swap
        last = found["save"]


# --- no code from files ----------------------------------------------------------------

FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle",
                     "jsonpickle", "joblib"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load",
               "full_load_all", "Loader", "UnsafeLoader", "FullLoader", "CLoader",
               "CUnsafeLoader", "CFullLoader"}


def code_from_data(source: str, name: str = "<source>") -> list[str]:
    """Every place in the source that could run code found in a file."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{where}: imports {a.name}")
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{where}: imports from {node.module}")
            if node.module == "yaml" and any(a.name in UNSAFE_YAML for a in node.names):
                found.append(f"{where}: imports an unsafe YAML loader")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                found.append(f"{where}: calls {node.func.id}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "yaml" and node.attr in UNSAFE_YAML:
                found.append(f"{where}: uses yaml.{node.attr}")
            if node.value.id in ("np", "numpy") and node.attr == "load":
                found.append(f"{where}: uses numpy.load (it can unpickle)")
        if isinstance(node, ast.keyword) and node.arg == "allow_pickle":
            found.append(f"{where}: allow_pickle")
    return found


def test_nothing_in_the_game_can_run_code_from_a_file():
    files = sorted((ROOT / "game").rglob("*.py"))
    assert len(files) > 20
    found = []
    for f in files:
        found += code_from_data(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))
    assert found == []


def test_the_code_scan_sees_what_it_looks_for():
    bad = ("import pickle\nfrom marshal import loads\nimport yaml\nimport numpy as np\n"
           "eval('1')\nexec('x=1')\nyaml.load(s)\nyaml.unsafe_load(s)\nfrom yaml import Loader\n"
           "np.load('a.npy', allow_pickle=True)\n")
    assert len(code_from_data(bad)) == 9
