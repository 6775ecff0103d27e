"""Each faction's emblem: a small shape on its counters and cities, so that
colour is never the only sign of whose they are.

A scenario may name a faction's emblem (`emblem: cross`); a faction that
names none gets the first one no faction of the scenario has named or been
given, in the order the factions are listed.
"""
from __future__ import annotations

EMBLEMS = ("cross", "crescent", "chevron", "bars", "triangle", "ring", "diamond", "square")


def emblems_of(factions) -> dict[str, str]:
    """Faction id -> emblem, for the factions of a scenario (their specs)."""
    taken = {f.emblem for f in factions if f.emblem}
    spare = [e for e in EMBLEMS if e not in taken]
    out = {}
    for f in factions:
        if f.emblem:
            out[f.id] = f.emblem
        else:
            out[f.id] = spare.pop(0) if spare else EMBLEMS[len(out) % len(EMBLEMS)]
    return out
