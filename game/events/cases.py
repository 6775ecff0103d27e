"""Event cases: scripted events (and victories) tested as data.

A case file (the game's own are `tests/events/cases/*.yaml`, one per
scenario) lists cases.
Each builds a situation in a fresh game of its scenario (a date, a side to
play, `setup` effects, events that `fired` before), runs one check point,
and says whether the event must fire (`fires`) and what must then hold
(`then`, in the condition language).  docs/event-tests.md describes the
format; this module reads the files (every problem located, as scenarios
are) and runs the cases, returning a precise message when one fails.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from game import calendar as cal
from game.events import dice
from game.events.compile import compile_condition, compile_effects, context_for, explain
from game.events.effects import Fire
from game.events.runner import apply_choice, check_events, event_by_id
from game.rules.engine import new_game
from game.rules.state import LogEntry, clone
from game.scenario.load import GAME_ROOT, find_scenario, is_yaml_name, load_scenario
from game.scenario.model import DATE, DATE_EXAMPLE
from game.scenario.schema import Loc, key, loc_field, read, suggest
from game.scenario.yamlsrc import Collector, InputError, Node, display_path, load

# --- the format ---------------------------------------------------------------------

@dataclass(kw_only=True)
class CaseSpec:
    name: str = key("What the case shows, in a few words (shown when it fails).")
    event: str = key("The id of the event under test.")
    scenario: str | None = key("The scenario, if not the file's.", None)
    date: str = key("The date of the turn the case plays (a turn's first month).",
                    pattern=DATE, example=DATE_EXAMPLE)
    side: str | None = key("The faction whose turn it is; default the event's `on_turn_of`, "
                           "else the first faction in play.", None)
    point: Literal["start", "order", "end"] | None = key(
        "The check point to run; default the event's own `check` (`start` for `any`).", None)
    seed: int | None = key("The game's seed; default the file's.", None)
    dice: Literal["fire", "fail"] | None = key(
        "How the `chance` and `mean_time` rolls of the event under test come out: `fire` "
        "(they hold) or `fail` (they do not); default: rolled as in a game with the seed.",
        None)
    dice_of: dict[str, Literal["fire", "fail"]] = key(
        "The same for other events checked at the same point: event id -> fire or fail.", {})
    fired: dict[str, str] = key("Events that fired before the case: event id -> date.", {})
    setup: Node | None = key("Effects applied to the fresh game to build the situation.", None)
    fires: bool = key("Whether the event must fire at that check point.")
    choose: str | None = key("For an event with choices: the option to take once it fired.",
                             None)
    then: Node | None = key("A condition, or a list of them, that must hold afterwards.", None)
    loc: Loc = loc_field()


@dataclass(kw_only=True)
class CaseFile:
    scenario: str = key("The scenario the cases test: an id, or a path relative to this file "
                        "or to the game's folder.")
    seed: int = key("The game's seed for every case that gives none.", 1)
    cases: list[CaseSpec] = key("The cases.", [])
    loc: Loc = loc_field()


@dataclass
class Case:
    """A case ready to run: its spec, its scenario and its compiled parts."""
    spec: CaseSpec
    file: str
    scenario: object
    seed: int
    setup: tuple
    then: list
    where: str = ""

    @property
    def id(self) -> str:
        return f"{Path(self.file).stem}:{self.spec.name}"


@dataclass
class Loaded:
    cases: list[Case] = field(default_factory=list)
    problems: list = field(default_factory=list)


# --- reading -----------------------------------------------------------------------------

_scenarios: dict[str, object] = {}


def scenario_file(ref: str, base: Path) -> Path | None:
    """A scenario id or path -> its file: relative to `base`, to the game, or an id."""
    if is_yaml_name(ref):
        for root in (base, GAME_ROOT):
            p = (root / ref).resolve()
            if p.is_file():
                return p
        return None
    return find_scenario(ref)


def _scenario(path: Path):
    key_ = str(path.resolve())
    if key_ not in _scenarios:
        _scenarios[key_] = load_scenario(path)
    return _scenarios[key_]


def load_cases(path: Path) -> Loaded:
    """Read one case file; every problem is collected with its line and key."""
    shown = display_path(path)
    out = Loaded()
    try:
        root = load(path, shown)
    except InputError as exc:
        out.problems += exc.problems
        return out
    col = Collector(shown)
    spec = read(CaseFile, root, col, "")
    if spec is None:
        out.problems += col.problems
        return out
    default = _resolve(spec.scenario, path, spec.loc, col)
    for c in spec.cases:
        scn = default if c.scenario is None else _resolve(c.scenario, path, c.loc, col)
        case = _compile_case(c, scn, spec, col) if scn is not None else None
        if case is not None:
            out.cases.append(case)
    out.problems += sorted(set(col.problems))
    return out


def _resolve(ref: str, path: Path, loc: Loc, col: Collector):
    """The scenario a case file (or one case) names, or None with the problem reported."""
    scn_path = scenario_file(ref, path.parent)
    if scn_path is None:
        loc.report(col, "scenario", f"no scenario {ref!r} (give an id or a path to a YAML file)")
        return None
    try:
        return _scenario(scn_path)
    except InputError as exc:
        first = exc.problems[0] if exc.problems else "?"
        loc.report(col, "scenario", f"the scenario does not load: {first}")
        return None


def _compile_case(c: CaseSpec, scn, spec: CaseFile, col: Collector) -> Case | None:
    before = len(col.problems)
    factions = {f.id for f in scn.spec.factions}
    ev = event_by_id_in(scn, c.event)
    if ev is None:
        ids = [e.spec.id for e in scn.events]
        c.loc.report(col, "event", f"the scenario {scn.id!r} has no event {c.event!r}"
                                   f"{suggest(c.event, ids)}")
    if c.side is not None and c.side not in factions:
        c.loc.report(col, "side", f"unknown faction {c.side!r}{suggest(c.side, factions)}")
    when = cal.parse_date(c.date)
    if when is not None:
        problem = _date_problem(scn, when)
        if problem:
            c.loc.report(col, "date", problem)
    for eid, d in c.fired.items():
        line, column = c.loc.keys.get("fired", (c.loc.line, c.loc.column))
        if event_by_id_in(scn, eid) is None:
            col.add(line, column, c.loc.sub(f"fired.{eid}"), f"no event {eid!r} in "
                                                             f"{scn.id!r}")
        dd = cal.parse_date(d)
        if dd is None:
            col.add(line, column, c.loc.sub(f"fired.{eid}"), f"expected a date YEAR-MM, found "
                                                             f"{d!r}")
        elif when is not None and dd > when:
            col.add(line, column, c.loc.sub(f"fired.{eid}"),
                    f"{d} is after the case's date {c.date}")
    for eid in c.dice_of:
        if event_by_id_in(scn, eid) is None:
            line, column = c.loc.keys.get("dice_of", (c.loc.line, c.loc.column))
            col.add(line, column, c.loc.sub(f"dice_of.{eid}"), f"no event {eid!r} in "
                                                               f"{scn.id!r}")
    if c.choose is not None and ev is not None:
        options = [ch.id for ch, _ in ev.choices]
        if not options:
            c.loc.report(col, "choose", f"{c.event!r} offers no choices")
        elif c.choose not in options:
            c.loc.report(col, "choose", f"{c.event!r} has no option {c.choose!r}; it has "
                                        f"{', '.join(options)}")
        if not c.fires:
            c.loc.report(col, "choose", "a case where the event must not fire has nothing to "
                                        "choose")
    ctx = context_for(scn, col)
    ctx.armies |= _spawned_in(c.setup)   # the case's own armies may be named after it spawns them
    setup = compile_effects(c.setup, ctx, c.loc.sub("setup")) if c.setup is not None else ()
    then = []
    if c.then is not None:
        items = c.then.value if c.then.kind == "seq" else [c.then]
        for i, node in enumerate(items):
            sub = c.loc.sub(f"then[{i}]") if c.then.kind == "seq" else c.loc.sub("then")
            if node.kind == "map" and "winner" in node.value:
                cond = _winner_check(node, scn, col, sub)
            else:
                cond = compile_condition(node, ctx, sub)
            then.append(cond)
    if len(col.problems) > before or setup is None or any(t is None for t in then):
        return None
    return Case(c, col.path, scn, c.seed if c.seed is not None else spec.seed, setup, then,
                f"{col.path}:{c.loc.line}")


def _winner_check(node: Node, scn, col: Collector, keypath: str):
    """`{winner: FACTION, by: VICTORY_ID}` (or `winner: none`): the victory the game would
    declare now.  Returns a check (state -> None if it holds, else why not), or None."""
    keys = set(node.value)
    for k in sorted(keys - {"winner", "by"}):
        line, column = node.key_pos[k]
        col.add(line, column, f"{keypath}.{k}", f"unknown key {k!r}; a victory check takes "
                                                "`winner` and `by`")
    winner = node.value["winner"].value
    factions = [f.id for f in scn.spec.factions]
    if winner not in factions and winner != "none":
        col.at(node.value["winner"], f"{keypath}.winner",
               f"expected a faction or none, found {node.value['winner'].describe()}"
               f"{suggest(str(winner), factions)}")
        return None
    by = node.value["by"].value if "by" in node.value else None
    victory = None
    if by is not None:
        ids = [v.spec.id for v in scn.victory if v.spec.id]
        victory = next((v for v in scn.victory if v.spec.id == by), None)
        if victory is None:
            col.at(node.value["by"], f"{keypath}.by",
                   f"the scenario {scn.id!r} has no victory with id {by!r}{suggest(str(by), ids)}"
                   + ("" if ids else " (give its victory condition an `id`)"))
            return None
        if winner == "none":
            col.at(node.value["by"], f"{keypath}.by", "`by` names the victory of a winner; "
                                                      "leave it out with `winner: none`")
            return None
        if victory.spec.faction != winner:
            col.at(node.value["by"], f"{keypath}.by",
                   f"victory {by!r} is won by {victory.spec.faction!r}, not {winner!r}")
            return None
    final = victory is not None and victory.spec.check == "end"

    def check(state, file: str) -> str | None:
        for i, v in enumerate(state.scenario.victory):
            if v.spec.check == "end" and not final:
                continue
            if v.when(clone(state)):
                name = v.spec.id or f"victory[{i}]"
                if winner == "none":
                    return f"no side should win, but {v.spec.faction} wins by {name}"
                if v.spec.faction != winner or (victory is not None and v is not victory):
                    return f"{v.spec.faction} wins by {name}, not {winner}" + (
                        f" by {by}" if by else "")
                return None
        if winner == "none":
            return None
        targets = [victory] if victory is not None else [
            v for v in state.scenario.victory if v.spec.faction == winner]
        why = [r for v in targets for r in explain(v.when, clone(state), file)]
        return f"{winner} does not win" + (f" by {by}" if by else "") + (
            ": " + "; ".join(why) if why else "")
    check.victory_check = True
    return check


def _spawned_in(node: Node | None) -> set[str]:
    """Army ids that a case's `setup` creates with `spawn_army: {id: ...}`."""
    out: set[str] = set()
    for item in (node.value if node is not None and node.kind == "seq" else ()):
        sa = item.value.get("spawn_army") if item.kind == "map" else None
        idn = sa.value.get("id") if sa is not None and sa.kind == "map" else None
        if idn is not None and isinstance(idn.value, str):
            out.add(idn.value)
    return out


def event_by_id_in(scn, event_id: str):
    for ev in scn.events:
        if ev.spec.id == event_id:
            return ev
    return None


def _date_problem(scn, when: int) -> str | None:
    start, end = cal.month_index(*scn.start), cal.month_index(*scn.end)
    if not start <= when <= end:
        return (f"{cal.iso(when)} is outside the scenario ({cal.iso(start)} to {cal.iso(end)})")
    if (when - start) % scn.months_per_turn:
        return ("in this seasonal scenario a turn begins in March, June, September or "
                "December (month 03, 06, 09 or 12)")
    return None


# --- running -------------------------------------------------------------------------------

def build(case: Case):
    """The state a case describes, just before its check point runs."""
    spec, scn = case.spec, case.scenario
    ev = event_by_id_in(scn, spec.event)
    state, _ = new_game(scn, case.seed, begin=False)
    when = cal.parse_date(spec.date)
    state.year, state.month = cal.year_month(when)
    state.turn = cal.turn_at(scn.start, when, scn.months_per_turn)
    side = spec.side or ev.spec.on_turn_of or next(
        (f for f in state.order if state.factions[f].in_play), state.order[0])
    state.active = state.order.index(side)
    for eid, d in spec.fired.items():
        m = cal.parse_date(d)
        other = event_by_id_in(scn, eid)
        turn = cal.turn_at(scn.start, m, scn.months_per_turn)
        state.fired[eid] = turn
        y, mo = cal.year_month(m)
        state.log.append(LogEntry(turn, y, mo, eid, other.spec.title, list(state.order)))
    fire = Fire("setup", tuple(state.order))
    for run in case.setup:
        run(state, fire)
    return state


def point_of(case: Case) -> str:
    ev = event_by_id_in(case.scenario, case.spec.event)
    if case.spec.point:
        return case.spec.point
    return ev.spec.check if ev.spec.check != "any" else "start"


def run(case: Case) -> str | None:
    """Run a case; None if it passes, else a message saying precisely what went wrong."""
    spec = case.spec
    state = build(case)
    point = point_of(case)
    ev = event_by_id(state, spec.event)
    before = clone(state)
    outcome = {eid: d == "fire" for eid, d in spec.dice_of.items()}
    if spec.dice is not None:
        outcome[spec.event] = spec.dice == "fire"
    with dice.forced(outcome):
        events = check_events(state, point)
    fired = [e.data.event for e in events if e.kind == "fired"]
    did = spec.event in fired
    head = (f"{case.where}: case {spec.name!r}: {spec.event} at the {point} check point of "
            f"{state.factions[before.active_faction].name}'s turn, {before.date_text()}")
    others = [f for f in fired if f != spec.event]
    also = f"; events that fired: {', '.join(others)}" if others else ""
    if did and not spec.fires:
        return f"{head}: it fired, but the case says it must not{also}"
    if not did and spec.fires:
        with dice.forced(outcome), dice.rolling_for(spec.event):
            why = _why_not(before, ev, point)
        return f"{head}: it did not fire{also}.  Why: " + "; ".join(why)
    if did and spec.choose:
        with dice.forced(outcome):
            apply_choice(state, ev, spec.choose)
    failed = []
    for cond in case.then:
        if getattr(cond, "victory_check", False):
            why = cond(state, state.scenario.path)
            if why:
                failed.append(why)
        elif not cond(clone(state)):
            reasons = explain(cond, clone(state), case.file)
            failed.append("; ".join(reasons))
    if failed:
        verb = "it fired" if did else "it did not fire, as expected"
        return f"{head}: {verb}, but afterwards " + "; ".join(failed) + also
    return None


def _why_not(state, ev, point: str) -> list[str]:
    spec = ev.spec
    out = []
    if spec.check not in ("any", point):
        out.append(f"it is checked at `{spec.check}`, not `{point}`")
    if spec.on_turn_of is not None and spec.on_turn_of != state.active_faction:
        out.append(f"it is only checked on {spec.on_turn_of}'s turn")
    if spec.id in state.fired and not spec.repeat:
        out.append("it had already fired and does not repeat")
    if state.over:
        out.append("the game was over")
    out += explain(ev.when, clone(state), state.scenario.path)
    return out or ["its condition held when checked again"]
