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
    import game.ai
    from game.session.game import Session
    folder = tmp_path_factory.mktemp("fuzz_saves")
    (folder / TEST_SCENARIO.name).write_bytes(TEST_SCENARIO.read_bytes())
    session, _ = Session.new(scn, seed=5)
    while session.state.turn < 3 and not session.state.over:
        session.do(game.ai.next_order(session.state))
    path = folder / "good.json"
    save.save_game(path, session.state, session.orders, {"byzantium": "human"})
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
    if data.draw(st.booleans()):
        try:
            doc["state_hash"] = dict_hash(doc["state"])
        except (UnicodeEncodeError, TypeError, ValueError):
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
