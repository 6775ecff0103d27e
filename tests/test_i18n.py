"""The translation layer: catalogues, the language setting, --lang, scenario texts."""
import gettext
import re
import symtable
import textwrap
from pathlib import Path

import pytest

from game import cli, i18n
from game.scenario import lang
from game.scenario.load import load_scenario
from game.scenario.yamlsrc import InputError

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "assets" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/game.po"))


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


# --- reading a .po file with the standard library alone ---------------------------

def _unquote(s: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), s)


def read_po(path: Path) -> dict:
    """msgid (or (msgctxt, msgid), or (msgid, msgid_plural)) -> msgstr or list of forms,
    leaving out untranslated and fuzzy entries, as msgfmt does."""
    entries, cur, key, fuzzy = [], {}, None, False

    def flush():
        nonlocal cur, fuzzy
        if cur and not fuzzy:
            entries.append(cur)
        cur, fuzzy = {}, False
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            flush()
            key = None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if m:
            key = m.group(1)
            cur[key] = _unquote(m.group(2))
        elif line.startswith('"') and key:
            cur[key] += _unquote(line[1:-1])
    out = {}
    for e in entries:
        if "msgid_plural" in e:
            forms = [e[k] for k in sorted(k for k in e if k.startswith("msgstr["))]
            if all(forms):
                out[(e["msgid"], e["msgid_plural"])] = forms
        elif e.get("msgstr"):
            out[(e.get("msgctxt"), e["msgid"]) if "msgctxt" in e else e["msgid"]] = e["msgstr"]
    return out


# --- the shipped catalogues ------------------------------------------------------

def test_greek_is_shipped():
    assert LOCALE / "el" / "LC_MESSAGES" / "game.po" in CATALOGUES
    assert "el" in i18n.LANGUAGES


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_the_compiled_catalogue_matches_its_source(po):
    """game.mo is what game.po says, no more and no less (tools/i18n.py compile)."""
    source = read_po(po)
    with open(po.with_suffix(".mo"), "rb") as fh:
        mo = gettext.GNUTranslations(fh)
    compiled = dict(mo._catalog)
    assert compiled.pop("", None) is not None           # the header
    expected = {}
    for k, v in source.items():
        if k == "":
            continue
        if isinstance(v, list):
            for i, form in enumerate(v):
                expected[(k[0], i)] = form
        elif isinstance(k, tuple):
            expected[f"{k[0]}\x04{k[1]}"] = v
        else:
            expected[k] = v
    assert compiled == expected, "run: python tools/i18n.py compile"


def test_every_marked_string_is_in_the_template():
    """The template holds what the code marks (tools/i18n.py extract), so no string the
    code marks is missing from the catalogues."""
    template = read_po_ids(LOCALE / "game.pot")
    marked = set()
    for p in (ROOT / "game").rglob("*.py"):
        if p.name == "i18n.py":         # the layer itself (its examples)
            continue
        src = p.read_text(encoding="utf-8")
        for m in re.finditer(r'\bN?_\(\s*"((?:[^"\\]|\\.)*)"\s*\)', src):
            marked.add(_unquote(m.group(1)))
    missing = sorted(s for s in marked if s not in template)
    assert not missing, f"run: python tools/i18n.py extract && update: {missing[:5]}"


def test_the_difficulty_texts_are_in_the_template():
    """The levels' texts are the computer's own (game/ai/levels.py, unmarked) and the
    new-game screen shows them translated: a changed text must be extracted again (and
    translated: the test above then asks for it)."""
    from game.ai.levels import LEVELS_TEXT
    template = read_po_ids(LOCALE / "game.pot")
    missing = [t for t in LEVELS_TEXT.values() if t not in template]
    assert not missing, f"run: python tools/i18n.py extract && update: {missing[:1]}"


def read_po_ids(path: Path) -> set:
    ids, key, cur = set(), None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if line.startswith("msgid "):
            key, cur = "id", _unquote(line[7:-1])
        elif line.startswith('"') and key == "id":
            cur += _unquote(line[1:-1])
        else:
            if key == "id" and cur:
                ids.add(cur)
            key = None
    return ids


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_every_interface_string_is_translated_with_the_same_placeholders(po):
    template = read_po_ids(LOCALE / "game.pot")
    found = read_po(po)
    # keys: a msgid, (msgid, plural) for a plural, (context, msgid) for a string in context
    have = {k if isinstance(k, str) else k[0] if isinstance(found[k], list) else k[1]
            for k in found}
    missing = sorted(template - have)
    assert not missing, f"{po}: untranslated: {missing[:5]}"
    def holes(text):
        return set(re.findall(r"\{[^}]*\}", text))
    for k, v in found.items():
        if not k:
            continue
        if isinstance(v, list):          # singular, then the plural's for the other forms
            for i, form in enumerate(v):
                assert holes(form) == holes(k[min(i, 1)]), (k, form)
        else:
            assert holes(v) == holes(k if isinstance(k, str) else k[1]), (k, v)


def test_greek_plurals_and_fallback():
    assert i18n.set_language("el") == "el"
    assert i18n._("New game") == "Νέο παιχνίδι"
    assert i18n.ngettext("{cost} movement: {n} turn", "{cost} movement: {n} turns", 1) \
        .format(cost=4, n=1) == "κίνηση 4: 1 γύρος"
    assert i18n.ngettext("{cost} movement: {n} turn", "{cost} movement: {n} turns", 3) \
        .format(cost=9, n=3) == "κίνηση 9: 3 γύροι"
    assert i18n._("a string no catalogue has") == "a string no catalogue has"
    assert i18n.set_language("xx") == "en"          # unknown: English
    assert i18n._("New game") == "New game"


def test_the_pseudo_language_marks_and_lengthens_but_keeps_placeholders():
    out = i18n.pseudo("Besieged by {side} for <b>{n}</b> turns; 50% &lt; %s")
    assert i18n.is_pseudo(out)
    for kept in ("{side}", "<b>", "{n}", "</b>", "&lt;", "%s"):
        assert kept in out
    for s in ("OK", "New game", "Ask before ending a turn with armies left to move: {state}"):
        assert len(i18n.pseudo(s)) >= 1.3 * len(s)
    assert not i18n.is_pseudo("New game")


def test_no_function_hides_the_translation_function():
    """`_ = ...` or `for _ in` inside a function of a module that uses `_()` would make every
    `_()` of that function fail."""
    bad = []
    for p in (ROOT / "game").rglob("*.py"):
        src = p.read_text(encoding="utf-8")
        if not re.search(r"from game\.i18n import .*\b_\b", src):
            continue

        def walk(t):
            for c in t.get_children():
                if c.get_type() == "function" and not c.get_name().startswith(
                        ("genexpr", "listcomp", "setcomp", "dictcomp", "lambda")):
                    try:
                        if c.lookup("_").is_assigned():
                            bad.append(f"{p.relative_to(ROOT)}: {c.get_name()}")
                    except KeyError:
                        pass
                walk(c)
        walk(symtable.symtable(src, str(p), "exec"))
    assert not bad


# --- the command line and the settings ----------------------------------------------

def test_lang_el_scenarios_prints_the_greek_titles(capsys):
    assert cli.main(["--lang", "el", "scenarios"]) == 0
    out = capsys.readouterr().out
    titles = {line.split("\t")[0]: line.split("\t")[2] for line in out.splitlines()}
    assert titles["full_war"] == "Ο Τελευταίος Μεγάλος Πόλεμος"
    assert titles["road_to_ctesiphon"] == "Ο δρόμος προς την Κτησιφώντα"
    assert titles["persian_tide"] == "The Persian Tide"          # no Greek for it yet
    i18n.set_language("en")                                      # a new run, without --lang
    assert cli.main(["scenarios"]) == 0
    assert "The Last Great War" in capsys.readouterr().out      # English when not asked


def test_an_unknown_language_is_refused_in_english(capsys):
    assert cli.main(["--lang", "tlh", "scenarios"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--lang tlh: no such language" in err and "el" in err


def test_the_language_setting_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    from game.ui.settings import Settings, load_settings, save_settings
    assert load_settings().language == "en"
    s = Settings()
    s.language = "el"
    assert save_settings(s) is None
    assert load_settings().language == "el"
    (tmp_path / "last-great-war" / "settings.json").write_text('{"language": "tlh"}')
    assert load_settings().language == "en"


# --- scenario texts in other languages ---------------------------------------------

def _scenario_with(tmp_path, texts: str) -> Path:
    src = ROOT / "scenarios" / "road_to_ctesiphon.yaml"
    f = tmp_path / "road.yaml"
    f.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "theatre.yaml").write_text(
        (ROOT / "scenarios" / "maps" / "theatre.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    (tmp_path / "lang" / "el").mkdir(parents=True)
    (tmp_path / "lang" / "el" / "road.yaml").write_text(textwrap.dedent(texts),
                                                        encoding="utf-8")
    return f


def test_an_unknown_key_path_is_an_error_located_in_the_language_file(tmp_path):
    f = _scenario_with(tmp_path, """\
        title: Ο δρόμος
        events.no_such_event.title: Τίποτα
        factions.byz.colour: κόκκινο
        """)
    with pytest.raises(InputError) as exc:
        load_scenario(f)
    msgs = [str(p) for p in exc.value.problems]
    assert all("lang/el/road.yaml:" in m.replace("\\", "/") for m in msgs), msgs
    assert any(":2:1: events.no_such_event.title: no text of the scenario has this key path"
               in m for m in msgs), msgs
    assert any(":3:1: factions.byz.colour: no text" in m for m in msgs), msgs


def test_a_text_left_out_is_a_warning_and_shows_in_english(tmp_path):
    f = _scenario_with(tmp_path, """\
        title: Ο δρόμος
        places.constantinople.name: Κωνσταντινούπολη
        """)
    scn = load_scenario(f)
    warned = [w for w in scn.warnings if "lang" in w.path]
    assert warned and all(w.severity == "warning" for w in warned)
    assert any(w.key == "description" and "no 'el' text" in w.message for w in warned)
    assert not any(w.key.startswith("places.") for w in warned)     # place names: optional
    assert lang.text(scn, "title", scn.title, "el") == "Ο δρόμος"
    assert lang.text(scn, "description", scn.spec.description, "el") == scn.spec.description
    assert lang.text(scn, "title", scn.title, "en") == scn.title


def test_validate_strict_refuses_a_language_left_half_done(tmp_path, capsys):
    f = _scenario_with(tmp_path, "title: Ο δρόμος\n")
    assert cli.main(["validate", str(f)]) == 0
    assert "warning: " in capsys.readouterr().out
    assert cli.main(["validate", "--strict", str(f)]) == 1


def test_a_language_file_that_is_not_a_mapping_is_refused(tmp_path):
    f = _scenario_with(tmp_path, "- title\n")
    with pytest.raises(InputError) as exc:
        load_scenario(f)
    assert any("a language file is a mapping" in str(p) for p in exc.value.problems)


MESSAGE = "events.evt_605_narses_surrender.choices.accept.effects.0.text"


def test_a_message_effects_text_is_translated_by_its_key_path(tmp_path):
    """A `message` effect's text has a key path (where it stands in the YAML): left out of
    a language that gives other texts, it is a warning; a wrong place is an error; given,
    the screen shows it in that language when the message comes."""
    from game.rules.event_data import Message
    from game.rules.report import Event
    from game.ui import describe
    src = ROOT / "scenarios" / "avenging_maurice.yaml"
    f = tmp_path / "maurice.yaml"
    f.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "theatre.yaml").write_text(
        (ROOT / "scenarios" / "maps" / "theatre.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    greek = tmp_path / "lang" / "el" / "maurice.yaml"
    greek.parent.mkdir(parents=True)
    greek.write_text("title: Εκδίκηση\n", encoding="utf-8")
    scn = load_scenario(f)
    english = lang.texts(scn.spec)[MESSAGE]
    assert english.startswith("Phocas did not keep the oath")
    assert any(w.key == MESSAGE and "no 'el' text" in w.message for w in scn.warnings)
    greek.write_text("title: Εκδίκηση\n"
                     "events.evt_605_narses_surrender.choices.accept.effects.1.text: Όχι\n",
                     encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_scenario(f)
    assert any(":2:1: events.evt_605_narses_surrender.choices.accept.effects.1.text: no text"
               in str(p) for p in exc.value.problems)
    greek.write_text(f"title: Εκδίκηση\n{MESSAGE}: Ο Φωκάς δεν κράτησε τον όρκο.\n",
                     encoding="utf-8")
    scn = load_scenario(f)
    assert not any(w.key == MESSAGE for w in scn.warnings)
    from game.rules import engine
    state, _events = engine.new_game(scn, 1)
    e = Event("message", english, None, ("byzantium",), Message("evt_605_narses_surrender"))
    try:
        i18n.set_language("el")
        assert describe.event_text(state, e) == "Ο Φωκάς δεν κράτησε τον όρκο."
    finally:
        i18n.set_language("en")
    assert describe.event_text(state, e) == english


@pytest.mark.parametrize("sid", ["full_war", "road_to_ctesiphon"])
def test_the_greek_of_the_shipped_scenarios_is_complete(sid):
    scn = load_scenario(ROOT / "scenarios" / f"{sid}.yaml")
    greek = scn.translations["el"]
    assert set(lang.texts(scn.spec)) <= set(greek)
    assert not scn.warnings
    for k, v in greek.items():
        english = lang.texts(scn.spec).get(k)
        if english is not None:
            assert sorted(re.findall(r"\{[^}]*\}", v)) == sorted(re.findall(r"\{[^}]*\}",
                                                                          english)), k


def test_the_screens_place_phrases_word_the_rules_places():
    """describe.place_phrase (the screen, translated) and queries.place_phrase (the
    rules' English) word one rule: in English they agree on every kind of hex, and in
    Greek a city, a place near and a region come out in their Greek names."""
    from game.hexgrid import Hex
    from game.rules import engine
    from game.rules import queries as Q
    from game.ui import describe
    scn = load_scenario(ROOT / "scenarios" / "road_to_ctesiphon.yaml")
    state, _events = engine.new_game(scn, 1)
    hexes = [Hex(q, r) for q in range(0, 120, 3) for r in range(-40, 80, 3)]
    kinds = {Q.where(state, h)[0] for h in hexes}
    assert {"at", "near", "in"} <= kinds
    try:
        i18n.set_language("en")
        for h in hexes:
            for prep in ("at", "to"):
                assert describe.place_phrase(state, h, prep) == Q.place_phrase(state, h, prep)
        i18n.set_language("el")
        dvin = next(c for c in state.cities.values() if c.id == "dvin")
        assert describe.place_phrase(state, dvin.hex) != Q.place_phrase(state, dvin.hex)
        for h in hexes:                  # every name near a hex is in Greek
            how, english, _key = Q.where(state, h)
            if how == "near":
                assert english not in describe.place_phrase(state, h), h
    finally:
        i18n.set_language("en")
