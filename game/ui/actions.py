"""What the side panel's buttons would do for the current selection.

`possible(...)` gives, for each button, the order it would give (None when
there is none or the rules refuse it) and a tooltip saying what it does or
why it cannot.  Each order is checked by the engine, so what is offered is
what is legal.
"""
from __future__ import annotations

from game.hexgrid import hex_neighbors
from game.rules import economy, engine, siege
from game.rules.orders import Assault, Besiege, Merge, Raise, Refused, Split
from game.session import objectives as aims

RAISE_AT_ONCE = 1000


def refusal(state, order) -> str:
    """Why the engine refuses an order, as a sentence ("" if it is legal)."""
    try:
        engine.check(state, order)
    except Refused as r:
        return r.message[:1].upper() + r.message[1:]
    return ""


def _no_siege(state, view, me: str, targets: list[str]) -> str:
    """Why there is nothing to besiege: a city near that belongs to a side at peace with
    this one says so; otherwise there is no enemy city near."""
    for cid in targets:
        known = view.cities.get(cid)
        owner = known.owner if known is not None else None
        if owner is None or owner == me:
            continue
        why = aims.peace_reason(state, me, owner)
        if why:
            return f"Cannot besiege {state.cities[cid].name}: {why}"
    if aims.peace_note(state, me):
        return "No enemy city next to this army: your side is at war with nobody yet"
    return "No enemy city next to this army to besiege"


def _offer(state, order, tip: str) -> tuple[object | None, str]:
    why = refusal(state, order)
    return (None, why) if why else (order, tip)


def possible(view, me: str | None, army, city_id: str | None
             ) -> dict[str, tuple[object | None, str]]:
    """Checked on the game as the side knows it (`view.world`): what it may order of its
    own armies, and the cities next to them, is what it sees."""
    state = view.world
    city_at = state.scenario.city_at
    out: dict[str, tuple[object | None, str]] = {}
    if army is not None and army.faction == me:
        targets = [city_at[h] for h in [army.hex, *hex_neighbors(army.hex)] if h in city_at]
        legal = [o for o in (Besiege(me, army.id, c) for c in targets)
                 if engine.is_legal(state, o)]
        out["besiege"] = ((legal[0], f"Besiege {state.cities[legal[0].city].name} (B)") if legal
                          else (None, _no_siege(state, view, me, targets)))
        cid = city_at.get(army.hex)
        if cid:
            c = state.cities[cid]
            tip = f"Storm the walls of {c.name} (T)"
            if c.siege is not None and c.siege.by == me:
                f = siege.storm_forecast(state, army, c)
                tip += (f": {f['take_percent']}% chance to take it; expected losses "
                        f"{f['attacker_loss']:,} of yours, {f['defender_loss']:,} of theirs")
            out["assault"] = _offer(state, Assault(me, army.id, cid), tip)
        else:
            out["assault"] = (None, "Storming needs a siege: besiege a city first")
        half = army.men // 2 // 100 * 100
        out["split"] = _offer(state, Split(me, army.id, half),
                              f"Split off {half:,} men as a new army")
        others = [x for x in view.armies.values()
                  if x.hex == army.hex and x.faction == me and x.id != army.id]
        out["merge"] = ((Merge(me, army.id, others[0].id),
                         f"Join {army.name} to {others[0].name}") if others
                        else (None, "Another of your armies must share the hex"))
        city_id = cid
    known = view.cities.get(city_id) if city_id else None      # the city as the side knows it
    if known is not None and me and known.owner == me:
        limit = economy.raise_limit(state) - state.raised.get(city_id, 0)
        men = max(100, min(RAISE_AT_ONCE, limit) // 100 * 100)
        cost = economy.raise_cost(state, men)
        out["raise"] = _offer(state, Raise(me, city_id, men),
                              f"Raise {men:,} men at {state.cities[city_id].name} for {cost}")
    else:
        out["raise"] = (None, "Select one of your cities (or an army in one) to raise men there")
    for key in ("besiege", "assault", "split", "merge"):
        out.setdefault(key, (None, "Select one of your armies"))
    ready = me is not None and any(x.faction == me and x.moves > 0 for x in view.armies.values())
    out["next"] = (True if ready else None, "Select the next army that can still move (Tab)")
    return out
