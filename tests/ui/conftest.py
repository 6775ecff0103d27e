"""UI tests: a real App under SDL's dummy video driver, driven by posted pygame events.

Config and data folders point at temporary folders, so no test touches the
player's settings or saves.
"""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

pygame = pytest.importorskip("pygame")
pytest.importorskip("pygame_gui")

from tests.conftest import TEST_SCENARIO  # noqa: E402


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("APPDATA", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def ui_scenarios(tmp_path_factory):
    """A scenarios folder holding only the test scenario (tests/data has other files)."""
    folder = tmp_path_factory.mktemp("scenarios")
    (folder / TEST_SCENARIO.name).write_text(TEST_SCENARIO.read_text())
    return folder


@pytest.fixture
def make_app(ui_scenarios):
    from game.ui.app import App
    from game.ui.settings import Settings
    apps = []

    def make(threaded=False, size=(1280, 800), scenario_dir=ui_scenarios, **settings):
        s = Settings(edge_scroll=False, animation_speed=10)
        for k, v in settings.items():
            setattr(s, k, v)
        app = App(size, settings=s, threaded=threaded, scenario_dir=scenario_dir)
        apps.append(app)
        return app
    yield make
    for app in apps:
        if app.screen is not None:
            app.screen.leave()


@pytest.fixture
def game(make_app):
    """A game of the test scenario started directly: Byzantium human, the rest computer."""
    from game.scenario.load import load_scenario
    from game.ui.screens.game_screen import GameScreen

    def start(sides=None, seed=7, prepare=None, dismiss_briefing=True, **kw):
        app = make_app(**kw)
        scn = load_scenario(TEST_SCENARIO)
        sides = sides or {"byzantium": "human", "sassanids": "computer:normal",
                          "avars": "computer:normal"}
        gs = GameScreen.new(app, scn, seed, sides)
        if prepare is not None:
            prepare(gs.session.state)
        app.switch(gs)
        steps(app, 3)
        if dismiss_briefing:
            assert gs.dialogs, "a new game opens with the side's briefing"
            dismiss(app, gs)
        return app, gs
    return start


def dismiss(app, gs, limit=10):
    """Close the dialogs that need no decision (briefing, summary, news)."""
    for _ in range(limit):
        steps(app, 2)
        open_ = [d for d in gs.dialogs if d.alive()]
        if not open_ or getattr(open_[0], "must_answer", False):
            return
        click_element(app, next(iter(open_[0].value_of)))


# --- driving the app with real events ----------------------------------------------

def steps(app, n=1, dt=1 / 30):
    for _ in range(n):
        app.step(dt)


def move_mouse(app, pos):
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    steps(app)


def click(app, pos, button=1):
    pos = (int(pos[0]), int(pos[1]))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
    steps(app, 3)     # the press, pygame_gui's event for it, and what that leads to


def click_element(app, element):
    assert element.alive() and element.is_enabled, f"{element} cannot be clicked"
    click(app, element.rect.center)


def key(app, k, mod=0, unicode=""):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode,
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode,
                                         scancode=0))
    steps(app, 2)


def run_until(app, cond, limit=600):
    for _ in range(limit):
        if cond():
            return True
        steps(app)
    return cond()


def hex_pos(gs, h):
    x, y = gs.map.screen_of(h)
    return int(x), int(y)


def battle_by_ancyra(game, **kwargs):
    """Start a game (game fixture, its keywords) with a 2,000-man Persian raid next to
    Ancyra and the 30,000 men of byz_field beside it, and attack the raid by two clicks;
    gives (app, gs) with the casualty report up."""
    from tests.helpers import cell

    def prepare(st):
        st.armies["per_raid"].hex = cell(6, 3)         # next to Ancyra
        st.armies["per_raid"].men = 2000
        st.armies["byz_field"].men = 30000
    app, gs = game(prepare=prepare, **kwargs)
    click(app, hex_pos(gs, cell(5, 3)))
    click(app, hex_pos(gs, cell(6, 3)))                # attack
    steps(app, 3)
    return app, gs
