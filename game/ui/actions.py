"""What the side panel's buttons would do for the current selection.

`possible(...)` gives, for each button, the order it would give (None when
there is none or the rules refuse it) and a tooltip saying what it does or
why it cannot.  Each order is checked by the engine, so what is offered is
what is legal.
"""
from __future__ import annotations

from game.hexgrid import hex_neighbors
from game.i18n import _, number
from game.rules import combat, economy, engine, siege
from game.rules import queries as Q
from game.rules.orders import Assault, Attack, Besiege, Merge, Raise, Refused, Split
from game.session import objectives as aims

RAISE_AT_ONCE = 1000


def refusal(state, order) -> str:
    """Why the engine refuses an order, as a sentence ("" if it is legal)."""
    try:
        engine.check(state, order)
    except Refused as r:
        from game.ui.describe import refusal_text
        return refusal_text(state, r)
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
            from game.ui.describe import faction_name
            why = (_("allied with {side}") if _related(state, me, owner, "alliance")
                   else _("at peace with {side}")).format(side=faction_name(state, owner))
            return _("Cannot besiege {city}: {why}").format(city=_city(state, cid), why=why)
    if aims.peace_note(state, me):
        return _("No enemy city next to this army: your side is at war with nobody yet")
    return _("No enemy city next to this army to besiege")


def _related(state, a: str, b: str, status: str) -> bool:
    from game.rules import queries as Q
    return Q.relation(state, a, b).status == status


def _city(state, cid: str) -> str:
    from game.ui.describe import place_name
    return place_name(state, cid, state.cities[cid].name)


def _army(state, a) -> str:
    from game.ui.describe import army_name
    return army_name(state, a)


def _offer(state, order, tip: str) -> tuple[object | None, str]:
    why = refusal(state, order)
    return (None, why) if why else (order, tip)


def besieged_in(state, army) -> str | None:
    """The city of its own side (or an ally's) that `army` stands in while an enemy
    besieges it, else None: there the storm button sallies against the besiegers."""
    if army is None:
        return None
    cid = state.scenario.city_at.get(army.hex)
    c = state.cities.get(cid) if cid else None
    if c is None or c.siege is None:
        return None
    if Q.friendly(state, army.faction, c.owner) and Q.hostile(state, army.faction, c.siege.by):
        return cid
    return None


def assault_label(view, me: str | None, army) -> str:
    """What the storm button says: Sally for an army of the side shut in a besieged city."""
    if army is not None and army.faction == me and besieged_in(view.world, army):
        return _("Sally")
    return _("Assault")


def _sally(state, me: str, army, cid: str) -> tuple[object | None, str]:
    """The sally of an army shut in city `cid`: an attack on its own hex, where the
    besiegers stand (the engine's rule for it), with the odds when it may."""
    order = Attack(me, army.id, army.hex)
    tip = _("Sally out of {city} against its besiegers (T)").format(city=_city(state, cid))
    if engine.is_legal(state, order):
        o = combat.odds(state, army, army.hex)
        tip += ": " + _("{percent}% chance to win; you {men} men against {their_men}").format(
            percent=o["win_percent"], men=number(o["attacker_men"]),
            their_men=number(o["defender_men"]))
    return _offer(state, order, tip)


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
        out["besiege"] = ((legal[0], _("Besiege {city} (B)").format(
            city=_city(state, legal[0].city))) if legal
            else (None, _no_siege(state, view, me, targets)))
        cid = city_at.get(army.hex)
        shut_in = besieged_in(state, army)
        if shut_in:
            out["assault"] = _sally(state, me, army, shut_in)
        elif cid:
            c = state.cities[cid]
            tip = _("Storm the walls of {city} (T)").format(city=_city(state, cid))
            if c.siege is not None and c.siege.by == me:
                f = siege.storm_forecast(state, army, c)
                tip += ": " + _("{percent}% chance to take it; expected losses {lost} of yours, "
                                "{their_lost} of theirs").format(
                    percent=f['take_percent'], lost=number(f['attacker_loss']),
                    their_lost=number(f['defender_loss']))
            out["assault"] = _offer(state, Assault(me, army.id, cid), tip)
        else:
            out["assault"] = (None, _("Storming needs a siege: besiege a city first"))
        half = army.men // 2 // 100 * 100
        out["split"] = _offer(state, Split(me, army.id, half),
                              _("Split off {men} men as a new army").format(men=number(half)))
        others = [x for x in view.armies.values()
                  if x.hex == army.hex and x.faction == me and x.id != army.id]
        out["merge"] = ((Merge(me, army.id, others[0].id),
                         _("Join {army} to {other}").format(army=_army(state, army),
                                                            other=_army(state, others[0])))
                        if others else (None, _("Another of your armies must share the hex")))
        city_id = cid
    known = view.cities.get(city_id) if city_id else None      # the city as the side knows it
    if known is not None and me and known.owner == me:
        limit = economy.raise_limit(state) - state.raised.get(city_id, 0)
        men = max(100, min(RAISE_AT_ONCE, limit) // 100 * 100)
        cost = economy.raise_cost(state, men)
        out["raise"] = _offer(state, Raise(me, city_id, men),
                              _("Raise {men} men at {city} for {cost}").format(
                                  men=number(men), city=_city(state, city_id), cost=cost))
    else:
        out["raise"] = (None, _("Select one of your cities (or an army in one) to raise men "
                                "there"))
    for key in ("besiege", "assault", "split", "merge"):
        out.setdefault(key, (None, _("Select one of your armies")))
    ready = me is not None and any(x.faction == me and x.moves > 0 for x in view.armies.values())
    out["next"] = (True if ready else None, _("Select the next army that can still move (Tab)"))
    return out
