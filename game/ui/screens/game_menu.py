"""Saving, loading and the in-game menu, for the play screen.

Saves go to the data folder (settings.saves_dir): an autosave at the start of
each human turn (the game's last three are kept, named by the game's id, so
one game never writes over another's; game/session/autosaves.py),
`quicksave` on F5, and named saves from the file list.  Leaving a game with
orders unsaved (Quit, Main menu, the window's close button) asks first:
save, don't save or cancel.  A
save that cannot be written or read is reported in a dialog; the game goes
on as it was.  Every save goes through `Session.save`, so it keeps who plays
each side, the hot-seat passwords (hashed), each side's news and whose turn
it is; a hot-seat game loads back to the handover gate.
"""
from __future__ import annotations

from game.i18n import _
from game.session import autosaves
from game.session.save import SaveError, load_game
from game.ui import dialogs
from game.ui.saves_window import QUICK, SavesWindow
from game.ui.settings import saves_dir


def no_saves(gs) -> bool:
    """A game by e-mail has no saves: its record is kept, locked, when the turn is sent
    (a save would hold the whole state in the open).  Says so; True if so."""
    if getattr(gs, "pbem", None) is None:
        return False
    gs.say(_("No saves in a game by e-mail: the game is kept when the turn is sent"), bad=True)
    return True


def save_to(gs, path, label: str = "") -> bool:
    if no_saves(gs):
        return False
    try:
        gs.session.save(path, label or path.stem, gs.save_notes())
    except SaveError as exc:
        gs.open_dialog(dialogs.message(gs.manager, gs.size, _("Not saved"), str(exc)))
        return False
    gs.saved_at = len(gs.session.orders)
    return True


def default_name(gs) -> str:
    return f"{gs.scn.id}_{gs.state.date_text().replace(' ', '_').lower()}"


def free_path(folder, stem: str):
    """`stem`.json in the folder, or stem_2.json, stem_3.json... if taken (by another game,
    perhaps): leaving a game never writes over a save."""
    path = folder / f"{stem}.json"
    n = 2
    while path.exists():
        path = folder / f"{stem}_{n}.json"
        n += 1
    return path


def unsaved(gs) -> bool:
    """Orders given since the game was last saved (autosaves count), in a war not over."""
    if getattr(gs, "pbem", None) is not None:
        return False            # nothing to save: the turn opens again (and is counted)
    return not gs.state.over and gs.saved_at != len(gs.session.orders)


def ask_to_leave(gs, then) -> None:
    """Before leaving the game (quit, main menu): with orders unsaved, offer to save them
    first (save / don't save / cancel); then `then()`, unless cancelled."""
    if not unsaved(gs):
        then()
        return

    def chosen(value):
        gs.leaving = None
        if value == "save":
            path = free_path(saves_dir(), default_name(gs))
            if save_to(gs, path):
                then()
        elif value == "discard":
            then()
    gs.leaving = dialogs.Dialog(
        gs.manager, gs.size, _("Save the game?"),
        _("Orders have been given since the game was last saved.  Save it before leaving?")
        + "<br><br><i>" + _("It is saved as {name}; load it again from the main menu.").format(
            name=dialogs.esc(free_path(saves_dir(), default_name(gs)).stem)) + "</i>",
        [(_("Save"), "save", _("Save, then leave")),
         (_("Don't save"), "discard", _("Leave; the orders since the last save are lost")),
         (_("Cancel"), None, _("Back to the game"))],
        chosen, size=(520, 250))
    gs.open_dialog(gs.leaving)


def autosave(gs) -> None:
    """This game's autosave for the turn beginning; its oldest beyond the last few go."""
    if getattr(gs, "pbem", None) is not None:
        return                  # a game by e-mail: no saves (see no_saves)
    s = gs.session
    if not s.game_id:
        s.game_id = autosaves.new_game_id(s.state.scenario_id)
    st = s.state
    folder = saves_dir()
    path = autosaves.autosave_path(folder, s.game_id, st.turn, st.active)
    try:
        s.save(path, f"Autosave, {st.date_text()}", gs.save_notes())
    except SaveError as exc:
        gs.say(_("Autosave failed: {error}").format(error=exc), bad=True)
        return
    gs.saved_at = len(s.orders)
    autosaves.rotate(folder, s.game_id)


def quick_save(gs) -> None:
    if save_to(gs, saves_dir() / f"{QUICK}.json", "Quick-save"):
        gs.say(_("Quick-saved (F9 loads it)"))


def quick_load(gs) -> None:
    if no_saves(gs):
        return
    path = saves_dir() / f"{QUICK}.json"
    if not path.exists():
        gs.say(_("There is no quick-save yet (F5 makes one)"), bad=True)
        return
    load_from(gs, path)


def load_from(gs, path) -> None:
    if no_saves(gs):
        return
    try:
        gs.next_screen = type(gs).loaded(gs.app, load_game(path))
    except SaveError as exc:
        gs.open_dialog(dialogs.message(gs.manager, gs.size, _("Cannot load"), str(exc)))


def open_saves(gs, mode: str) -> None:
    if gs.modal():
        return
    default = default_name(gs)

    def done(action, path):
        if action == "save":
            if path.exists():
                def really(ok, path=path):
                    if ok and save_to(gs, path):
                        gs.say(_("Saved as {name}").format(name=path.stem))
                gs.open_dialog(dialogs.confirm(gs.manager, gs.size, _("Replace save?"),
                                               _("A save called {name} exists. Replace it?")
                                               .format(name=path.stem),
                                               _("Replace"), really))
            elif save_to(gs, path):
                gs.say(_("Saved as {name}").format(name=path.stem))
        elif action == "load":
            load_from(gs, path)
    gs.open_dialog(SavesWindow(gs.manager, gs.size, mode, saves_dir(), done, default))


def open_menu(gs) -> None:
    if gs.modal():
        return

    def chosen(value):
        if value in ("save", "load"):
            open_saves(gs, value)
        elif value == "charts":
            gs.open_dialog(dialogs.charts_window(gs.manager, gs.size, gs.view()))
        elif value == "settings":
            from game.ui.screens.settings_screen import SettingsWindow
            gs.open_dialog(SettingsWindow(gs.manager, gs.size, gs.app.settings))
        elif value == "menu":
            from game.ui.screens.main_menu import MainMenu

            def to_menu():
                gs.next_screen = MainMenu(gs.app)
            ask_to_leave(gs, to_menu)
        elif value == "results":
            gs.next_screen = gs.back_to
        elif value == "quit":
            ask_to_leave(gs, gs.app.quit)
    extra = [(_("Back to the results"), "results", _("The victory screen"))] \
        if gs.back_to is not None else []
    gs.open_dialog(dialogs.Dialog(
        gs.manager, gs.size, _("Menu"),
        "<i>" + _("Autosaved at the start of each of your turns (the last three are kept).")
        + "</i>",
        extra + [(_("Back to the game"), None, ""),
                 (_("The war so far"), "charts", _("Charts of cities, men and treasury, as far "
                                                   "as your side knows them")),
                 (_("Save"), "save", "Ctrl+S"),
                 (_("Load"), "load", "Ctrl+L"), (_("Settings"), "settings", ""),
                 (_("Main menu"), "menu", _("Leave this game (asks to save what is unsaved)")),
                 (_("Quit"), "quit", _("Close the game"))],
        chosen, size=(340, 464 + 44 * len(extra))))
