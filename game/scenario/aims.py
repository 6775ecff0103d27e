"""The author's aims for a computer player, read from `ai:` and from `ai_aims` effects.

An aim is written as a mapping (see `AimSpec`) and checked here once, the same
way wherever it is written: exactly one of `take`, `hold`, `threaten` or
`shadow`; a place that exists on the map (not in the sea), a commander that
exists, dates that form a window.  What comes out is plain state data
(`game.rules.state.Aim`), which the game keeps and saves; game.ai.aims reads it.
"""
from __future__ import annotations

from typing import Callable

from game.calendar import parse_date
from game.rules.state import Aim, Direction
from game.scenario.model import AimSpec, AiSpec
from game.scenario.schema import suggest

KINDS = ("take", "hold", "threaten", "shadow")
DEFAULT_WITHIN = {"take": 0, "hold": 0, "threaten": 3, "shadow": 2}


def build_aim(spec: AimSpec, report: Callable[[str | None, str], None], hexmap,
              city_hex: dict, commanders: set[str]) -> Aim | None:
    """The aim `spec` describes, or None after reporting what is wrong with it.

    `report(key, message)` is called for each problem, with the key it is about.
    """
    given = [k for k in KINDS if getattr(spec, k) is not None]
    if len(given) != 1:
        shown = ", ".join(f"`{k}`" for k in KINDS)
        found = ", ".join(f"`{k}`" for k in given) or "none"
        report(None, f"an aim gives exactly one of {shown} (found {found})")
        return None
    kind = given[0]
    target = getattr(spec, kind)
    ok = True
    h = None
    if kind == "shadow":
        if target not in commanders:
            report(kind, f"unknown commander {target!r}{suggest(target, commanders)}")
            ok = False
    else:
        h = city_hex.get(target) or hexmap.resolve(target)
        if h is None:
            names = set(city_hex) | set(hexmap.places)
            report(kind, f"unknown place {target!r}{suggest(target, names)}")
            ok = False
        elif hexmap.is_water(h):
            report(kind, f"{target!r} is on water at {h.q},{h.r}")
            ok = False
        elif kind == "take" and h not in city_hex.values():
            report(kind, f"{target!r} is not a city of this scenario: use `hold` or "
                         "`threaten` for a place without one")
            ok = False
    if spec.leader is not None and spec.leader not in commanders:
        report("leader", f"unknown commander {spec.leader!r}{suggest(spec.leader, commanders)}")
        ok = False
    start = parse_date(spec.start) if spec.start is not None else None
    end = parse_date(spec.end) if spec.end is not None else None
    if spec.start is not None and start is None:
        report("start", f"expected a date YEAR-MM, found {spec.start!r}")
        ok = False
    if spec.end is not None and end is None:
        report("end", f"expected a date YEAR-MM, found {spec.end!r}")
        ok = False
    if start is not None and end is not None and start > end:
        report("end", f"the aim ends ({spec.end}) before it starts ({spec.start}): it would "
                      "never hold")
        ok = False
    if spec.weight == 0:
        report("weight", "a weight of 0 asks for nothing: leave the aim out, or give a weight")
        ok = False
    if not ok:
        return None
    return Aim(kind, target, spec.weight, h, start, end,
               spec.within or DEFAULT_WITHIN[kind], spec.men, spec.leader)


def build_direction(ai: AiSpec, col, hexmap, city_hex: dict, commanders: set[str]
                    ) -> Direction | None:
    """A faction's direction at the start, from its `ai:` entry (None if it sets none)."""
    aims = []
    for a in ai.aims:
        aim = build_aim(a, lambda k, m, a=a: a.loc.report(col, k, m), hexmap, city_hex,
                        commanders)
        if aim is not None:
            aims.append(aim)
    if not aims and ai.posture is None:
        return None
    return Direction(ai.posture or "", aims)
