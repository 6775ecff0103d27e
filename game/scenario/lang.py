"""A scenario's texts in other languages.

A scenario is written in English.  Its texts in another language live beside it, one
file per language and scenario: `lang/LANG/SCENARIO_FILE` (for
`scenarios/full_war.yaml`, the Greek is `scenarios/lang/el/full_war.yaml`).  Such a
file is a flat mapping from a text's key path to the text:

    title: Ο τελευταίος μεγάλος πόλεμος
    factions.byz.name: Βυζάντιο
    events.evt_614_jerusalem.text: Οι Πέρσες μπήκαν στην Ιερουσαλήμ ...

so a translator never edits the scenario itself.  Any text left out is shown in
English.  The loader checks these files with the scenario: a key path that names no
text of the scenario is an error (with the file, line and column); a language that
gives some texts and leaves others out gets a warning for each one left out.

Headless: the loader and the command line use it; the UI asks `text()` for what to
show.
"""
from __future__ import annotations

from pathlib import Path

from game.scenario.yamlsrc import Collector, InputError, display_path, parse, read_text

LANG_FOLDER = "lang"
# What a language file may translate (documented in the format doc).
KEY_PATHS = [
    ("title", "The scenario's title."),
    ("description", "Its description."),
    ("factions.ID.name", "A faction's name."),
    ("factions.ID.briefing", "A faction's briefing."),
    ("commanders.ID.name", "A commander's name."),
    ("armies.ID.name", "An army's name (when the scenario gives one)."),
    ("cities.ID.name", "A city's name (when the scenario gives one)."),
    ("places.ID.name", "The name of a place of the scenario's map."),
    ("regions.ID.name", "The name of a region of the map."),
    ("passes.ID.name", "The name of a mountain pass of the map."),
    ("events.ID.title", "An event's title."),
    ("events.ID.text", "An event's text."),
    ("events.ID.text_for.FACTION", "The text one faction reads instead."),
    ("events.ID.choices.OPTION.label", "An option's button."),
    ("events.ID.choices.OPTION.hint", "An option's line of explanation."),
    ("events.ID.effects.N.text", "The text of a `message` effect of an event (N: its place "
                                 "in the event's `effects`, counted from 0)."),
    ("events.ID.choices.OPTION.effects.N.text", "The text of a `message` effect of an "
                                                "option."),
    ("victory.ID.text", "A victory's text (ID is the victory's `id`, or its place in the "
                        "list counted from 0 when it has none)."),
]


def texts(scn_spec, hm=None) -> dict[str, str]:
    """Every translatable text of a scenario, by key path, in English."""
    s = scn_spec
    out: dict[str, str] = {"title": s.title}
    if s.description:
        out["description"] = s.description
    for f in s.factions:
        out[f"factions.{f.id}.name"] = f.name
        if f.briefing:
            out[f"factions.{f.id}.briefing"] = f.briefing
    for c in s.commanders:
        out[f"commanders.{c.id}.name"] = c.name
    for a in s.armies:
        if a.name:
            out[f"armies.{a.id}.name"] = a.name
    for c in s.cities:
        if c.name:
            out[f"cities.{c.id}.name"] = c.name
    for e in s.events:
        out[f"events.{e.id}.title"] = e.title
        if e.text:
            out[f"events.{e.id}.text"] = e.text
        for fid, t in e.text_for.items():
            out[f"events.{e.id}.text_for.{fid}"] = t
        out.update(message_texts(e.effects, f"events.{e.id}.effects"))
        for ch in e.choices:
            out[f"events.{e.id}.choices.{ch.id}.label"] = ch.label
            if ch.hint:
                out[f"events.{e.id}.choices.{ch.id}.hint"] = ch.hint
            out.update(message_texts(ch.effects, f"events.{e.id}.choices.{ch.id}.effects"))
    for i, v in enumerate(s.victory):
        if v.text:
            out[f"victory.{v.id or i}.text"] = v.text
    return out


def message_texts(effects, prefix: str) -> dict[str, str]:
    """The texts of the `message` effects in a list of effects (as written, a YAML node),
    by key path: `prefix.N.text`, N the effect's place in the list."""
    out: dict[str, str] = {}
    if effects is None or effects.kind != "seq":
        return out
    for i, item in enumerate(effects.value):
        if item.kind != "map" or "message" not in item.value:
            continue
        args = item.value["message"]
        text = args.value.get("text") if args.kind == "map" else args
        if text is not None and text.kind == "scalar" and isinstance(text.value, str):
            out[f"{prefix}.{i}.text"] = text.value
    return out


def place_keys(hm) -> dict[str, str]:
    """The map's names by key path: places, regions, passes (translating them is optional:
    no warnings)."""
    out = {}
    for pid, p in (getattr(hm, "places", None) or {}).items():
        if getattr(p, "name", None):
            out[f"places.{pid}.name"] = p.name
    for rid, name in (getattr(hm, "region_names", None) or {}).items():
        if name:
            out[f"regions.{rid}.name"] = name
    for pid, p in (getattr(hm, "passes", None) or {}).items():
        if getattr(p, "name", None):
            out[f"passes.{pid}.name"] = p.name
    return out


def files_for(scenario_file: str | Path) -> dict[str, Path]:
    """language code -> its file for this scenario, for the languages that have one."""
    f = Path(scenario_file)
    folder = f.parent / LANG_FOLDER
    out = {}
    try:
        langs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return out
    for d in langs:
        for name in (f.name, f.stem + ".yaml", f.stem + ".yml"):
            if (d / name).is_file():
                out[d.name] = d / name
                break
    return out


def read_language_file(path: Path, known: dict[str, str], optional: dict[str, str],
                       col: Collector) -> dict[str, str]:
    """The texts of one language file, checked against the scenario's key paths; every
    problem goes to `col` (the caller reports them with the scenario's)."""
    shown = display_path(path)
    try:
        root = parse(read_text(path, shown), shown, None)
    except InputError as exc:
        col.problems.extend(exc.problems)
        return {}
    sub = Collector(shown)
    out: dict[str, str] = {}
    if root.kind == "scalar" and root.value is None:
        return out
    if root.kind != "map":
        sub.at(root, "", f"a language file is a mapping of key paths to texts, not "
                         f"{root.describe()}")
    else:
        for k, node in root.value.items():
            line, column = root.key_pos.get(k, (node.line, node.column))
            if k not in known and k not in optional:
                sub.add(line, column, str(k), "no text of the scenario has this key path "
                                              "(see Languages in the format doc)")
            elif node.kind != "scalar" or not isinstance(node.value, str) or not node.value.strip():
                sub.add(node.line, node.column, str(k), f"the text must be a string, not "
                                                        f"{node.describe()}")
            else:
                out[str(k)] = node.value
        if out:
            for k in known:
                if k not in out:
                    sub.warn(1, 1, k, f"no {path.parent.name!r} text for this key path; "
                                      "English is shown")
    col.problems.extend(sub.problems)
    col.warnings.extend(sub.warnings)
    return out


def check_languages(scn, col: Collector) -> dict[str, dict[str, str]]:
    """Read and check every language file of a loaded scenario; the texts by language."""
    known = texts(scn.spec)
    optional = place_keys(scn.map)
    return {code: read_language_file(path, known, optional, col)
            for code, path in files_for(scn.file).items()}


def text(scn, key_path: str, english: str, lang: str | None = None) -> str:
    """A scenario's text in `lang` (default: the language in use), or `english`."""
    if lang is None:
        from game.i18n import language
        lang = language()
    if scn is None or lang == "en":
        return english
    if lang == "qps":
        from game.i18n import pseudo
        return pseudo(english) if english else english
    found = getattr(scn, "translations", None) or {}
    return found.get(lang, {}).get(key_path, english)
