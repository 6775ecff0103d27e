"""The interface at 100 % in a 1280x720 window and at 200 % in a 3840x2160 one: every
screen, panel and dialog is drawn, and nothing leaves the window, nothing covers
anything beside it, no label's text is cut off (tests/ui/layout.py).  Each screen is
saved as a PNG in the test's temporary folder (printed with -s)."""
from __future__ import annotations

import json

import pytest

from game.ui import notes, scale
from tests.ui.conftest import click_element, dismiss, key, pygame, run_until, steps
from tests.ui.layout import drawn_overlaps, problems

SIZES = [pytest.param((1280, 720), 100, id="1280x720-100"),
         pytest.param((3840, 2160), 200, id="3840x2160-200", marks=pytest.mark.slow)]


@pytest.fixture
def shots(tmp_path):
    folder = tmp_path / "screens"
    folder.mkdir()
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(autouse=True)
def record_boxes():
    notes.drawn = []
    yield
    notes.drawn = None
    scale.set_percent(100)            # as every other test expects
    from game.ui import map_marks
    map_marks.reset()


def look(app, shots, name: str, frames: int = 2) -> None:
    """Draw a few frames, save the screen, and check its layout."""
    steps(app, frames - 1)
    notes.drawn = []                        # the boxes of the last frame only
    steps(app)
    pygame.image.save(app.window, str(shots / f"{name}.png"))
    found = problems(app) + drawn_overlaps(notes.drawn)
    assert not found, f"{name}:\n" + "\n".join(found)


def close_windows(app, gs=None) -> None:
    for d in list(getattr(gs, "dialogs", [])):
        d.kill()
    app.close_help()
    steps(app)


@pytest.mark.parametrize("size,percent", SIZES)
def test_menus_settings_and_help_fit(make_app, shots, size, percent):
    from game.ui.screens.main_menu import MainMenu
    from game.ui.screens.new_game import NewGame
    app = make_app(size=size, ui_scale=percent)
    assert scale.percent() == percent
    app.switch(MainMenu(app))
    look(app, shots, "main-menu")
    key(app, pygame.K_F1)
    look(app, shots, "help")
    key(app, pygame.K_F1)
    click_element(app, app.screen.buttons["settings"])
    look(app, shots, "settings")
    click_element(app, app.screen.window.keys)
    look(app, shots, "keys")
    app.screen.window.keys_window.kill()
    app.screen.window.kill()
    click_element(app, app.screen.buttons["load"])
    look(app, shots, "load")
    app.screen.window.kill()
    app.scenario_dir = None                 # the shipped scenarios: the full war has six sides
    app.switch(NewGame(app))
    full = next(i for i, c in enumerate(app.screen.choices)
                if c.scn is not None and c.scn.id == "full_war")
    app.screen.pick(full)
    look(app, shots, "new-game")


@pytest.mark.parametrize("size,percent", SIZES)
def test_the_play_screen_its_panels_and_dialogs_fit(game, shots, size, percent):
    from game.rules.report import Event
    from game.ui import dialogs
    from game.ui.screens.modes import playback
    app, gs = game(size=size, ui_scale=percent, dismiss_briefing=False)
    assert scale.percent() == percent
    look(app, shots, "briefing")
    dismiss(app, gs)
    army = next(a for a in gs.view().armies.values() if a.faction == "byzantium")
    gs.select_army(army.id)
    gs.say("The army marches as ordered, and this message runs on for a while")
    gs.mouse = gs.map.camera.viewport.center
    gs.overlay.hover = army.hex
    gs.hover_time = 5.0
    look(app, shots, "play")
    for k, name in ((pygame.K_l, "armies"), (pygame.K_o, "aims"), (pygame.K_h, "concepts")):
        key(app, k)
        assert gs.modal(), name
        look(app, shots, name)
        close_windows(app, gs)
    gs.open_menu()
    look(app, shots, "game-menu")
    close_windows(app, gs)
    gs.open_dialog(dialogs.charts_window(gs.manager, gs.size, gs.view()))
    look(app, shots, "charts")
    close_windows(app, gs)
    gs.open_dialog(dialogs.summary_dialog(
        gs.manager, gs.size, "While you were away",
        [("Battles", "The Persians beat an army of ours at Dara, with heavy losses"),
         ("Cities", "Edessa fell to the Persians after a long siege")] * 4))
    look(app, shots, "summary")
    close_windows(app, gs)
    gs.open_dialog(dialogs.event_dialog(
        gs.manager, gs.size, "The envoys of the Avars", "Spring 603",
        "The khagan asks for gold to keep the peace on the Danube. " * 4,
        [{"id": "pay", "label": "Pay the tribute", "hint": "Gold for quiet"},
         {"id": "refuse", "label": "Refuse", "hint": "War in the Balkans"}],
        lambda v: None, True))
    look(app, shots, "event")
    close_windows(app, gs)
    playback.start(gs, [Event("battle", "A battle was fought near the frontier, both sides "
                                        "losing many men", army.hex,
                              ("byzantium", "sassanids"))])
    assert gs.playback is not None
    look(app, shots, "news", frames=4)
    assert any(what == "news" for what, _ in notes.drawn)
    gs.playback.skip()
    steps(app, 3)
    app.toggle_help()
    look(app, shots, "play-help")


@pytest.mark.parametrize("size,percent", SIZES)
def test_the_victory_screen_fits(game, shots, size, percent):
    from game.ai import placeholder
    from game.rules import engine
    from game.ui.screens.victory import VictoryScreen

    def near_the_end(st):
        while not (st.turn == 12 and st.active_faction == "byzantium") and not st.over:
            engine.apply(st, placeholder.next_order(st))
    app, gs = game(size=size, ui_scale=percent, prepare=near_the_end, dismiss_briefing=False,
                   confirm_end_turn=False)
    dismiss(app, gs)
    key(app, pygame.K_RETURN)
    assert run_until(app, lambda: isinstance(app.screen, VictoryScreen), 400)
    look(app, shots, "victory")
    screen = app.window.get_rect()
    for img, pos in app.screen.images:
        assert screen.contains(img.get_rect(topleft=pos))


def test_the_scale_setting_is_checked_and_auto_follows_the_desktop():
    assert [scale.checked(v) for v in (100, 150, 160, 200, 250, 99, "175", "auto", "x",
                                       True, None, 1.5)] == \
        [100, 150, 150, 200, "auto", "auto", 175, "auto", "auto", "auto", "auto", "auto"]
    assert scale.auto_percent((1280, 720)) == 100
    assert scale.auto_percent((1920, 1080)) == 100
    assert scale.auto_percent((2560, 1440)) == 125
    assert scale.auto_percent((3840, 2160)) == 200
    assert scale.auto_percent(None) == 100
    # the window caps it: 200 % needs 1920x1280 at least
    assert scale.effective(200, (1280, 720), None) == 100
    assert scale.effective(200, (3840, 2160), None) == 200
    assert scale.effective("auto", (3840, 2160), (3840, 2160)) == 200


def test_the_theme_scales_every_font_and_size():
    from game.ui.app import load_theme
    plain, big = load_theme(), load_theme(percent=200)
    assert big["@title"]["font"]["size"] == str(2 * int(plain["@title"]["font"]["size"]))
    assert big["window"]["misc"]["title_bar_height"] == "60"
    assert big["text_box"]["misc"]["padding"] == "12,8"
    for kind in scale.WIDGET_KINDS:
        assert int(big[kind]["font"]["size"]) >= 26, kind


def test_the_scale_is_saved_changed_in_the_settings_and_applied(make_app, user_folders):
    from game.ui.screens.main_menu import MainMenu
    from game.ui.settings import load_settings
    path = user_folders / "config" / "last-great-war" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"ui_scale": "huge"}))
    assert load_settings().ui_scale == "auto"
    path.write_text(json.dumps({"ui_scale": 150}))
    assert load_settings().ui_scale == 150
    app = make_app(size=(2880, 1620), ui_scale=100)
    app.switch(MainMenu(app))
    steps(app, 2)
    small = app.screen.buttons["new"].rect.size
    click_element(app, app.screen.buttons["settings"])
    win = app.screen.window
    while win.scale_choice != 150:
        click_element(app, win.scale)
    assert scale.percent() == 100                  # not until the window closes
    click_element(app, win.ok)
    steps(app, 2)
    assert scale.percent() == 150
    big = app.screen.buttons["new"].rect.size
    assert big == (small[0] * 3 // 2, small[1] * 3 // 2)
    assert json.loads(path.read_text())["ui_scale"] == 150


def test_play_scale_option(make_app, capsys):
    from game.ui.app import _scale
    assert _scale(None) is None and _scale("150") == 150 and _scale("auto") == "auto"
    with pytest.raises(ValueError, match="--scale"):
        _scale("250")
    app = make_app(size=(3840, 2160))
    app.scale_arg = 200
    assert app.wanted_scale() == 200
    app.settings.ui_scale = 125                    # the player chose in the settings since
    assert app.wanted_scale() == 125


def test_the_closest_zoom_and_the_counters_grow_with_the_scale():
    from game.ui import map_marks
    from game.ui.camera import LEVELS, Camera
    cam = Camera(20, 20, pygame.Rect(0, 0, 4000, 3000))
    got = {}
    for percent in (100, 150, 200):
        scale.set_percent(percent)
        map_marks.reset()
        cam.zoom(99)
        got[percent] = (LEVELS[cam.level], map_marks.counter_size(LEVELS[cam.level]))
    assert [got[p][0] for p in (100, 150, 200)] == [48, 64, 96]
    assert got[200][1][1] == 2 * got[100][1][1]        # the counter is twice as tall


def test_scroll_bars_and_their_arrows_grow_with_the_scale(make_app):
    """pygame_gui draws a text box's scroll bar and its arrow buttons 20 px wide in its
    code; at 200 % they are 40 px like everything around them, at 100 % still 20."""
    from pygame_gui.elements import UITextBox
    got = {}
    for percent in (100, 200):
        app = make_app(size=(1920 * percent // 100, 1280 * percent // 100))
        app.make_manager(percent)
        box = UITextBox("line<br>" * 200, pygame.Rect(0, 0, scale.px(300), scale.px(200)),
                        app.manager)
        bar = box.scroll_bar
        assert bar is not None, "the text is long enough to scroll"
        got[percent] = (bar.rect.w, bar.top_button.rect.h, bar.bottom_button.rect.h)
        box.kill()
    assert got[100] == (20, 20, 20)
    assert got[200] == (40, 40, 40)
