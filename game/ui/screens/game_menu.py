"""Saving, loading and the in-game menu, for the play screen.

Saves go to the data folder (settings.saves_dir): `autosave` at the start of
each human turn, `quicksave` on F5, and named saves from the file list.  A
save that cannot be written or read is reported in a dialog; the game goes
on as it was.  Every save goes through `Session.save`, so it keeps who plays
each side, the hot-seat passwords (hashed), each side's news and whose turn
it is; a hot-seat game loads back to the handover gate.
"""
from __future__ import annotations

from game.session.save import SaveError, load_game
from game.ui import dialogs
from game.ui.saves_window import AUTO, QUICK, SavesWindow
from game.ui.settings import saves_dir


def save_to(gs, path, label: str = "") -> bool:
    try:
        gs.session.save(path, label or path.stem, gs.save_notes())
    except SaveError as exc:
        gs.open_dialog(dialogs.message(gs.manager, gs.size, "Not saved", str(exc)))
        return False
    return True


def autosave(gs) -> None:
    try:
        gs.session.save(saves_dir() / f"{AUTO}.json", "Autosave", gs.save_notes())
    except SaveError as exc:
        gs.say(f"Autosave failed: {exc}", bad=True)


def quick_save(gs) -> None:
    if save_to(gs, saves_dir() / f"{QUICK}.json", "Quick-save"):
        gs.say("Quick-saved (F9 loads it)")


def quick_load(gs) -> None:
    path = saves_dir() / f"{QUICK}.json"
    if not path.exists():
        gs.say("There is no quick-save yet (F5 makes one)", bad=True)
        return
    load_from(gs, path)


def load_from(gs, path) -> None:
    try:
        gs.next_screen = type(gs).loaded(gs.app, load_game(path))
    except SaveError as exc:
        gs.open_dialog(dialogs.message(gs.manager, gs.size, "Cannot load", str(exc)))


def open_saves(gs, mode: str) -> None:
    if gs.modal():
        return
    default = f"{gs.scn.id}_{gs.state.date_text().replace(' ', '_').lower()}"

    def done(action, path):
        if action == "save":
            if path.exists():
                def really(ok, path=path):
                    if ok and save_to(gs, path):
                        gs.say(f"Saved as {path.stem}")
                gs.open_dialog(dialogs.confirm(gs.manager, gs.size, "Replace save?",
                                               f"A save called {path.stem} exists. Replace it?",
                                               "Replace", really))
            elif save_to(gs, path):
                gs.say(f"Saved as {path.stem}")
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
            gs.open_dialog(dialogs.charts_window(gs.manager, gs.size, gs.state, gs.view()))
        elif value == "settings":
            from game.ui.screens.settings_screen import SettingsWindow
            gs.open_dialog(SettingsWindow(gs.manager, gs.size, gs.app.settings))
        elif value == "menu":
            from game.ui.screens.main_menu import MainMenu
            gs.next_screen = MainMenu(gs.app)
        elif value == "results":
            gs.next_screen = gs.back_to
        elif value == "quit":
            gs.app.quit()
    extra = [("Back to the results", "results", "The victory screen")] \
        if gs.back_to is not None else []
    gs.open_dialog(dialogs.Dialog(
        gs.manager, gs.size, "Menu", "<i>Autosaved at the start of each of your turns.</i>",
        extra + [("Back to the game", None, ""),
                 ("The war so far", "charts", "Charts of cities, men and treasury, as far as "
                                              "your side knows them"),
                 ("Save", "save", "Ctrl+S"),
                 ("Load", "load", "Ctrl+L"), ("Settings", "settings", ""),
                 ("Main menu", "menu", "Leave this game (orders since the last save are lost)"),
                 ("Quit", "quit", "Close the game")],
        chosen, size=(340, 464 + 44 * len(extra))))
