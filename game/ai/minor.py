"""What kind of power a faction is, for the computer: its temper, seasons and home.

Major powers conquer.  Minor powers act to their own ends: a raider (the
Avars) falls on weak towns and small armies for plunder and never sits
through a long siege; a seasonal power (the Turks) campaigns in its seasons
and heads home before winter, where the scenario's events usually take it
off the map.  Everything here comes from the scenario: the faction's `major`
flag, its commanders' traits and the author's `ai:` keys.
"""
from __future__ import annotations

from dataclasses import dataclass

from game import calendar as cal
from game.hexgrid import Hex, hex_distance
from game.rules.state import GameState



@dataclass(frozen=True)
class Profile:
    faction: str
    major: bool
    raider: bool
    aggression: int                 # 1..10
    campaign: tuple[str, ...]       # seasons in which it campaigns
    home: Hex | None                # where it falls back to, if nothing better is known
    home_given: bool                # the author named the home


def profile(scn, faction: str) -> Profile:
    """The faction's profile (cached on the scenario, which never changes)."""
    key = ("ai_profile", faction)
    p = scn.cache.get(key)
    if p is None:
        p = _build(scn, faction)
        scn.cache[key] = p
    return p


def _build(scn, faction: str) -> Profile:
    spec = scn.spec
    fspec = next(f for f in spec.factions if f.id == faction)
    ai = spec.ai.get(faction)
    seasonal = any(c.faction == faction and "seasonal" in c.traits for c in spec.commanders)
    if ai is not None and ai.campaign:
        campaign = tuple(s for s in cal.SEASONS if s in ai.campaign)
    elif seasonal:
        campaign = ("spring", "summer")
    else:
        campaign = cal.SEASONS
    raider = (not fspec.major) if ai is None or ai.raider is None else ai.raider
    home, given = None, False
    if ai is not None and ai.home is not None:
        home = _city_hex(scn, ai.home) or scn.map.resolve(ai.home)
        given = home is not None
    if home is None and fspec.capital is not None:
        home = _city_hex(scn, fspec.capital)
    if home is None:
        home = next((_city_hex(scn, c.id) for c in spec.cities if c.owner == faction), None)
    if home is None:
        home = next((_city_hex(scn, a.at) or scn.map.resolve(a.at)
                     for a in spec.armies if a.faction == faction), None)
    if home is None:
        home = _first_spawn(scn, faction)
    return Profile(faction, fspec.major, raider, ai.aggression if ai else 5, campaign, home, given)


def _city_hex(scn, cid: str) -> Hex | None:
    for h, c in scn.city_at.items():
        if c == cid:
            return h
    return None


def _first_spawn(scn, faction: str) -> Hex | None:
    """Where the scenario's events first put an army of the faction."""
    for ev in scn.events:
        runs = list(ev.effects) + [r for _c, fx in ev.choices for r in fx]
        for run in runs:
            args = getattr(run, "args", {})
            if getattr(run, "name", "") == "spawn_army" and args.get("faction") == faction:
                return args.get("at")
    return None


def in_season(state: GameState, prof: Profile) -> bool:
    return state.season in prof.campaign


def home_hex(state: GameState, prof: Profile, own_cities) -> Hex | None:
    """Where its armies go home to now: the author's home, its capital, its nearest city."""
    if prof.home_given:
        return prof.home
    cap = state.factions[prof.faction].capital
    if cap is not None and cap in state.cities and state.cities[cap].owner == prof.faction:
        return state.cities[cap].hex
    cities = sorted(own_cities, key=lambda c: c.id)
    if cities:
        if prof.home is None:
            return cities[0].hex
        return min(cities, key=lambda c: (hex_distance(c.hex, prof.home), c.id)).hex
    return prof.home
