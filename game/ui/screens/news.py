"""Telling the player what happened: a march drawn along its path, flashes where a
battle or a capture was, the toast for the results of his own orders, and the
windows of the events that fired (with any choice to make)."""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.event_data import Fired, Option
from game.rules.orders import Choose
from game.rules.report import Event
from game.i18n import _
from game.scenario.lang import text as scenario_text
from game.ui import describe
from game.ui import dialogs
from game.ui import palette as P
from game.ui.geometry import center
from game.ui.playback import runs


@dataclass
class March:
    """A counter moving along its path, in map units."""
    army: str
    points: list[tuple[float, float]]
    per_step: float
    t: float = 0.0

    @property
    def done(self) -> bool:
        return self.t >= self.per_step * (len(self.points) - 1)

    def pos(self) -> tuple[float, float]:
        k = min(len(self.points) - 1.0, self.t / self.per_step)
        i = min(len(self.points) - 2, int(k))
        f = k - i
        (ax, ay), (bx, by) = self.points[i], self.points[i + 1]
        return ax + (bx - ax) * f, ay + (by - ay) * f



def show(gs, told: list[Event], own: bool) -> None:
    """Show the viewer what it was told: marches, flashes, and for its own orders the
    results and any event that fired."""
    view_armies = gs.view().armies
    speed = gs.app.settings.animation_speed
    for e in told:
        if e.kind == "moved" and e.data.army in view_armies and speed < 10 \
                and not gs.skip:
            start = [e.data.start] if e.data.start is not None else []
            path = runs(start + list(e.data.path))[-1]
            if len(path) > 1:
                gs.march = March(e.data.army, [center(h) for h in path],
                                 0.03 * (11 - speed))
        if e.at is not None and e.kind in ("battle", "assault", "captured"):
            rgb = {"battle": P.BAD, "assault": P.BAD, "captured": P.GOLD}[e.kind]
            gs.flashes.append([e.at, 0.0, rgb])
    gs.app.sounds.for_events(told)
    if own:
        for i, e in enumerate(told):
            if e.kind in ("battle", "assault") and describe.losses(gs.view().world, e) \
                    and describe.concerns(e, gs.viewer):
                gs.queue.append(lambda e=e, after=told[i + 1:]: casualty_report(gs, e, after))
        for e in told:
            if describe.concerns(e, gs.viewer) and e.kind in ("battle", "assault", "captured",
                                                       "siege_begun", "destroyed"):
                gs.say(describe.event_text(gs.state, e), bad=e.kind == "destroyed")
        queue_fired(gs, told)


def casualty_report(gs, e: Event, after: list[Event]) -> None:
    """After a battle or a storm of the player's: who fought with how many, who lost how
    many."""
    title, text = describe.casualty_report(gs.view().world, e, after)
    dlg = dialogs.Dialog(gs.manager, gs.size, title, dialogs.esc(text), [(_("OK"), True, "")],
                         size=(520, 250))
    dlg.is_casualties = True
    gs.open_dialog(dlg)


def queue_fired(gs, events: list[Event]) -> None:
    viewer = gs.viewer
    for e in events:
        if e.kind == "fired" and (viewer is None or viewer in e.factions):
            gs.queue.append(lambda e=e: show_fired(gs, e))


def show_fired(gs, e: Event) -> None:
    st = gs.state
    viewer = gs.viewer
    event_id = e.data.event
    scn = st.scenario
    if e.data.text_for.get(viewer):
        text = scenario_text(scn, f"events.{event_id}.text_for.{viewer}",
                             e.data.text_for[viewer])
    else:
        text = scenario_text(scn, f"events.{event_id}.text", e.data.text)
    choices = [{"id": c.id,
                "label": scenario_text(scn, f"events.{event_id}.choices.{c.id}.label", c.label),
                "hint": scenario_text(scn, f"events.{event_id}.choices.{c.id}.hint",
                                      c.hint or "")}
               for c in e.data.choices]
    chooser = e.data.chooser
    pending = any(p.event == event_id and p.faction == chooser for p in st.pending)
    can_choose = bool(pending and chooser == gs.human_to_play())
    if can_choose:
        gs.choices_open.add(event_id)

    def answered(option, event_id=event_id, chooser=chooser):
        gs.choices_open.discard(event_id)
        if option is not None and can_choose:
            gs.do(Choose(chooser, event_id, option))
    dlg = dialogs.event_dialog(gs.manager, gs.size, describe.event_text(st, e),
                               describe.event_date(st, e), text, choices, answered, can_choose)
    gs.open_dialog(dlg)


def show_pending_choice(gs) -> None:
    """A choice waiting for the human to play (e.g. after loading a save)."""
    fid = gs.human_to_play()
    if fid is None:
        return
    from game.events.runner import event_by_id
    for p in gs.state.pending:
        if p.faction == fid and p.event not in gs.choices_open:
            ev = event_by_id(gs.state, p.event)
            if ev is None:
                continue
            spec = ev.spec
            fake = Event("fired", spec.title, None, (fid,),
                         Fired(spec.id, spec.text, dict(spec.text_for),
                               tuple(Option(c.id, c.label, c.hint) for c, _ in ev.choices),
                               fid))
            show_fired(gs, fake)
            return
