"""The start of a turn on the play screen: what each side is shown when its turn
begins.

`TurnFlow` is a part of `GameScreen` (screens/game_screen.py).  At the start of
a human side's turn it queues the briefing (its first turn), the "while you
were away" playback (hot-seat), the summary, the events that fired and an
autosave; the dialog mode (modes/dialog.py) then shows them one by one.  The
gate, the playback and the computer's moves are modes of their own
(screens/modes/).
"""
from __future__ import annotations

from game.i18n import _
from game.scenario.lang import text as scenario_text
from game.ui import describe
from game.ui import dialogs
from game.session import seats
from game.ui.screens import news as news_
from game.ui.screens.modes import playback


class TurnFlow:
    """The turn flow methods of GameScreen (see the module's docstring)."""

    def turn_begins(self) -> None:
        fid = self.state.active_faction
        self.thinker = None
        self.replans = 0
        loaded, self.just_loaded = self.just_loaded, False
        if not seats.is_human(self.session.sides.get(fid)):
            return
        self.skip = False
        self._view_key = None
        self.deselect()
        news = self.start_news.pop(fid, []) + self.session.news_for(fid)
        if loaded and self.news_shown:   # the player is where he saved: no news again
            self.queue.append(lambda: self._say_peace(fid))
            return
        first = fid not in self.briefed
        self.briefed.add(fid)
        self.news_shown = False
        if first:                        # each side's first turn: its briefing
            if self.briefing_text(fid):
                self.queue.append(lambda: self.open_dialog(self.briefing_dialog(fid)))
        if self.hotseat or self.pbem is not None:      # what it saw while the others played
            self.queue.append(lambda: playback.start(self, news))
        if not first:
            lines = describe.summary_lines(news, fid, self.session.view_for(fid).world)
            title = f"{describe.faction_name(self.state, fid)}: {describe.now_text(self.state)}"
            self.queue.append(lambda: self.open_dialog(
                dialogs.summary_dialog(self.manager, self.size, title, lines)))
        news_.queue_fired(self, news)
        self.queue.append(self._news_read)
        self.queue.append(lambda: self._say_peace(fid))
        if not loaded and self.autosaved != (self.state.turn, fid):
            self.autosave()
        if not self.hotseat:
            armies = [a for a in self.view().armies.values() if a.faction == fid]
            if armies:          # bring the main army into view if it is not
                main = max(armies, key=lambda a: a.men)
                if not self.map.camera.viewport.collidepoint(self.map.screen_of(main.hex)):
                    self.map.center_on(main.hex)

    def briefing_text(self, fid: str) -> str:
        """The scenario's description and the side's own briefing."""
        spec = next(f for f in self.scn.spec.factions if f.id == fid)
        text = dialogs.prose(scenario_text(self.scn, "description", self.scn.spec.description))
        if spec.briefing:
            text = (text + "\n\n" if text else "") + \
                f"{describe.faction_name(self.state, fid)}: " + \
                dialogs.prose(scenario_text(self.scn, f"factions.{fid}.briefing", spec.briefing))
        return text

    def briefing_dialog(self, fid: str):
        text = self.briefing_text(fid) or _("This scenario has no briefing.")
        h = 170 + 22 * (len(text) // 70 + text.count("\n"))
        return dialogs.Dialog(self.manager, self.size,
                              f"{scenario_text(self.scn, 'title', self.scn.title)}: "
                              f"{describe.now_text(self.state)}", dialogs.esc(text),
                              [(_("OK"), True, "")],
                              size=(640, min(560, max(260, h))))

    def _say_peace(self, fid: str) -> None:
        """The status line when the side is at war with nobody (the full war opens so)."""
        note = describe.peace_note(self.state, fid)
        if note and self.human_to_play() == fid:
            self.say(note)

    def _news_read(self) -> None:
        self.news_shown = True
