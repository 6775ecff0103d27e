"""Checks of meaning that warn: the file loads, but it probably does not play as meant.

`validate` prints these marked as warnings (and refuses them with
`--strict`); the shipped scenarios have none (a test).  Each check is
cheap and decides only what it can be sure of:

- a faction whose upkeep at the start exceeds its income;
- a victory that can never be won: a place its faction cannot reach by
  land (nor by sea, having no navy), a commander who is dead or serves
  another side and whom no event ever names;
- a date in a condition that falls outside the scenario;
- `spawn_army` with an id an army already has at the start, or led by a
  commander of another faction.
"""
from __future__ import annotations

from collections import Counter, deque

from game import calendar as cal
from game.calendar import parse_date
from game.events.registry import CONDITIONS
from game.hexgrid import Hex, hex_neighbor
from game.hexmap import HexMap
from game.rules.movement import INF, terrain_cost
from game.scenario.model import ScenarioSpec
from game.scenario.yamlsrc import Collector, Node

# What each check warns of, for the format doc (game.scenario.docs).
WARNINGS = (
    "a faction in play whose upkeep at the start is above its income (it goes broke and "
    "its men desert once its treasury is spent);",
    "a victory that can never be won, as far as a cheap look can tell: among the conditions "
    "that must all hold (at the top or under `all`), a place or city its faction cannot "
    "reach over land from its cities, armies and spawned armies while it has no navy; a "
    "commander who is dead at the start, or who serves another faction in `army_near`, "
    "when no effect names him;",
    "a date in a condition that falls outside the scenario (a window may open before the "
    "start or close after the end, but not lie wholly outside it; a `year` outside it);",
    "`spawn_army` with the id of an army that is on the map at the start, or led by a "
    "commander of another faction whom no other effect names (he would not lead it).",
)


def _warn(col: Collector, loc, name: str | None, message: str) -> None:
    line, column = (loc.line, loc.column) if name is None else loc.of(name)
    col.warn(line, column, loc.keypath if name is None else loc.sub(name), message)


def _walk(node: Node | None, keypath: str):
    """Every mapping under `node`, with its key path."""
    if node is None:
        return
    stack = [(node, keypath)]
    while stack:
        n, kp = stack.pop()
        if n.kind == "map":
            yield n, kp
            stack += [(v, f"{kp}.{k}") for k, v in reversed(list(n.value.items()))]
        elif n.kind == "seq":
            stack += [(v, f"{kp}[{i}]") for i, v in reversed(list(enumerate(n.value)))]


def _conditions(node: Node | None, keypath: str):
    """(name, arguments node, key path) of every condition inside a condition tree."""
    for n, kp in _walk(node, keypath):
        if len(n.value) == 1:
            (name, args), = n.value.items()
            if name in CONDITIONS:
                yield name, args, f"{kp}.{name}"


def _must_hold(node: Node | None, keypath: str):
    """The conditions that must all hold for `node` to hold (through `all`, not `any`/`not`)."""
    if node is None or node.kind != "map" or len(node.value) != 1:
        return
    (name, args), = node.value.items()
    if name == "all" and args.kind == "seq":
        for i, item in enumerate(args.value):
            yield from _must_hold(item, f"{keypath}.all[{i}]")
    elif name in CONDITIONS and name not in ("any", "not"):
        yield name, args, f"{keypath}.{name}"


def _arg(args: Node, name: str):
    if args.kind != "map":
        return None
    node = args.value.get(name)
    return node.value if node is not None and node.kind == "scalar" else None


def _effect_trees(spec: ScenarioSpec):
    for e in spec.events:
        yield e, e.effects, e.loc.sub("effects")
        for ch in e.choices:
            yield e, ch.effects, ch.loc.sub("effects")


def warn_dates(spec: ScenarioSpec, col: Collector) -> None:
    first = parse_date(spec.start)
    last = parse_date(spec.end)
    if first is None or last is None:
        return
    _, last = cal.span(last, 3 if spec.turn_length == "season" else 1)
    trees = [(v.when, v.loc.sub("when")) for v in spec.victory]
    trees += [(e.when, e.loc.sub("when")) for e in spec.events]
    for tree, keypath in trees:
        for name, args, kp in _conditions(tree, keypath):
            if args.kind != "map":
                continue
            for arg in CONDITIONS[name].args:
                node = args.value.get(arg.name)
                if node is None or node.kind != "scalar":
                    continue
                if arg.kind == "date":      # a window may open before or close after the span
                    d = parse_date(node.value)
                    outside = d is not None and (
                        (d > last and arg.name != "end") or (d < first and arg.name != "start"))
                elif name == "date" and arg.name == "year" and isinstance(node.value, int):
                    outside = not cal.year_month(first)[0] <= node.value <= cal.year_month(last)[0]
                else:
                    continue
                if outside:
                    col.warn(node.line, node.column, f"{kp}.{arg.name}",
                             f"{node.value} falls outside the scenario ({spec.start} to "
                             f"{spec.end}), so this part never matches as meant")


def warn_spawns(spec: ScenarioSpec, col: Collector, found) -> None:
    named = _named_by_effects(spec)
    for e, tree, keypath in _effect_trees(spec):
        for n, kp in _walk(tree, keypath):
            sa = n.value.get("spawn_army")
            if sa is None or sa.kind != "map":
                continue
            kp = f"{kp}.spawn_army"
            idn, cmd = sa.value.get("id"), sa.value.get("commander")
            faction = _arg(sa, "faction")
            if idn is not None and idn.value in found.armies:
                col.warn(idn.line, idn.column, f"{kp}.id",
                         f"army id {idn.value!r} is already used by an army at the start; "
                         "while that army stands, the new one gets another id and later "
                         "references miss it")
            if cmd is not None and cmd.value in found.commanders and named[cmd.value] < 2:
                serves = found.commanders[cmd.value].faction
                if faction is not None and serves != faction:
                    col.warn(cmd.line, cmd.column, f"{kp}.commander",
                             f"{cmd.value!r} serves {serves!r}, not {faction!r}, and no other "
                             "event moves him: the army appears without him")


def _named_by_effects(spec: ScenarioSpec) -> Counter:
    """How often each text value appears in the effects (ids the events act on)."""
    out: Counter = Counter()
    for _e, tree, keypath in _effect_trees(spec):
        stack = [tree] if tree is not None else []
        while stack:
            n = stack.pop()
            if n.kind == "map":
                stack += list(n.value.values())
            elif n.kind == "seq":
                stack += list(n.value)
            elif isinstance(n.value, str):
                out[n.value] += 1
    return out


def _land_reach(hm: HexMap, rules: dict, starts: list[Hex]) -> set[Hex]:
    """Hexes reachable over passable land from any start (straits and closed passes ignored)."""
    def passable(h: Hex) -> bool:
        t = hm.terrain_at(h)
        return not hm.is_water(h) and terrain_cost(rules, t, False, h in hm.pass_at) < INF
    seen = {h for h in starts if hm.contains(h)}
    todo = deque(seen)
    while todo:
        h = todo.popleft()
        for d in range(6):
            n = hex_neighbor(h, d)
            if n not in seen and hm.contains(n) and passable(n):
                seen.add(n)
                todo.append(n)
    return seen


def _starts(spec: ScenarioSpec, hm: HexMap, found, faction: str) -> list[Hex]:
    out = [found.city_hex[c.id] for c in spec.cities
           if c.owner == faction and c.id in found.city_hex]
    out += [found.army_hex[a.id] for a in spec.armies
            if a.faction == faction and a.id in found.army_hex]
    for _e, tree, keypath in _effect_trees(spec):
        for n, _kp in _walk(tree, keypath):
            sa = n.value.get("spawn_army")
            if sa is not None and _arg(sa, "faction") == faction:
                where = _arg(sa, "at")
                h = found.city_hex.get(where) or (hm.resolve(where) if isinstance(where, str)
                                                  else None)
                if h is not None:
                    out.append(h)
    return out


def warn_victories(spec: ScenarioSpec, hm: HexMap, col: Collector, found) -> None:
    named = _named_by_effects(spec)
    reach: dict[str, set] = {}
    for v in spec.victory:
        if v.faction not in found.factions:
            continue
        navy = found.factions[v.faction].navy
        for name, args, kp in _must_hold(v.when, v.loc.sub("when")):
            who = _arg(args, "commander") if name in ("commander_at", "army_near") else None
            if who in found.commanders and who not in named:
                cm = found.commanders[who]
                if not cm.alive:
                    _at(col, args, kp, "commander", f"victory {v.id or v.faction!r} can never "
                        f"be won: {who!r} is dead at the start and no event names him")
                elif name == "army_near" and cm.faction != _arg(args, "faction"):
                    _at(col, args, kp, "commander", f"victory {v.id or v.faction!r} can never "
                        f"be won: {who!r} serves {cm.faction!r} and no event names him")
            side = _arg(args, "faction") if name in ("army_near", "owns") else (
                found.commanders[who].faction if who in found.commanders else None)
            where = _arg(args, "place") if name != "owns" else _arg(args, "city")
            if navy or side is None or not isinstance(where, str) or side not in found.factions:
                continue
            if found.factions[side].navy:
                continue
            h = found.city_hex.get(where) or hm.resolve(where)
            if h is None:
                continue
            if side not in reach:
                reach[side] = _land_reach(hm, found.rules, _starts(spec, hm, found, side))
            if not reach[side] or h in reach[side] or _arg(args, "within"):
                continue
            _at(col, args, kp, "place" if name != "owns" else "city",
                f"victory {v.id or v.faction!r} can never be won: {side!r} cannot reach "
                f"{where} by land and has no navy")


def _at(col: Collector, args: Node, kp: str, name: str, message: str) -> None:
    node = args.value.get(name) if args.kind == "map" else None
    node = node or args
    col.warn(node.line, node.column, f"{kp}.{name}", message)


def warn_upkeep(scn, col: Collector) -> None:
    from game.rules import economy
    from game.rules.turns import new_game
    state, _ = new_game(scn, 1, begin=False)
    for f in scn.spec.factions:
        if not f.in_play:
            continue
        gross, cost = economy.income(state, f.id), economy.upkeep(state, f.id)
        if cost > gross:
            turns = f.treasury // (cost - gross)
            _warn(col, f.loc, None,
                  f"{f.id!r} earns {gross} a turn at the start but pays {cost} in upkeep; "
                  f"its treasury of {f.treasury} lasts {turns} turn{'s' * (turns != 1)}, "
                  "then its men desert")


def warn_all(scn, found, col: Collector) -> None:
    """Every warning of meaning for a scenario that loaded without errors."""
    spec = scn.spec
    warn_dates(spec, col)
    warn_spawns(spec, col, found)
    warn_victories(spec, scn.map, col, found)
    warn_upkeep(scn, col)
