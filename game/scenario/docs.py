"""Writes docs/scenario-format.md from the code that reads scenarios.

The key-by-key reference comes from the model dataclasses, the event
language's registries, the rules table and the traits table, so it cannot
fall out of step with what the loader accepts.  A test fails when the
committed file differs from what this produces; run
`python -m game.scenario.docs` to regenerate it.
"""
from __future__ import annotations

import dataclasses
import sys
import typing
from pathlib import Path

from game.events.registry import CONDITIONS, EFFECTS, KINDS
from game.rules.table import ORDERED, RULES, limits
from game.rules.traits import TRAITS
from game.scenario import model
from game.scenario.limits import LIMITS_DOC
from game.scenario.schema import MISSING, describe_type, model_fields

import game.events.conditions  # noqa: F401
import game.events.effects  # noqa: F401

OUT = Path(__file__).resolve().parent.parent.parent / "docs" / "scenario-format.md"

INTRO = """\
# Scenario format

A scenario is one YAML file: the game's own are under `scenarios/`, a player's
under their scenarios folder (see the README).  The game reads it once, checks
all of it, and reports every problem at once as `FILE:LINE:COLUMN: key.path: message`
(`python run.py validate FILE` shows them).  Only plain YAML is accepted: no
Python tags, no merge keys; anchors and aliases work, within limits.

This page is generated from the code (`python -m game.scenario.docs`); a test
keeps it current.  Each table lists a mapping's keys: the type, the default
(**required** when there is none) and what it means.

## Conventions

- **Ids** are lower-case words joined by `_`, starting with a letter: `heraclius`,
  `evt_614_jerusalem`.
- **Dates** are `YEAR-MM`, e.g. `626-06` for June 626.  Seasonal scenarios
  start and end on the first month of a season: March (spring), June (summer),
  September (autumn) or December (winter, which runs into the next year).
- **Positions** (`at`, `place`) are a place id from the map (`antioch`), a city
  id, or offset coordinates `col,row` (column first; row 0 at the top; odd rows
  are shifted half a hex to the right).
- **Numbers** in the rules are whole numbers.  Money is in thousands of solidi;
  income and upkeep are per month and scale with the turn length.

## Limits

These hold for every scenario and map file, whatever the key; a value past one
is reported where it is, with its key, beside the file's other problems.

{LIMITS}
## A minimal scenario

```yaml
id: my_scenario
title: A Small War
start: 603-03
end: 605-12
turn_length: season
map: maps/theatre.yaml
factions:
  - {id: byzantium, name: Byzantium, color: "#7b2d8e", navy: true}
  - {id: sassanids, name: Sassanid Persia, color: "#b8860b"}
relations:
  - {a: byzantium, b: sassanids, status: war}
commanders:
  - {id: narses, name: Narses, faction: byzantium, tactics: 8}
cities:
  - {id: edessa, owner: byzantium, garrison: 4000}
  - {id: nisibis, owner: sassanids, garrison: 6000}
armies:
  - {id: narses_army, faction: byzantium, at: edessa, men: 15000, commander: narses}
victory:
  - faction: sassanids
    when: {owns: {faction: sassanids, city: edessa}}
    text: Edessa has fallen.
```

Files a scenario names (its map) must lie in the scenario's own folder or under
the game's `scenarios/` folder; absolute paths, `..` and links that lead
elsewhere are refused.  A map named like one of the game's own (`maps/theatre.yaml`)
that does not lie beside the scenario is the game's own.
"""

EVENTS_INTRO = """\
## Events

Events are the scripted history of a scenario: when an event's `when`
condition holds at one of the check points below, it fires, applies its
`effects`, and is written to the game's event log.

### When events are checked

Within each faction's turn there are three check points, always in this order:

1. **start**: as the faction's turn begins (its armies have just been rested);
2. **order**: after each order that moves an army, fights, besieges, storms a
   city or answers a choice;
3. **end**: as the faction ends its turn (after supply, attrition and sieges).

An event is tried at every point unless `check` names one, and only during
one faction's turns if `on_turn_of` names it.  At each point the events are
tried in the order the file lists them, so an event sees what one listed
before it has just done.  An event fires once; with `repeat: true` it may fire
again, at least `cooldown` turns (and at least one) after it last did.
Nothing is checked once the game is over.  The same game, seed and orders
always fire the same events at the same moments.

### What firing does

The event's title and `text` go to the factions in `to` (every faction in
play when it is empty); a faction listed under `text_for` reads its own text
instead.  The log records the turn, the date, the event and the sides told;
saves keep it, `simulate` prints it, and the victory screen compares it with
history (see `historical` below).

An event with `choices` asks its `chooser` to pick one option; that side must
answer before it gives any other order, and only that side is shown the
question.  The computer picks by the options' `ai_weight`s.  If the chooser is
not in play, the heaviest option is taken at once.

Effects are written for a war that may go differently: an effect whose army
is gone or whose commander is dead does nothing rather than fail.  Conditions
and effects are checked when the scenario loads, names, arguments and
references alike, so a mistake is reported with its file, line and key
before anyone plays.

### Writing conditions and effects

Each is a one-key mapping, `{name: arguments}`.  Arguments are a mapping;
when only one is required it may be written bare: `flag: holy_war`,
`fired: evt_614_jerusalem`.  Combine conditions with `all`, `any` and `not`:

```yaml
events:
  - id: evt_614_jerusalem
    title: The Holy City falls
    historical: 614-05
    text: The relic of the Cross is carried off to Ctesiphon.
    text_for:
      sassanids: The relic of the Cross is ours.
    when:
      all:
        - owns: {faction: sassanids, city: jerusalem}
        - date: {end: 620-12}          # too late after this: it never happens
    effects:
      - set_flag: holy_war
      - weariness: {faction: byzantium, amount: 8}
```

Dates compare with the whole turn: a seasonal turn dated March 614 covers
March, April and May, so `date: {start: 614-05}` already holds in it, and an
event of May 614 that fires then is on time in the history summary.

A `chance` rolls the game's own seeded generator each time it is tried.  Put
it last in an `all`, and give the event a single `check` point, so that it is
rolled only when everything else holds.

`end_game` ends the war with a `victory` for a faction, the `defeat` of one
(its single major enemy, if it has exactly one, wins), or a negotiated
`peace`, which a named faction may be said to win.

Every event should have tests: cases in `tests/events/cases/`, where one
shows the event firing and one shows it held back (see docs/event-tests.md).
`python run.py simulate SCENARIO --seed 1 --games 20` ends with a table of how
often each event fired and when, against its historical date, and names the
events that never fired.
"""


AIMS_INTRO = """\
## Aims

What a computer player wants comes from the victory conditions (the cities
and places they name, weighted by how great a victory it is: decisive 150,
major 80, minor 50), from `targets`, and from every city's own worth.  Aims
direct it through time.  Each names one thing, `take` a city, `hold` a place,
`threaten` a place (come within `within` hexes of it and make war on the towns
round it) or `shadow` an enemy commander (hunt his army), with a `weight` on
the same scale, so a weight of 300 outweighs any victory condition, and a
negative weight holds it back from a city for a while.  An aim with a `start`
or an `end` holds only in the turns that meet that window; `leader` gives the
errand to one commander's army.  A city named by an aim is attacked however
strong its garrison: the computer sizes the effort to what it has.

The `posture` says how it makes war: `conquer` (the major powers' way),
`defend` (it keeps what it holds and attacks only what its aims name) or
`raid` (the way of the steppe: plunder, no long sieges).

Aims and posture are set at the start under `ai:` and changed by events with
`ai_aims` (replace the aims, or add to them with `keep: true`) and
`ai_posture`.  They are part of the game's state: a saved game keeps them.
A person playing the side is not bound by them.

```yaml
ai:
  sassanids:
    posture: conquer
    aims:
      - {take: dara, weight: 300, end: 606-12}        # the fortress belt first
      - {take: theodosiopolis, weight: 250, end: 610-12}
      - {take: jerusalem, weight: -100, end: 611-12}  # not before Syria is won
      - {take: jerusalem, weight: 250, start: 612-03}
events:
  - id: evt_622_take_field
    # ...
    effects:
      - ai_aims: {faction: byzantium, aims: [
          {threaten: ganzak, leader: heraclius, weight: 300, end: 625-12},
          {hold: constantinople, men: 12000, weight: 200}]}
      - ai_posture: {faction: sassanids, posture: defend}
```
"""


def _default(f: dataclasses.Field) -> str:
    if f.default is not MISSING:
        v = f.default
    elif f.default_factory is not MISSING:
        v = f.default_factory()
    else:
        return "**required**"
    if v is None:
        return "none"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, str):
        return f"`{v}`" if v else '""'
    if isinstance(v, (list, dict)):
        return "`[]`" if isinstance(v, list) else "`{}`"
    return f"`{v}`"


def _table(cls) -> list[str]:
    hints = typing.get_type_hints(cls)
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for f in model_fields(cls):
        meta = f.metadata
        doc = meta.get("doc", "").replace("|", "\\|")
        lo, hi = meta.get("min"), meta.get("max")
        if lo is not None or hi is not None:
            doc += f" ({'' if lo is None else lo}..{'' if hi is None else hi})"
        if meta.get("example") and "\n" not in str(meta["example"]):
            doc += f" Example: `{meta['example']}`."
        t = describe_type(hints[f.name]).replace("|", "\\|")
        rows.append(f"| `{f.name}` | {t} | {_default(f)} | {doc} |")
    return rows


SECTIONS = [
    ("Scenario (top level)", model.ScenarioSpec),
    ("Faction (`factions[]`)", model.FactionSpec),
    ("Relation (`relations[]`)", model.RelationSpec),
    ("Commander (`commanders[]`)", model.CommanderSpec),
    ("City (`cities[]`)", model.CitySpec),
    ("Army (`armies[]`)", model.ArmySpec),
    ("Victory condition (`victory[]`)", model.VictorySpec),
    ("Computer hints (`ai.FACTION`)", model.AiSpec),
    ("Aim (`ai.FACTION.aims[]`, and `ai_aims` effects)", model.AimSpec),
    ("Event (`events[]`)", model.EventSpec),
    ("Event option (`events[].choices[]`)", model.ChoiceSpec),
]

MAP_SECTIONS = [
    ("Map", model.MapSpec),
    ("Projection (`projection`)", model.ProjectionSpec),
    ("Region (`regions[]`)", model.RegionSpec),
    ("River (`rivers[]`)", model.RiverSpec),
    ("Road (`roads[]`)", model.RoadSpec),
    ("Strait (`straits[]`)", model.StraitSpec),
    ("Crossing (`crossings[]`)", model.CrossingSpec),
    ("Pass (`passes[]`)", model.PassSpec),
    ("Place (`places[]`)", model.PlaceSpec),
]


def _registry(title: str, table: dict) -> list[str]:
    out = [f"### {title}", "", "| name | arguments | meaning | example |", "|---|---|---|---|"]
    for name in sorted(table):
        d = table[name]
        args = ", ".join(f"`{a.name}`{'?' if a.optional else ''} ({a.kind})" for a in d.args)
        out.append(f"| `{name}` | {args or 'none'} | {d.doc.replace('|', '/')} | "
                   f"`{d.example}` |" if d.example else
                   f"| `{name}` | {args or 'none'} | {d.doc.replace('|', '/')} | |")
    return out + [""]


def _checks() -> list[str]:
    from game.scenario.meaning import WARNINGS
    return ["## Errors and warnings", "",
            "An error stops the load: the scenario cannot be played until it is fixed.  A "
            "warning lets it load, but it probably does not play as meant; `validate` prints "
            "warnings as `FILE:LINE:COLUMN: warning: key.path: message` and still exits 0, and "
            "`validate --strict` treats them as errors.  The shipped scenarios have none.  "
            "Warnings are given for:", "",
            *(f"- {w}" for w in WARNINGS), "",
            "Positions in messages are written as in the file (a place id or `col,row`).  "
            "Write numbers without a thousands comma: `men: 25000`, not `men: 25,000` "
            "(inside `{ }` the comma would end the value; the loader says so).", ""]


def _languages() -> list[str]:
    from game.scenario.lang import KEY_PATHS
    return ["## Languages", "",
            "A scenario is written in English.  Its texts in another language go in a file "
            "of their own beside it, `lang/LANG/FILE`, where LANG is the language's code "
            "(`el` for Greek) and FILE the scenario's file name: the Greek of "
            "`scenarios/full_war.yaml` is `scenarios/lang/el/full_war.yaml`.  A translator "
            "never edits the scenario itself.", "",
            "The file is a flat mapping from a text's key path to the text in that "
            "language.  IDs are those of the scenario (a faction's, an event's, an "
            "option's):", "",
            "```yaml",
            "title: Ο τελευταίος μεγάλος πόλεμος",
            "factions.byz.name: Βυζάντιο",
            "events.evt_614_jerusalem.title: Η άλωση της Ιερουσαλήμ",
            "```", "",
            "| key path | the text |", "|---|---|",
            *(f"| `{k}` | {v} |" for k, v in KEY_PATHS), "",
            "The loader reads these files with the scenario.  A key path that names no text "
            "of the scenario (a typo, an event renamed since) is an error, located in the "
            "language file.  A language that gives some of the scenario's texts and not "
            "others gets a warning for each one it leaves out (the English is shown there); "
            "the map's names (`places`, `regions`, `passes`) may be left out without one.  The game shows "
            "the language chosen in the settings or with `--lang`, and `scenarios` lists "
            "the titles in it.", ""]


def render() -> str:
    lines = [INTRO.replace("{LIMITS}", LIMITS_DOC)] + _checks()
    for title, cls in SECTIONS:
        if cls is model.AimSpec:
            lines.append(AIMS_INTRO)
        if cls is model.EventSpec:
            lines.append(EVENTS_INTRO)
        lines += [f"## {title}", "", *(_table(cls)), ""]
    lines += _registry("Conditions", CONDITIONS)
    lines += _registry("Effects", EFFECTS)
    lines += ["### Argument kinds", "", "`?` after an argument's name means it may be left out.",
              "", "| kind | what to write |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in KINDS.items()] + [""]
    lines += ["## Rules", "", "Any of these may be overridden under a scenario's `rules:` key, "
              "with a whole number in the rule's range.", "",
              "| rule | default | range | meaning |", "|---|---|---|---|"]
    lines += [f"| `{k}` | {v[0]} | {limits(k)[0]}-{limits(k)[1]} | {v[1]} |"
              for k, v in RULES.items()] + [""]
    lines += ["These pairs must keep their order (the first not above the second): "
              + ", ".join(f"`{a}` and `{b}`" for a, b in ORDERED) + ".", ""]
    lines += ["## Traits", "", "| trait | effect |", "|---|---|"]
    lines += [f"| `{k}` | {v} |" for k, v in TRAITS.items()] + [""]
    lines += _languages()
    lines += ["## Map files", "",
              "A map file (usually under `scenarios/maps/`) or an inline `map:` mapping holds "
              "the geography shared by scenarios.  Terrain and regions are stored as rows of "
              "characters, one per hex; edges as `col,row,dir` triples.", ""]
    for title, cls in MAP_SECTIONS:
        lines += [f"### {title}", "", *(_table(cls)), ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
