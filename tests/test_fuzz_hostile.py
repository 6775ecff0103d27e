"""Searching for hostile input, each example under a time and memory budget.

Three grammars are searched: YAML scalars (tag x form x length) put in a
scenario's keys, save fields (types, and text with surrogates, NUL, controls
and direction overrides), and settings files.  Whatever the example, the
loader gives located problems or a value (never another exception), the
save loader a SaveError naming the file or a game that plays on, the settings
loader its defaults or clamped values, each within its budget: a hang or a
runaway allocation fails the test as a bug.

Examples: few in the normal run; the `_long` tests run only when LGW_FUZZ_EXAMPLES
is set, with that many examples each:
    LGW_FUZZ_EXAMPLES=3000 .venv/bin/python -m pytest tests/test_fuzz_hostile.py
Examples found that broke a promise are kept in tests/data/hostile/ and replayed by
`test_the_regression_corpus_stays_fixed` in every run.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.rules.state import dict_hash
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import InputError
from game.session import save
from tests.budget import within_budget
from tests.conftest import TEST_SCENARIO
from tests.helpers import saved_game

ENV_EXAMPLES = int(os.environ.get("LGW_FUZZ_EXAMPLES", "0"))
SMALL = ENV_EXAMPLES or 12
LONG = ENV_EXAMPLES or 300
long_search = pytest.mark.skipif(not ENV_EXAMPLES, reason="a long search: set LGW_FUZZ_EXAMPLES")
CORPUS = Path(__file__).parent / "data" / "hostile"
SETTINGS = dict(deadline=None, database=None, derandomize=not ENV_EXAMPLES,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

# --- the YAML scalar grammar -------------------------------------------------------------

TAGS = ["", "!!int ", "!!float ", "!!bool ", "!!str ", "!!null ", "!!timestamp ", "!!binary ",
        "!!python/none ", "!foo "]
DIGITS = "0123456789"


@st.composite
def numberish(draw):
    """The forms YAML 1.1 gives a meaning to, at lengths from none to thousands."""
    n = draw(st.sampled_from([0, 1, 2, 5, 15, 16, 40, 400, 5000]))
    body = "".join(draw(st.lists(st.sampled_from(DIGITS), min_size=n, max_size=n)))
    form = draw(st.sampled_from(["dec", "hex", "oct", "bin", "sexa", "float", "exp", "under",
                                 "sign", "lead0", "inf", "nan", "words"]))
    if form == "hex":
        return "0x" + body.replace("9", "f")
    if form == "oct":
        return "0" + body.replace("9", "7").replace("8", "7")
    if form == "bin":
        return "0b" + body.replace("9", "1")[:n]
    if form == "sexa":
        return "1" + "".join(f":{d}{d}"[:3] for d in body[:max(1, n // 2)])
    if form == "float":
        return body[: n // 2] + "." + body[n // 2:]
    if form == "exp":
        return (body or "1") + "e+" + str(draw(st.integers(0, 400)))
    if form == "under":
        return "_".join(body[i:i + 3] for i in range(0, len(body), 3)) or "_"
    if form == "sign":
        return draw(st.sampled_from("+-")) + body
    if form == "lead0":
        return "0" + body
    if form in ("inf", "nan"):
        return draw(st.sampled_from([".inf", "-.inf", ".NaN", ".nan", "+.INF"]))
    if form == "words":
        return draw(st.sampled_from(["yes", "no", "on", "off", "maybe", "~", "null", "y", "n",
                                     "2001-12-14", "2001-12-14t21:59:43.10-05:00", ""]))
    return body


@st.composite
def scalar(draw):
    tag = draw(st.sampled_from(TAGS))
    text = draw(st.one_of(numberish(), st.text(max_size=40)))
    quoted = draw(st.booleans()) or text == "" or any(c in text for c in ":#{}[],&*!|>'\"%@`\n\t")
    if quoted:
        esc = json.dumps(text)          # a double-quoted YAML string reads JSON escapes
        return tag + esc
    return tag + text


KEYS = {"fog": "fog: false", "treasury": "treasury: 100", "title": "title: Test Theatre",
        "men": "men: 20000", "start": "start: 603-03"}


def _check_loads_or_fails_cleanly(path: Path) -> None:
    try:
        load_scenario(path)
    except InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.line >= 1 and p.column >= 1 and "checker itself" not in p.message
            str(p).encode("utf-8", "backslashreplace")


def scalar_example(tmp_path: Path, key: str, value: str) -> None:
    old = KEYS[key]
    text = TEST_SCENARIO.read_text().replace(old, f"{old.split(':')[0]}: {value}", 1)
    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8", errors="surrogatepass")
    within_budget(lambda: _check_loads_or_fails_cleanly(f), seconds=30, megabytes=300)


@settings(max_examples=SMALL, **SETTINGS)
@given(key=st.sampled_from(sorted(KEYS)), value=scalar())
@example(key="treasury", value="1" + ":1" * 20_000)
@example(key="fog", value="!!bool maybe")
@example(key="men", value='!!int ""')
@example(key="treasury", value="0x" + "f" * 20_000)
def test_any_scalar_in_a_scenario_is_a_value_or_a_located_problem(tmp_path, key, value):
    scalar_example(tmp_path, key, value)


@pytest.mark.slow
@long_search
@settings(max_examples=LONG, **SETTINGS)
@given(key=st.sampled_from(sorted(KEYS)), value=scalar())
def test_any_scalar_in_a_scenario_long(tmp_path, key, value):
    scalar_example(tmp_path, key, value)


# --- save fields -----------------------------------------------------------------------

ODD_TEXT = st.text(alphabet=st.sampled_from(["a", "\x00", "\x07", "\x1b", "\ud800", "\udfff",
                                             "\u202e", "\u2066", "\ufeff", "\n", "é", "\U0001F600",
                                             "\x85", "\u2028"]), max_size=12)
JSON_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70),
                       st.floats(allow_nan=False), ODD_TEXT, st.just("T" * 50_000),
                       st.lists(st.integers(), max_size=3), st.dictionaries(ODD_TEXT, st.integers(),
                                                                            max_size=2))


@pytest.fixture(scope="module")
def good_save(scn, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz_saves")
    _, path = saved_game(scn, folder, seed=5, turns=3)
    return folder, json.loads(path.read_text())


def _paths(doc, prefix=()):
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, prefix + (i,))
    return out


def save_example(good_save, data) -> None:
    folder, good = good_save
    doc = json.loads(json.dumps(good))
    paths = [p for p in _paths(doc) if p and p[0] in ("meta", "state")]
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths))
        parent = doc
        for k in where[:-1]:
            parent = parent[k]
        try:
            parent[where[-1]] = data.draw(JSON_VALUE)
        except (KeyError, IndexError, TypeError):
            continue
        paths = [p for p in _paths(doc) if p and p[0] in ("meta", "state")]
    if data.draw(st.booleans()):     # the checksum and the seal redone, as a hand edit would
        try:
            _resealed(doc)
        except (UnicodeEncodeError, TypeError, ValueError, AttributeError):
            pass
    path = folder / "edited.json"
    path.write_bytes(json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode(
        "utf-8", "surrogatepass"))

    def load():
        try:
            loaded = save.load_game(path)
        except save.SaveError as exc:
            assert str(path) in str(exc)
            return
        # it loaded: it must save again, load again and list in the Load window's terms
        again = folder / "again.json"
        save.save_game(again, loaded.state, loaded.orders)
        save.load_game(again)
        save.read_meta(path)
    within_budget(load, seconds=60, megabytes=400)


@settings(max_examples=SMALL, **SETTINGS)
@given(data=st.data())
def test_any_edit_of_a_save_is_refused_naming_the_file_or_plays_on(good_save, data):
    save_example(good_save, data)


@pytest.mark.slow
@long_search
@settings(max_examples=LONG, **SETTINGS)
@given(data=st.data())
def test_any_edit_of_a_save_long(good_save, data):
    save_example(good_save, data)


# --- the fields the save loader used to take on trust -------------------------------------
# Each edit is one a hand could make and the old loader accepted (the checksum and the seal
# redone, as an editor who read the code would): odd text in any text field, impossible
# dates in the log and the charts, chart numbers out of range, ratings outside 1-10, an
# army led by a commander of another side or a dead one, a damaged computer note.  The
# save must be refused naming the file, or load into a game the rules could have made:
# real dates, ratings 1-10, text the game can write, and a round the computer can play.

ODD_CHARS = ["\x00", "\x07", "\x1b", "\ud800", "\udfff", "\u202e", "\u2066"]
BAD_MONTH = st.sampled_from([0, 13, -1, 99, 10**6])
BAD_NUMBER = st.sampled_from([-5, 10**16, 10**40, -(10**40)])
BAD_RATING = st.sampled_from([-50, 0, 11, 10**9])
BAD_NOTE = st.one_of(st.sampled_from(["", "x", "1;a b c d", "1;army 1 2", "1;seen x y z w v u",
                                      "junk;;;", "2;" + "a 1 1 take:x;" * 3]),
                     ODD_TEXT.map(lambda t: "1;" + t))


def _strings(doc, prefix=()):
    """Paths of the text leaves under `prefix` of a JSON document (keys left alone)."""
    out = []
    if isinstance(doc, str):
        out.append(prefix)
    elif isinstance(doc, dict):
        for k, v in doc.items():
            out += _strings(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _strings(v, prefix + (i,))
    return out


def _set(doc, where, value):
    for k in where[:-1]:
        doc = doc[k]
    doc[where[-1]] = value


def trusted_field_edit(draw, state: dict) -> None:
    """One edit of a field the rules fill, as the old loader took it."""
    kind = draw(st.sampled_from(["text", "log", "chart_date", "chart_number", "rating",
                                 "enemy_commander", "dead_commander", "note"]))
    if kind == "text":
        where = draw(st.sampled_from(_strings(state)))
        text = draw(ODD_TEXT) + draw(st.sampled_from(ODD_CHARS))
        _set(state, where, text)
    elif kind == "log" and state.get("log"):
        entry = draw(st.sampled_from(state["log"]))
        entry["month"] = draw(BAD_MONTH)
    elif kind == "chart_date" and state.get("history"):
        draw(st.sampled_from(state["history"]))["month"] = draw(BAD_MONTH)
    elif kind == "chart_number" and state.get("history"):
        row = draw(st.sampled_from(state["history"]))
        table = row[draw(st.sampled_from(["cities", "men", "treasury"]))]
        table[draw(st.sampled_from(sorted(table)))] = draw(BAD_NUMBER)
    elif kind == "rating":
        cm = state["commanders"][draw(st.sampled_from(sorted(state["commanders"])))]
        cm[draw(st.sampled_from(["strategy", "tactics", "siege", "loyalty"]))] = draw(BAD_RATING)
    elif kind in ("enemy_commander", "dead_commander"):
        army = state["armies"][draw(st.sampled_from(sorted(state["armies"])))]
        if kind == "enemy_commander":
            others = sorted(c for c, v in state["commanders"].items()
                            if v["faction"] != army["faction"])
            if others:
                army["commander"] = draw(st.sampled_from(others))
        elif army.get("commander"):
            state["commanders"][army["commander"]]["alive"] = False
    elif kind == "note":
        side = draw(st.sampled_from(sorted(state["factions"])))
        state.setdefault("plans", {})[side] = draw(BAD_NOTE)


def _resealed(doc: dict) -> None:
    doc["state_hash"] = dict_hash(doc["state"])
    if hasattr(save, "seal"):
        doc["seal"] = save.seal(doc)


def _could_be_written_by_the_game(state) -> None:
    for e in [*state.log, *state.history]:
        assert 1 <= e.month <= 12, f"an impossible month {e.month} was loaded"
    for c in state.commanders.values():
        assert all(1 <= getattr(c, r) <= 10 for r in ("strategy", "tactics", "siege", "loyalty"))
    for a in state.armies.values():
        cm = state.commanders.get(a.commander) if a.commander else None
        assert cm is None or (cm.faction == a.faction and cm.alive), f"{a.id} led by {cm}"
    for row in state.history:
        for table in (row.cities, row.men, row.treasury):
            assert all(0 <= v <= 10**15 for v in table.values())


def trusted_field_example(good_save, data) -> None:
    import game.ai
    from game.rules.state import state_to_dict
    folder, good = good_save
    doc = json.loads(json.dumps(good))
    for _ in range(data.draw(st.integers(1, 2))):
        trusted_field_edit(data.draw, doc["state"])
    try:
        _resealed(doc)
    except (UnicodeEncodeError, TypeError, ValueError):
        pass
    path = folder / "trusted.json"
    path.write_bytes(json.dumps(doc, ensure_ascii=data.draw(st.booleans())).encode(
        "utf-8", "surrogatepass"))

    def load():
        try:
            loaded = save.load_game(path)
        except save.SaveError as exc:
            assert str(path) in str(exc)
            return
        state = loaded.state
        _could_be_written_by_the_game(state)
        json.dumps(state_to_dict(state)).encode("utf-8")       # text the game can write
        again = folder / "trusted_again.json"
        save.save_game(again, state, loaded.orders)
        save.load_game(again)
        turn = state.turn
        while state.turn == turn and not state.over:            # the computer plays a round
            game.ai.play_turn(state)
    within_budget(load, seconds=60, megabytes=400)


@settings(max_examples=max(SMALL, 40), **SETTINGS)
@given(data=st.data())
def test_fields_the_loader_took_on_trust_are_refused_or_play_on(good_save, data):
    trusted_field_example(good_save, data)


@pytest.mark.slow
@long_search
@settings(max_examples=LONG, **SETTINGS)
@given(data=st.data())
def test_fields_the_loader_took_on_trust_long(good_save, data):
    trusted_field_example(good_save, data)


# --- settings files --------------------------------------------------------------------

SETTING_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30),
                          st.floats(), ODD_TEXT, st.lists(st.integers(-(10**30), 10**30),
                                                          max_size=3))
SETTINGS_DOC = st.one_of(
    st.dictionaries(st.sampled_from(["scroll_speed", "animation_speed", "edge_scroll",
                                     "fullscreen", "window", "x"]), SETTING_VALUE, max_size=6),
    st.builds(lambda n: "[" * n + "]" * n, st.integers(0, 200_000)),
    st.binary(max_size=64), st.just(b"\xff\xfe{"), st.just("9" * 100_000))


def settings_example(tmp_path, monkeypatch, doc) -> None:
    from game.ui.settings import MAX_WINDOW, MIN_WINDOW, config_dir, load_settings
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    config_dir().mkdir(parents=True, exist_ok=True)
    f = config_dir() / "settings.json"
    if isinstance(doc, bytes):
        f.write_bytes(doc)
    elif isinstance(doc, str):
        f.write_text(doc)
    else:
        f.write_bytes(json.dumps(doc).encode("utf-8", "surrogatepass"))
    s = within_budget(load_settings, seconds=20, megabytes=100)
    assert MIN_WINDOW[0] <= s.window[0] <= MAX_WINDOW[0]
    assert MIN_WINDOW[1] <= s.window[1] <= MAX_WINDOW[1]
    assert 1 <= s.scroll_speed <= 10 and 1 <= s.animation_speed <= 10
    assert isinstance(s.edge_scroll, bool) and isinstance(s.fullscreen, bool)


@settings(max_examples=SMALL, **SETTINGS)
@given(doc=SETTINGS_DOC)
def test_any_settings_file_gives_usable_settings(tmp_path, monkeypatch, doc):
    settings_example(tmp_path, monkeypatch, doc)


@pytest.mark.slow
@long_search
@settings(max_examples=LONG, **SETTINGS)
@given(doc=SETTINGS_DOC)
def test_any_settings_file_long(tmp_path, monkeypatch, doc):
    settings_example(tmp_path, monkeypatch, doc)


# --- the corpus of what was found --------------------------------------------------------

def corpus() -> list[tuple[str, str]]:
    """(key, value) pairs from tests/data/hostile/scalars.json."""
    return [tuple(x) for x in json.loads((CORPUS / "scalars.json").read_text())]


@pytest.mark.parametrize("key, value", corpus())
def test_the_regression_corpus_stays_fixed(tmp_path, key, value):
    scalar_example(tmp_path, key, value)
