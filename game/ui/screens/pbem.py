"""Play by e-mail in the window: the list of games, opening a file, watching a folder,
and playing one's turn (the game screen, which writes the turn file when it is over).

The rules of it are in game/pbem (chain.py); this screen only calls them.  The
game screen takes a `chain.Turn` as `gs.pbem`: while it is set, saves are off
(the record is kept, locked, when the turn is sent), the news of the other
player's turn plays as in hot-seat, and when a side the player does not play
is to move, the turn file is written and this screen comes back.
"""
from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox, UITextEntryLine

from game.i18n import _
from game.pbem.errors import PbemError
from game.ui import describe
from game.ui import dialogs
from game.ui.screens.base import Screen
from game.ui.scale import px

WATCH_EVERY = 2.0


def said_here(text) -> str:
    """A message of game.pbem (a phrase, or English text) in the language in use."""
    return text if isinstance(text, str) else describe.say(None, text, str(text))


class PbemMenu(Screen):
    def __init__(self, app, data: Path | None = None, message: str = ""):
        super().__init__(app)
        from game.pbem import store
        self.data = Path(data) if data is not None else store.pbem_dir(getattr(app, "pbem_data",
                                                                                None))
        self.lines: list[str] = [message] if message else []
        self.watching = getattr(app, "pbem_watching", False)   # kept while the window is open
        self.wait = 0.0
        self.next_screen = None
        self.play_buttons: dict = {}

    def games(self) -> list[tuple[str, str, str, str, bool]]:
        """(game, player, scenario, status, whether it is my turn) of each game in the data
        folder, the status in the language in use."""
        from game.pbem import chain, store
        rows = []
        for game, name in store.games(self.data):
            try:
                record = store.load_record(self.data, store.identity(self.data, name), game)
                status = chain.status_said(record)
                rows.append((game, name, record["scenario_id"], said_here(status),
                             str(status) == "your turn"))
            except PbemError as exc:
                rows.append((game, name, "?", said_here(exc.message), False))
        return rows

    def build(self) -> None:
        w, h = self.size
        self.add(UILabel(pygame.Rect(0, px(24), w, px(64)), _("Play by e-mail"), self.manager,
                         object_id="@title"))
        x, bw = px(60), w - px(120)
        y = px(100)
        rows = self.games()
        self.play_buttons = {}
        if not rows:
            self.add(UILabel(pygame.Rect(x, y, bw, px(30)), _("No games yet. Make one with "
                             "`run.py pbem new`, or open an invitation below."), self.manager))
            y += px(40)
        for game, name, scn, status, mine in rows[:8]:
            self.add(UILabel(pygame.Rect(x, y, bw - px(170), px(34)),
                             f"{game}  ({scn}, {name}): {status}", self.manager))
            if mine:
                self.play_buttons[self.add(UIButton(pygame.Rect(x + bw - px(160), y, px(160),
                                                                px(34)),
                                                    _("Play your turn"),
                                                    self.manager))] = (game, name)
            y += px(40)
        y += px(10)
        self.add(UILabel(pygame.Rect(x, y, px(170), px(34)), _("File to open:"), self.manager))
        self.entry = self.add(UITextEntryLine(pygame.Rect(x + px(170), y, bw - px(340), px(34)),
                                              self.manager))
        self.open_btn = self.add(UIButton(pygame.Rect(x + bw - px(160), y, px(160), px(34)),
                                          _("Open"),
                                          self.manager, tool_tip_text=_("Open a file the other "
                                                                        "player sent")))
        y += px(50)
        self.watch_btn = self.add(UIButton(
            pygame.Rect(x, y, px(300), px(40)), _("Stop watching") if self.watching
            else _("Watch the shared folder"), self.manager,
            tool_tip_text=_("Open each file of your games as it arrives in its folder")))
        font = getattr(self.watch_btn, "font", None)      # a longer language: a wider button
        need = font.size(self.watch_btn.text)[0] + px(24) if font is not None else 0
        if need > px(300):
            self.watch_btn.set_dimensions((min(need, bw - px(180)), px(40)))
        self.back_btn = self.add(UIButton(pygame.Rect(x + bw - px(160), y, px(160), px(40)),
                                          _("Back"),
                                          self.manager))
        y += px(56)
        self.box = self.add(UITextBox(dialogs.esc("\n".join(self.lines[-12:])).replace(
            "\n", "<br>"), pygame.Rect(x, y, bw, max(px(80), h - y - px(30))), self.manager))

    def say(self, text) -> None:
        """Add a line (text, or a phrase of game.pbem said in the language in use)."""
        self.lines.append(said_here(text))
        self.resize()

    def handle(self, event):
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            el = event.ui_element
            if el in self.play_buttons:
                game, name = self.play_buttons[el]
                try:
                    return start_turn(self.app, self.data, name, game)
                except PbemError as exc:
                    self.say(exc.message)
            elif el is self.open_btn:
                self.open_file(self.entry.get_text().strip())
            elif el is self.watch_btn:
                self.watching = self.app.pbem_watching = not self.watching
                self.wait = 0.0
                self.say(_("Watching each game's folder") if self.watching
                         else _("Stopped watching"))
            elif el is self.back_btn:
                from game.ui.screens.main_menu import MainMenu
                return MainMenu(self.app)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.screens.main_menu import MainMenu
            return MainMenu(self.app)
        return None

    def open_file(self, text: str) -> None:
        from game.pbem import chain
        if not text:
            self.say(_("Type the path of the file to open"))
            return
        try:
            opened = chain.open_file(self.data, Path(text).expanduser())
        except PbemError as exc:
            self.say(_("Refused: {why}").format(why=said_here(exc.message)))
            return
        self.say(said_here(opened.message) + "".join(
            "\n" + _("wrote {file}").format(file=p) for p in opened.written))

    def update(self, dt: float):
        if self.watching:
            self.wait -= dt
            if self.wait <= 0:
                self.wait = WATCH_EVERY
                from game.pbem import watch
                said = watch.step(self.data)
                if said:
                    for line in said:
                        self.lines.append(said_here(line))
                    self.resize()
        return None


def start_turn(app, data: Path, name: str, game: str):
    """The game screen for my turn of a game by e-mail."""
    from game.pbem import chain
    from game.rules.orders import EndTurn
    from game.ui.screens.game_screen import GameScreen
    turn = chain.begin_turn(data, name, game)
    gs = GameScreen(app, turn.session, [])
    gs.pbem = turn
    gs.pbem_data = data
    mine = {f for f, n in turn.record["players"].items() if n == name}
    gs.briefed = {o.faction for o in turn.session.orders
                  if isinstance(o, EndTurn) and o.faction in mine}
    gs.saved_at = len(turn.session.orders)
    for f in mine:       # each of my sides' log: as kept, and what it was told since
        lines = list(turn.record.get("logs", {}).get(f, []))
        recent = set(lines[-50:])        # the end of my last turn is in the news too
        for e in turn.session.news_for(f):
            line = describe.log_line(gs.state, e)
            if line and line not in recent:
                lines.append(line)
        gs.logs[f] = lines
    return gs


def send(gs):
    """My turn is over: write the turn file; back to the list (or on to the victory)."""
    from game.pbem import chain
    try:
        path = chain.finish_turn(gs.pbem, logs=gs.logs)
    except PbemError as exc:
        gs.open_dialog(dialogs.message(gs.manager, gs.size, _("Not sent"),
                                       said_here(exc.message)))
        return None
    gs.pbem_sent = path
    gs.changed()
    if gs.state.over:
        gs.say(_("The war is over. Send {file} to the other player.").format(file=path.name))
        return None
    return PbemMenu(gs.app, gs.pbem_data, _("Turn sent: send {file} to the other player (or "
                                            "leave it in the shared folder)").format(file=path))
