"""Compile event-language YAML (located nodes) into callables, checking everything.

A condition is a one-key mapping `{name: arguments}`; arguments are a
mapping, or a single value when the condition takes one argument
(`flag: holy_war`).  `all`, `any` and `not` combine conditions.  An effect
list is a list of one-key mappings in the same form.  Every problem found is
added to the collector with its line, column and key path.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from game import calendar as cal
from game.calendar import parse_date  # noqa: F401  (re-exported for the loader)
from game.events.registry import CONDITIONS, EFFECTS, Definition
from game.rules.traits import TRAITS
from game.hexgrid import Hex
from game.scenario.schema import suggest
from game.scenario.limits import MAX_TEXT, MAX_WHOLE
from game.scenario.yamlsrc import Collector, Node, short_number

STATUSES = ("war", "peace", "alliance", "tribute")
OUTCOMES = ("victory", "defeat", "peace")
VICTORY_KINDS = ("decisive", "major", "minor")
RESULTS = ("decisive", "major", "minor", "peace", "undecided")
PASS_STATES = ("open", "closed", "auto")
POSTURES = ("conquer", "defend", "raid")
CHOICES = {"season": cal.SEASONS, "status": STATUSES, "outcome": OUTCOMES,
           "victory_kind": VICTORY_KINDS, "result": RESULTS, "pass_state": PASS_STATES,
           "posture": POSTURES,
           "trait": tuple(TRAITS)}


@dataclass
class RefContext:
    """What a reference may point at, for checking at load."""
    col: Collector
    hexmap: Any
    factions: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    armies: set[str] = field(default_factory=set)
    commanders: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    city_hex: dict[str, Hex] = field(default_factory=dict)


_REF_SETS = {"faction": "factions", "city": "cities", "army": "armies",
             "commander": "commanders", "event": "events"}


def _value(kind: str, node: Node, ctx: RefContext, keypath: str) -> tuple[bool, Any]:
    col = ctx.col
    v = node.value if node.kind == "scalar" else None

    def bad(msg: str) -> tuple[bool, Any]:
        col.at(node, keypath, msg)
        return False, None

    if node.reported:           # refused as it was read (a bad tag, number or character)
        return False, None

    if kind in ("int", "percent", "count", "month"):
        if node.kind != "scalar" or isinstance(v, bool) or not isinstance(v, int):
            return bad(f"expected a whole number, found {node.describe()}")
        if abs(v) > MAX_WHOLE:
            return bad(f"{short_number(v)} is beyond the largest number allowed, "
                       f"{MAX_WHOLE:,} in either direction")
        if kind == "percent" and not 0 <= v <= 100:
            return bad(f"{v} is not a percentage (0-100)")
        if kind == "count" and v < 0:
            return bad(f"{v} is negative; expected 0 or more")
        if kind == "month" and not 1 <= v <= 12:
            return bad(f"{v} is not a month (1-12)")
        return True, v
    if kind == "bool":
        if not isinstance(v, bool):
            return bad(f"expected true or false, found {node.describe()}")
        return True, v
    if kind == "text":
        if node.kind != "scalar" or v is None or isinstance(v, bool):
            return bad(f"expected text, found {node.describe()}")
        if len(str(v)) > MAX_TEXT:
            return bad(f"a text of {len(str(v))} characters, more than the {MAX_TEXT} allowed")
        return True, str(v)
    if kind in _REF_SETS:
        if not isinstance(v, str):
            return bad(f"expected {kind} id, found {node.describe()}")
        known = getattr(ctx, _REF_SETS[kind])
        if v not in known:
            return bad(f"unknown {kind} {v!r}{suggest(v, known)}")
        return True, v
    if kind in ("factions", "cities"):
        one = kind[:-1] if kind == "factions" else "city"
        items = node.value if node.kind == "seq" else [node]
        if not items:
            return bad(f"needs at least one {one}")
        out = []
        ok_all = True
        for i, item in enumerate(items):
            ok, val = _value(one, item, ctx, f"{keypath}[{i}]" if node.kind == "seq" else keypath)
            ok_all &= ok
            if ok:
                out.append(val)
        return ok_all, tuple(out)
    if kind == "regions":
        items = node.value if node.kind == "seq" else [node]
        if not items:
            return bad("needs at least one region")
        out, ok_all = [], True
        for i, item in enumerate(items):
            ok, val = _value("region", item, ctx, f"{keypath}[{i}]" if node.kind == "seq"
                             else keypath)
            ok_all &= ok
            if ok:
                out.append(val)
        return ok_all, tuple(out)
    if kind in ("region", "strait", "pass"):
        hm = ctx.hexmap
        known = {"region": set(hm.region_ids), "strait": {s for s in hm.strait_of_edge.values()},
                 "pass": set(hm.passes)}[kind]
        if not isinstance(v, str) or v not in known:
            return bad(f"unknown {kind} {v!r}{suggest(v, known) if isinstance(v, str) else ''}")
        return True, v
    if kind == "place":
        if not isinstance(v, str):
            return bad(f"expected a place (id or col,row), found {node.describe()}")
        h = ctx.city_hex.get(v) or ctx.hexmap.resolve(v)
        if h is None:
            names = set(ctx.city_hex) | set(ctx.hexmap.places)
            return bad(f"unknown place {v!r}{suggest(v, names)}")
        return True, h
    if kind == "date":
        d = parse_date(v)
        if d is None:
            return bad(f"expected a date YEAR-MM (month 01-12), found {node.describe()}")
        return True, d
    choices = CHOICES.get(kind)
    if choices:
        if v not in choices:
            return bad(f"expected one of {', '.join(choices)}; found {node.describe()}"
                       f"{suggest(v, choices) if isinstance(v, str) else ''}")
        return True, v
    if kind == "condition":
        c = compile_condition(node, ctx, keypath)
        return c is not None, c
    if kind == "conditions":
        if node.kind != "seq":
            return bad(f"expected a list of conditions, found {node.describe()}")
        out = [compile_condition(n, ctx, f"{keypath}[{i}]") for i, n in enumerate(node.value)]
        if not out:
            return bad("needs at least one condition")
        return all(c is not None for c in out), tuple(out)
    if kind == "aims":
        return _aims(node, ctx, keypath)
    if kind == "effects":
        fx = compile_effects(node, ctx, keypath)
        return fx is not None, fx
    raise AssertionError(f"unknown argument kind {kind}")  # pragma: no cover


def _aims(node: Node, ctx: RefContext, keypath: str) -> tuple[bool, Any]:
    """A list of aims (the same mappings as under `ai: FACTION: aims:`), checked."""
    from game.scenario.aims import build_aim
    from game.scenario.model import AimSpec
    from game.scenario.schema import read
    if node.kind != "seq":
        ctx.col.at(node, keypath, f"expected a list of aims, found {node.describe()}")
        return False, None
    out, ok_all = [], True
    for i, item in enumerate(node.value):
        spec = read(AimSpec, item, ctx.col, f"{keypath}[{i}]")
        if spec is None:
            ok_all = False
            continue
        aim = build_aim(spec, lambda k, m, s=spec: s.loc.report(ctx.col, k, m), ctx.hexmap,
                        ctx.city_hex, ctx.commanders)
        if aim is None:
            ok_all = False
        else:
            out.append(aim)
    return ok_all, tuple(out)


def _one_key(node: Node, ctx: RefContext, keypath: str, table: dict, what: str
             ) -> tuple[Definition, Node, str] | None:
    if node.kind != "map" or len(node.value) != 1:
        found = node.describe() if node.kind != "map" else f"{len(node.value)} keys"
        ctx.col.at(node, keypath, f"a {what} is a mapping with one key, its name; found {found}")
        return None
    (name, arg_node), = node.value.items()
    sub = f"{keypath}.{name}" if keypath else name
    d = table.get(name)
    if d is None:
        line, column = node.key_pos[name]
        ctx.col.add(line, column, sub, f"unknown {what} {name!r}{suggest(name, table)}")
        return None
    return d, arg_node, sub


def _arguments(d: Definition, node: Node, ctx: RefContext, keypath: str) -> dict | None:
    """Read a definition's arguments from a mapping, or from one bare value."""
    col = ctx.col
    args = d.args
    if not args:
        if not (node.kind == "scalar" and node.value is None) and not (
                node.kind == "map" and not node.value):
            col.at(node, keypath, f"{d.name} takes no arguments")
            return None
        return {}
    required = [a for a in args if not a.optional]
    bare = None
    if len(args) == 1 and not (node.kind == "map" and set(node.value) == {args[0].name}):
        bare = args[0]          # `flag: holy_war`, `all: [...]`, `not: {flag: x}`
    elif node.kind != "map" and len(required) == 1:
        bare = required[0]      # `fired: evt_614_jerusalem`
    if bare is not None:
        ok, v = _value(bare.kind, node, ctx, keypath)
        return {bare.name: v} if ok else None
    if node.kind != "map":
        col.at(node, keypath, f"{d.name} takes arguments {', '.join(x.name for x in args)}; "
                              "write them as a mapping")
        return None
    out: dict[str, Any] = {}
    ok_all = True
    names = {a.name for a in d.args}
    for k, (line, column) in node.key_pos.items():
        if k not in names:
            col.add(line, column, f"{keypath}.{k}",
                    f"{d.name} has no argument {k!r}{suggest(k, names)}")
            ok_all = False
    for a in d.args:
        if a.name not in node.value:
            if not a.optional:
                col.at(node, keypath, f"{d.name} needs the argument {a.name!r} ({a.kind})")
                ok_all = False
            continue
        ok, v = _value(a.kind, node.value[a.name], ctx, f"{keypath}.{a.name}")
        ok_all &= ok
        if ok:
            out[a.name] = v
    return out if ok_all else None


def compile_condition(node: Node, ctx: RefContext, keypath: str) -> Callable | None:
    found = _one_key(node, ctx, keypath, CONDITIONS, "condition")
    if found is None:
        return None
    d, arg_node, sub = found
    args = _arguments(d, arg_node, ctx, sub)
    if args is None:
        return None
    check = getattr(d.fn, "check", None)
    if check is not None:
        message = check(ctx, **args)
        if message:
            ctx.col.at(arg_node, sub, message)
            return None
    fn = d.fn

    def run(state, _fn=fn, _args=args):
        return bool(_fn(state, **_args))
    run.name = d.name
    run.args = args      # read by the computer opponent (e.g. the cities a victory needs)
    run.keypath = sub
    run.line = node.line
    run.parts = args.get("conditions") or ((args["condition"],) if "condition" in args else ())
    return run


def explain(cond: Callable, state, file: str = "") -> list[str]:
    """Why a compiled condition does not hold: the parts that fail, and where they are written.

    Conditions are evaluated again, so run this on a copy of the state when
    `chance` may be among them.
    """
    if cond(state):
        return []
    name = getattr(cond, "name", "?")
    parts = getattr(cond, "parts", ())
    line = getattr(cond, "line", "?")
    where = f"{getattr(cond, 'keypath', name)} ({file}:{line})" if file else \
        f"{getattr(cond, 'keypath', name)} (line {line})"
    if name == "all":
        return [m for p in parts for m in explain(p, state, file)]
    if name == "any":
        return [f"{where}: none of its conditions holds"] + [
            m for p in parts for m in explain(p, state, file)]
    if name == "not":
        return [f"{where}: the condition inside holds"]
    return [f"{where} is false"]


def compile_effects(node: Node, ctx: RefContext, keypath: str) -> tuple | None:
    if node.kind != "seq":
        ctx.col.at(node, keypath, f"expected a list of effects, found {node.describe()}")
        return None
    out = []
    ok_all = True
    for i, item in enumerate(node.value):
        sub = f"{keypath}[{i}]"
        found = _one_key(item, ctx, sub, EFFECTS, "effect")
        if found is None:
            ok_all = False
            continue
        d, arg_node, sub2 = found
        args = _arguments(d, arg_node, ctx, sub2)
        if args is None:
            ok_all = False
            continue
        check = getattr(d.fn, "check", None)
        if check is not None:
            message = check(ctx, **args)
            if message:
                ctx.col.at(arg_node, sub2, message)
                ok_all = False
                continue

        def run(state, fire, _fn=d.fn, _args=args):
            return _fn(state, fire, **_args)
        run.name = d.name
        run.args = args
        run.keypath = sub2
        run.line = item.line
        out.append(run)
    return tuple(out) if ok_all else None


def context_for(scn, col: Collector) -> RefContext:
    """A reference context for a loaded scenario, to compile more text against it
    (the event-test harness compiles its setups and checks this way)."""
    from game.scenario.load import spawned_ids
    spec = scn.spec
    city_hex = {cid: h for h, cid in scn.city_at.items()}
    return RefContext(col, scn.map, {f.id for f in spec.factions}, set(city_hex),
                      {a.id for a in spec.armies} | spawned_ids(spec),
                      {c.id for c in spec.commanders}, {e.id for e in spec.events}, city_hex)


def check_flags(col: Collector, roots: list[tuple[Node | None, str]]) -> None:
    """Report each flag a condition reads that no effect ever sets: most likely a typo.

    `roots` are the scenario's conditions and effect lists with their key paths.
    """
    def walk(node, keypath, found):
        if node is None:
            return
        if node.kind == "seq":
            for i, item in enumerate(node.value):
                walk(item, f"{keypath}[{i}]", found)
        elif node.kind == "map":
            for k, v in node.value.items():
                sub = f"{keypath}.{k}"
                if k in ("flag", "set_flag"):
                    name = v.value.get("name") if v.kind == "map" else v
                    if name is not None and name.kind == "scalar" and isinstance(name.value, str):
                        found.append((k, name, sub if v.kind != "map" else f"{sub}.name"))
                walk(v, sub, found)
    found: list = []
    for node, keypath in roots:
        walk(node, keypath, found)
    set_names = {n.value for k, n, _ in found if k == "set_flag"}
    for k, n, keypath in found:
        if k == "flag" and n.value not in set_names:
            col.at(n, keypath, f"the flag {n.value!r} is never set by a `set_flag` in this "
                               f"scenario{suggest(n.value, set_names)}")
