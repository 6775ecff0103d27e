"""The texts of the top bar and side panel on the play screen, set when they change."""
from __future__ import annotations

from game.i18n import _, number
from game.rules import economy
from game.ui import actions, describe
from game.session import seats
from game.ui.screens.modes import orders


def update_hud(gs) -> None:
    hud = gs.hud
    if hud is None:
        return
    human = (gs.human_to_play() is not None and not gs.modal() and gs.playback is None
             and not gs.queue)
    hud.set_button(hud.end_btn, human)
    hud.set_button(hud.undo_btn, human and gs.session.can_undo())
    # the log is slow to lay out: while the computer plays, refresh it twice a second
    gs.log_wait -= gs.last_dt
    log = gs.log_lines                   # the viewer's own log
    shown = (gs.viewer, gs.state.over, len(log))
    if gs.log_shown != shown and (gs.human_to_play() is not None or gs.log_wait <= 0):
        gs.log_shown = shown
        gs.log_wait = 0.5
        lines = list(reversed(log[-40:]))
        hud.set_box("log", hud.log, "<br>".join(describe.esc(x) for x in lines) or
                    "<i>" + _("Nothing has happened yet.") + "</i>")
    key = (gs.version, gs.viewer, gs.overlay.selected_army, gs.overlay.selected_city)
    if key == gs._details_key:
        return
    gs._details_key = key
    view = gs.view()
    st = view.world                      # the game as the viewer knows it
    fid = st.active_faction
    f = st.factions[fid]
    me = gs.viewer or fid
    mine = st.factions[me]
    total = gs.scn.total_turns
    who = gs.session.sides.get(fid, "")
    net = economy.income(st, me) - economy.upkeep(st, me)
    if seats.is_human(who):
        playing = [(_("your turn"), _("you")) if fid == gs.viewer else (_("human"), _("human"))]
    else:
        playing = [(_("computer, {level}").format(level=describe.level_text(seats.level_of(who))), _("computer"))]
    name = describe.faction_name(st, fid)
    date = describe.now_text(st)
    long_ = {"date": _("{date}  -  turn {turn} of {total}").format(date=date, turn=st.turn,
                                                                   total=total),
             "side": f"{name} ({playing[0][0]})",
             "money": _("Treasury {gold} ({net})").format(gold=number(mine.treasury),
                                                          net=number(net, sign=True)),
             "weary": _("War-weariness {n}").format(n=mine.war_weariness)}
    short_ = {"date": f"{date}, {st.turn}/{total}",
              "side": f"{name} ({playing[0][1]})",
              "money": _("Gold {gold} ({net})").format(gold=number(mine.treasury),
                                                       net=number(net, sign=True)),
              "weary": _("Weariness {n}").format(n=mine.war_weariness)}
    if gs.viewer is None and gs.hotseat and not st.over:
        # in nobody's hands (a hot-seat game between the load and the gate): no side's figures
        long_.update(money="", weary="")
        short_.update(money="", weary="")
    texts = long_ if not hud.compact and hud.top_width(long_) <= hud.top_free else short_
    while hud.top_width(texts) > hud.top_free and len(texts["side"]) > 8:
        texts = dict(texts, side=texts["side"][:-2].rstrip(" (,") + "…")    # a long name
    hud.fit_top(texts)
    end = describe.date_text(st, *gs.scn.end)
    hud.set_label("date", hud.date, texts["date"],
                  (_("Winter: it doubles the cost of hills, mountains and passes, closes "
                     "snowbound passes and starves armies out of supply.")
                   if st.winter else _("The campaigning season.")) + "  "
                  + _("The war ends after {date}.").format(date=end))
    hud.set_label("side", hud.side, texts["side"],
                  _("Who plays each side: {list}").format(list=_("; ").join(
                      f"{describe.faction_name(st, x)}: {describe.seat_text(w)}"
                      for x, w in gs.session.sides.items()
                      if st.factions[x].in_play)))
    hud.set_label("money", hud.money, texts["money"], describe.faction_tip(view, me))
    hud.set_label("weary", hud.weary, texts["weary"],
                  _("War-weariness rises with losses, lost cities and long years of war; "
                    "events and peace terms may turn on it"))
    # details of the selection
    a = gs.selected_army()
    if a is not None:
        html = describe.army_html(view, a, a.faction == gs.viewer)
    elif gs.overlay.selected_city in view.cities:
        c = view.cities[gs.overlay.selected_city]
        html = describe.city_html(view, c, c.owner == gs.viewer)
    else:
        html = "<i>" + _("Click an army or a city to see it here.  Press F1 for the keys.") \
            + "</i>"
    hud.set_box("details", hud.details, html)
    for k, (order, tip) in orders.possible_actions(gs).items():
        hud.set_action(k, order is not None, tip,
                       actions.assault_label(view, gs.human_to_play(), a) if k == "assault"
                       else None)
