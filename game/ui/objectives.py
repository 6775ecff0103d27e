"""The objectives panel (O, or the Aims button): what each side needs to win, how far it
has got, when the war ends, and who is at war with whom.

Everything shown is computed by game/session/objectives.py on the side's own
View; this module only lays it out.
"""
from __future__ import annotations

from game.i18n import _
from game.ui import describe
from game.session import objectives
from game.ui import dialogs
from game.ui.dialogs import esc

GOLD = "#d6b04a"
GOOD = "#8fc27a"
BAD = "#d9826b"
DIM = "#a89f8f"


def aims_html(state, side: str | None, view=None) -> str:
    parts = []
    all_aims = objectives.aims(state, side, view)
    own = [a for a in all_aims if a.faction == side]
    others = [a for a in all_aims if a.faction != side]
    dl = objectives.deadline(state)
    parts.append(f"<font color='{GOLD}'><b>" + esc(_("{date}, turn {turn} of {last}").format(
        date=describe.now_text(state), turn=state.turn, last=dl.last_turn))
        + f"</b></font><br>{esc(dl.text)}")
    if side is not None:
        note = objectives.peace_note(state, side)
        if note:
            parts.append(f"<font color='{BAD}'>{esc(note)}</font>")
    if own:
        parts.append(_heading(_("What {side} needs to win").format(
            side=describe.faction_name(state, side))))
        parts += [_aim_html(a) for a in own]
    if others:
        parts.append(_heading(_("What the others need") if side is not None else _("Victory")))
        parts += [_aim_html(a, state) for a in others]
    rels = objectives.relations(state, side)
    if rels:
        parts.append(_heading(_("Relations")))
        for r in rels:
            colour = BAD if r.status == "war" else GOOD
            parts.append("• " + esc(_("{side} and {other}").format(
                side=describe.faction_name(state, r.a), other=describe.faction_name(state, r.b)))
                         + ": "
                         f"<font color='{colour}'>{esc(r.words)}</font> "
                         f"<font color='{DIM}'>{esc(r.since)}</font>")
    return "<br>".join(parts)


def _heading(text: str) -> str:
    return f"<br><font color='{GOLD}'><b>{esc(text)}</b></font>"


def _mark(met) -> str:
    return {True: f"<font color='{GOOD}'>•</font>", False: f"<font color='{BAD}'>•</font>",
            None: f"<font color='{DIM}'>•</font>"}[met]


def _aim_html(a: objectives.Aim, state=None) -> str:
    who = f"{esc(describe.faction_name(state, a.faction))}: " if state is not None else ""
    when = _("when the last turn ends") if a.at_end else _("at once, as soon as it holds")
    now = {True: _("holds now"), False: _("not yet"), None: _("not known")}[a.met]
    lines = [f"<b>{who}{esc(a.title)}</b> <font color='{DIM}'>({when}; {now})</font>",
             f"<i>{esc(a.result)}</i>"]
    for g in a.goals:
        pad = "&nbsp;&nbsp;&nbsp;&nbsp;" * (g.depth + 1)
        progress = f" <font color='{DIM}'>- {esc(g.progress)}</font>" if g.progress else ""
        lines.append(f"{pad}{_mark(g.met)} {esc(g.text)}{progress}")
    return "<br>".join(lines)


def aims_dialog(manager, size, state, side, view, on_result) -> dialogs.Dialog:
    w, h = min(720, size[0] - 60), min(640, size[1] - 60)
    name = describe.faction_name(state, side) if side else _("The war")
    dlg = dialogs.Dialog(manager, size, _("{side}: aims and relations (O)").format(side=name),
                         aims_html(state, side, view),
                         [(_("Close"), None, _("Close this panel (O, Esc or Enter)")),
                          (_("Read the briefing"), "briefing",
                           _("The scenario's briefing again"))],
                         on_result, size=(w, h), object_id="#aims_dialog")
    dlg.is_aims = True
    return dlg
