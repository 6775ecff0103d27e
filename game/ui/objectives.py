"""The objectives panel (O, or the Aims button): what each side needs to win, how far it
has got, when the war ends, and who is at war with whom.

Everything shown is computed by game/session/objectives.py on the side's own
View; this module only lays it out.
"""
from __future__ import annotations

from game.session import objectives
from game.ui import dialogs
from game.ui.dialogs import esc

GOLD = "#d6b04a"
GOOD = "#8fc27a"
BAD = "#d9826b"
DIM = "#a89f8f"


def aims_html(view, side: str | None) -> str:
    """The panel's text, from the side's View and the game as it knows it."""
    state = view.world
    parts = []
    all_aims = objectives.aims(state, side, view)
    own = [a for a in all_aims if a.faction == side]
    others = [a for a in all_aims if a.faction != side]
    dl = objectives.deadline(state)
    parts.append(f"<font color='{GOLD}'><b>{esc(state.date_text())}, turn {state.turn} of "
                 f"{dl.last_turn}</b></font><br>{esc(dl.text)}")
    if side is not None:
        note = objectives.peace_note(state, side)
        if note:
            parts.append(f"<font color='{BAD}'>{esc(note)}</font>")
    if own:
        parts.append(_heading(f"What {state.factions[side].name} needs to win"))
        parts += [_aim_html(a) for a in own]
    if others:
        parts.append(_heading("What the others need" if side is not None else "Victory"))
        parts += [_aim_html(a, state) for a in others]
    rels = objectives.relations(state, side)
    if rels:
        parts.append(_heading("Relations"))
        for r in rels:
            colour = BAD if r.status == "war" else GOOD
            parts.append(f"• {esc(state.factions[r.a].name)} and {esc(state.factions[r.b].name)}: "
                         f"<font color='{colour}'>{esc(r.words)}</font> "
                         f"<font color='{DIM}'>{esc(r.since)}</font>")
    return "<br>".join(parts)


def _heading(text: str) -> str:
    return f"<br><font color='{GOLD}'><b>{esc(text)}</b></font>"


def _mark(met) -> str:
    return {True: f"<font color='{GOOD}'>•</font>", False: f"<font color='{BAD}'>•</font>",
            None: f"<font color='{DIM}'>•</font>"}[met]


def _aim_html(a: objectives.Aim, state=None) -> str:
    who = f"{esc(state.factions[a.faction].name)}: " if state is not None else ""
    when = "when the last turn ends" if a.at_end else "at once, as soon as it holds"
    now = {True: "holds now", False: "not yet", None: "not known"}[a.met]
    lines = [f"<b>{who}{esc(a.title)}</b> <font color='{DIM}'>({when}; {now})</font>",
             f"<i>{esc(a.result)}</i>"]
    for g in a.goals:
        pad = "&nbsp;&nbsp;&nbsp;&nbsp;" * (g.depth + 1)
        progress = f" <font color='{DIM}'>- {esc(g.progress)}</font>" if g.progress else ""
        lines.append(f"{pad}{_mark(g.met)} {esc(g.text)}{progress}")
    return "<br>".join(lines)


def aims_dialog(manager, size, view, side, on_result) -> dialogs.Dialog:
    name = view.world.factions[side].name if side else "The war"
    dlg = dialogs.Dialog(manager, size, f"{name}: aims and relations (O)",
                         aims_html(view, side),
                         [("Close", None, "Close this panel (O, Esc or Enter)"),
                          ("Read the briefing", "briefing", "The scenario's briefing again")],
                         on_result, size=(720, 640), object_id="#aims_dialog")
    dlg.is_aims = True
    return dlg
