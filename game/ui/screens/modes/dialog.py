"""Dialog mode: a window is open on the play screen, or waits its turn in the queue
(the briefing, the turn's summary, the events that fired).  The top window takes
the input; Esc closes it, Enter presses its first button, O and L close the
objectives panel and the army list they opened."""
from __future__ import annotations

import pygame

from game.ui import dialogs
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
        ctrl = event.mod & pygame.KMOD_CTRL
        top = gs.dialogs[-1]
        if k == pygame.K_o and getattr(top, "is_aims", False):
            top.finish(None)                 # O again closes the aims panel
        elif k == pygame.K_l and not ctrl and getattr(top, "is_army_list", False):
            top.kill()                       # and L the army list
        elif k == pygame.K_h and getattr(top, "is_concepts", False):
            top.finish(None)                 # and H the page on supply and morale
        elif isinstance(top, dialogs.Dialog) and not top.must_answer:
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER) and top.value_of:
                top.finish(next(iter(top.value_of.values())))     # the first button
            elif k == pygame.K_ESCAPE:
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
