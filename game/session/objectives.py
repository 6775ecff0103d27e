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
from game.i18n import N_, Named, said
from game.rules import queries as Q
from game.rules.state import GameState
from game.session.view import View, observe

KIND_WORDS = {"decisive": "Decisive victory", "major": "Major victory",
              "minor": "Minor victory", "peace": "Victory by peace"}
STATUS_WORDS = {"war": N_("at war"), "peace": N_("at peace"), "alliance": N_("allied"),
                "tribute": N_("at peace, with tribute")}


@dataclass(frozen=True)
class Goal:
    text: str                  # "Byzantium holds Ctesiphon"
    progress: str = ""         # "held", "holds 3 of 5", "6 hexes away", "unknown"
    met: bool | None = None    # None: the side cannot know
    depth: int = 0             # nesting under "one of" / "all of"
    # the same two as phrases a screen words in its language (game.i18n.said)
    words: Named | None = field(default=None, compare=False)
    progress_words: Named | None = field(default=None, compare=False)


def _goal(text: Named, progress: Named | None, met, depth: int) -> Goal:
    return Goal(str(text), str(progress or ""), met, depth, text, progress)


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
    name, args = cond.name, cond.args
    if name in ("all", "any"):
        parts = list(cond.parts)
        if len(parts) > 1:
            head = said(N_("All of these:") if name == "all" else N_("One of these:"))
            at = len(out)
            out.append(_goal(head, None, None, depth))
            results = [_describe(state, view, side, p, depth + 1, out) for p in parts]
            met = _combine(name, results)
            out[at] = _goal(head, _count_text(results), met, depth)
            return met
        if parts:
            return _describe(state, view, side, parts[0], depth, out)
    if name == "not":
        inner = args.get("condition")
        sub: list[Goal] = []
        m = _describe(state, view, side, inner, depth, sub)
        met = None if m is None else not m
        if len(sub) == 1:
            out.append(_goal(_negate(sub[0].words), _done(met), met, depth))
        else:
            out.append(_goal(said(N_("None of the following holds:")), _done(met), met, depth))
            out.extend(_goal(g.words, g.progress_words, g.met, g.depth + 1) for g in sub)
        return met
    goal = _leaf(state, view, side, name, args, cond)
    out.append(_goal(goal[0], goal[1], goal[2], depth))
    return goal[2]


_YES_NO = {True: N_("yes"), False: N_("no")}


def _yes(ok) -> Named:
    return said(_YES_NO[bool(ok)])


def _leaf(state, view, side, name, args, cond) -> tuple[Named, Named, bool | None]:
    """A condition as a goal and its progress, both as phrases (English in .text)."""
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
            return (said(N_("{side} holds {city}"), side=fname(f), city=_city(state, cid)),
                    said(N_("held") if held else N_("not held")), held)
        if args.get("region"):
            hm = state.scenario.map
            region = args["region"]
            pool = [c.id for c in state.cities.values() if hm.region_of(c.hex) == region]
            where = said(N_("the cities of {region}"), region=Named(
                str(region).replace("_", " ").title(), "region", region))
        else:
            pool = list(args["cities"])
            where = _cities(state, pool)
        need = args.get("count") or len(pool)
        held = [c for c in pool if _owner(state, view, c) == f]
        what = (said(N_("{side} holds {cities}"), side=fname(f), cities=where)
                if need == len(pool) else
                said(N_("{side} holds {n} of {cities}"), side=fname(f), n=need, cities=where))
        ok = len(held) >= need and bool(pool)
        missing = [c for c in pool if c not in held]
        progress = (said(N_("holds {n} of {total}; not {cities}"), n=len(held), total=len(pool),
                         cities=_cities(state, missing)) if held and missing else
                    said(N_("holds {n} of {total}"), n=len(held), total=len(pool)))
        return what, progress, ok
    if name == "commander_alive":
        c = args["commander"]
        ok = public()
        return (said(N_("{commander} lives"), commander=cname(c)),
                said(N_("alive") if ok else N_("dead")), ok)
    if name == "ruler":
        ok = public()
        return (said(N_("{commander} rules {side}"), commander=cname(args["commander"]),
                     side=fname(args["faction"])), _yes(ok), ok)
    if name == "flag":
        ok = public()
        return _flag_text(state, args["name"]), _done(ok), ok
    if name == "fired":
        ok = public()
        return said(N_("“{event}” has happened"), event=_event_title(state, args["event"])), \
            _done(ok), ok
    if name == "army_near":
        return _army_near(state, view, side, args)
    if name == "commander_at":
        place = args.get("place")
        where = _spot(state, place) if place is not None else Named(
            str(args.get("region")), "region", args.get("region"))
        within = args.get("within", 0)
        text = (said(N_("{commander} stands at {place}"), commander=cname(args["commander"]),
                     place=where) if not within else
                said(N_("{commander} stands within {n} hexes of {place}"),
                     commander=cname(args["commander"]), n=within, place=where))
        if known or _commander_side(state, args["commander"]) == side:
            ok = public()
            return text, said(N_("yes") if ok else N_("not yet")), ok
        return text, said(N_("unknown")), None
    if name == "weariness":
        f = args["faction"]
        text = said(N_("{side}'s war-weariness {bounds}"), side=fname(f), bounds=_bounds(args))
        if known or f == side:
            ok = public()
            return text, said(N_("now {n}"), n=state.factions[f].war_weariness), ok
        return text, said(N_("not known")), None
    if name == "besieged":
        by = args.get("by")
        city = _city(state, args["city"])
        text = (said(N_("{city} is besieged by {side}"), city=city, side=fname(by)) if by else
                said(N_("{city} is besieged"), city=city))
        c = view.cities.get(args["city"])
        if c is None:
            return text, said(N_("unknown")), None
        ok = c.siege is not None and (by is None or c.siege.by == by)
        return text, _yes(ok), ok
    if name == "relation":
        ok = public()
        status = args["status"]
        words = STATUS_WORDS.get(status, status)
        return (said(N_("{side} and {other} {status}"), side=fname(args["a"]),
                     other=fname(args["b"]), status=said(words) if status in STATUS_WORDS
                     else words), _yes(ok), ok)
    if name == "in_play":
        ok = public()
        return said(N_("{side} is in the war"), side=fname(args["faction"])), _yes(ok), ok
    if name == "stronger":
        percent = args.get("percent") or 100
        text = (said(N_("{side} has as many men under arms as {other}"), side=fname(
                    args["faction"]), other=fname(args["than"])) if percent == 100 else
                said(N_("{side} has {percent}% of the men under arms of {other}"),
                     side=fname(args["faction"]), percent=percent, other=fname(args["than"])))
        if known:
            ok = public()
            return text, _yes(ok), ok
        return text, said(N_("not known")), None
    if name == "army_in_region":
        f = args["faction"]
        who = _who(state, f, args.get("men"), args.get("commander"))
        place, within = args.get("place"), args.get("within") or 0
        if args.get("regions"):
            text = said(N_("{who} in {region}"), who=who, region=_and(
                [Named(str(r).replace("_", " ").title(), "region", r) for r in args["regions"]]))
        elif place is not None:
            text = (said(N_("{who} at {place}"), who=who, place=_spot(state, place))
                    if not within else
                    said(N_("{who} within {n} hexes of {place}"), who=who, n=within,
                         place=_spot(state, place)))
        else:
            text = said(N_("{who} in the field"), who=who)
        if known or f == side:
            ok = public()
            return text, _yes(ok), ok
        return text, said(N_("not known")), None
    if name in ("date", "turn"):
        ok = public()
        return said(N_("The time has come ({when})"),
                    when=", ".join(f"{k} {v}" for k, v in args.items())), _done(ok), ok
    # anything else: its name and arguments, and whether it holds if the side may know
    text = said(N_("{condition}: {values}"), condition=name.replace("_", " ").capitalize(),
                values=", ".join(f"{k} {v}" for k, v in args.items()))
    if known:
        ok = public()
        return text, _yes(ok), ok
    return text, said(N_("not known")), None


def _army_near(state, view, side, args) -> tuple[Named, Named, bool | None]:
    f = args["faction"]
    place, within = args.get("place"), args.get("within", 0)
    men, commander = args.get("men"), args.get("commander")
    who = _who(state, f, men, commander)
    if place is None:
        region = args.get("region")
        return (said(N_("{who} in {region}"), who=who, region=Named(str(region), "region",
                                                                    region)),
                said(N_("unknown")), None)
    where = _spot(state, place)
    text = (said(N_("{who} at {place}"), who=who, place=where) if not within else
            said(N_("{who} within {n} hexes of {place}"), who=who, n=within, place=where))
    armies = [a for a in view.armies.values() if a.faction == f
              and (men is None or a.men >= men)
              and (commander is None or a.commander == commander)]
    if not view.omniscient and f != side:
        return text, said(N_("unknown")), None
    if not armies:
        return text, said(N_("no such army")), False
    d = min(hex_distance(a.hex, place) for a in armies)
    ok = d <= within
    return text, (said(N_("there")) if d == 0 else said(N_("{n} hexes away"), n=d)), ok


def _who(state, f, men, commander) -> Named:
    """The army a goal asks for: led by a commander or any of the side's, of some size."""
    if commander:
        name = _commander_namer(state)(commander)
        return (said(N_("{commander} with an army of at least {men} men"), commander=name,
                     men=men) if men else said(N_("{commander} with an army"), commander=name))
    side = _faction_namer(state)(f)
    return (said(N_("An army of {side} of at least {men} men"), side=side, men=men) if men
            else said(N_("An army of {side}"), side=side))


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
    name, args = effect.name, effect.args
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


def _count_text(results) -> Named:
    done = sum(1 for r in results if r)
    return said(N_("{n} of {total} done"), n=done, total=len(results))


def _done(ok) -> Named:
    return said({True: N_("done"), False: N_("not yet"), None: N_("not known")}[ok])


def _negate(goal: Named) -> Named:
    template, values = goal.ref
    if template == "{commander} lives":
        return said(N_("{commander} is dead"), **values)
    if template == "“{event}” has happened":
        return said(N_("“{event}” has not happened"), **values)
    text = goal.english
    return said(N_("Not: {goal}"), goal=Named(text[0].lower() + text[1:], "phrase", goal.ref))


_BOUNDS = (("min", N_("at least {n}")), ("max", N_("at most {n}")),
           ("above", N_("above {n}")), ("below", N_("below {n}")))


def _bounds(args) -> Named:
    parts = [said(line, n=args[key]) for key, line in _BOUNDS if args.get(key) is not None]
    if not parts:
        return said(N_("as given"))
    if len(parts) == 1:
        return parts[0]
    return said(N_("{first} and {second}"), first=parts[0], second=_and(parts[1:]))


def _and(parts: list[Named]) -> Named:
    return parts[0] if len(parts) == 1 else said(N_("{first} and {second}"), first=parts[0],
                                                  second=_and(parts[1:]))


def _flag_text(state, name: str) -> Named:
    """A flag in words: the title of the event that sets it, if one does."""
    for ev in state.scenario.events:
        effects = list(ev.effects) + [e for _, chosen in ev.choices for e in chosen]
        for e in effects:
            if e.name == "set_flag" and e.args.get("name") == name:
                return said(N_("“{event}” has happened"),
                            event=Named(ev.spec.title, "event", ev.spec.id))
    return said(N_("The mark “{name}” is set"), name=name.replace("_", " "))


def _city(state, cid: str) -> Named:
    return Named(state.cities[cid].name, "city", cid)


def _cities(state, ids: list[str]) -> Named:
    return Named(_join([state.cities[c].name for c in ids]), "cities", tuple(ids))


def _spot(state, h) -> Named:
    return Named(Q.place_name(state, h), "spot", h)


def _event_title(state, event_id: str) -> Named:
    from game.events.runner import event_by_id
    ev = event_by_id(state, event_id)
    return Named(ev.spec.title if ev is not None else event_id, "event", event_id)


def _faction_namer(state):
    return lambda f: Named(state.factions[f].name if f in state.factions else str(f),
                           "faction", f)


def _commander_namer(state):
    return lambda c: Named(state.commanders[c].name if c in state.commanders else str(c),
                           "commander", c)


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
