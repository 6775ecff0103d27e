"""Dialog mode: a window is open on the play screen, or waits its turn in the queue
(the briefing, the turn's summary, the events that fired).  The top window takes
the input; Esc closes it, Enter presses its lit button (the first, until Tab or
the arrow keys light another), 1 to 9 press the first to ninth button, O and L
close the objectives panel and the army list they opened, and in the army list
the arrows pick a row and Enter selects that army."""
from __future__ import annotations

import pygame

from game.ui import dialogs
from game.ui.screens import game_input
from game.ui.screens.modes.base import Mode


class DialogMode(Mode):
    name = "dialog"

    def handle(self, gs, event) -> None:
        for d in list(gs.dialogs):
            if d.alive() and hasattr(d, "handle") and d.handle(event):
                gs.modal()
                return
        if not gs.modal():           # only queued windows: the map as usual until they open
            from game.ui.screens.modes import below_dialogs
            below_dialogs(gs).handle(gs, event)
            return
        super().handle(gs, event)

    def on_key(self, gs, event) -> bool:
        k = event.key
        act = game_input.bound(gs, event)
        top = gs.dialogs[-1]
        if act == "aims" and getattr(top, "is_aims", False):
            top.finish(None)                 # O again closes the aims panel
        elif act == "armies" and getattr(top, "is_army_list", False):
            top.kill()                       # and L the army list
        elif act == "concepts" and getattr(top, "is_concepts", False):
            top.finish(None)                 # and H the page on supply and morale
        elif getattr(top, "is_army_list", False) and top.on_key(k):
            pass
        elif isinstance(top, dialogs.Dialog):
            if not top.on_key(k) and k == pygame.K_ESCAPE and not top.must_answer:
                top.finish(None)
        elif k == pygame.K_ESCAPE and hasattr(top, "done"):
            top.done(None, None)
        elif k == pygame.K_ESCAPE and not getattr(top, "must_answer", False):
            top.kill()
        gs.modal()
        return True

    def on_button(self, gs, el) -> bool:
        from game.ui.screens.modes import below_dialogs
        return below_dialogs(gs).on_button(gs, el)

    def update(self, gs, dt: float):
        if gs.modal():
            return None
        gs.queue.pop(0)()                # the next window waiting its turn
        return None

    def draw(self, gs, surface) -> None:
        from game.ui.screens.modes import below_dialogs
        below_dialogs(gs).draw(gs, surface)

    def draw_over(self, gs, surface) -> None:
        if not gs.modal():
            super().draw_over(gs, surface)


DIALOG = DialogMode()
