"""What a save may hold beyond its shape: text, numbers and the rules' own limits.

`state_from_dict` checks that each field has the right type, and
`check_invariants` what every state of a game keeps.  A save is a file anyone
can edit, though, and some hand edits pass both and fail later: a lone
surrogate in a name cannot be encoded when the game is saved again, a log
entry dated month 13 breaks the record window, a chart row of a 300-digit
number breaks the charts, a rating of -50 was never rolled by the rules.
Each function here returns the problems it finds as `field: why` lines, for
the loader to refuse the file with.
"""
from __future__ import annotations

from game.scenario.limits import text_problem

MAX_SAVE_INT = 2**64            # the random generator's state is the largest number saved
MAX_SAVE_TEXT = 4_000_000       # characters in one saved string (a side's note, padding)
MAX_AMOUNT = 10**15             # treasuries, men and chart rows: far beyond any real game
RATINGS = ("strategy", "tactics", "siege", "loyalty")


def text_and_number_problems(doc, limit: int = 5) -> list[str]:
    """Strings that are not text the game writes (control characters, lone surrogates,
    direction overrides, over-long) and integers out of any saved range, with their field."""
    out: list[str] = []
    stack = [(doc, "")]
    while stack and len(out) < limit:
        value, where = stack.pop()
        if isinstance(value, dict):
            for k, v in value.items():
                sub = f"{where}.{k}" if where else str(k)
                why = text_problem(k, 200)
                if why:
                    out.append(f"{_field(where)} has a key that is not plain text ({why})")
                    break
                stack.append((v, sub))
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
        elif isinstance(value, str):
            why = text_problem(value, MAX_SAVE_TEXT)
            if why:
                out.append(f"{_field(where)}: {why}")
        elif isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > MAX_SAVE_INT:
                out.append(f"{_field(where)}: a number of {len(str(abs(value)))} digits")
        elif isinstance(value, float):
            out.append(f"{_field(where)}: a fraction where the game saves whole numbers")
    return out


def _field(where: str) -> str:
    return where[:120] or "the save"


def rule_problems(state) -> list[str]:
    """Fields of a decoded game that the rules would never produce."""
    from game.ai.memory import note_problem
    from game.rules import queries as Q
    from game.rules.traits import TRAITS
    out: list[str] = []
    factions = state.factions
    for f in factions.values():
        for name in ("treasury", "income", "men_lost"):
            if abs(getattr(f, name)) > MAX_AMOUNT:
                out.append(f"factions.{f.id}.{name}: beyond {MAX_AMOUNT:,}")
    for c in state.commanders.values():
        for name in RATINGS:
            v = getattr(c, name)
            if not 1 <= v <= 10:
                out.append(f"commanders.{c.id}.{name}: {v} is not a rating from 1 to 10")
        for t in c.traits:
            if t not in TRAITS:
                out.append(f"commanders.{c.id}.traits: unknown trait {t[:40]!r}")
    for a in state.armies.values():
        if a.men > MAX_AMOUNT:
            out.append(f"armies.{a.id}.men: beyond {MAX_AMOUNT:,}")
        cm = state.commanders.get(a.commander) if a.commander is not None else None
        if cm is not None:
            if cm.faction != a.faction:
                out.append(f"armies.{a.id}.commander: {cm.id!r} serves {cm.faction!r}, not "
                           f"{a.faction!r}")
            if not cm.alive:
                out.append(f"armies.{a.id}.commander: {cm.id!r} is dead")
        if a.faction in factions:
            city = Q.city_at(state, a.hex) if state.scenario is not None else None
            if (city is not None and city.owner in factions
                    and not Q.friendly(state, a.faction, city.owner)
                    and not Q.hostile(state, a.faction, city.owner)):
                out.append(f"armies.{a.id}.hex: it stands in {city.id!r}, a city of "
                           f"{city.owner!r}, with which {a.faction!r} is at peace")
    for c in state.cities.values():
        if c.garrison > MAX_AMOUNT:
            out.append(f"cities.{c.id}.garrison: beyond {MAX_AMOUNT:,}")
    for i, e in enumerate(state.log):
        if not 1 <= e.month <= 12 or not 1 <= e.turn <= state.turn or abs(e.year) > 10_000:
            out.append(f"log[{i}]: the date (turn {e.turn}, {e.year}-{e.month}) is impossible")
        if any(f not in factions for f in e.seen_by):
            out.append(f"log[{i}].seen_by: names an unknown faction")
    for i, row in enumerate(state.history):
        if not 1 <= row.month <= 12 or not 1 <= row.turn <= state.turn or abs(row.year) > 10_000:
            out.append(f"history[{i}]: the date (turn {row.turn}, {row.year}-{row.month}) "
                       "is impossible")
        tables = [row.cities, row.men, row.treasury, *row.believed_cities.values()]
        for table in tables:
            if any(k not in factions for k in table) or any(
                    not 0 <= v <= MAX_AMOUNT for v in table.values()):
                out.append(f"history[{i}]: a chart row names an unknown faction or holds a "
                           f"number outside 0 to {MAX_AMOUNT:,}")
                break
        if any(k not in factions for k in row.believed_cities):
            out.append(f"history[{i}].believed_cities: names an unknown side")
        if any(k not in factions or any(f not in factions for f in v)
               for k, v in row.known.items()):
            out.append(f"history[{i}].known: names an unknown side")
    if abs(state.year) > 10_000:
        out.append(f"year: {state.year} is impossible")
    for side, text in state.plans.items():
        if side not in factions:
            out.append(f"plans.{side[:40]}: not a faction")
            continue
        why = note_problem(text)
        if why:
            out.append(f"plans.{side}: the computer's note is damaged ({why})")
    return out
