"""The window and the main loop: process_events -> update(dt) -> draw.

`main(args)` is what `run.py play` calls.  It checks what it was asked to
start (a scenario, a save) before opening the window, so a mistake is
reported in the terminal with a clear message; then the loop runs the
current screen, which returns the next one when it is done.
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
import warnings
from pathlib import Path

import pygame
import pygame_gui

from game.cli import program_name
from game.resources import assets_dir
from game import i18n
from game.ui import fonts, map_marks, scale, scroll_bars
from game.ui.sounds import Sounds
from game.ui.settings import MAX_WINDOW, MIN_WINDOW, Settings, load_settings, save_settings

THEME = assets_dir() / "theme.json"
DEFAULT_SIZE = (1280, 800)
MIN_SIZE = (960, 640)
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


# The high-contrast setting: white text on black, yellow edges and highlights.
HIGH_CONTRAST = {
    "normal_bg": "#000000", "hovered_bg": "#303030", "disabled_bg": "#000000",
    "selected_bg": "#404000", "active_bg": "#404000", "dark_bg": "#000000",
    "disabled_dark_bg": "#000000", "normal_text": "#ffffff", "hovered_text": "#ffff00",
    "disabled_text": "#b0b0b0", "selected_text": "#ffff00", "active_text": "#ffff00",
    "normal_border": "#ffffff", "hovered_border": "#ffff00", "disabled_border": "#808080",
    "selected_border": "#ffff00", "active_border": "#ffff00", "link_text": "#ffff00",
    "link_hover": "#ffffff", "link_selected": "#ffffff", "text_cursor": "#ffffff",
}


def load_theme(high_contrast: bool = False, percent: int = 100) -> dict:
    """The pygame_gui theme: assets/theme.json, in high contrast if asked, its fonts and
    sizes scaled to `percent` (game.ui.scale)."""
    try:
        theme = json.loads(THEME.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        theme = {}         # pygame_gui's own look, rather than no game at all
    if high_contrast and isinstance(theme, dict):
        for block in theme.values():
            colours = block.get("colours") if isinstance(block, dict) else None
            if isinstance(colours, dict):
                for k in colours:
                    if k in HIGH_CONTRAST:
                        colours[k] = HIGH_CONTRAST[k]
        theme.setdefault("defaults", {}).setdefault("colours", {}).update(HIGH_CONTRAST)
    return scale.scale_theme(theme, percent)


class App:
    def __init__(self, size=DEFAULT_SIZE, fullscreen: bool = False,
                 settings: Settings | None = None, threaded: bool = True,
                 scenario_dir: Path | None = None, scale_arg=None,
                 language: str | None = None):
        self.settings = settings or load_settings()
        self.scale_arg = scale_arg     # play --scale: for this run, until the setting changes
        self._scale_setting = self.settings.ui_scale
        # the language: --lang for this run, else the settings' choice
        i18n.set_language(language or self.settings.language)
        self.sounds = Sounds(self.settings)
        self.threaded = threaded                 # background work (tiles, computer thinking)
        self.author = False                      # play --author: F6 reload, F7 events panel
        self.scenario_dir = scenario_dir
        pygame.display.init()
        pygame.font.init()
        fonts.reset()
        map_marks.reset()
        pygame.key.set_repeat(300, 40)
        self.keys_down: set[int] = set()         # to tell a held key's repeats (`repeat`)
        pygame.display.set_caption("Last Great War")
        self.desktop = desktop_size()
        self.windowed_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.fullscreen = False
        self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if fullscreen:
            self.toggle_fullscreen()
        self.manager = None
        self.make_manager(self.wanted_scale())
        self.screen = None
        self.running = True
        self.clock = pygame.time.Clock()
        self.frame_ms: list[float] = []          # recent frame times, for benchmarks
        self.frame_no = 0                        # frames drawn so far
        self.help_window = None
        self.shot_dir = os.environ.get("LGW_SHOT_DIR")
        self.shots = 0
        self.error_dialog = None                 # the window shown after an error (recover)
        self.frame_errors = 0                    # frames in a row that failed to draw

    # --- the interface's scale (game.ui.scale) ---
    def wanted_scale(self) -> int:
        """The scale the setting (or play --scale) asks for in this window, in percent."""
        if self.settings.ui_scale != self._scale_setting:
            self.scale_arg = None          # the player chose in the settings since
            self._scale_setting = self.settings.ui_scale
        chosen = self.scale_arg if self.scale_arg is not None else self.settings.ui_scale
        return scale.effective(chosen, self.window.get_size(), self.desktop)

    def make_manager(self, percent: int) -> None:
        """The widgets' manager, its theme scaled to `percent`, which becomes the scale."""
        if percent != scale.percent():
            map_marks.reset()               # counters and marks are drawn for the scale
        scale.set_percent(percent)
        scroll_bars.install()               # pygame_gui's fixed 20 px follow the scale
        theme = load_theme(self.settings.high_contrast, percent)
        self.manager = pygame_gui.UIManager(self.window.get_size(), theme,
                                            enable_live_theme_updates=False)
        with warnings.catch_warnings():      # "already loaded" when a second App starts
            warnings.simplefilter("ignore")
            self.manager.preload_fonts(scale.theme_fonts(theme))

    def apply_scale(self) -> bool:
        """After the setting or the window changed: a new manager and the screen built
        again at the new scale, if it is not the one in use.  True if it changed."""
        percent = self.wanted_scale()
        if percent == scale.percent() and self.manager is not None:
            return False
        self.close_help()
        for dlg in getattr(self.screen, "dialogs", []) or []:
            dlg.kill()              # windows of the old manager
        if self.error_dialog is not None:
            self.error_dialog.kill()
            self.error_dialog = None
        self.make_manager(percent)
        if self.screen is not None:
            self.screen.resize()
        return True

    # --- screens ---
    def switch(self, screen) -> None:
        if self.screen is not None:
            self.screen.leave()
        self.close_help()
        self.screen = screen
        screen.enter()

    # --- window ---
    def toggle_fullscreen(self) -> None:
        try:
            if not self.fullscreen:
                self.windowed_size = self.window.get_size()
                self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                self.fullscreen = True
            else:
                self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
                self.fullscreen = False
        except pygame.error:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            self.fullscreen = False
        self.settings.fullscreen = self.fullscreen
        if getattr(self, "manager", None) is not None:
            self.on_resize()

    def resize(self, size) -> None:
        w, h = max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1])
        if (w, h) != self.window.get_size():
            self.window = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        self.windowed_size = (w, h)
        self.settings.window = (w, h)
        self.on_resize()

    def on_resize(self) -> None:
        if self.apply_scale():
            return
        self.manager.set_window_resolution(self.window.get_size())
        self.close_help()
        if self.screen is not None:
            self.screen.resize()

    # --- help ---
    def toggle_help(self) -> None:
        if self.help_window is not None and self.help_window.alive():
            self.close_help()
            return
        from game.ui.dialogs import help_window
        self.help_window = help_window(self.manager, self.window.get_size(), self.settings.keys)

    def close_help(self) -> None:
        if self.help_window is not None:
            self.help_window.kill()
            self.help_window = None

    # --- the loop ---
    def step(self, dt: float) -> bool:
        """One frame: events, update, draw.  Returns False once the game should close.

        An error in the game's own code while handling one event or drawing one
        frame does not end the game: it is logged, the player is told and
        offered a save (see `recover`).  Only errors that keep coming back
        every frame end the loop (and `run` saves what it can).
        """
        start = time.perf_counter()
        for event in pygame.event.get():
            try:
                self.process(event)
            except Exception:
                self.recover()
        try:
            self.apply_scale()           # the setting changed (the settings window closed)
            self.manager.update(dt)
            nxt = self.screen.update(dt)
            if nxt is not None:
                self.switch(nxt)
            self.screen.draw(self.window)
            self.manager.draw_ui(self.window)
            self.screen.draw_over(self.window)
            self.frame_errors = 0
        except Exception:
            self.frame_errors += 1
            if self.frame_errors > FRAME_ERRORS_LIMIT:
                raise                  # every frame fails: give up (run() saves the game)
            self.recover()
        pygame.display.flip()
        self.frame_no += 1
        self.frame_ms.append((time.perf_counter() - start) * 1000)
        if len(self.frame_ms) > 600:
            del self.frame_ms[:300]
        return self.running

    def process(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            ask = getattr(self.screen, "quit_requested", None)
            if ask is None or not ask():
                self.quit()
            return
        if self.error_dialog is not None:
            if self.error_dialog.alive():
                # the error window answers first; the screen below waits for it
                self.manager.process_events(event)
                self.error_dialog.handle(event)
                return
            self.error_dialog = None
        if event.type == pygame.VIDEORESIZE and not self.fullscreen:
            self.resize(event.size)
            return
        if event.type == pygame.KEYUP:
            self.keys_down.discard(event.key)
        elif event.type == pygame.WINDOWFOCUSLOST:   # its keys' releases go elsewhere
            self.keys_down.clear()
        elif event.type == pygame.KEYDOWN:
            if event.key in self.keys_down:      # a held key repeating (or its press seen
                #                                  twice while a slow frame, a load, ran)
                event = pygame.event.Event(event.type, {**event.dict, "repeat": True})
            self.keys_down.add(event.key)
        if event.type == pygame.KEYDOWN and not event.dict.get("repeat"):
            if event.key == pygame.K_F11:
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F1:
                self.toggle_help()
                return
            if event.key == pygame.K_F12 and self.shot_dir:
                self.screenshot()
                return
        if (event.type == pygame_gui.UI_WINDOW_CLOSE and self.help_window is not None
                and event.ui_element is self.help_window):
            self.help_window = None
        consumed = self.manager.process_events(event)
        if consumed and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                       pygame.MOUSEWHEEL):
            event = pygame.event.Event(event.type, {**event.dict, "consumed": True})
        nxt = self.screen.handle(event)
        if nxt is not None:
            self.switch(nxt)

    def screenshot(self, path: str | None = None) -> str:
        if path is None:
            self.shots += 1
            os.makedirs(self.shot_dir, exist_ok=True)
            path = os.path.join(self.shot_dir, f"shot-{self.shots:03d}.png")
        pygame.image.save(self.window, path)
        return path

    def quit(self) -> None:
        self.running = False

    # --- errors in the game's own code ---
    def recover(self) -> None:
        """Called inside an `except`: log the error, tell the player, offer a save."""
        from game.ui import dialogs
        log = log_error()
        session = getattr(self.screen, "session", None)
        where = (f"The details were written to {log}." if log is not None
                 else "The details could not be written to the log file.")
        text = ("Something in the game's own code went wrong while it handled what you "
                "just did (a bug, not a mistake of yours).  " + where + "\n\n")
        buttons = []
        if session is not None:
            text += ("Your game is still open.  Save it to a new file to be safe (your "
                     "other saves are not touched), then carry on or quit.")
            buttons.append(("Save a copy", "save", "Save the game in play as a new file"))
        else:
            text += "You can carry on or quit."
        buttons += [("Carry on", "carry_on", "Close this message and go on playing"),
                    ("Quit", "quit", "Close the game")]
        if self.error_dialog is not None and self.error_dialog.alive():
            self.error_dialog.kill()
        self.error_dialog = dialogs.Dialog(self.manager, self.window.get_size(),
                                           "An error in the game", dialogs.esc(text), buttons,
                                           self._after_error, size=(560, 300),
                                           must_answer=True, object_id="#error_dialog")

    def _after_error(self, answer) -> None:
        from game.ui import dialogs
        self.error_dialog = None
        if answer == "quit":
            self.quit()
        elif answer == "save":
            result = save_recovery(getattr(self.screen, "session", None))
            self.error_dialog = dialogs.message(self.manager, self.window.get_size(),
                                                "Save a copy", result)

    def run(self) -> int:
        code = EXIT_OK
        try:
            while self.running:
                dt = self.clock.tick(60) / 1000.0
                self.step(min(dt, 0.1))
        except KeyboardInterrupt:
            code = 130
        except Exception:              # a bug: keep the game and say where the details are
            code = EXIT_PROBLEMS
            print(crash_report(self.screen), file=sys.stderr)
        if self.screen is not None:
            try:
                self.screen.leave()
            except Exception:
                pass
        err = save_settings(self.settings)
        if err:
            print(err, file=sys.stderr)
        pygame.quit()
        return code


FRAME_ERRORS_LIMIT = 30     # frames in a row that may fail before the game gives up


def desktop_size() -> tuple[int, int] | None:
    """The size of the first desktop (for the "auto" scale), or None if unknown."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except (pygame.error, AttributeError):
        return None
    return tuple(sizes[0]) if sizes else None


def log_error() -> Path | None:
    """Append the error being handled to crash.log in the user's data folder; its path,
    or None if it could not be written."""
    import traceback
    from game.ui.settings import data_dir
    log = data_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(time.strftime("--- %Y-%m-%d %H:%M:%S\n") + traceback.format_exc())
        return log
    except OSError:
        return None


def save_recovery(session) -> str:
    """Save the game in play as a new file after an error; the message for the player."""
    from game.ui.settings import saves_dir
    if session is None:
        return "There is no game in play to save."
    stamp = time.strftime("recovered-%Y%m%d-%H%M%S")
    path, n = saves_dir() / f"{stamp}.json", 1
    while path.exists():            # never over an earlier save
        n += 1
        path = path.with_name(f"{stamp}-{n}.json")
    try:
        session.save(path, "Saved after an error")
    except Exception as exc:           # SaveError, or the error itself left the game unsaveable
        return f"The game could not be saved: {exc}"
    return f"Your game was saved as {path.name} in {path.parent}; load it from the menu."


def crash_report(screen) -> str:
    """Save the game in play (if any) and the error's details; the message for the player."""
    import traceback
    from game.ui.settings import saves_dir
    lines = ["The game stopped on an error in its own code (not in your game)."]
    log = log_error()
    if log is not None:
        lines.append(f"The details are in {log}; please send them with a bug report.")
    else:
        lines.append(traceback.format_exc())
    session = getattr(screen, "session", None)
    if session is not None:
        from game.session.save import SaveError
        path = saves_dir() / "crash-save.json"
        try:
            session.save(path, "Crash save")
            lines.append(f"Your game was saved as {path} (load it from the menu).")
        except (SaveError, Exception) as exc:
            lines.append(f"The game could not be saved: {exc}")
    return "\n".join(lines)


# --- starting from the command line ---------------------------------------------------

def _scale(text: str | None):
    """play --scale: None (the setting), "auto" or a percent; ValueError if malformed."""
    if text is None:
        return None
    value = scale.checked(text)
    if value == scale.AUTO and text.strip().lower() != scale.AUTO:
        raise ValueError(f"--scale {text[:40]!r}: write a percent from {scale.LOWEST} to "
                         f"{scale.HIGHEST} (e.g. 150) or auto")
    return value


def _size(text: str | None, settings: Settings) -> tuple[int, int]:
    if not text:
        return settings.window if settings.window else DEFAULT_SIZE
    w, x, h = text.lower().partition("x")
    if (not x or not w.isascii() or not h.isascii() or not w.isdigit() or not h.isdigit()
            or len(w) > 5 or len(h) > 5):
        raise ValueError(f"--size {text[:40]!r}: write WIDTHxHEIGHT, e.g. 1280x800")
    size = int(w), int(h)
    if not (MIN_WINDOW[0] <= size[0] <= MAX_WINDOW[0] and MIN_WINDOW[1] <= size[1] <= MAX_WINDOW[1]):
        raise ValueError(f"--size {text}: the window may be {MIN_WINDOW[0]}x{MIN_WINDOW[1]} to "
                         f"{MAX_WINDOW[0]}x{MAX_WINDOW[1]}")
    return size


def prepare_start(args):
    """What the command line asks to start: ("menu",), ("new", scn, seed, sides) or
    ("load", loaded).  Raises ValueError / LookupError with a message for the player."""
    from game.scenario.load import find_scenario, load_scenario
    from game.scenario.yamlsrc import InputError
    from game.session.save import SaveError, load_game
    from game.session import seats
    if getattr(args, "load", None):
        from game.session.game import Session
        try:
            loaded = load_game(args.load)
            Session.from_loaded(loaded, args.load)      # its news and passwords too
            return ("load", loaded)
        except SaveError as exc:
            raise LookupError(str(exc)) from None
        except Exception as exc:    # a save that passed the checks and still fails: named
            raise LookupError(f"{args.load}: the save cannot be loaded "
                              f"({type(exc).__name__}: {str(exc)[:200]})") from None
    if getattr(args, "scenario", None):
        try:
            path = find_scenario(args.scenario)
        except (OSError, ValueError) as exc:
            raise LookupError(f"--scenario {args.scenario[:60]!r}...: "
                              f"{getattr(exc, 'strerror', None) or exc}") from None
        if path is None:
            raise LookupError(f"no scenario {args.scenario!r} (give an id from "
                              f"`{program_name()} scenarios` or a path to a YAML file)")
        try:
            scn = load_scenario(path)
        except InputError as exc:
            lines = [str(p) for p in exc.problems[:10]]
            raise LookupError("the scenario has problems:\n" + "\n".join(lines)) from None
        except Exception as exc:    # a bug in the checker: a message, never a traceback
            raise LookupError(f"{path}:1:1: the checker itself failed on this file; please "
                              f"report it as a bug ({type(exc).__name__})") from None
        sides = seats.parse_sides(list(getattr(args, "side", None) or []), scn)
        seed = args.seed if getattr(args, "seed", None) is not None else random.randrange(1 << 31)
        return ("new", scn, seed, sides)
    if getattr(args, "side", None):
        raise ValueError("--side needs --scenario")
    return ("menu",)


def first_screen(app: App, start):
    from game.ui.screens.main_menu import MainMenu
    if start[0] == "new":
        from game.ui.screens.game_screen import GameScreen
        _, scn, seed, sides = start
        return GameScreen.new(app, scn, seed, sides)
    if start[0] == "load":
        from game.ui.screens.game_screen import GameScreen
        return GameScreen.loaded(app, start[1])
    return MainMenu(app)


def main_pbem(data, me: str, game: str, size_text: str | None = None) -> int:
    """`run.py pbem play GAME`: the window opens on my turn of a game by e-mail."""
    from game.pbem.errors import PbemError
    from game.ui.screens.pbem import start_turn
    settings = load_settings()
    try:
        size = _size(size_text, settings)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    try:
        app = App(size, settings.fullscreen, settings)
    except pygame.error as exc:
        print(f"The game window cannot open ({exc}).  Is there a display?  `pbem play GAME "
              "--computer LEVEL` lets the computer play the turn without one.", file=sys.stderr)
        return EXIT_PROBLEMS
    app.pbem_data = data.parent if data.name == "pbem" else data
    try:
        app.switch(start_turn(app, data, me, game))
    except PbemError as exc:
        print(f"pbem: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    return app.run()


def main(args) -> int:
    settings = load_settings()
    try:
        size = _size(getattr(args, "size", None), settings)
        scale_arg = _scale(getattr(args, "scale", None))
        start = prepare_start(args)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except LookupError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        app = App(size, bool(getattr(args, "fullscreen", False)) or settings.fullscreen, settings,
                  scale_arg=scale_arg, language=getattr(args, "lang", None))
    except pygame.error as exc:
        print(f"The game window cannot open ({exc}).  Is there a display?  On a machine "
              f"without one, use `{program_name()} simulate` to watch the computer play.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    app.author = bool(getattr(args, "author", False))
    app.switch(first_screen(app, start))
    return app.run()
