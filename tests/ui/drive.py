"""A player who only ends turns, driven by real pygame events; also run as a program.

`play(app, gs, turns)` answers every dialog (the first button, the first
option of a choice) and presses Enter to end each of its turns, until the
war is over or `turns` more of its turns have begun.  As a program, in a NEW
process (the tests start it with subprocess):

    python -m tests.ui.drive SAVE OUT.json [TURNS NEXT_SAVE]

loads SAVE under the dummy video driver, plays on (TURNS of its turns, then
quick-saves with F5 and copies the quick-save to NEXT_SAVE; or to the end of
the war) and writes the end
screen's record and each side's log to OUT.json.
"""
from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402


def step(app, n=1):
    for _ in range(n):
        app.step(1 / 30)


def press(app, k):
    for t in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(t, key=k, mod=0, unicode="", scancode=0))
    step(app, 2)


def click_element(app, el):
    pos = el.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    step(app, 3)


def play(app, gs, turns: int | None = None, limit: int = 20000):
    """End turns until the war is over (returns the victory screen) or `turns` more human
    turns have begun (returns the play screen, ready for orders)."""
    from game.ui.screens.victory import VictoryScreen
    begun = 0
    last = None
    for _ in range(limit):
        screen = app.screen
        if isinstance(screen, VictoryScreen):
            return screen
        open_ = [d for d in gs.dialogs if d.alive()]
        if open_:
            buttons = list(getattr(open_[-1], "value_of", {}))
            if buttons:
                click_element(app, buttons[0])
            else:
                press(app, pygame.K_ESCAPE)
            continue
        me = gs.human_to_play()
        if me is not None and not gs.queue and gs.playback is None and gs.march is None:
            key = (gs.state.turn, me)
            if key != last:
                last = key
                if turns is not None and begun == turns:
                    return gs
                begun += 1
            press(app, pygame.K_RETURN)
            continue
        step(app)
    raise AssertionError("the game did not get there")


def record(gs_or_victory) -> dict:
    """The end screen's record and each side's log, as JSON-able data."""
    session = gs_or_victory.session
    out = {"record": list(getattr(gs_or_victory, "log_lines", []))}
    out["logs"] = {str(k): list(v) for k, v in session.logs.items()}
    out["hash"] = session.hash()
    return out


def main(argv: list[str]) -> int:
    from pathlib import Path

    from game.session.save import load_game
    from game.ui.app import App
    from game.ui.screens.game_screen import GameScreen
    from game.ui.settings import Settings
    save, out = Path(argv[0]), Path(argv[1])
    app = App((1280, 800), settings=Settings(edge_scroll=False, animation_speed=10,
                                             confirm_end_turn=False), threaded=False)
    gs = GameScreen.loaded(app, load_game(save))
    app.switch(gs)
    step(app, 3)
    if len(argv) > 2:
        import shutil

        from game.ui.settings import saves_dir
        play(app, gs, int(argv[2]))
        press(app, pygame.K_F5)              # the quick-save, as a player makes it
        shutil.copyfile(saves_dir() / "quicksave.json", argv[3])
        result = record(gs)
    else:
        result = record(play(app, gs))
    out.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
