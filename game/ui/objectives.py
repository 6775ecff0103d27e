"""The objectives panel (O, or the Aims button): what each side needs to win, how far it
has got, when the war ends, and who is at war with whom.

Everything shown is computed by game/session/objectives.py on the side's own
View; this module only lays it out.
"""
from __future__ import annotations

from game.i18n import N_, _, ngettext, number
from game.scenario.lang import text as scenario_text
from game.ui import describe
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
    parts.append(f"<font color='{GOLD}'><b>" + esc(_("{date}, turn {turn} of {last}").format(
        date=describe.now_text(state), turn=state.turn, last=dl.last_turn))
        + f"</b></font><br>{esc(deadline_text(state, dl))}")
    if side is not None:
        note = describe.peace_note(state, side)
        if note:
            parts.append(f"<font color='{BAD}'>{esc(note)}</font>")
    if own:
        parts.append(_heading(_("What {side} needs to win").format(
            side=describe.faction_name(state, side))))
        parts += [_aim_html(a, state, named=False) for a in own]
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
                         f"<font color='{colour}'>{esc(relation_words(r, state))}</font> "
                         f"<font color='{DIM}'>{esc(relation_since(state, side, r))}</font>")
    return "<br>".join(parts)


AIM_TITLES = {"decisive": N_("Decisive victory"), "major": N_("Major victory"),
              "minor": N_("Minor victory"), "peace": N_("Victory by peace")}
RELATION_WORDS = {"war": N_("at war"), "peace": N_("at peace"), "alliance": N_("allied")}


def relation_words(r, state=None) -> str:
    """How two sides stand, in the language in use (with the state, a tribute's terms)."""
    if r.status in RELATION_WORDS:
        return _(RELATION_WORDS[r.status])
    if r.status == "tribute" and state is not None:
        from game.rules import queries as Q
        rel = Q.relation(state, r.a, r.b)
        if rel.payer in (r.a, r.b):
            other = r.b if rel.payer == r.a else r.a
            return _("at peace, with tribute ({side} pays {other} {amount} a month)").format(
                side=describe.faction_name(state, rel.payer),
                other=describe.faction_name(state, other), amount=number(rel.amount))
        return _("at peace, with tribute")
    return r.words


def relation_since(state, side, r) -> str:
    """Since when two sides stand so, in the language in use."""
    entry = objectives._last_change(state, side, r.a, r.b)
    if entry is not None:
        title = scenario_text(state.scenario, f"events.{entry.event}.title", entry.title)
        return _("since {date} ({event})").format(
            date=describe.date_text(state, entry.year, entry.month), event=title)
    if r.since.startswith("since the start"):
        return _("since the start ({date})").format(
            date=describe.date_text(state, *state.scenario.start))
    return _("changed during the war (this side was not told when)")


def deadline_text(state, dl) -> str:
    date = describe.date_text(state, *state.scenario.end)
    if dl.turns_left <= 0:
        return _("This is the last turn: the war ends when it does ({date}).").format(date=date)
    return ngettext("The war ends after turn {last} ({date}): {n} more turn after this one.",
                    "The war ends after turn {last} ({date}): {n} more turns after this one.",
                    dl.turns_left).format(last=dl.last_turn, date=date, n=dl.turns_left)


def _heading(text: str) -> str:
    return f"<br><font color='{GOLD}'><b>{esc(text)}</b></font>"


def _mark(met) -> str:
    return {True: f"<font color='{GOOD}'>•</font>", False: f"<font color='{BAD}'>•</font>",
            None: f"<font color='{DIM}'>•</font>"}[met]


def _aim_html(a: objectives.Aim, state, named: bool = True) -> str:
    who = f"{esc(describe.faction_name(state, a.faction))}: " if named else ""
    when = _("when the last turn ends") if a.at_end else _("at once, as soon as it holds")
    now = {True: _("holds now"), False: _("not yet"), None: _("not known")}[a.met]
    title = _(AIM_TITLES[a.kind]) if a.kind in AIM_TITLES else a.title
    result = describe.victory_text(state, a.result)
    lines = [f"<b>{who}{esc(title)}</b> <font color='{DIM}'>({when}; {now})</font>",
             f"<i>{esc(result)}</i>"]
    for g in a.goals:
        pad = "&nbsp;&nbsp;&nbsp;&nbsp;" * (g.depth + 1)
        said = describe.say(state, g.progress_words, g.progress)
        progress = f" <font color='{DIM}'>- {esc(said)}</font>" if said else ""
        lines.append(f"{pad}{_mark(g.met)} {esc(describe.say(state, g.words, g.text))}{progress}")
    return "<br>".join(lines)


def aims_dialog(manager, size, view, side, on_result) -> dialogs.Dialog:
    name = describe.faction_name(view.world, side) if side else _("The war")
    dlg = dialogs.Dialog(manager, size, _("{side}: aims and relations (O)").format(side=name),
                         aims_html(view, side),
                         [(_("Close"), None, _("Close this panel (O, Esc or Enter)")),
                          (_("Read the briefing"), "briefing",
                           _("The scenario's briefing again"))],
                         on_result, size=(720, 640), object_id="#aims_dialog")
    dlg.is_aims = True
    return dlg
