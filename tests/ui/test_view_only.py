"""The map, the panels, the tooltip and every window a player reads are drawn from the
side's View (its `world`: the game as the side knows it), never from the full state
(issue 19).  The state's armies, cities and commanders are swapped for tripwires that
fail the test when they are read while the screen draws or writes its texts."""
from __future__ import annotations

import inspect

import pygame
import pytest

from game.rules import engine
from tests.helpers import cell
from tests.ui.conftest import click, hex_pos, move_mouse, steps
from tests.ui.test_hotseat import BOTH, pass_gate, settle


class Tripwire(dict):
    """A dict of the true state that may not be read while `armed`."""
    armed = False

    def _check(self):
        if Tripwire.armed:
            raise AssertionError("the interface read the full state")


for _name in ("__getitem__", "get", "values", "items", "keys", "__iter__", "__contains__",
              "__len__", "copy"):
    def _wrap(name):
        real = getattr(dict, name)

        def method(self, *args, **kw):
            self._check()
            return real(self, *args, **kw)
        return method
    setattr(Tripwire, _name, _wrap(_name))


@pytest.fixture
def wired(make_app, fog_scn):
    from game.ui.screens.game_screen import GameScreen
    app = make_app(confirm_end_turn=False)
    gs = GameScreen.new(app, fog_scn, 7, dict(BOTH), {})
    st = gs.session.state
    st.armies["per_raid"].hex = cell(6, 3)           # an enemy in sight, next to Ancyra
    app.switch(gs)
    steps(app, 3)
    pass_gate(app, gs, "byzantium")
    settle(app, gs)
    yield app, gs
    Tripwire.armed = False


def arm(st):
    for name in ("armies", "cities", "commanders"):
        setattr(st, name, Tripwire(getattr(st, name)))


def draw_everything(app, gs, at):
    """A full frame with the tooltip over hex `at`, the panel's texts written afresh, and
    the windows of aims, armies and charts opened, all with the tripwires armed."""
    surf = pygame.Surface(gs.size)
    gs.view()                       # the View itself is made from the truth: before arming
    Tripwire.armed = True
    try:
        gs._details_key = None
        gs._tip_key = None
        gs.hover_time = 10.0
        gs.mouse = hex_pos(gs, at)
        gs.overlay.hover = at
        gs._update_hud()
        gs.draw(surf)
        gs.draw_over(surf)
        gs.open_aims()
        gs.open_army_list()
        from game.ui import dialogs
        dialogs.charts_window(gs.manager, gs.size, gs.view())
    finally:
        Tripwire.armed = False
    assert gs._tip_lines, "no tooltip was written"


def test_the_screen_draws_and_writes_from_the_view_only(wired):
    app, gs = wired
    st = gs.session.state
    click(app, hex_pos(gs, cell(5, 3)))              # Priscus at Ancyra, selected
    assert gs.overlay.selected_army == "byz_field"
    move_mouse(app, hex_pos(gs, cell(6, 3)))        # over the enemy: the odds
    arm(st)
    draw_everything(app, gs, cell(6, 3))
    assert any("chance to win" in x for x in gs._tip_lines)
    gs.deselect()
    gs.overlay.selected_city = "ancyra"
    draw_everything(app, gs, cell(5, 3))


def test_the_tripwire_does_fire_on_the_full_state(wired):
    app, gs = wired
    from game.ui import describe
    arm(gs.session.state)
    Tripwire.armed = True
    with pytest.raises(AssertionError, match="full state"):
        describe.faction_tip(type("V", (), {"world": gs.session.state})(), "byzantium")


def test_the_known_world_holds_no_hidden_army_commander_or_pass(fog_scn):
    from game.session.view import observe
    st, _ = engine.new_game(fog_scn, seed=7)
    hidden = st.armies["per_main"]
    v = observe(st, "byzantium")
    assert "per_main" not in v.armies
    w = v.world
    assert w is not st and "per_main" not in w.armies
    assert hidden.commander not in w.commanders
    assert w.rng.state != st.rng.state and w.seed == 0
    if st.scenario.map.passes:
        pid = next(iter(st.scenario.map.passes))
        st.pass_override[pid] = "closed"
        w2 = observe(st, "byzantium").world
        p = st.scenario.map.passes[pid]
        assert (pid in w2.pass_override) == observe(st, "byzantium").sees(p.hex)
    assert observe(st, None).world.armies.keys() == st.armies.keys()


UI_FUNCTIONS = [
    ("game.ui.describe", ["army_html", "city_html", "faction_tip", "hover_lines",
                          "after_march"]),
    ("game.ui.actions", ["possible"]),
    ("game.ui.army_list", ["rows"]),
    ("game.ui.charts", ["charts_for"]),
    ("game.ui.objectives", ["aims_html", "aims_dialog"]),
    ("game.ui.dialogs", ["charts_window"]),
]


@pytest.mark.parametrize("module,names", UI_FUNCTIONS)
def test_the_interface_functions_take_a_view_and_no_state(module, names):
    import importlib
    mod = importlib.import_module(module)
    for name in names:
        params = inspect.signature(getattr(mod, name)).parameters
        assert "state" not in params and "view" in params, f"{module}.{name}{params}"
    from game.ui.map_view import MapView
    assert list(inspect.signature(MapView.draw).parameters) == ["self", "surf", "view", "ov"]
