"""What a side is fighting for, in plain words, as far as it knows: `aims(state, side)`.

The objectives panel shows this: each victory condition of the scenario
(its own first, then what the other sides need), broken into goals with
progress ("holds 3 of 5", "6 hexes away"), the deadline, and the relations
between the powers.  Progress is measured on the side's own View
(game/session/view.py): a city's owner as the side last saw it, the
war-weariness of its own side only.  A fact the side cannot know is shown
as unknown (`met` None), never read from the hidden state.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.hexgrid import hex_distance
from game.rules import queries as Q
from game.rules.state import GameState
from game.session.view import View, observe

KIND_WORDS = {"decisive": "Decisive victory", "major": "Major victory",
              "minor": "Minor victory", "peace": "Victory by peace"}
STATUS_WORDS = {"war": "at war", "peace": "at peace", "alliance": "allied",
                "tribute": "at peace, with tribute"}


@dataclass(frozen=True)
class Goal:
    text: str                  # "Byzantium holds Ctesiphon"
    progress: str = ""         # "held", "holds 3 of 5", "6 hexes away", "unknown"
    met: bool | None = None    # None: the side cannot know
    depth: int = 0             # nesting under "one of" / "all of"


@dataclass(frozen=True)
class Aim:
    faction: str
    kind: str                  # decisive, major, minor, peace
    at_end: bool               # only checked when the last turn ends
    result: str                # what the victory screen will say
    goals: list[Goal] = field(default_factory=list)
    met: bool | None = None    # the whole condition holds now (None: not known)

    @property
    def title(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind.capitalize())


@dataclass(frozen=True)
class Relation:
    a: str
    b: str
    status: str                # war, peace, alliance, tribute
    words: str                 # "at war", "at peace, with tribute (Byzantium pays 10 a month)"
    since: str                 # "since the war began (Spring 603)", "since Summer 610 (...)"


@dataclass(frozen=True)
class Deadline:
    last_turn: int
    last_date: str             # "December 628"
    turns_left: int            # turns after this one
    text: str


def aims(state: GameState, side: str | None, view: View | None = None) -> list[Aim]:
    """Every victory condition, the side's own first (scenario order within each group)."""
    view = view if view is not None else observe(state, side)
    out = [_aim(state, view, side, v) for v in state.scenario.victory]
    return sorted(out, key=lambda a: a.faction != side)


def deadline(state: GameState) -> Deadline:
    scn = state.scenario
    last = scn.total_turns
    y, m = scn.end
    date = _date(state, y, m)
    left = max(0, last - state.turn)
    if left == 0:
        text = f"This is the last turn: the war ends when it does ({date})."
    else:
        text = (f"The war ends after turn {last} ({date}): {left} more "
                f"{'turn' if left == 1 else 'turns'} after this one.")
    return Deadline(last, date, left, text)


def relations(state: GameState, side: str | None) -> list[Relation]:
    """The relations between the powers in the war (the side's own first)."""
    facs = [f for f in state.order if state.factions[f].in_play]
    start = {tuple(sorted((r.a, r.b))): r.status for r in state.scenario.spec.relations}
    out = []
    for i, a in enumerate(facs):
        for b in facs[i + 1:]:
            r = Q.relation(state, a, b)
            words = STATUS_WORDS.get(r.status, r.status)
            if r.status == "tribute" and r.payer:
                other = b if r.payer == a else a
                words += (f" ({state.factions[r.payer].name} pays "
                          f"{state.factions[other].name} {r.amount} a month)")
            out.append(Relation(a, b, r.status, words, _since(state, side, a, b,
                                                             start.get(tuple(sorted((a, b))),
                                                                       "peace") == r.status)))
    return sorted(out, key=lambda r: side not in (r.a, r.b))


def peace_note(state: GameState, side: str) -> str | None:
    """A line for the start of a side's turn when it is at war with nobody: who it is at
    peace with, and that the war has yet to open."""
    others = [f for f in state.order if f != side and state.factions[f].in_play]
    if not others or any(Q.hostile(state, side, f) for f in others):
        return None
    names = _join([state.factions[f].name for f in others])
    return f"At peace with {names}: no battle or siege until war comes (O: aims)"


def peace_reason(state: GameState, side: str, other: str) -> str | None:
    """Why `side` may not attack `other` if it is because they are not at war."""
    if Q.hostile(state, side, other) or side == other:
        return None
    r = Q.relation(state, side, other)
    name = state.factions[other].name
    return {"alliance": f"allied with {name}"}.get(r.status, f"at peace with {name}")


# --- the goals of one condition ----------------------------------------------------

def _aim(state, view, side, v) -> Aim:
    goals: list[Goal] = []
    met = _describe(state, view, side, v.when, 0, goals)
    spec = v.spec
    return Aim(spec.faction, spec.kind, spec.check == "end",
               spec.text or f"{state.factions[spec.faction].name} prevails", goals, met)


def _describe(state, view, side, cond, depth, out: list[Goal]) -> bool | None:
    name, args = getattr(cond, "name", ""), getattr(cond, "args", {})
    if name in ("all", "any"):
        parts = list(getattr(cond, "parts", ()))
        if len(parts) > 1:
            head = Goal("All of these:" if name == "all" else "One of these:", "", None, depth)
            at = len(out)
            out.append(head)
            results = [_describe(state, view, side, p, depth + 1, out) for p in parts]
            met = _combine(name, results)
            out[at] = Goal(head.text, _count_text(results), met, depth)
            return met
        if parts:
            return _describe(state, view, side, parts[0], depth, out)
    if name == "not":
        inner = args.get("condition")
        sub: list[Goal] = []
        m = _describe(state, view, side, inner, depth, sub)
        met = None if m is None else not m
        if len(sub) == 1:
            out.append(Goal(_negate(sub[0].text), _done(met), met, depth))
        else:
            out.append(Goal("None of the following holds:", _done(met), met, depth))
            out.extend(Goal(g.text, g.progress, g.met, g.depth + 1) for g in sub)
        return met
    goal = _leaf(state, view, side, name, args, cond)
    out.append(Goal(goal[0], goal[1], goal[2], depth))
    return goal[2]


def _leaf(state, view, side, name, args, cond) -> tuple[str, str, bool | None]:
    fname = _faction_namer(state)
    cname = _commander_namer(state)
    known = view.omniscient

    def public() -> bool | None:
        return bool(cond(state))

    if name == "owns":
        f = args["faction"]
        if args.get("city"):
            cid = args["city"]
            held = _owner(state, view, cid) == f
            return (f"{fname(f)} holds {state.cities[cid].name}", "held" if held else "not held",
                    held)
        if args.get("region"):
            hm = state.scenario.map
            pool = [c.id for c in state.cities.values() if hm.region_of(c.hex) == args["region"]]
            where = f"the cities of {str(args['region']).replace('_', ' ').title()}"
        else:
            pool = list(args["cities"])
            where = _join([state.cities[c].name for c in pool])
        need = args.get("count") or len(pool)
        held = [c for c in pool if _owner(state, view, c) == f]
        what = (f"{fname(f)} holds {where}" if need == len(pool)
                else f"{fname(f)} holds {need} of {where}")
        ok = len(held) >= need and bool(pool)
        missing = [state.cities[c].name for c in pool if c not in held]
        return what, f"holds {len(held)} of {len(pool)}" + (
            f"; not {_join(missing)}" if held and missing else ""), ok
    if name == "commander_alive":
        c = args["commander"]
        ok = public()
        return f"{cname(c)} lives", "alive" if ok else "dead", ok
    if name == "ruler":
        ok = public()
        return (f"{cname(args['commander'])} rules {fname(args['faction'])}",
                "yes" if ok else "no", ok)
    if name == "flag":
        ok = public()
        return _flag_text(state, args["name"]), _done(ok), ok
    if name == "fired":
        title = _event_title(state, args["event"])
        ok = public()
        return f"“{title}” has happened", _done(ok), ok
    if name == "army_near":
        return _army_near(state, view, side, args)
    if name == "commander_at":
        place = args.get("place")
        where = Q.place_name(state, place) if place is not None else str(args.get("region"))
        within = args.get("within", 0)
        text = f"{cname(args['commander'])} stands " + (
            f"at {where}" if not within else f"within {within} hexes of {where}")
        if known or _commander_side(state, args["commander"]) == side:
            ok = public()
            return text, "yes" if ok else "not yet", ok
        return text, "unknown", None
    if name == "weariness":
        f = args["faction"]
        text = f"{fname(f)}'s war-weariness " + _bounds(args)
        if known or f == side:
            ok = public()
            return text, f"now {state.factions[f].war_weariness}", ok
        return text, "not known", None
    if name == "besieged":
        by = args.get("by")
        text = f"{state.cities[args['city']].name} is besieged" + (
            f" by {fname(by)}" if by else "")
        c = view.cities.get(args["city"])
        if c is None:
            return text, "unknown", None
        ok = c.siege is not None and (by is None or c.siege.by == by)
        return text, "yes" if ok else "no", ok
    if name == "relation":
        ok = public()
        return (f"{fname(args['a'])} and {fname(args['b'])} "
                f"{STATUS_WORDS.get(args['status'], args['status'])}", "yes" if ok else "no", ok)
    if name == "in_play":
        ok = public()
        return f"{fname(args['faction'])} is in the war", "yes" if ok else "no", ok
    if name in ("date", "turn"):
        ok = public()
        return "The time has come (" + ", ".join(f"{k} {v}" for k, v in args.items()) + ")", \
            _done(ok), ok
    # anything else: its name and arguments, and whether it holds if the side may know
    text = name.replace("_", " ").capitalize() + ": " + ", ".join(
        f"{k} {v}" for k, v in args.items())
    if known:
        ok = public()
        return text, "yes" if ok else "no", ok
    return text, "not known", None


def _army_near(state, view, side, args) -> tuple[str, str, bool | None]:
    f = args["faction"]
    place, within = args.get("place"), args.get("within", 0)
    men, commander = args.get("men"), args.get("commander")
    who = (f"{_commander_namer(state)(commander)} with an army" if commander
           else f"An army of {_faction_namer(state)(f)}")
    if men:
        who += f" of at least {men:,} men"
    if place is None:
        return who + f" in {args.get('region')}", "unknown", None
    where = Q.place_name(state, place)
    text = who + (f" at {where}" if not within else f" within {within} hexes of {where}")
    armies = [a for a in view.armies.values() if a.faction == f
              and (men is None or a.men >= men)
              and (commander is None or a.commander == commander)]
    if not view.omniscient and f != side:
        return text, "unknown", None
    if not armies:
        return text, "no such army", False
    d = min(hex_distance(a.hex, place) for a in armies)
    ok = d <= within
    return text, ("there" if d == 0 else f"{d} hexes away"), ok


def _since(state, side, a, b, as_at_start: bool) -> str:
    entry = _last_change(state, side, a, b)
    if entry is not None:
        return f"since {_date(state, entry.year, entry.month)} ({entry.title})"
    if as_at_start:
        return f"since the start ({_date(state, *state.scenario.start)})"
    return "changed during the war (this side was not told when)"


def _last_change(state, side, a, b):
    """The last fired event this side was told of that set the relation of a and b."""
    from game.events.runner import event_by_id
    for entry in reversed(state.log):
        if side is not None and not state.over and side not in entry.seen_by:
            continue
        ev = event_by_id(state, entry.event)
        if ev is None:
            continue
        effects = list(ev.effects)
        for spec, chosen in ev.choices:
            if entry.choice == spec.id:
                effects += list(chosen)
        if any(_touches(e, a, b) for e in effects):
            return entry
    return None


def _touches(effect, a, b) -> bool:
    name, args = getattr(effect, "name", ""), getattr(effect, "args", {}) or {}
    if name == "relation":
        return {args.get("a"), args.get("b")} == {a, b}
    if name == "enter_war":
        f, others = args.get("faction"), (*(args.get("against") or ()),
                                          *(args.get("allies") or ()))
        return (f == a and b in others) or (f == b and a in others)
    if name == "leave_war":
        return args.get("faction") in (a, b)
    if name == "if":
        return any(_touches(e, a, b) for key in ("then", "else")
                   for e in (args.get(key) or ()))
    return False


# --- words -------------------------------------------------------------------------

def _owner(state, view, cid) -> str | None:
    c = view.cities.get(cid)
    return c.owner if c is not None else None


def _combine(name, results) -> bool | None:
    if name == "all":
        if any(r is False for r in results):
            return False
        return None if any(r is None for r in results) else True
    if any(r is True for r in results):
        return True
    return None if any(r is None for r in results) else False


def _count_text(results) -> str:
    done = sum(1 for r in results if r)
    return f"{done} of {len(results)} done"


def _done(ok) -> str:
    return {True: "done", False: "not yet", None: "not known"}[ok]


def _negate(text: str) -> str:
    if text.endswith(" lives"):
        return text[:-len(" lives")] + " is dead"
    if text.endswith(" has happened"):
        return text[:-len(" has happened")] + " has not happened"
    return "Not: " + text[0].lower() + text[1:]


def _bounds(args) -> str:
    parts = []
    if args.get("min") is not None:
        parts.append(f"at least {args['min']}")
    if args.get("max") is not None:
        parts.append(f"at most {args['max']}")
    if args.get("above") is not None:
        parts.append(f"above {args['above']}")
    if args.get("below") is not None:
        parts.append(f"below {args['below']}")
    return " and ".join(parts) or "as given"


def _flag_text(state, name: str) -> str:
    """A flag in words: the title of the event that sets it, if one does."""
    for ev in state.scenario.events:
        effects = list(ev.effects) + [e for _, chosen in ev.choices for e in chosen]
        for e in effects:
            if getattr(e, "name", "") == "set_flag" and (getattr(e, "args", {}) or {}).get(
                    "name") == name:
                return f"“{ev.spec.title}” has happened"
    return f"The mark “{name.replace('_', ' ')}” is set"


def _event_title(state, event_id: str) -> str:
    from game.events.runner import event_by_id
    ev = event_by_id(state, event_id)
    return ev.spec.title if ev is not None else event_id


def _faction_namer(state):
    return lambda f: state.factions[f].name if f in state.factions else str(f)


def _commander_namer(state):
    return lambda c: state.commanders[c].name if c in state.commanders else str(c)


def _commander_side(state, c) -> str | None:
    k = state.commanders.get(c)
    return k.faction if k is not None else None


def _date(state, year: int, month: int) -> str:
    from game import calendar as cal
    return cal.turn_name(year, month, state.months_per_turn)


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
