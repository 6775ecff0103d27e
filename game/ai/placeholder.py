"""A simple placeholder policy for the computer (until the real opponent lands).

Greedy and short-sighted: answer any event choice by the author's weights,
storm or besiege hostile cities next to an army, attack when the odds are
good, otherwise march toward the nearest hostile city.  It uses only the
public rules API and its own random generator (seeded from the game's seed,
turn and side), so it never disturbs the game's generator.
"""
from __future__ import annotations

import random

from game.ai import player
from game.hexgrid import hex_distance, hex_neighbors
from game.rules import combat, engine
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.orders import Assault, Attack, Besiege, EndTurn, Move, Order
from game.rules.state import GameState


def policy_rng(state: GameState) -> random.Random:
    return random.Random(f"{state.seed}:{state.turn}:{state.active_faction}:{len(state.log)}")


def next_order(state: GameState) -> Order:
    """One order for the side to play.  Ends the turn when it has nothing better."""
    fid = state.active_faction
    choice = player.choose_option(state, fid, policy_rng(state))
    if choice is not None:
        return choice
    for a in sorted(Q.armies_of(state, fid), key=lambda x: x.id):
        if a.moves <= 0:
            continue
        order = _army_order(state, a)
        if order is not None and engine.is_legal(state, order):
            return order
    return EndTurn(fid)


def _army_order(state: GameState, a) -> Order | None:
    fid = a.faction
    city_here = Q.city_at(state, a.hex)
    if city_here is not None and city_here.siege is not None and city_here.siege.by == fid:
        if city_here.walls <= 1 or city_here.garrison * 3 < a.men // 2:
            return Assault(fid, a.id, city_here.id)
        return None  # keep the siege
    for n in hex_neighbors(a.hex):
        if any(Q.hostile(state, fid, x.faction) for x in Q.armies_at(state, n)):
            o = Attack(fid, a.id, n)
            if engine.is_legal(state, o) and combat.odds(state, a, n)["win_percent"] >= 60:
                return o
    for n in hex_neighbors(a.hex):
        c = Q.city_at(state, n)
        if c is not None and Q.hostile(state, fid, c.owner) and a.men > c.garrison * 2:
            o = Besiege(fid, a.id, c.id)
            if engine.is_legal(state, o):
                return o
    return _march(state, a)


def _march(state: GameState, a) -> Order | None:
    targets = [c for c in state.cities.values() if Q.hostile(state, a.faction, c.owner)]
    if not targets:
        return None
    targets.sort(key=lambda c: (hex_distance(a.hex, c.hex), c.id))
    reach = M.reachable(state, a)
    hm = Q.hexmap(state)
    here = hm.index(a.hex)
    for c in targets[:3]:
        best, best_d = None, hex_distance(a.hex, c.hex)
        for j in reach:
            if j == here:
                continue
            d = hex_distance(hm.hex_of(j), c.hex)
            if d < best_d or (d == best_d and best is not None and j < best):
                best, best_d = j, d
        if best is not None:
            return Move(a.faction, a.id, M.path_to(state, reach, hm.hex_of(best)))
    return None


def play_turn(state: GameState, limit: int = 500) -> list:
    """Play out the side-to-play's whole turn; returns the (order, events) pairs."""
    return player.drive_turn(state, next_order, None, limit)
